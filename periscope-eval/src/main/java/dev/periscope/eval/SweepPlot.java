package dev.periscope.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Precision/recall plot of parameter sweeps as one self-contained SVG document (the standard precision-recall
 * space of Davis &amp; Goadrich 2006, "The relationship between precision-recall and ROC curves"): one panel per
 * {@link ParameterSweep}, recall on x (0 to 1), precision on y (0 to the smallest of 0.05, 0.1, 0.25, 0.5, 1 that
 * holds every point, so that detectors with low precision stay readable; the axis labels say which), one marker
 * per parameter value joined in the order the values were added, Wilson intervals as error bars (clipped to the
 * axes), filled markers for Pareto-efficient values, hollow otherwise. Values whose precision or recall is
 * undefined (no alerts, no labels) are left out and counted in the panel's footnote. Every marker carries
 * {@code data-value}, {@code data-precision} and {@code data-recall}; the plot area is the {@code rect} of class
 * {@code area} with {@code data-ymax}. Pure function of its input: no I/O, deterministic text.
 */
public final class SweepPlot {
    /** Panel size and plot-area margins, in SVG user units (px). */
    static final int PANEL_W = 370, PANEL_H = 300, LEFT = 68, RIGHT = 18, TOP = 44, BOTTOM = 48, COLS = 3;
    private static final double[] Y_MAX = {0.05, 0.1, 0.25, 0.5, 1.0};

    private SweepPlot() {}

