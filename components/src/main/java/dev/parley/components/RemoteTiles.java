package dev.parley.components;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConnectionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import javax.swing.Timer;

/**
 * The remote participants' tiles of a {@link CallView}: a tile is made when a participant is
 * first seen, named by the view's resolver, shows their connection state, voice and stats, and
 * stays {@link CallView#LEAVE_MILLIS} ms after they leave, decline or do not answer before it
 * goes and the layout closes the gap.
 *
 * <p>Threading: EDT only.
 */
final class RemoteTiles {

    private final Map<Long, Tile> tiles = new LinkedHashMap<>();
    private final Map<Long, AudioTrack> voices = new LinkedHashMap<>();
    private final List<Timer> removals = new ArrayList<>();
    private final Runnable relayout;
    private final BooleanSupplier statsVisible;
    private LongFunction<String> names = id -> Theme.text("user.fallback", id);

    /** Tiles that call {@code relayout} when one comes or goes, with stats shown as {@code statsVisible} says. */
    RemoteTiles(Runnable relayout, BooleanSupplier statsVisible) {
        this.relayout = relayout;
        this.statsVisible = statsVisible;
    }

    /** Forgets every tile (their videos detached) and every pending removal. */
    void clear() {
        removals.forEach(Timer::stop);
        removals.clear();
        tiles.values().forEach(tile -> view(tile).setVideoTrack(null));
        tiles.clear();
        voices.clear();
    }

    /** Names tiles with {@code names} from now on, the shown ones included. */
    void setNames(LongFunction<String> names) {
        this.names = Objects.requireNonNull(names, "names");
        tiles.forEach((id, tile) -> view(tile).setParticipantName(names.apply(id)));
    }

    String name(long userId) {
        return names.apply(userId);
    }

    /** {@code userId}'s tile, made now if they have none. */
    Tile tileFor(long userId) {
        return tiles.computeIfAbsent(userId, id -> {
            RemoteVideoView view = new RemoteVideoView();
            view.setName("parley.remote." + id);
            view.setParticipantName(names.apply(id));
            Tile tile = new Tile(view, names.apply(id));
            tile.setStatsVisible(statsVisible.getAsBoolean());
            return tile;
        });
    }

    /** {@code userId}'s tile, or {@code null}. */
    Tile tile(long userId) {
        return tiles.get(userId);
    }

    /** {@code userId}'s video view, made with their tile if they have none. */
    RemoteVideoView videoOf(long userId) {
        return view(tileFor(userId));
    }

    /** {@code userId}'s video view, or {@code null} without a tile. */
    RemoteVideoView viewOrNull(long userId) {
        Tile tile = tiles.get(userId);
        return tile == null ? null : view(tile);
    }

    boolean has(long userId) {
        return tiles.containsKey(userId);
    }

    int size() {
        return tiles.size();
    }

    /** The tiles in the order their participants came. */
    List<Tile> all() {
        return new ArrayList<>(tiles.values());
    }

    /** The first participant with a tile, or -1. */
    long first() {
        return tiles.keySet().stream().findFirst().orElse(-1L);
    }

    /** Whose tile {@code tile} is, or -1. */
    long idOf(Tile tile) {
        return tiles.entrySet().stream().filter(e -> e.getValue() == tile).mapToLong(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    /** The tile of a participant whose video looks like a shared screen, if any. */
    Optional<Tile> sharingScreen() {
        return tiles.values().stream()
                .filter(t -> ScreenShareGuess.looksLikeScreen(view(t).videoSize().orElse(null))).findFirst();
    }

    /** {@code userId}'s voice, measured for the bars on their tile. */
    void setVoice(long userId, AudioTrack track) {
        voices.put(userId, track);
    }

    void setStatsVisible(boolean visible) {
        tiles.values().forEach(tile -> tile.setStatsVisible(visible));
    }

    /** Shows how loud each participant is now and who of them has the floor. */
    void showVoices(long activeSpeaker) {
        tiles.forEach((id, tile) -> {
            AudioTrack track = voices.get(id);
            tile.setVoice(track == null ? 0 : track.level(), activeSpeaker == id, false);
        });
    }

    /**
     * Shows {@code state} on {@code userId}'s tile, making it when new (not for a participant
     * who never had one and is already gone); a final state removes it after the leave time.
     */
    void stateChanged(long userId, ConnectionState state) {
        boolean isNew = !tiles.containsKey(userId);
        if (isNew && state.isTerminal()) {
            return; // never had a tile: nothing to show leaving
        }
        Tile tile = tileFor(userId);
        tile.setConnectionState(state);
        if (isNew) {
            relayout.run();
        }
        if (state.isTerminal()) {
            Timer removal = new Timer(CallView.LEAVE_MILLIS, e -> {
                if (tiles.get(userId) == tile && tile.connectionState().isTerminal()) {
                    view(tile).setVideoTrack(null);
                    tiles.remove(userId);
                    relayout.run();
                }
            });
            removal.setRepeats(false);
            removals.add(removal);
            removal.start();
        }
    }

    private static RemoteVideoView view(Tile tile) {
        return (RemoteVideoView) tile.video();
    }
}
