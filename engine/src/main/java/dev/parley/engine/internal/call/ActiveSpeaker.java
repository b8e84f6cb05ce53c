package dev.parley.engine.internal.call;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Not API. Decides who is speaking in a call from everyone's audio level, the way people
 * expect a call window to highlight them. A participant speaks once their voice, begun above
 * {@value #SPEAKING} and not fallen below {@value #SILENT} for more than
 * {@value #HANGOVER_MILLIS} ms, has lasted {@value #ONSET_MILLIS} ms (a cough or a click does
 * not count). The active speaker keeps the floor while audible, unless someone else is twice
 * as loud for {@value #TAKEOVER_MILLIS} ms; in a pause of theirs, the loudest other speaker
 * takes it at once. Nobody speaking leaves the last active speaker in place.
 *
 * <p>Threading: not thread safe; the session's engine thread.
 */
public final class ActiveSpeaker {

    static final double SPEAKING = 0.02;
    static final double SILENT = 0.01;
    static final long ONSET_MILLIS = 200;
    static final long HANGOVER_MILLIS = 600;
    static final long TAKEOVER_MILLIS = 1000;
    static final double TAKEOVER_RATIO = 2;

    private static final class Talker {
        double level;
        boolean speaking;
        long speakingSince;
        long lastHeard;
        long louderSince = -1;
    }

    private final Map<Long, Talker> talkers = new HashMap<>();
    private Long active;

    /** The active speaker, if anyone has spoken yet. */
    public OptionalLong active() {
        return active == null ? OptionalLong.empty() : OptionalLong.of(active);
    }

    /**
     * Takes everyone's level at {@code nanoTime}; returns the new active speaker when it changed.
     * Users missing from {@code levels} have left.
     */
    public OptionalLong update(Map<Long, Double> levels, long nanoTime) {
        talkers.keySet().retainAll(levels.keySet());
        levels.forEach((user, level) -> hear(talkers.computeIfAbsent(user, u -> new Talker()), level, nanoTime));
        Long next = choose(nanoTime);
        if (next == null || next.equals(active)) {
            return OptionalLong.empty();
        }
        active = next;
        talkers.values().forEach(t -> t.louderSince = -1);
        return OptionalLong.of(next);
    }

    private static void hear(Talker talker, double level, long now) {
        talker.level = level;
        if (level >= SPEAKING) {
            if (!talker.speaking) {
                talker.speaking = true;
                talker.speakingSince = now;
            }
            talker.lastHeard = now;
        } else if (talker.speaking && level >= SILENT) {
            talker.lastHeard = now;
        } else if (talker.speaking && now - talker.lastHeard > HANGOVER_MILLIS * 1_000_000) {
            talker.speaking = false;
        }
    }

    private Long choose(long now) {
        Talker current = active == null ? null : talkers.get(active);
        if (current == null || current.level < SILENT) {
            return loudestSpeaker();
        }
        for (Map.Entry<Long, Talker> entry : talkers.entrySet()) {
            Talker other = entry.getValue();
            if (entry.getKey().equals(active) || !hasSpokenLongEnough(other)) {
                other.louderSince = -1;
                continue;
            }
            if (other.level > current.level * TAKEOVER_RATIO) {
                if (other.louderSince < 0) {
                    other.louderSince = now;
                } else if (now - other.louderSince >= TAKEOVER_MILLIS * 1_000_000) {
                    return entry.getKey();
                }
            } else {
                other.louderSince = -1;
            }
        }
        return active;
    }

    private Long loudestSpeaker() {
        Long loudest = null;
        double loudestLevel = 0;
        for (Map.Entry<Long, Talker> entry : talkers.entrySet()) {
            Talker talker = entry.getValue();
            if (hasSpokenLongEnough(talker) && talker.level > loudestLevel) {
                loudest = entry.getKey();
                loudestLevel = talker.level;
            }
        }
        return loudest != null ? loudest : active;
    }

    /** Speaking now, audibly, for long enough. */
    private static boolean hasSpokenLongEnough(Talker talker) {
        return talker.speaking && talker.level >= SILENT
                && talker.lastHeard - talker.speakingSince >= ONSET_MILLIS * 1_000_000;
    }
}
