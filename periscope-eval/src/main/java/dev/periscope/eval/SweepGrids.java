package dev.periscope.eval;

import dev.periscope.analytics.detect.AbsorptionDetector;
import dev.periscope.analytics.detect.BlockDetector;
import dev.periscope.analytics.detect.Detector;
import dev.periscope.analytics.detect.IcebergL3Detector;
import dev.periscope.analytics.detect.IcebergTradeQuoteDetector;
import dev.periscope.analytics.detect.MetaOrderDetector;
import dev.periscope.analytics.detect.NaiveCancelRatioDetector;
import dev.periscope.analytics.detect.NaivePlaybookIcebergDetector;
import dev.periscope.analytics.detect.SpoofingDetector;
import dev.periscope.analytics.detect.SweepDetector;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code --sweep} grids of {@link DetectorCatalog}'s entries: each detector's main parameter (or a compound
 * one) and 3-9 values around its default (docs/detect-eval.md, calibration sections).
 */
final class SweepGrids {
    private SweepGrids() {}

    static List<DetectorCatalog.Grid> block() {
        long nonReg = BlockDetector.Params.US_EQUITY.excludedConditions();
        return List.of(grid("block", "minSize(sh)", new String[]{"2000", "5000", "10000", "20000", "50000"},
                v -> inst -> new BlockDetector(new BlockDetector.Params(Px.ofUnits(Long.parseLong(v)), 0, 0, 20, 5, nonReg))));
    }

    static List<DetectorCatalog.Grid> sweep() {
        return List.of(grid("sweep", "window(ms)", new String[]{"10", "25", "50", "100", "250"},
                        v -> inst -> new SweepDetector(SweepDetector.Params.DEFAULT.withWindow(Long.parseLong(v) * 1_000_000L))),
                grid("sweep", "minTotalSize(sh)/minVenues/minLevels/isoMinLevels/isoOnly", new String[]{"0/2/3/2/n",
                                "2000/3/3/3/n", "4000/3/3/3/n", "5000/3/3/3/n", "5000/3/3/3/y", "5000/5/5/5/n", "6000/3/3/3/n",
                                "8000/3/3/3/n", "10000/3/3/3/n"},
                        v -> inst -> {
                            String[] a = v.split("/");
                            return new SweepDetector(SweepDetector.Params.DEFAULT.withMinTotalSize(Px.ofUnits(Long.parseLong(a[0])))
                                    .withMinVenues(Integer.parseInt(a[1])).withMinLevels(Integer.parseInt(a[2]))
                                    .withIsoMinLevels(Integer.parseInt(a[3])).withIsoOnly(a[4].equals("y")));
                        }));
    }

    static List<DetectorCatalog.Grid> absorption() {
        long ex = AbsorptionDetector.Params.DEFAULT.excludedConditions();
        return List.of(grid("absorption", "relFactor", new String[]{"0.5", "1.0", "2.0", "3.0", "5.0"},
                        v -> inst -> new AbsorptionDetector(new AbsorptionDetector.Params(60_000_000_000L, inst.tickSize(), 1,
                                Px.ofUnits(5_000), Double.parseDouble(v), 10, 2, ex))),
                grid("absorption", "window(s)/relFactor/minAbsDelta(sh)", new String[]{"60/1.0/5000", "60/0.5/5000",
                                "30/1.0/5000", "30/0.5/5000", "20/1.0/5000", "20/0.5/3000", "10/1.0/3000", "10/0.5/2000", "30/0.75/5000"},
                        v -> inst -> {
                            String[] a = v.split("/");
                            return new AbsorptionDetector(new AbsorptionDetector.Params(Long.parseLong(a[0]) * 1_000_000_000L,
                                    inst.tickSize(), 1, Px.ofUnits(Long.parseLong(a[2])), Double.parseDouble(a[1]), 10, 2, ex));
                        }));
    }

    static List<DetectorCatalog.Grid> icebergL3() {
        IcebergL3Detector.Params l3 = IcebergL3Detector.Params.DEFAULT;
        return List.of(grid("iceberg-l3", "minRefills", new String[]{"1", "2", "3", "5", "8"},
                v -> inst -> new IcebergL3Detector(new IcebergL3Detector.Params(l3.refillDelayNanos(), l3.sizeTolerance(),
                        Integer.parseInt(v), l3.hiddenFactor(), l3.minHiddenQty(), l3.maxGapNanos()))));
    }

