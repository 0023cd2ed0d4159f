package dev.periscope.app.cli;

import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

/** How each kind of failure maps to an exit code and a message. */
class ErrorHandlerTest {
    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithExitCode70() {
        ErrorHandler.Failure f = ErrorHandler.classify(new NullPointerException("boom"));
        assertThat(f).isEqualTo(new ErrorHandler.Failure(70, "internal error: java.lang.NullPointerException: boom"));
    }

    @Test
    void aStrictDataIssueIsExitCode3AndNamesFileAndLine() {
        ErrorHandler.Failure f = ErrorHandler.classify(new DataException(new DataIssue("t.csv", 7, "PRICE", "bad-number", "x")));
        assertThat(f).isEqualTo(new ErrorHandler.Failure(3, "t.csv:7 [PRICE] bad-number: x (stopped by --strict)"));
    }

    @Test
    void fileSystemFailuresSayWhatHappenedToWhichFile() {
        assertThat(ErrorHandler.classify(new UncheckedIOException("x", new NoSuchFileException("a.csv"))))
                .isEqualTo(new ErrorHandler.Failure(2, "a.csv: not found"));
        assertThat(ErrorHandler.classify(new AccessDeniedException("b.csv")))
                .isEqualTo(new ErrorHandler.Failure(2, "b.csv: permission denied"));
        assertThat(ErrorHandler.classify(new IllegalArgumentException("--x 1: too small")))
                .isEqualTo(new ErrorHandler.Failure(2, "--x 1: too small"));
    }

    @Test
    void longMessagesAreCutToOneBoundedLine() {
        String cut = ErrorHandler.cut("a\nb" + "c".repeat(1000));
        assertThat(cut).startsWith("a b").endsWith("... (1003 characters)").doesNotContain("\n");
        assertThat(cut.length()).isEqualTo(ErrorHandler.MAX_MESSAGE + "... (1003 characters)".length());
    }
}
