package dev.periscope.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real public market-data samples that live outside the repository, in {@code ../shared/data}
 * beside the checkout (see that folder's README for sources and formats). Tests read them in place; they are
 * never copied into the repository.
 *
 * <p>Resolution order: system property {@code periscope.shared.data}, environment variable
 * {@code PERISCOPE_SHARED_DATA}, then {@code shared/data} in the parent of any ancestor of the working directory.
 * A missing sample fails the test with a message saying where it was looked for: a test must not pass silently
 * because its data is absent.
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared/data} root. */
    public static Path root() {
        String prop = System.getProperty("periscope.shared.data");
        if (prop != null && !prop.isBlank()) return existing(Path.of(prop));
        String env = System.getenv("PERISCOPE_SHARED_DATA");
        if (env != null && !env.isBlank()) return existing(Path.of(env));
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (p.getParent() != null && Files.isDirectory(candidate)) return candidate;
            Path inside = p.resolve("shared").resolve("data");
            if (Files.isDirectory(inside) && !p.equals(dir)) return inside;
        }
        throw new IllegalStateException("shared market-data samples not found: expected ../shared/data beside the "
                + "repository (searched upwards from " + dir + "); set -Dperiscope.shared.data=DIR to override");
    }

    /** A file under {@code shared/data}, e.g. {@code path("lobster/AAPL_2012-06-21_head999_message_10.csv")}. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("shared data sample missing: " + p);
        return p;
    }

    private static Path existing(Path p) {
        if (!Files.isDirectory(p)) throw new IllegalStateException("not a directory: " + p);
        return p;
    }
}