    static List<DetectorCatalog.Grid> icebergTaq() {
        IcebergTradeQuoteDetector.Params tq = IcebergTradeQuoteDetector.Params.DEFAULT;
        return List.of(grid("iceberg-taq", "factor", new String[]{"1.5", "2.0", "3.0", "5.0", "8.0"},
                v -> inst -> new IcebergTradeQuoteDetector(new IcebergTradeQuoteDetector.Params(tq.nbbo(), Double.parseDouble(v),
                        tq.minRefreshes(), tq.minPrints(), tq.maxGapNanos(), tq.excludedConditions()))));
    }

    static List<DetectorCatalog.Grid> spoofing() {
        SpoofingDetector.Params sp = SpoofingDetector.Params.DEFAULT;
        return List.of(grid("spoofing", "sizeMultiple", new String[]{"2.0", "3.0", "5.0", "8.0", "12.0"},
                v -> inst -> new SpoofingDetector(new SpoofingDetector.Params(sp.tickSize(), sp.minDistanceTicks(),
                        Double.parseDouble(v), sp.minAbsSize(), sp.depthLevels(), sp.minMedianLevels(), sp.maxLifetimeNanos(),
                        sp.cancelAfterTradeNanos(), sp.maxFillRatio(), sp.minLayers(), sp.maxLayerGapTicks(),
                        sp.layerWindowNanos()))));
    }

    static List<DetectorCatalog.Grid> metaOrder() {
        MetaOrderDetector.Params mo = MetaOrderDetector.Params.DEFAULT;
        return List.of(grid("meta-order", "zEnter", new String[]{"2.0", "2.5", "3.0", "4.0", "5.0"},
                        v -> inst -> new MetaOrderDetector(new MetaOrderDetector.Params(mo.windowNanos(), mo.bucketNanos(),
                                Double.parseDouble(v), Math.min(mo.zExit(), Double.parseDouble(v)), mo.minBaselineSamples(),
                                mo.minPrints(), mo.minDominantShare(), mo.maxPrintSize(), mo.excludedConditions()))),
                grid("meta-order", "window(min)/minBaselineSamples/minDominantShare", new String[]{"30/20/0.55", "30/5/0.55",
                                "30/20/0.5", "10/20/0.55", "10/5/0.5", "60/5/0.5", "5/10/0.5"},
                        v -> inst -> {
                            String[] a = v.split("/");
                            return new MetaOrderDetector(new MetaOrderDetector.Params(Long.parseLong(a[0]) * 60_000_000_000L,
                                    mo.bucketNanos(), mo.zEnter(), mo.zExit(), Integer.parseInt(a[1]), mo.minPrints(),
                                    Double.parseDouble(a[2]), mo.maxPrintSize(), mo.excludedConditions()));
                        }));
    }

    static List<DetectorCatalog.Grid> naiveIceberg() {
        NaivePlaybookIcebergDetector.Params nb = NaivePlaybookIcebergDetector.Params.DEFAULT;
        return List.of(grid("naive-playbook-iceberg", "minTrades", new String[]{"5", "10", "20"},
                v -> inst -> new NaivePlaybookIcebergDetector(new NaivePlaybookIcebergDetector.Params(nb.windowNanos(),
                        Integer.parseInt(v), nb.maxCv(), nb.maxMeanSize(), nb.excludedConditions()))));
    }

    static List<DetectorCatalog.Grid> playbookSweep() {
        return List.of(grid(PlaybookSweepBaseline.NAME, "minSize(sh)", new String[]{"5000", "10000", "20000"},
                v -> inst -> new PlaybookSweepBaseline(1_000_000_000L, 3, Px.ofUnits(Long.parseLong(v)))));
    }

    static List<DetectorCatalog.Grid> cancelRatio() {
        return List.of(grid("naive-cancel-ratio", "minCancelRatio", new String[]{"0.5", "0.9", "1.0"},
                v -> inst -> new NaiveCancelRatioDetector(new NaiveCancelRatioDetector.Params(Double.parseDouble(v), 0))));
    }

    private static DetectorCatalog.Grid grid(String det, String param, String[] values,
                                             Function<String, Function<Instrument, Detector>> f) {
        List<DetectorSlots.Spec> l = new ArrayList<>();
        for (String v : values) l.add(new DetectorSlots.Spec(det, v, f.apply(v)));
        return new DetectorCatalog.Grid(det, param, List.copyOf(l));
    }
}
