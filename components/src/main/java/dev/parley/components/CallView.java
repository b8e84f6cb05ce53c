package dev.parley.components;

import dev.parley.engine.AudioTrack;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallClock;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.ConnectionState;
import dev.parley.engine.SessionState;
import dev.parley.engine.StatsReport;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoTrack;
import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * A whole call on screen: the local preview and up to three remote participants as tiles. In
 * a 1:1 call the other participant fills the view and the local preview is a small overlay in
 * a corner, which people drag to another corner or hide ("Hide self view"); with more, the
 * tiles share a 2x2 grid as participants come and go. Each tile has a name label, its
 * connection state ("ringing", "connecting", "Reconnecting…", "Connection lost", "no answer",
 * "declined", "left") and network quality bars ({@link NetworkQuality}, from stats reports); a
 * banner "You are sharing ..." with "Stop sharing" shows while the local video is a shared
 * screen, and a screen shared by someone else in a group call is shown large with the others
 * in a strip ({@link ScreenShareGuess}); a call timer
 * from the moment the call connects; an optional stats overlay per tile fed by
 * {@link StatsReport}s; and a {@link CallControlBar} bound to the session. A participant who
 * leaves, declines or does not answer keeps the tile with that state for
 * {@link #LEAVE_MILLIS} ms, then the grid closes the gap. Voices show too: bars on a
 * participant's tile while they speak, a coloured border around the active speaker
 * ({@link dev.parley.engine.CallListener#activeSpeakerChanged}), a microphone meter on the
 * local preview and the crossed-out microphone on the local tile while muted.
 *
 * <p>Keyboard, while the focus is in the view: M toggles the microphone, V the camera, S
 * screen sharing (and the control bar's Ctrl shortcuts anywhere in the window).
 *
 * <p>It listens to the {@link CallClient} it is given while a session is set; set the session
 * to show with {@link #setSession}, and {@code setSession(null)} when the view is done with it,
 * which removes the listener and stops the timers. Stats overlays need
 * {@code CallConfig.statsReportInterval}.
 *
 * <p>Theme keys:
 * <ul>
 * <li>{@code @uiDefault Parley.callView.background Color}
 * <li>{@code @uiDefault Parley.callView.timerForeground Color}
 * <li>{@code @uiDefault Parley.tile.labelBackground Color} behind names and states
 * <li>{@code @uiDefault Parley.tile.labelForeground Color} names
 * <li>{@code @uiDefault Parley.tile.stateForeground Color} connection states
 * <li>{@code @uiDefault Parley.tile.border Color}
 * <li>{@code @uiDefault Parley.tile.arc int} label corner rounding
 * <li>{@code @uiDefault Parley.tile.minimumWidth int}
 * <li>{@code @uiDefault Parley.tile.speakerBorder Color} the active speaker's tile border
 * <li>{@code @uiDefault Parley.tile.speakerBorderWidth int}
 * <li>{@code @uiDefault Parley.tile.mutedForeground Color} the muted-microphone sign
 * <li>{@code @uiDefault Parley.tile.indicatorWidth int} the speaking sign
 * <li>{@code @uiDefault Parley.tile.indicatorIconWidth int}
 * <li>{@code @uiDefault Parley.overlay.width int} the local overlay of a 1:1 call (4:3)
 * <li>{@code @uiDefault Parley.overlay.cornerGap int} its distance from the corner
 * <li>{@code @uiDefault Parley.shareBanner.background Color}
 * <li>{@code @uiDefault Parley.shareBanner.foreground Color}
 * <li>{@code @uiDefault Parley.quality.width int} the network quality bars
 * <li>{@code @uiDefault Parley.quality.good Color} three bars
 * <li>{@code @uiDefault Parley.quality.poor Color} two bars
 * <li>{@code @uiDefault Parley.quality.bad Color} one bar
 * <li>{@code @uiDefault Parley.quality.off Color} unlit bars
 * <li>{@code @uiDefault Parley.stats.background Color}
 * <li>{@code @uiDefault Parley.stats.foreground Color}
 * </ul>
 * and those of {@link RemoteVideoView}, {@link LocalVideoPanel} and {@link CallControlBar}.
 *
 * <p>Threading: EDT only; engine events are moved to the EDT when the client delivers them
 * elsewhere.
 */
public class CallView extends JPanel {

    /** How long a tile stays after its participant left, declined or did not answer. */
    public static final int LEAVE_MILLIS = 2500;

    private final CallClient client;
    private final CallStage stage = new CallStage(() -> { });
    private final JToggleButton selfView = new JToggleButton(Theme.text("callView.hideSelf"));
    private final JButton pipButton = new JButton(Theme.text("pip.open"));
    private final PictureInPictureControl pip;
    private final ShareBanner banner = new ShareBanner(() -> controlBar().stopSharing());
    private final CallTimerLabel timer;
    private final JToggleButton statsToggle = new JToggleButton(Theme.text("callView.stats"));
    private final CallControlBar controlBar = new CallControlBar();
    private final RemoteTiles remotes = new RemoteTiles(this::relayout, this::isStatsVisible);
    private final Timer voices = new Timer(100, e -> showVoices());
    private long activeSpeaker = -1;
    private Tile local;
    private LocalVideoPanel preview;
    private CallSession session;
    private Subscription subscription;

    /** A view of {@code client}'s calls; empty until {@link #setSession}. */
    public CallView(CallClient client) {
        super(new BorderLayout());
        this.client = Objects.requireNonNull(client, "client");
        this.timer = new CallTimerLabel(client.config().clock().<LongSupplier>map(c -> c::nanoTime)
                .orElse(System::nanoTime));
        applyTheme();
        statsToggle.setName("parley.statsToggle");
        statsToggle.addActionListener(e -> setStatsVisible(statsToggle.isSelected()));
        selfView.setName("parley.selfViewToggle");
        selfView.addActionListener(e -> setSelfViewVisible(!selfView.isSelected()));
        JPanel top = new JPanel(new MigLayout("insets 4 8 0 8, hidemode 3", "[grow][][][]"));
        top.setOpaque(false);
        top.add(banner, "span, growx, wrap");
        top.add(timer);
        top.add(selfView);
        pipButton.setName("parley.pipButton");
        pipButton.setToolTipText(Theme.text("pip.open"));
        pipButton.addActionListener(e -> openPictureInPicture());
        top.add(pipButton);
        top.add(statsToggle);
        add(top, BorderLayout.NORTH);
        add(stage, BorderLayout.CENTER);
        add(controlBar, BorderLayout.SOUTH);
        controlBar.setClient(client);
        pip = new PictureInPictureControl(this, controlBar,
                () -> session != null && session.state() != SessionState.CLOSED);
        LetterShortcuts.install(this, stage, controlBar);
        relayout();
    }

    /**
     * Opens the small always-on-top window with the active speaker (or the other participant),
     * microphone and hang-up; it opens by itself when the call window is minimised, and closes
     * when the window is restored, with its "back" button or Escape.
     */
    public void openPictureInPicture() {
        pip.open();
        showPictureInPicture();
    }

    /** Closes the small window, if open. */
    public void closePictureInPicture() {
        pip.close();
    }

    /** Whether the small window is open. */
    public boolean isPictureInPictureOpen() {
        return pip.isOpen();
    }

    /** The active speaker in the small window, or the first other participant while nobody speaks. */
    private void showPictureInPicture() {
        long shown = remotes.has(activeSpeaker) ? activeSpeaker : remotes.first();
        RemoteVideoView view = remotes.viewOrNull(shown);
        pip.show(view == null ? null : view.videoTrack(), view == null ? "" : remotes.name(shown));
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyTheme();
    }

    private void applyTheme() {
        if (timer == null) {
            return; // called by the JPanel constructor
        }
        setBackground(Theme.color("Parley.callView.background"));
        timer.setForeground(Theme.color("Parley.callView.timerForeground"));
    }

    /** How participants are named on their tiles; "User 222" by default. */
    public void setNameResolver(LongFunction<String> names) {
        remotes.setNames(names);
    }

    /**
     * The clock the call timer reads; by default the client's configured clock, or the
     * system's. Tests pass a {@link dev.parley.engine.testing.ManualClock}.
     */
    public void setClock(CallClock clock) {
        Objects.requireNonNull(clock, "clock");
        timer.setClock(clock::nanoTime);
    }

    /** Shows {@code session} (or nothing, with {@code null}), replacing what was shown. */
    public void setSession(CallSession session) {
        closePictureInPicture();
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        remotes.clear();
        activeSpeaker = -1;
        voices.stop();
        timer.reset();
        this.session = session;
        controlBar.setSession(session);
        local = null;
        preview = null;
        if (session != null) {
            preview = new LocalVideoPanel();
            if (session.conferenceType() == ConferenceType.VIDEO) {
                preview.setVideoTrack(session.localMediaStream().videoTrack());
            }
            preview.setAudioTrack(session.localMediaStream().audioTrack());
            local = new Tile(preview, Theme.text("tile.you"));
            local.setConnectionState(ConnectionState.CONNECTED);
            List<Long> others = new ArrayList<>(session.opponentIds());
            others.add(0, session.initiatorId());
            for (long id : others) {
                // an incoming call starts with its caller; other callees join as their links come up
                if (id != client.userId() && (!session.isIncoming() || id == session.initiatorId())) {
                    remotes.tileFor(id).setConnectionState(session.connectionState(id));
                    session.remoteVideoTrack(id).ifPresent(track -> remotes.videoOf(id).setVideoTrack(track));
                    session.remoteAudioTrack(id).ifPresent(track -> remotes.setVoice(id, track));
                }
            }
            subscription = client.addListener(new Events());
            activeSpeaker = session.activeSpeaker().orElse(-1);
            voices.start();
            if (session.state() == SessionState.CONNECTED) {
                timer.start();
            }
        }
        relayout();
    }

    /** The session shown, or {@code null}. */
    public CallSession session() {
        return session;
    }

    /** The control bar under the tiles. */
    public CallControlBar controlBar() {
        return controlBar;
    }

    /** Shows or hides the stats overlay on every tile. */
    public void setStatsVisible(boolean visible) {
        statsToggle.setSelected(visible);
        remotes.setStatsVisible(visible);
    }

    /** Whether the stats overlay is shown. */
    public boolean isStatsVisible() {
        return statsToggle.isSelected();
    }

    /** How many remote participants have a tile now. */
    public int remoteTileCount() {
        return remotes.size();
    }

    /** The call timer's text, "mm:ss" once connected. */
    public String elapsedText() {
        return timer.getText().trim();
    }

    /** The state text on {@code userId}'s tile ("" when connected), or {@code null} without a tile. */
    public String participantState(long userId) {
        Tile tile = remotes.tile(userId);
        return tile == null ? null : tile.stateText();
    }

    /** The remote video view of {@code userId}, or {@code null} without a tile. */
    public RemoteVideoView remoteView(long userId) {
        return remotes.viewOrNull(userId);
    }

    /** With one other participant, theirs fills the view and the local tile is an overlay; else a grid. */
    private void relayout() {
        stage.show(remotes.all(), local);
        selfView.setVisible(stage.isOverlay());
    }

    /** Shows or hides the local overlay of a 1:1 call (the grid of a group call always shows it). */
    public void setSelfViewVisible(boolean visible) {
        selfView.setSelected(!visible);
        selfView.setText(Theme.text(visible ? "callView.hideSelf" : "callView.showSelf"));
        stage.setSelfViewVisible(visible);
    }

    /** Whether the local overlay of a 1:1 call is shown. */
    public boolean isSelfViewVisible() {
        return stage.isSelfViewVisible();
    }

    /**
     * The corner of the local overlay in a 1:1 call ("TOP_LEFT", "TOP_RIGHT", "BOTTOM_LEFT",
     * "BOTTOM_RIGHT"), or {@code null} when the local tile is a cell of the grid.
     */
    public String selfViewCorner() {
        return stage.isOverlay() ? stage.corner().name() : null;
    }

    /**
     * The participant whose tile is shown large because they share a screen (their video has
     * no camera's shape or size), or -1.
     */
    public long featuredParticipant() {
        return remotes.idOf(stage.featured());
    }

    /** The network quality bars on {@code userId}'s tile, 0 to 3, or -1 before stats arrive or without a tile. */
    public int networkQuality(long userId) {
        Tile tile = remotes.tile(userId);
        return tile == null ? -1 : tile.qualityBars();
    }

    /** The sharing banner's text ("You are sharing ..."), or {@code null} when not sharing. */
    public String sharingBannerText() {
        return banner.shownText();
    }

    private void changed(long userId, ConnectionState state) {
        if (userId == client.userId()) {
            return;
        }
        remotes.stateChanged(userId, state);
        controlBar.refresh();
    }

    /** Ten times a second: who speaks how loud, who has the floor, whether the local microphone is muted. */
    private void showVoices() {
        if (session == null || session.state() == SessionState.CLOSED || !isShowing()) {
            if (session == null || session.state() == SessionState.CLOSED) {
                voices.stop();
            }
            return;
        }
        banner.follow(session);
        showPictureInPicture();
        stage.setFeatured(remotes.sharingScreen().orElse(null));
        AudioTrack microphone = session.localMediaStream().audioTrack();
        if (local != null) {
            // the preview's meter shows the local level; the tile shows the floor and a muted microphone
            local.setVoice(0, activeSpeaker == client.userId(), !microphone.isEnabled());
        }
        remotes.showVoices(activeSpeaker);
    }

    /** Whether {@code userId}'s tile (the local user's included) is highlighted as the active speaker. */
    public boolean isHighlightedAsSpeaker(long userId) {
        Tile tile = userId == client.userId() ? local : remotes.tile(userId);
        return tile != null && tile.isActiveSpeaker();
    }

    /**
     * Whether {@code userId}'s tile shows them speaking now: the bars on a participant's tile,
     * the microphone meter on the local preview ({@code false} when muted or silent).
     */
    public boolean showsSpeaking(long userId) {
        if (userId == client.userId()) {
            return preview != null && preview.meterLevel() >= SpeakingIndicator.AUDIBLE;
        }
        Tile tile = remotes.tile(userId);
        return tile != null && tile.showsSpeaking();
    }

    /** Whether the local tile shows the microphone muted. */
    public boolean showsLocalMuted() {
        return local != null && local.showsMuted();
    }

    /** Engine events for the shown session, on the EDT. */
    private final class Events implements CallListener {
        /** Runs {@code task} on the EDT if {@code from} is still the session shown by then. */
        private void later(CallSession from, Runnable task) {
            Edt.run(() -> {
                if (from == session) {
                    task.run();
                }
            });
        }

        @Override
        public void connectionStateChanged(CallSession s, long userId, ConnectionState state) {
            later(s, () -> changed(userId, state));
        }

        @Override
        public void remoteVideoTrackReceived(CallSession s, long userId, VideoTrack track) {
            later(s, () -> {
                if (!remotes.has(userId)) {
                    changed(userId, s.connectionState(userId));
                }
                remotes.videoOf(userId).setVideoTrack(track);
            });
        }

        @Override
        public void remoteAudioTrackReceived(CallSession s, long userId, AudioTrack track) {
            later(s, () -> remotes.setVoice(userId, track));
        }

        @Override
        public void activeSpeakerChanged(CallSession s, long userId) {
            later(s, () -> {
                activeSpeaker = userId;
                showVoices();
            });
        }

        @Override
        public void statsReportUpdated(CallSession s, long userId, StatsReport report) {
            later(s, () -> {
                Tile tile = remotes.tile(userId);
                if (tile != null) {
                    tile.setStats(report, isStatsVisible());
                }
            });
        }

        @Override
        public void sessionStateChanged(CallSession s, SessionState state) {
            later(s, () -> {
                if (state == SessionState.CONNECTED) {
                    timer.start();
                }
                controlBar.refresh();
            });
        }

        @Override
        public void sessionClosed(CallSession s) {
            later(s, () -> {
                closePictureInPicture();
                timer.stop();
                voices.stop();
                controlBar.refresh();
            });
        }
    }
}
