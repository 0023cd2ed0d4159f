package dev.periscope.sim;

/**
 * The simulation's duty cycle: one step advances time to the next event — a Poisson arrival of the competing
 * random processes (noise limit, market and cancel orders, off-exchange prints, jumps, technical traders; the time
 * to it is exponential with their total rate, at most 1 s), a scheduled event, or a planted agent's wake-up —
 * diffuses the latent price over the gap, runs the event, then lets the market makers requote and the arbitrageur
 * act, emitting quotes after each phase.
 */
final class EventLoop {
    private final Market market;
    private boolean started, finished;

    EventLoop(Market market) { this.market = market; }

    /** True once the session's end has been reached. */
    boolean finished() { return finished; }

    void step() {
        Market m = market;
        SessionClock clock = m.clock;
        SimConfig cfg = m.cfg;
        m.steps++;
        if (!started) {
            started = true;
            clock.now = clock.start;
            m.makers.requoteAll();
            m.quotes.emit();
            return;
        }
        long now = clock.now;
        double act = clock.profile.activity(now) * cfg.intensity();
        boolean regular = clock.profile.isRegular(now);
        double rL = cfg.limitRate() * act, rM = cfg.marketRate() * act, rC = cfg.cancelRate() * m.noise.liveOrders();
        double rD = cfg.offExchangeRate() * act;
        double rJ = regular ? cfg.jumpsPerDay() / ((clock.close - clock.open) / (double) SessionClock.NANOS) * clock.profile.activity(now) : 0;
        double rMo = 0, rMr = 0;
        if (m.technical.enabled() && m.technical.updateSignals() && regular) {
            rMo = m.technical.momentumRate(act);
            rMr = m.technical.meanReversionRate(act);
        }
        double rate = rL + rM + rC + rD + rJ + rMo + rMr;
        double dtSec = rate > 0 ? -StrictMath.log(1 - m.rng.nextDouble()) / rate : Double.POSITIVE_INFINITY;
        long nextSched = m.schedule.nextTime();
        long tNext = dtSec >= 1.0 ? now + SessionClock.NANOS : now + (long) (dtSec * SessionClock.NANOS);
        Planter[] planters = m.schedule.planters();
        long nextWake = Long.MAX_VALUE;
        int wake = -1;
        for (int j = 0; j < planters.length; j++) if (planters[j].wake < nextWake) { nextWake = planters[j].wake; wake = j; }
        int what; // 0 = rate event, 1 = scheduled, 2 = nothing (time passes), 3 = a planted agent acts
        if (nextSched <= tNext && nextSched <= nextWake) { tNext = Math.max(now, nextSched); what = 1; }
        else if (nextWake <= tNext) { tNext = Math.max(now, nextWake); what = 3; }
        else what = dtSec >= 1.0 ? 2 : 0;
        if (tNext >= clock.end) { clock.now = clock.end; finished = true; return; }
        m.latent.diffuse(now, tNext - now);
        clock.now = tNext;
        if (what == 1) m.schedule.runNext();
        else if (what == 3) { Planter p = planters[wake]; p.wake = Long.MAX_VALUE; p.onWake(); }
        else if (what == 0) {
            double u = m.rng.nextDouble() * rate;
            if (u < rL) m.noise.limitOrder();
            else if ((u -= rL) < rM) m.noise.marketOrder();
            else if ((u -= rM) < rC) m.noise.cancel();
            else if ((u -= rC) < rD) m.offExchange.print();
            else if ((u -= rD) < rJ || rMo + rMr == 0) m.latent.jump(m.latent.gaussian() * cfg.jumpSize());
            else if (u - rJ < rMo) m.technical.momentumOrder();
            else m.technical.meanReversionOrder();
        }
        m.quotes.emit();
        m.makers.requoteAll();
        if (m.router.arbitrage()) m.makers.requoteAll();
        m.quotes.emit();
    }
}