    /** The SVG document for {@code sweeps}, panels left to right, top to bottom in list order. */
    public static String svg(List<ParameterSweep> sweeps) {
        int n = Math.max(1, sweeps.size()), cols = Math.min(COLS, n), rows = (n + COLS - 1) / COLS;
        int w = cols * PANEL_W, h = rows * PANEL_H + 30;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append("<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">Precision vs recall per parameter value")
                .append(" (pooled over seeds; bars: Wilson intervals; filled: Pareto-efficient)</text>\n");
        for (int i = 0; i < sweeps.size(); i++) panel(sb, sweeps.get(i), (i % COLS) * PANEL_W, 30 + (i / COLS) * PANEL_H);
        return sb.append("</svg>\n").toString();
    }

    private record P(String value, double precision, double recall, Stats.Interval pCi, Stats.Interval rCi, boolean pareto) {}

    private static void panel(StringBuilder sb, ParameterSweep s, int ox, int oy) {
        List<P> pts = new ArrayList<>();
        int undefined = 0;
        for (ParameterSweep.Point pt : s.points()) {
            OptionalDouble p = pt.pooled().precision(), r = pt.pooled().recall();
            if (p.isEmpty() || r.isEmpty()) { undefined++; continue; }
            pts.add(new P(pt.value(), p.getAsDouble(), r.getAsDouble(), pt.precisionCi().orElse(null),
                    pt.recallCi().orElse(null), pt.pareto()));
        }
        double ymax = 1.0;
        double top = 0;
        for (P p : pts) top = Math.max(top, p.precision());
        for (double y : Y_MAX) if (top <= y) { ymax = y; break; }
        double ax = ox + LEFT, ay = oy + TOP, aw = PANEL_W - LEFT - RIGHT, ah = PANEL_H - TOP - BOTTOM;
        sb.append("<g class=\"panel\" data-detector=\"").append(esc(s.detector())).append("\" data-parameter=\"")
                .append(esc(s.parameter())).append("\">\n");
        sb.append("<text x=\"").append(f(ox + 8)).append("\" y=\"").append(f(oy + 16)).append("\" font-weight=\"bold\">")
                .append(esc(s.detector())).append("</text>\n");
        sb.append("<text x=\"").append(f(ox + 8)).append("\" y=\"").append(f(oy + 30)).append("\" fill=\"#555\"")
                .append(s.parameter().length() > 52 ? " font-size=\"9\"" : "").append(">over ")
                .append(esc(s.parameter())).append("</text>\n");
        sb.append("<rect class=\"area\" x=\"").append(f(ax)).append("\" y=\"").append(f(ay)).append("\" width=\"").append(f(aw))
                .append("\" height=\"").append(f(ah)).append("\" data-ymax=\"").append(f(ymax))
                .append("\" fill=\"#fafafa\" stroke=\"#333\"/>\n");
        for (int k = 0; k <= 4; k++) {
            double fx = ax + aw * k / 4, fy = ay + ah - ah * k / 4;
            sb.append("<line x1=\"").append(f(fx)).append("\" y1=\"").append(f(ay)).append("\" x2=\"").append(f(fx))
                    .append("\" y2=\"").append(f(ay + ah)).append("\" stroke=\"#e0e0e0\"/>\n");
            sb.append("<line x1=\"").append(f(ax)).append("\" y1=\"").append(f(fy)).append("\" x2=\"").append(f(ax + aw))
                    .append("\" y2=\"").append(f(fy)).append("\" stroke=\"#e0e0e0\"/>\n");
            sb.append("<text class=\"xtick\" x=\"").append(f(fx)).append("\" y=\"").append(f(ay + ah + 14))
                    .append("\" text-anchor=\"middle\">").append(num(k / 4.0)).append("</text>\n");
            sb.append("<text class=\"ytick\" x=\"").append(f(ax - 5)).append("\" y=\"").append(f(fy + 4))
                    .append("\" text-anchor=\"end\">").append(num(ymax * k / 4)).append("</text>\n");
        }
        sb.append("<text x=\"").append(f(ax + aw / 2)).append("\" y=\"").append(f(ay + ah + 30))
                .append("\" text-anchor=\"middle\">recall</text>\n");
        sb.append("<text x=\"").append(f(ox + 14)).append("\" y=\"").append(f(ay + ah / 2)).append("\" text-anchor=\"middle\"")
                .append(" transform=\"rotate(-90 ").append(f(ox + 14)).append(' ').append(f(ay + ah / 2)).append(")\">precision")
                .append(ymax < 1 ? " (axis to " + num(ymax) + ")" : "").append("</text>\n");
        if (pts.isEmpty()) {
            sb.append("<text class=\"empty\" x=\"").append(f(ax + aw / 2)).append("\" y=\"").append(f(ay + ah / 2))
                    .append("\" text-anchor=\"middle\" fill=\"#999\">no alerts</text>\n");
        } else {
            StringBuilder line = new StringBuilder();
            for (P p : pts) line.append(line.isEmpty() ? "" : " ").append(f(x(p.recall(), ax, aw))).append(',').append(f(y(p.precision(), ymax, ay, ah)));
            sb.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.2\"/>\n");
            for (P p : pts) {
                double cx = x(p.recall(), ax, aw), cy = y(p.precision(), ymax, ay, ah);
                if (p.rCi() != null)
                    sb.append("<line class=\"ci-recall\" x1=\"").append(f(x(p.rCi().low(), ax, aw))).append("\" y1=\"").append(f(cy))
                            .append("\" x2=\"").append(f(x(p.rCi().high(), ax, aw))).append("\" y2=\"").append(f(cy))
                            .append("\" stroke=\"#1f77b4\" stroke-opacity=\"0.45\"/>\n");
                if (p.pCi() != null)
                    sb.append("<line class=\"ci-precision\" x1=\"").append(f(cx)).append("\" y1=\"").append(f(y(p.pCi().low(), ymax, ay, ah)))
                            .append("\" x2=\"").append(f(cx)).append("\" y2=\"").append(f(y(p.pCi().high(), ymax, ay, ah)))
                            .append("\" stroke=\"#1f77b4\" stroke-opacity=\"0.45\"/>\n");
                sb.append("<circle class=\"point\" cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy))
                        .append("\" r=\"4\" stroke=\"#1f77b4\" stroke-width=\"1.5\" fill=\"").append(p.pareto() ? "#1f77b4" : "white")
                        .append("\" data-value=\"").append(esc(p.value())).append("\" data-precision=\"").append(d6(p.precision()))
                        .append("\" data-recall=\"").append(d6(p.recall())).append("\" data-pareto=\"").append(p.pareto())
                        .append("\"><title>").append(esc(s.parameter() + " = " + p.value() + ": precision " + d6(p.precision())
                                + ", recall " + d6(p.recall()))).append("</title></circle>\n");
                boolean right = p.recall() > 0.8; // labels of markers near the right edge go to their left
                sb.append("<text class=\"label\" x=\"").append(f(right ? cx - 6 : cx + 6)).append("\" y=\"").append(f(cy - 6))
                        .append(right ? "\" text-anchor=\"end" : "").append("\" font-size=\"10\" fill=\"#333\">").append(esc(p.value())).append("</text>\n");
            }
        }
        if (undefined > 0)
            sb.append("<text class=\"note\" x=\"").append(f(ax)).append("\" y=\"").append(f(ay + ah + 44)).append("\" font-size=\"10\" fill=\"#777\">")
                    .append(undefined).append(" value(s) without alerts or labels not shown</text>\n");
        sb.append("</g>\n");
    }

    /** Plot x of a recall value (clipped to [0, 1]). */
    static double x(double recall, double ax, double aw) { return ax + aw * Math.max(0, Math.min(1, recall)); }

    /** Plot y of a precision value (clipped to [0, ymax]). */
    static double y(double precision, double ymax, double ay, double ah) {
        return ay + ah - ah * Math.max(0, Math.min(ymax, precision)) / ymax;
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    private static String d6(double v) { return String.format(Locale.ROOT, "%.6f", v); }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** XML text/attribute escaping. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '?' : c);
            }
        }
        return b.toString();
    }
}
