package dev.parley.components;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.ReconnectionState;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import dev.parley.engine.conference.ConferenceListener;
import dev.parley.engine.conference.ConferenceSession;
import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * A conference room on screen ({@link ConferenceSession}): a tile for every participant who
 * publishes, with their name, their video once subscribed and the active speaker's border, and
 * the local preview. Up to nine tiles share a grid (up to 3x3); with more, the active speaker is
 * shown large with the others in a strip, {@value #STRIP_PAGE} at a time, paged with "Previous"
 * and "Next". A connection that drops shows "Reconnecting…" on its tile until it is back. The
 * view shows what arrives; subscribing is the application's choice (off the EDT). With
 * {@link #setVideoFollowsView}, the video of participants paged out of sight is held back at
 * Janus (their voices play on) and asked for again when their tiles show.
 *
 * <p>Threading: EDT only; the session's events are moved to the EDT.
 */
public class ConferenceView extends JPanel {

    /** How many tiles a grid holds before the active speaker is shown large. */
    public static final int GRID_MAX = 9;
    /** How many participants the strip beside a large speaker shows at a time. */
    public static final int STRIP_PAGE = 4;

    private static final System.Logger log = System.getLogger(ConferenceView.class.getName());

    private final CallStage stage = new CallStage(() -> { });
    private final JButton previous = new JButton(Theme.text("conference.previous"));
    private final JButton next = new JButton(Theme.text("conference.next"));
    private final JLabel page = new JLabel();
    private final Map<Long, Tile> tiles = new LinkedHashMap<>();
    private final Map<Long, AudioTrack> audio = new LinkedHashMap<>();
    private final Timer voices = new Timer(100, e -> showVoices());
    private LongFunction<String> names = id -> Theme.text("user.fallback", id);
    private ConferenceSession session;
    private Subscription subscription;
    private Tile local;
    private long activeSpeaker = -1;
    private int pageIndex;
    private Executor videoRequests;
    /** The participants whose video this view asked Janus to hold back. */
    private final Set<Long> videoHeld = new HashSet<>();

    /** An empty view; {@link #setSession} shows a room. */
    public ConferenceView() {
        super(new BorderLayout());
        setName("parley.conferenceView");
        previous.setName("parley.conference.previous");
        next.setName("parley.conference.next");
        page.setName("parley.conference.page");
        previous.addActionListener(e -> turn(-1));
        next.addActionListener(e -> turn(1));
        JPanel pager = new JPanel(new MigLayout("insets 4 8 4 8, center, hidemode 3", "[][][]"));
        pager.setOpaque(false);
        pager.add(previous);
        pager.add(page);
        pager.add(next);
        add(stage, BorderLayout.CENTER);
        add(pager, BorderLayout.SOUTH);
        relayout();
    }

    /** How participants are named on their tiles; "User 222" by default. */
    public void setNameResolver(LongFunction<String> names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    /**
     * Holds back the video of participants whose tiles are out of sight (paged out when more
     * than {@link #GRID_MAX} publish) and asks for it again when they show, through
     * {@link ConferenceSession#setRemoteVideoEnabled}, which waits for Janus: the requests run
     * on {@code requests} (a thread of the application's, never the EDT); null turns it off.
     */
    public void setVideoFollowsView(Executor requests) {
        this.videoRequests = requests;
        relayout();
    }

    /** Whether this view has asked Janus to hold back {@code userId}'s video (out of sight). */
    public boolean holdsVideoBack(long userId) {
        return videoHeld.contains(userId);
    }

    /** Shows {@code session} (or nothing, with {@code null}). */
    public void setSession(ConferenceSession session) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        tiles.values().forEach(tile -> ((RemoteVideoView) tile.video()).setVideoTrack(null));
        tiles.clear();
        audio.clear();
        videoHeld.clear();
        voices.stop();
        local = null;
        activeSpeaker = -1;
        pageIndex = 0;
        this.session = session;
        if (session != null) {
            LocalVideoPanel preview = new LocalVideoPanel();
            if (session.conferenceType() == ConferenceType.VIDEO) {
                preview.setVideoTrack(session.localMediaStream().videoTrack());
            }
            preview.setAudioTrack(session.localMediaStream().audioTrack());
            local = new Tile(preview, Theme.text("tile.you"));
            session.activePublishers().forEach(this::tileFor);
            subscription = session.addListener(new Events());
            voices.start();
        }
        relayout();
    }

    /** How many participants have a tile (the local user not counted). */
    public int participantCount() {
        return tiles.size();
    }

    /** {@code userId}'s video view, or {@code null} without a tile. */
    public RemoteVideoView remoteView(long userId) {
        Tile tile = tiles.get(userId);
        return tile == null ? null : (RemoteVideoView) tile.video();
    }

    /** The participants whose tiles show now, in order (a page of them when there are many). */
    public List<Long> shownParticipants() {
        List<Long> shown = new ArrayList<>();
        for (Long id : ConferenceLayout.shown(new ArrayList<>(tiles.keySet()), activeSpeaker, pageIndex)) {
            shown.add(id);
        }
        return shown;
    }

    /** Whether the active speaker is shown large (more than {@link #GRID_MAX} tiles). */
    public boolean showsSpeakerLarge() {
        return stage.featured() != null;
    }

    private Tile tileFor(long userId) {
        return tiles.computeIfAbsent(userId, id -> {
            RemoteVideoView view = new RemoteVideoView();
            view.setName("parley.remote." + id);
            view.setParticipantName(names.apply(id));
            return new Tile(view, names.apply(id));
        });
    }

    private void turn(int by) {
        pageIndex = Math.max(0, Math.min(ConferenceLayout.pages(tiles.size()) - 1, pageIndex + by));
        relayout();
    }

    private void relayout() {
        List<Long> shown = ConferenceLayout.shown(new ArrayList<>(tiles.keySet()), activeSpeaker, pageIndex);
        List<Tile> remote = new ArrayList<>();
        shown.forEach(id -> remote.add(tiles.get(id)));
        boolean large = tiles.size() > GRID_MAX;
        if (large) {
            remote.add(0, tiles.get(ConferenceLayout.speaker(new ArrayList<>(tiles.keySet()), activeSpeaker)));
        }
        stage.show(remote, large ? null : local);
        stage.setFeatured(large ? remote.get(0) : null);
        int pages = ConferenceLayout.pages(tiles.size());
        previous.setVisible(pages > 1);
        next.setVisible(pages > 1);
        page.setVisible(pages > 1);
        previous.setEnabled(pageIndex > 0);
        next.setEnabled(pageIndex < pages - 1);
        page.setText(Theme.text("conference.page", pageIndex + 1, pages));
        followView(remote);
        revalidate();
        repaint();
    }

    /** Asks for the video of the tiles in sight and holds back the others', when asked to. */
    private void followView(List<Tile> inSight) {
        ConferenceSession shown = session;
        Executor requests = videoRequests;
        if (shown == null || requests == null) {
            return;
        }
        tiles.forEach((id, tile) -> {
            boolean wanted = inSight.contains(tile);
            if (wanted == videoHeld.contains(id)) {
                if (wanted) {
                    videoHeld.remove(id);
                } else {
                    videoHeld.add(id);
                }
                try {
                    requests.execute(() -> {
                        try {
                            if (!shown.isClosed()) {
                                shown.setRemoteVideoEnabled(id, wanted);
                            }
                        } catch (RuntimeException e) {
                            log.log(System.Logger.Level.INFO, "conference view: {0} the video of user {1} failed: {2}",
                                    wanted ? "asking for" : "holding back", id, e.getMessage());
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // the application's thread has ended: the room is going
                }
            }
        });
        videoHeld.retainAll(tiles.keySet());
    }

    private void showVoices() {
        if (session == null || session.isClosed() || !isShowing()) {
            return;
        }
        tiles.forEach((id, tile) -> {
            AudioTrack track = audio.get(id);
            tile.setVoice(track == null ? 0 : track.level(), id == activeSpeaker, false);
        });
        if (local != null) {
            // the active speaker without a tile is the local user
            local.setVoice(0, activeSpeaker >= 0 && !tiles.containsKey(activeSpeaker),
                    !session.localMediaStream().audioTrack().isEnabled());
        }
    }

    /** The room's events, on the EDT, while this session is shown. */
    private final class Events implements ConferenceListener {
        private void later(ConferenceSession from, Runnable task) {
            Edt.run(() -> {
                if (from == session) {
                    task.run();
                }
            });
        }

        @Override
        public void participantJoined(ConferenceSession s, long userId) {
            later(s, () -> {
                tileFor(userId);
                relayout();
            });
        }

        @Override
        public void participantLeft(ConferenceSession s, long userId) {
            later(s, () -> {
                Tile tile = tiles.remove(userId);
                audio.remove(userId);
                if (tile != null) {
                    ((RemoteVideoView) tile.video()).setVideoTrack(null);
                    pageIndex = Math.min(pageIndex, ConferenceLayout.pages(tiles.size()) - 1);
                    relayout();
                }
            });
        }

        @Override
        public void remoteVideoTrackReceived(ConferenceSession s, long userId, VideoTrack track) {
            later(s, () -> {
                boolean isNew = !tiles.containsKey(userId);
                ((RemoteVideoView) tileFor(userId).video()).setVideoTrack(track);
                if (isNew) {
                    relayout();
                }
            });
        }

        @Override
        public void remoteAudioTrackReceived(ConferenceSession s, long userId, AudioTrack track) {
            later(s, () -> audio.put(userId, track));
        }

        @Override
        public void activeSpeakerChanged(ConferenceSession s, long userId) {
            later(s, () -> {
                activeSpeaker = userId;
                if (tiles.size() > GRID_MAX) {
                    relayout();
                }
                showVoices();
            });
        }

        @Override
        public void reconnectionStateChanged(ConferenceSession s, long userId, ReconnectionState state) {
            later(s, () -> {
                Tile tile = userId == s.userId() ? local : tiles.get(userId);
                if (tile != null) {
                    tile.setConnectionState(switch (state) {
                        case RECONNECTING -> ConnectionState.DISCONNECTED;
                        case RECONNECTED -> ConnectionState.CONNECTED;
                        case FAILED -> ConnectionState.FAILED;
                    });
                }
            });
        }

        @Override
        public void sessionClosed(ConferenceSession s) {
            later(s, voices::stop);
        }
    }
}
