package dev.periscope.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvPinTest {
    static List<String> table(int rows) {
        List<String> t = new ArrayList<>();
        t.add("ts,price,note");
        for (int i = 0; i < rows; i++) t.add(i + "," + (100 + i % 7) + ",\"a, b\"");
        return t;
    }

    static Path write(Path dir, String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void equalTablesPassAndTheSummaryHasOneLinePerBlock(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "t.csv", table(2500));
        List<String> s = CsvPin.summary(csv);
        assertThat(s).hasSize(2 + 3).startsWith("rows 2500", "header ts,price,note");
        assertThat(s.get(3)).startsWith("block 1\t1000,");
        Path pin = Files.write(dir.resolve("t.pin"), s);
        CsvPin.check(csv, pin);  // no exception
    }

    @Test
    void aChangedCellIsNamedByBlockColumnAndValue(@TempDir Path dir) throws IOException {
        List<String> t = table(2500);
        Path pin = Files.write(dir.resolve("t.pin"), CsvPin.summary(write(dir, "t.csv", t)));
        t.set(1 + 1500, "1500,999,\"a, b\"");   // inside block 1, not its first row
        t.set(1 + 1000, "1000,106,\"a, c\"");   // block 1's first row, column note
        Path changed = write(dir, "t.csv", t);
        assertThatThrownBy(() -> CsvPin.check(changed, pin)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("t.csv: first difference in rows 1001-2000, columns [price, note]")
                .hasMessageContaining("row 1001, column note: pinned a, b, now a, c");
    }

    @Test
    void rowCountAndHeaderChangesAreNamed(@TempDir Path dir) throws IOException {
        Path pin = Files.write(dir.resolve("t.pin"), CsvPin.summary(write(dir, "t.csv", table(2500))));
        Path shorter = write(dir, "t.csv", table(2400));
        assertThatThrownBy(() -> CsvPin.check(shorter, pin)).hasMessageContaining("rows 2500 pinned, rows 2400 now");
        List<String> renamed = table(2500);
        renamed.set(0, "ts,px,note");
        Path other = write(dir, "t.csv", renamed);
        assertThatThrownBy(() -> CsvPin.check(other, pin)).hasMessageContaining("header changed")
                .hasMessageContaining("pinned: ts,price,note");
    }

    @Test
    void inputColumnsAreHashedButNotCopiedIntoThePin(@TempDir Path dir) throws IOException {
        List<String> t = table(2500);
        Path csv = write(dir, "t.csv", t);
        List<String> s = CsvPin.summary(csv, java.util.Set.of("ts", "price"));
        assertThat(s.get(2)).startsWith("block 0\t~,~,\"a, b\"\t");
        Path pin = Files.write(dir.resolve("t.pin"), s);
        t.set(1 + 10, "10,999,\"a, b\"");   // a withheld column still breaks the pin, by its hash
        Path changed = write(dir, "t.csv", t);
        assertThatThrownBy(() -> CsvPin.check(changed, pin, java.util.Set.of("ts", "price")))
                .hasMessageContaining("first difference in rows 1-1000, columns [price]");
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertThat(CsvPin.split("1,\"a, \"\"b\"\"\",,x")).containsExactly("1", "a, \"b\"", "", "x");
    }
}
