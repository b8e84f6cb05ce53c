package dev.parley.engine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timing samples in milliseconds, summarised as a benchmark table row. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double millis) {
        values.add(millis);
    }

    int count() {
        return values.size();
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double p95() {
        List<Double> sorted = sorted();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** Prints the row {@code name | median | p95} of a {@link #header} table. */
    void print(String name) {
        BenchTable.row(name + " (n=" + count() + ")", BenchTable.fixed(median(), 1), BenchTable.fixed(p95(), 1));
    }

    /** Starts the table {@code key} of median and p95 milliseconds. */
    static void header(String key) {
        BenchTable.begin(key, "measure", "median ms:", "p95 ms:");
    }
}
