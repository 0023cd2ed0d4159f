package dev.periscope.eval;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link SweepPlot}: the SVG parses as XML, and every marker's pixel position maps back, through the plot area the
 * document draws, to the precision and recall computed here from the counts by hand.
 */
class SweepPlotTest {
    static DetectionCounts c(long tp, long fp, long fn) { return new DetectionCounts(tp, fp, fn, 0, 3_600_000_000_000L, new long[(int) tp]); }

    static Document parse(String svg) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> byClass(Element root, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nl = root.getElementsByTagName(tag);
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (cls.equals(e.getAttribute("class"))) out.add(e);
        }
        return out;
    }

    static double d(Element e, String a) { return Double.parseDouble(e.getAttribute(a)); }

    @Test
    void markersSitAtTheirPrecisionAndRecallInsideTheDrawnAxes() throws Exception {
        // spoofing: precision 4/5, 6/10, 2/20; recall 4/10, 6/10, 2/10; a value with no alerts (precision n/a)
        ParameterSweep sp = new ParameterSweep("spoofing", "sizeMultiple", 0.95)
                .add("12", c(4, 1, 6)).add("8", c(6, 4, 4)).add("a<b&c", c(2, 18, 8)).add("50", c(0, 0, 10));
        // iceberg: low precision, so the axis shrinks to 0.05
        ParameterSweep ice = new ParameterSweep("iceberg-l3", "minRefills", 0.95).add("1", c(9, 991, 1)).add("2", c(8, 392, 2));
        ParameterSweep none = new ParameterSweep("meta-order", "zEnter", 0.95).add("9", c(0, 0, 5));
        String svg = SweepPlot.svg(List.of(sp, ice, none));
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        NodeList panels = doc.getElementsByTagName("g");
        assertThat(panels.getLength()).isEqualTo(3);

        double[][] expected = {{4 / 5.0, 4 / 10.0}, {6 / 10.0, 6 / 10.0}, {2 / 20.0, 2 / 10.0}};
        Element p0 = (Element) panels.item(0);
        assertThat(p0.getAttribute("data-detector")).isEqualTo("spoofing");
        Element area = byClass(p0, "rect", "area").get(0);
        double ax = d(area, "x"), ay = d(area, "y"), aw = d(area, "width"), ah = d(area, "height"), ymax = d(area, "data-ymax");
        assertThat(ymax).isEqualTo(1.0);
        List<Element> pts = byClass(p0, "circle", "point");
        assertThat(pts).hasSize(3); // the value without alerts is left out
        for (int i = 0; i < 3; i++) {
            Element m = pts.get(i);
            double recall = (d(m, "cx") - ax) / aw, precision = (ay + ah - d(m, "cy")) / ah * ymax;
            assertThat(precision).as("precision of marker %d", i).isCloseTo(expected[i][0], within(0.002));
            assertThat(recall).as("recall of marker %d", i).isCloseTo(expected[i][1], within(0.002));
            assertThat(d(m, "data-precision")).isCloseTo(expected[i][0], within(1e-6));
        }
        // escaping survives the XML round trip
        assertThat(pts.get(2).getAttribute("data-value")).isEqualTo("a<b&c");
        assertThat(svg).contains("a&lt;b&amp;c");
        // Pareto: 12 (0.8, 0.4) and 8 (0.6, 0.6) are efficient, a<b&c (0.1, 0.2) is dominated by both
        assertThat(pts).extracting(e -> e.getAttribute("data-pareto")).containsExactly("true", "true", "false");
        assertThat(pts.get(0).getAttribute("fill")).isNotEqualTo("white");
        assertThat(pts.get(2).getAttribute("fill")).isEqualTo("white");
        assertThat(byClass(p0, "text", "note").get(0).getTextContent()).startsWith("1 value(s)");
        // Wilson interval bars: the precision bar of marker 0 spans the Wilson interval of 4 of 5
        Stats.Interval w = Stats.wilson(4, 5, 0.95).orElseThrow();
        Element bar = byClass(p0, "line", "ci-precision").get(0);
        double lo = (ay + ah - d(bar, "y1")) / ah * ymax, hi = (ay + ah - d(bar, "y2")) / ah * ymax;
        assertThat(lo).isCloseTo(w.low(), within(0.002));
        assertThat(hi).isCloseTo(w.high(), within(0.002));

        Element p1 = (Element) panels.item(1);
        Element area1 = byClass(p1, "rect", "area").get(0);
        assertThat(d(area1, "data-ymax")).isEqualTo(0.05); // max precision 0.02
        Element m1 = byClass(p1, "circle", "point").get(1);
        double prec = (d(area1, "y") + d(area1, "height") - d(m1, "cy")) / d(area1, "height") * 0.05;
        assertThat(prec).isCloseTo(8 / 400.0, within(0.0002));
        // the y tick labels say where the axis ends
        assertThat(byClass(p1, "text", "ytick")).extracting(Element::getTextContent).containsExactly("0", "0.0125", "0.025", "0.0375", "0.05");

        Element p2 = (Element) panels.item(2);
        assertThat(byClass(p2, "circle", "point")).isEmpty();
        assertThat(byClass(p2, "text", "empty").get(0).getTextContent()).isEqualTo("no alerts");
        // deterministic
        assertThat(SweepPlot.svg(List.of(sp, ice, none))).isEqualTo(svg);
    }
}
