package dev.periscope.options;

/** Call or put. */
public enum OptionType {
    CALL, PUT;

    public boolean isCall() {
        return this == CALL;
    }
}
