package dev.parley.engine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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

    /** Prints {@code name | median | p95} in the table layout the benchmarks share. */
    void print(String name) {
        System.out.printf(Locale.ROOT, "%-66s %10.1f %10.1f%n", name + " (n=" + count() + ")", median(), p95());
    }

    static void header() {
        System.out.printf(Locale.ROOT, "%-66s %10s %10s%n", "measure", "median ms", "p95 ms");
    }
}
