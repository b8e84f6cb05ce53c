package dev.parley.demo;

import dev.parley.components.CallView;
import dev.parley.components.IncomingCallDialog;
import dev.parley.components.PreJoinDialog;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallException;
import dev.parley.engine.CallListener;
import dev.parley.engine.CallSession;
import dev.parley.engine.ConferenceType;
import dev.parley.engine.SessionState;
import dev.parley.engine.VideoCapture;
import dev.parley.engine.signaling.SignalingState;
import java.awt.CardLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * One local user's window: the people to call (or, signed in to a server, user ids to type),
 * Video call / Audio call for one to three of them, the incoming-call dialog, and the call
 * view with its control bar while in a call. Closing it hangs up and signs out.
 *
 * <p>Threading: EDT; the client's callbacks arrive on the EDT (the default executor).
 */
final class UserWindow extends JFrame {

    private final CallClient client;
    private final long userId;
    private final LongFunction<String> names;
    private final DemoSettings settings;
    private final Runnable onClosed;
    private TrayNotifier tray;
    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final JLabel status = new JLabel();
    private final JLabel message = new JLabel(" ");
    private final DefaultListModel<Long> people = new DefaultListModel<>();
    private final PeopleList peopleList;
    private final List<Long> contacts;
    private final JTextField search = new JTextField(18);
    private final JTextField ids = new JTextField(18);
    private final JTabbedPane tabs = new JTabbedPane();
    private final RecentCalls recent;
    private final Map<CallSession, PendingCall> pending = new HashMap<>();
    private final CallView callView;
    private final Timer presence;
    private CallSession current;
    private boolean closed;

