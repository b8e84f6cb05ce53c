package dev.parley.demo;

import dev.parley.engine.ConferenceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's recent calls, newest first, kept across runs in a small file of their own
 * ({@code history-USERID.tsv} in the demo's configuration folder): a first line
 * {@code parley-demo-history 1 USERID UNSEEN}, then a call per line. A file that is not such a
 * history (corrupt, another user's, another program's) is ignored with a log line and replaced
 * at the next call; it never stops the demo.
 *
 * <p>Threading: EDT.
 */
final class CallHistory {

    /** Who called whom. */
    enum Direction { INCOMING, OUTGOING }

    /** How a call ended. */
    enum Outcome {
        /** Someone answered; the call lasted {@link Call#duration}. */
        ANSWERED,
        /** An incoming call nobody answered here (it rang out, or came while busy). */
        MISSED,
        /** Declined: here (incoming) or by the one called (outgoing). */
        DECLINED,
        /** An outgoing call nobody answered. */
        NO_ANSWER
    }

    /** One call: when it began, which way, how it ended, video or audio, with whom, how long it was connected. */
    record Call(Instant at, Direction direction, Outcome outcome, ConferenceType type, List<Long> peers,
            Duration duration) {
    }

    static final int KEEP = 50;
    private static final String MAGIC = "parley-demo-history";
    private static final int VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(CallHistory.class);

    private final Path file;
    private final long userId;
    private final List<Call> calls = new ArrayList<>();
    private int unseenMissed;

    private CallHistory(Path file, long userId) {
        this.file = file;
        this.userId = userId;
    }

    /** {@code userId}'s history in {@code folder}: what the file holds, or nothing when it is missing or not a history. */
    static CallHistory load(Path folder, long userId) {
        CallHistory history = new CallHistory(folder.resolve("history-" + userId + ".tsv"), userId);
        try {
            history.read(Files.readAllLines(history.file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // no calls yet
        } catch (IOException | RuntimeException e) {
            history.calls.clear();
            history.unseenMissed = 0;
            log.warn("ignoring the call history {}: {}", history.file, e.toString());
        }
        return history;
    }

    private void read(List<String> lines) {
        String[] header = lines.isEmpty() ? new String[0] : lines.get(0).split(" ");
        if (header.length != 4 || !header[0].equals(MAGIC) || !header[1].equals(Integer.toString(VERSION))) {
            throw new IllegalArgumentException("not a Parley demo history (first line: "
                    + (lines.isEmpty() ? "none" : lines.get(0)) + ")");
        }
        if (Long.parseLong(header[2]) != userId) {
            throw new IllegalArgumentException("the history of user " + header[2] + ", not " + userId);
        }
        int unseen = Integer.parseInt(header[3]);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                calls.add(parse(line));
            }
        }
        unseenMissed = Math.max(0, Math.min(unseen, calls.size()));
    }

    private static Call parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("a line with " + f.length + " fields instead of 6: " + line);
        }
        List<Long> peers = Arrays.stream(f[4].split(",")).map(Long::valueOf).toList();
        return new Call(Instant.ofEpochMilli(Long.parseLong(f[0])), Direction.valueOf(f[1]), Outcome.valueOf(f[2]),
                ConferenceType.valueOf(f[3]), peers, Duration.ofMillis(Long.parseLong(f[5])));
    }

    /** The calls, newest first. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Missed calls not yet looked at. */
    int unseenMissed() {
        return unseenMissed;
    }

    /** Records {@code call} as the newest, keeps the last {@link #KEEP}, and saves. */
    void add(Call call) {
        calls.add(0, call);
        if (calls.size() > KEEP) {
            calls.subList(KEEP, calls.size()).clear();
        }
        if (call.outcome() == Outcome.MISSED) {
            unseenMissed++;
        }
        save();
    }

    /** The user looked at the list: no missed call is new any more. */
    void markSeen() {
        if (unseenMissed != 0) {
            unseenMissed = 0;
            save();
        }
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        lines.add(MAGIC + " " + VERSION + " " + userId + " " + unseenMissed);
        for (Call c : calls) {
            lines.add(c.at().toEpochMilli() + "\t" + c.direction() + "\t" + c.outcome() + "\t" + c.type() + "\t"
                    + String.join(",", c.peers().stream().map(String::valueOf).toList()) + "\t"
                    + c.duration().toMillis());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("could not save the call history {}: {}", file, e.toString());
        }
    }
}
