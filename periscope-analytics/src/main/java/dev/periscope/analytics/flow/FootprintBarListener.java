package dev.periscope.analytics.flow;

/**
 * Receives closed footprint bars. The bar object is reused by the builder: it is valid only until this method
 * returns; copy it ({@link FootprintBar#copy()}) to keep it.
 */
@FunctionalInterface
public interface FootprintBarListener {
    void onBar(FootprintBar bar);
}
