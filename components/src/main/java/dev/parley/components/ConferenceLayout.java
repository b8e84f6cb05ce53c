package dev.parley.components;

import java.util.ArrayList;
import java.util.List;

/**
 * Which participants a {@link ConferenceView} shows: all of them in a grid up to
 * {@link ConferenceView#GRID_MAX}; beyond, the active speaker (or the first participant while
 * nobody has spoken) large, and the others in pages of {@link ConferenceView#STRIP_PAGE}.
 *
 * <p>Threading: stateless.
 */
final class ConferenceLayout {

    private ConferenceLayout() {
    }

    /** How many pages the strip has: 1 while everyone fits the grid. */
    static int pages(int participants) {
        if (participants <= ConferenceView.GRID_MAX) {
            return 1;
        }
        int others = participants - 1;
        return (others + ConferenceView.STRIP_PAGE - 1) / ConferenceView.STRIP_PAGE;
    }

    /** The participant shown large: the active speaker when among {@code ids}, else the first. */
    static long speaker(List<Long> ids, long activeSpeaker) {
        return ids.contains(activeSpeaker) ? activeSpeaker : ids.get(0);
    }

    /** The participants in the grid, or on strip page {@code page} (the large speaker not included). */
    static List<Long> shown(List<Long> ids, long activeSpeaker, int page) {
        if (ids.size() <= ConferenceView.GRID_MAX) {
            return List.copyOf(ids);
        }
        List<Long> others = new ArrayList<>(ids);
        others.remove(Long.valueOf(speaker(ids, activeSpeaker)));
        int from = Math.min(others.size(), Math.max(0, page) * ConferenceView.STRIP_PAGE);
        return List.copyOf(others.subList(from, Math.min(others.size(), from + ConferenceView.STRIP_PAGE)));
    }
}
