package dev.periscope.sim;
class DebugTest {
    public static void main(String[] a) throws Exception {
        MarketSimulator s = new MarketSimulator(SimConfig.defaults());
        long t0 = System.nanoTime(); long n = 0;
        while (s.next() != null) n++;
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%,d events in %.2fs = %,.0f/s%n", n, sec, n / sec);
        var g = s.groundTruth();
        long[] c = new long[GroundTruth.Agent.values().length];
        for (long i = 1; i <= g.tradeCount(); i++) c[g.agent(i).ordinal()]++;
        for (var ag : GroundTruth.Agent.values()) System.out.println(ag + " " + c[ag.ordinal()]);
        System.out.println(g.metaOrders());
        MarketSimulatorTest.runDefaultSession();
    }
}
