package dev.periscope.model;

/** Asset classes Periscope models; options are reserved for the options module. */
public enum AssetClass { EQUITY, CRYPTO_SPOT, CRYPTO_PERP, OPTION, FUTURE }
