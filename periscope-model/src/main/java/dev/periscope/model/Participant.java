package dev.periscope.model;

/**
 * US consolidated-tape participant (market center) identifiers, as carried in the CTA/UTP SIP feeds and in
 * NYSE TAQ's {@code EX} field. {@code D} is the FINRA Alternative Display Facility and the FINRA/Nasdaq and
 * FINRA/NYSE Trade Reporting Facilities: every off-exchange (OTC, ATS/"dark pool", internalizer) print is
 * reported there. All other codes here are lit registered exchanges (audit DP-1).
 *
 * <p>Source: NYSE Daily TAQ Client Specification, "Exchange" field codes (as also transcribed in public TAQ
 * tooling, e.g. the {@code Exchange} enum of taq-proc), and PLAYBOOK-AUDIT DP-1. In TAQ, Nasdaq prints carry
 * {@code T} in Tape A/B securities and {@code Q} in Tape C securities. Codes not listed here are unknown
 * ({@link #ofCode} returns {@code null}) and must be reported by readers.
 */
public enum Participant {
    A('A', "NYSE American", "XASE", false),
    B('B', "Nasdaq BX", "XBOS", false),
    C('C', "NYSE National", "XCIS", false),
    D('D', "FINRA ADF/TRF (off-exchange)", "FINRA", true),
    E('E', "Market Independent (SIP)", "SIP", false),
    H('H', "MIAX Pearl", "EPRL", false),
    I('I', "Nasdaq ISE", "XISX", false),
    J('J', "Cboe EDGA", "EDGA", false),
    K('K', "Cboe EDGX", "EDGX", false),
    L('L', "Long-Term Stock Exchange", "LTSE", false),
    M('M', "NYSE Chicago", "XCHI", false),
    N('N', "New York Stock Exchange", "XNYS", false),
    P('P', "NYSE Arca", "ARCX", false),
    Q('Q', "Nasdaq (Tape C securities)", "XNAS", false),
    S('S', "Consolidated Tape System", "CTS", false),
    T('T', "Nasdaq (Tape A/B securities)", "XNAS", false),
    U('U', "MEMX", "MEMX", false),
    V('V', "Investors Exchange (IEX)", "IEXG", false),
    W('W', "CBOE Stock Exchange (CBSX, closed 2014)", "CBSX", false),
    X('X', "Nasdaq PSX", "XPHL", false),
    Y('Y', "Cboe BYX", "BATY", false),
    Z('Z', "Cboe BZX", "BATS", false);

    private static final Participant[] BY_CODE = new Participant[128];
    static {
        for (Participant p : values()) BY_CODE[p.code] = p;
    }

    private final char code;
    private final String venueName;
    private final String mic;
    private final boolean offExchange;

    Participant(char code, String venueName, String mic, boolean offExchange) {
        this.code = code;
        this.venueName = venueName;
        this.mic = mic;
        this.offExchange = offExchange;
    }

    public char code() { return code; }

    public String venueName() { return venueName; }

    /** ISO 10383 market identifier code, or a descriptive tag where there is none. */
    public String mic() { return mic; }

    /** True only for {@code D}: the print was executed away from any exchange. */
    public boolean isOffExchange() { return offExchange; }

    /** The participant for a code letter, or {@code null} if the code is unknown. */
    public static Participant ofCode(char c) {
        return c < 128 ? BY_CODE[c] : null;
    }
}