    /**
     * @param contacts the people to offer, or {@code null} to let the user type ids (server mode)
     * @param presence whether a person is online, offline or in a call, for the list; {@code null} when unknown
     */
    UserWindow(CallClient client, String name, LongFunction<String> names, List<Long> contacts,
            LongFunction<PeopleList.Presence> presence, DemoSettings settings, Runnable onClosed) {
        super(Texts.get("user.title", name));
        this.client = client;
        this.userId = client.userId();
        this.names = names;
        this.settings = settings;
        this.onClosed = onClosed;
        this.peopleList = new PeopleList(people, names,
                presence != null ? presence : id -> PeopleList.Presence.ONLINE, this::call);
        // who is online or in a call changes without events: show it every second
        this.presence = new Timer(1000, e -> peopleList.repaint());
        this.contacts = contacts == null ? null : contacts.stream().filter(id -> id != userId).toList();
        setName("parley.window." + userId);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        callView = new CallView(client);
        callView.setName("parley.callView");
        callView.setNameResolver(names);

        JPanel idle = new JPanel(new MigLayout("insets dialog, fill, wrap 1", "[grow, fill]", "[grow, fill][][]"));
        idle.setName("parley.idle");
        JPanel callees = new JPanel(new MigLayout("insets panel, fill, wrap 1", "[grow, fill]", "[][grow, fill]"));
        if (this.contacts != null) {
            search.setName("parley.search");
            search.putClientProperty("JTextField.placeholderText", Texts.get("user.search"));
            search.putClientProperty("JTextField.showClearButton", true);
            search.getAccessibleContext().setAccessibleName(Texts.get("user.search"));
            search.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
                @Override
                public void insertUpdate(javax.swing.event.DocumentEvent e) {
                    filterPeople();
                }

                @Override
                public void removeUpdate(javax.swing.event.DocumentEvent e) {
                    filterPeople();
                }

                @Override
                public void changedUpdate(javax.swing.event.DocumentEvent e) {
                    filterPeople();
                }
            });
            callees.add(search);
            filterPeople();
            callees.add(new JScrollPane(peopleList));
            // someone not in the list
            ids.setName("parley.callById");
            ids.getAccessibleContext().setAccessibleName(Texts.get("user.callById"));
            ids.putClientProperty("JTextField.placeholderText", Texts.get("user.callByIdHint"));
            JButton byId = new JButton(Texts.get("user.callById"));
            byId.setName("parley.callByIdButton");
            byId.addActionListener(e -> callById());
            ids.addActionListener(e -> callById());
            callees.add(ids, "split 2, growx");
            callees.add(byId, "growx 0");
        } else {
            callees.add(new JLabel(Texts.get("user.ids")));
            ids.setName("parley.ids");
            ids.getAccessibleContext().setAccessibleName(Texts.get("user.ids"));
            callees.add(ids, "aligny top");
        }
        recent = new RecentCalls(CallHistory.load(DemoSettings.configDir(), userId), names, this::call,
                missed -> showRecentTitle());
        tabs.setName("parley.tabs");
        tabs.addTab(Texts.get(this.contacts != null ? "user.contacts" : "user.callTab"), callees);
        tabs.addTab("", recent);
        tabs.addChangeListener(e -> {
            if (tabs.getSelectedComponent() == recent) {
                recent.seen();
            }
        });
        showRecentTitle();
        tabs.setSelectedIndex(Math.max(0, Math.min(tabs.getTabCount() - 1, settings.windowTab(userId))));
        idle.add(tabs);
        JButton video = new JButton(Texts.get("user.videoCall"));
        video.setName("parley.videoCall");
        video.setMnemonic('V');
        JButton audio = new JButton(Texts.get("user.audioCall"));
        audio.setName("parley.audioCall");
        audio.setMnemonic('A');
        idle.add(video, "split 2, sg call");
        idle.add(audio, "sg call");
        message.setName("parley.message");
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        idle.add(message);
        video.addActionListener(e -> call(ConferenceType.VIDEO, null));
        audio.addActionListener(e -> call(ConferenceType.AUDIO, null));

        content.add(idle, "idle");
        content.add(callView, "call");
        status.setName("parley.status");
        JPanel root = new JPanel(new MigLayout("insets 0, fill, wrap 1", "[grow, fill]", "[][grow, fill]"));
        root.add(status, "gap 8 8 4 0");
        root.add(content);
        setContentPane(root);
        showStatus(client.signalingState());

        client.addListener(new Events());
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                if (tabs.getSelectedComponent() == recent) {
                    recent.seen(); // missed calls that came while the window was in the background
                }
            }
        });
        if (presence != null) {
            this.presence.start();
        }
        setSize(760, 600);
    }

    CallClient client() {
        return client;
    }

    long userId() {
        return userId;
    }

    /** The session on screen, or {@code null} when idle. */
    CallSession currentSession() {
        return current;
    }

    /** Where a call ringing unseen is told besides the dialog (the system tray). */
    void setTray(TrayNotifier tray) {
        this.tray = tray;
    }

    /** Hangs up, signs out, closes the window. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        presence.stop();
        if ((getExtendedState() & MAXIMIZED_BOTH) == 0) {
            settings.setWindowBounds(userId, getBounds());
        }
        settings.setWindowTab(userId, tabs.getSelectedIndex());
        callView.setSession(null);
        try {
            client.close(); // hangs up live sessions
        } catch (CallException e) {
            // closing anyway; the engine logged what failed
        }
        dispose();
        onClosed.run();
    }

    /** Calls {@code to}, or those chosen in the window when {@code null}. */
    private void call(ConferenceType type, List<Long> to) {
        if (to == null) {
            to = chosen();
        }
        if (to == null) {
            return;
        }
        VideoCapture capture = null;
        if (type == ConferenceType.VIDEO) {
            // the pre-join check: camera picture, microphone meter, devices; Join or Cancel
            Optional<PreJoinDialog.Choice> choice = PreJoinDialog.ask(this, client, settings::captureOf);
            if (choice.isEmpty()) {
                return;
            }
            capture = settings.captureOf(choice.get().camera());
        }
        try {
            CallSession session = client.createSession(to, type);
            if (capture != null) {
                session.localMediaStream().videoTrack().setVideoCapture(capture);
                capture = null;
            }
            session.startCall(Map.of("name", names.apply(userId)));
            pending.put(session, new PendingCall(CallHistory.Direction.OUTGOING, type, to));
            show(session);
        } catch (CallException | IllegalArgumentException | IllegalStateException e) {
            message.setText(Texts.get("user.callFailed", e.getMessage()));
        } finally {
            if (capture != null) {
                capture.close(); // the call never took it
            }
        }
    }

    /** Calls the ids typed under the list (video, through the pre-join check). */
    private void callById() {
        List<Long> to = typedIds();
        if (to != null && !to.isEmpty()) {
            call(ConferenceType.VIDEO, to);
        } else if (to != null) {
            message.setText(Texts.get("user.badIds"));
        }
    }

    /** The ids typed in the field, or {@code null} (and a message) when they are not numbers. */
    private List<Long> typedIds() {
        List<Long> to = new ArrayList<>();
        try {
            for (String part : ids.getText().split(",")) {
                if (!part.isBlank()) {
                    to.add(Long.parseLong(part.trim()));
                }
            }
        } catch (NumberFormatException e) {
            message.setText(Texts.get("user.badIds"));
            return null;
        }
        return to;
    }

    private List<Long> chosen() {
        List<Long> to = new ArrayList<>();
        if (contacts == null) {
            List<Long> typed = typedIds();
            if (typed == null) {
                return null;
            }
            to.addAll(typed);
        } else {
            to.addAll(peopleList.getSelectedValuesList());
        }
        if (to.isEmpty()) {
            message.setText(Texts.get("user.pickSomeone"));
            return null;
        }
        if (to.size() > CallClient.MAX_OPPONENTS) {
            message.setText(Texts.get("user.tooMany"));
            return null;
        }
        message.setText(" ");
        return to;
    }

    /** The people whose name or id contains what is typed in the search field. */
    private void filterPeople() {
        String typed = search.getText().trim().toLowerCase(java.util.Locale.ROOT);
        List<Long> selected = peopleList.getSelectedValuesList();
        people.clear();
        for (long id : contacts) {
            if (typed.isEmpty() || names.apply(id).toLowerCase(java.util.Locale.ROOT).contains(typed)
                    || Long.toString(id).contains(typed)) {
                people.addElement(id);
            }
        }
        for (long id : selected) {
            int index = people.indexOf(id);
            if (index >= 0) {
                peopleList.addSelectionInterval(index, index);
            }
        }
    }

    /** "Recent", or "Recent (2)" while there are missed calls not yet looked at. */
    private void showRecentTitle() {
        int missed = recent.unseenMissed();
        tabs.setTitleAt(1, missed == 0 ? Texts.get("recent.tab") : Texts.get("recent.tabMissed", missed));
    }

    /** The calls recorded, newest first. */
    List<CallHistory.Call> recentCalls() {
        return recent.calls();
    }

    private void record(CallSession session) {
        PendingCall call = pending.remove(session);
        if (call == null) {
            return;
        }
        record(call.finish());
    }

    private void record(CallHistory.Call call) {
        recent.record(call);
        if (tabs.getSelectedComponent() == recent && isFocused()) {
            recent.seen();
        }
    }

    private void show(CallSession session) {
        current = session;
        callView.setSession(session);
        cards.show(content, "call");
    }

    private void backToIdle() {
        current = null;
        callView.setSession(null);
        cards.show(content, "idle");
    }

    private void showStatus(SignalingState state) {
        status.setText(Texts.get("user.signedIn", names.apply(userId), userId) + " \u00b7 "
                + Texts.get("user.signaling." + state.name()));
    }

    private final class Events implements CallListener {
        @Override
        public void sessionReceived(CallSession session, Map<String, String> userInfo) {
            if (current != null && current.state() != SessionState.CLOSED) {
                session.rejectCall(Map.of("reason", "busy"));
                record(new PendingCall(CallHistory.Direction.INCOMING, session.conferenceType(),
                        List.of(session.initiatorId())).finish());
                return;
            }
            PendingCall call = new PendingCall(CallHistory.Direction.INCOMING, session.conferenceType(),
                    List.of(session.initiatorId()));
            pending.put(session, call);
            String caller = userInfo.getOrDefault("name", names.apply(session.initiatorId()));
            IncomingCallDialog dialog = new IncomingCallDialog(UserWindow.this, client, session, caller);
            dialog.setOnDecline(declined -> call.declined());
            dialog.setRingtone(settings.speaker(), settings.ringVolume() / 100.0);
            dialog.setOnAccept(accepted -> {
                if (accepted.conferenceType() == ConferenceType.VIDEO
                        && accepted.localMediaStream().videoTrack().isEnabled()) {
                    accepted.localMediaStream().videoTrack().setVideoCapture(settings.newCapture());
                }
                show(accepted);
            });
            boolean unseen = !isActive() || (getExtendedState() & ICONIFIED) != 0;
            dialog.showRinging();
            TitleFlash.whileRinging(UserWindow.this, Texts.get("user.ringingTitle", caller), dialog, dialog::isRinging);
            if (unseen && tray != null && tray.ringing(caller, session.conferenceType() == ConferenceType.VIDEO,
                    dialog::accept, dialog::decline, () -> {
                        setExtendedState(getExtendedState() & ~ICONIFIED);
                        toFront();
                    })) {
                dialog.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosed(WindowEvent e) {
                        tray.stopped();
                    }
                });
            }
        }

        @Override
        public void connectedToUser(CallSession session, long userId) {
            PendingCall call = pending.get(session);
            if (call != null) {
                call.connected();
            }
        }

        @Override
        public void rejectedByUser(CallSession session, long userId, Map<String, String> userInfo) {
            PendingCall call = pending.get(session);
            if (call != null) {
                call.declined();
            }
        }

        @Override
        public void sessionClosed(CallSession session) {
            record(session);
            if (session == current) {
                backToIdle();
            }
        }

        @Override
        public void signalingStateChanged(SignalingState state) {
            showStatus(state);
        }
    }
}
