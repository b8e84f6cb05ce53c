package dev.parley.engine.bench;

import java.util.Locale;

/**
 * What every benchmark main shares with {@code src/scripts/bench-all.sh}: each markdown table it
 * prints sits between {@code <!-- bench:KEY -->} and {@code <!-- /bench:KEY -->} lines, and the
 * script puts it in place of the block of the same key in docs/benchmarks.md. With
 * {@code PARLEY_BENCH_SMOKE=1} (the CI run) a benchmark measures briefly, so that it cannot rot
 * unnoticed; its figures then mean nothing.
 */
public final class BenchTable {

    private BenchTable() {
    }

    /** Whether this is a smoke run: as short as still goes through every step. */
    public static boolean smoke() {
        return "1".equals(System.getenv("PARLEY_BENCH_SMOKE"));
    }

    /** {@code smoke} in a smoke run, else {@code full}. */
    public static int smokeOr(int smoke, int full) {
        return smoke() ? smoke : full;
    }

    /** Starts the table {@code key} with its header {@code columns} (a column ending in ":" is right-aligned). */
    public static void begin(String key, String... columns) {
        System.out.println("<!-- bench:" + key + " -->");
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (String column : columns) {
            boolean right = column.endsWith(":");
            header.append(' ').append(right ? column.substring(0, column.length() - 1) : column).append(" |");
            rule.append(right ? "---:|" : "---|");
        }
        System.out.println(header);
        System.out.println(rule);
    }

    /** One row of the table being printed. */
    public static void row(Object... cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object cell : cells) {
            line.append(' ').append(cell).append(" |");
        }
        System.out.println(line);
    }

    /** Ends the table {@code key}. */
    public static void end(String key) {
        System.out.println("<!-- /bench:" + key + " -->");
    }

    /** {@code value} with {@code decimals} decimals, in the benchmarks' locale-free format. */
    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
