package io.productsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table the benchmark prints: per figure, what it is, the baseline of the same run, the ratio, the goal. */
final class BenchTable {

    record Row(String goal, String what, String figure, String baseline, String ratio, String target) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String goal, String what, String figure, String baseline, String ratio, String target) {
        rows.add(new Row(goal, what, figure, baseline, ratio, target));
    }

    /** A figure with a baseline in the same unit; the ratio is figure / baseline. */
    void compare(String goal, String what, double figure, double baseline, String unit, String target) {
        add(goal, what, number(figure) + " " + unit, number(baseline) + " " + unit, ratio(figure, baseline), target);
    }

    void notMeasured(String goal, String what, String target, String why) {
        add(goal, what, "not measured", "", "", target);
        note(goal + ": not measured: " + why);
    }

    void note(String line) {
        notes.add(line);
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    static String ratio(double figure, double baseline) {
        return baseline == 0 ? "" : String.format(Locale.ROOT, "%.2f", figure / baseline);
    }

    /** Markdown, so the README can take it as it is. */
    String render(String heading) {
        StringBuilder out = new StringBuilder(heading).append("\n\n");
        out.append("| goal | what | figure | baseline (same run) | ratio | goal figure |\n");
        out.append("|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append("| %s | %s | %s | %s | %s | %s |\n"
                .formatted(row.goal(), row.what(), row.figure(), row.baseline(), row.ratio(), row.target())));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
