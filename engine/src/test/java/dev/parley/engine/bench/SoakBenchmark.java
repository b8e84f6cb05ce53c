package dev.parley.engine.bench;

import dev.parley.engine.Soak;
import dev.parley.engine.servers.Prosody;
import dev.parley.engine.xmpp.XmppSignaling;
import java.util.List;
import java.util.Locale;

/**
 * The long soak: 1,000 sequential 1:1 video calls in one JVM through the in-process hub, then
 * 200 through a real Prosody, printing what a leak would grow every 100 (XMPP: 50) calls and
 * the change from call 100 to the last. Run with {@code bash src/scripts/soak.sh [CALLS]
 * [XMPP_CALLS]}; the figures go into docs/reliability.md.
 */
public final class SoakBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int xmppCalls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.println();
        System.out.println("Soak: sequential 1:1 video calls between two clients in one JVM (start, accept, "
                + "3 frames of 640x480 test pattern, hang up, both closed); " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version());
        long t0 = System.nanoTime();
        try (Soak soak = Soak.inProcess()) {
            report("in-process hub", soak, soak.run(calls, 100), t0);
        }
        if (xmppCalls > 0) {
            try (Prosody prosody = Prosody.start()) {
                long t1 = System.nanoTime();
                try (Soak soak = Soak.over(id -> XmppSignaling.connect(prosody.user(id).build()))) {
                    report("XMPP through Prosody", soak, soak.run(xmppCalls, 50), t1);
                }
            }
        }
        System.exit(0); // webrtc-java's native threads would otherwise keep the JVM alive
    }

    private static void report(String title, Soak soak, List<Soak.Sample> samples, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        Soak.Sample last = samples.get(samples.size() - 1);
        System.out.printf(Locale.ROOT, "%n%s: %d calls in %.0f s (%.0f ms per call), %d failed%n", title, last.calls(),
                seconds, seconds * 1000 / last.calls(), last.failures());
        System.out.printf(Locale.ROOT, "| %6s | %8s | %10s | %12s | %9s | %10s | %s |%n", "call", "failed",
                "OS threads", "Java threads", "open fds", "RSS MiB", "heap MiB after GC");
        System.out.println("|-------:|---------:|-----------:|-------------:|----------:|-----------:|---:|");
        for (Soak.Sample s : samples) {
            System.out.printf(Locale.ROOT, "| %6d | %8d | %10d | %12d | %9d | %10.1f | %.1f |%n", s.calls(), s.failures(),
                    s.osThreads(), s.javaThreads(), s.openFiles(), s.rssMiB(), s.heapMiB());
        }
        samples.stream().filter(s -> s.calls() == 100 || s.calls() == 50).findFirst().ifPresent(base ->
                System.out.printf(Locale.ROOT, "from call %d to call %d: OS threads %+d, open fds %+d, RSS %+.1f %%,"
                        + " heap %+.1f MiB; native objects open at the end: %s%n", base.calls(), last.calls(),
                        last.osThreads() - base.osThreads(), last.openFiles() - base.openFiles(),
                        (last.rssMiB() / base.rssMiB() - 1) * 100, last.heapMiB() - base.heapMiB(), last.natives()));
        soak.failures().forEach(f -> System.out.println("  failed: " + f));
    }
}
