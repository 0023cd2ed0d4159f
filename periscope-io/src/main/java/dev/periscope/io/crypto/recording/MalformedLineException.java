package dev.periscope.io.crypto.recording;

import java.io.IOException;

/** A recorded line that does not have its format's shape; reported as a data issue with this field and kind. */
public final class MalformedLineException extends IOException {
    public final String field;
    public final String kind;

    public MalformedLineException(String field, String kind, String reason) {
        super(reason);
        this.field = field;
        this.kind = kind;
    }
}
