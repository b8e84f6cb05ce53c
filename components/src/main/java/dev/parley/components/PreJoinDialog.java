package dev.parley.components;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.CallClient;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.Devices;
import dev.parley.engine.MediaException;
import dev.parley.engine.MicrophoneMeter;
import dev.parley.engine.VideoCapture;
import dev.parley.engine.VideoPreview;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * A check before joining a call: the camera's picture, a meter that moves with the microphone,
 * the microphone, speaker and camera to use, then "Join" or "Cancel". Join moves the client to
 * the chosen microphone and speaker and answers the chosen camera; the camera list also
 * offers what {@code captures} makes of {@code null} (for instance a test pattern), first when
 * there is no camera.
 *
 * <pre>{@code
 * PreJoinDialog.ask(window, client, camera -> camera == null ? new TestPatternCapture()
 *         : new CameraCapture(VideoFormat.DEFAULT, camera)).ifPresent(choice -> startCallWith(choice.camera()));
 * }</pre>
 *
 * <p>The preview and the meter run only while the dialog shows and are closed with it.
 *
 * <p>Threading: EDT only.
 */
public class PreJoinDialog extends JDialog {

    /** What was chosen: the camera ({@code null}: what the captures function makes of null). */
    public record Choice(CameraDevice camera) {
    }

    private final CallClient client;
    private final Function<CameraDevice, VideoCapture> captures;
    private final LocalVideoPanel preview = new LocalVideoPanel();
    private final LevelMeter meter = new LevelMeter();
    private final JComboBox<Object> microphone;
    private final JComboBox<Object> speaker;
    private final JComboBox<Object> camera = new JComboBox<>();
    private VideoPreview video;
    private MicrophoneMeter listening;
    private Choice choice;

    /** A pre-join check for {@code client} over {@code owner}; {@link #ask} is the usual way in. */
    public PreJoinDialog(Window owner, CallClient client, Function<CameraDevice, VideoCapture> captures) {
        super(owner, Theme.text("preJoin.title"), ModalityType.APPLICATION_MODAL);
        setName("parley.preJoin");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE); // the preview and the meter close with the dialog
        this.client = client;
        this.captures = captures;
        microphone = devices("parley.preJoin.microphone", Devices.microphones(), client.microphone());
        speaker = devices("parley.preJoin.speaker", Devices.speakers(), client.speaker());
        camera.setName("parley.preJoin.camera");
        camera.addItem(Theme.text("preJoin.noCamera"));
        Devices.cameras().forEach(camera::addItem);
        if (camera.getItemCount() > 1) {
            camera.setSelectedIndex(1);
        }
        meter.setName("parley.preJoin.level");
        preview.setName("parley.preJoin.preview");
        microphone.addActionListener(e -> listen());
        camera.addActionListener(e -> showCamera());
        JButton join = new JButton(Theme.text("preJoin.join"));
        join.setName("parley.preJoin.join");
        join.addActionListener(e -> join());
        JButton cancel = new JButton(Theme.text("preJoin.cancel"));
        cancel.setName("parley.preJoin.cancel");
        cancel.addActionListener(e -> dispose());

        setLayout(new MigLayout("insets dialog, wrap 2", "[right][grow, fill]"));
        add(preview, "span 2, grow, w 320!, h 240!, wrap");
        add(labelFor("preJoin.microphone", microphone));
        add(microphone);
        add(new JLabel());
        add(meter, "h 12!");
        add(labelFor("preJoin.speaker", speaker));
        add(speaker);
        add(labelFor("preJoin.camera", camera));
        add(camera);
        add(join, "span 2, split 2, right, tag ok, gaptop unrel");
        add(cancel, "tag cancel");
        getRootPane().setDefaultButton(join);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                release();
            }
        });
        listen();
        showCamera();
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Shows the check over {@code parent}'s window and waits; the choice when Join was pressed,
     * empty when cancelled.
     */
    public static Optional<Choice> ask(Component parent, CallClient client,
            Function<CameraDevice, VideoCapture> captures) {
        Window owner = parent instanceof Window window ? window
                : parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        PreJoinDialog dialog = new PreJoinDialog(owner, client, captures);
        dialog.setVisible(true);
        return dialog.choice();
    }

    /** The choice, once the dialog closed with Join. */
    public Optional<Choice> choice() {
        return Optional.ofNullable(choice);
    }

    /** How much of the microphone meter is lit now, 0.0 to 1.0. */
    public double meterLevel() {
        return meter.litFraction();
    }

    private JComboBox<Object> devices(String name, List<AudioDevice> devices, Optional<AudioDevice> inUse) {
        DefaultComboBoxModel<Object> model = new DefaultComboBoxModel<>();
        model.addElement(Theme.text("preJoin.systemDefault"));
        devices.forEach(model::addElement);
        JComboBox<Object> box = new JComboBox<>(model);
        box.setName(name);
        inUse.ifPresent(box::setSelectedItem);
        box.setEnabled(!devices.isEmpty());
        return box;
    }

    private void listen() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
        try {
            listening = MicrophoneMeter.open(chosen(microphone));
            MicrophoneMeter current = listening;
            meter.setLevelSource(current::level);
        } catch (MediaException e) {
            meter.setLevelSource(() -> 0);
        }
    }

    private void showCamera() {
        CameraDevice device = camera.getSelectedItem() instanceof CameraDevice d ? d : null;
        try {
            VideoCapture capture = captures.apply(device);
            if (video == null) {
                video = VideoPreview.open(client, capture);
                preview.setVideoTrack(video.videoTrack());
            } else {
                video.setVideoCapture(capture);
            }
        } catch (MediaException | IllegalStateException e) {
            preview.setVideoTrack(null);
        }
    }

    private void join() {
        try {
            client.setMicrophone(chosen(microphone));
            client.setSpeaker(chosen(speaker));
        } catch (MediaException e) {
            // the device went meanwhile: the client keeps the default
        }
        choice = new Choice(camera.getSelectedItem() instanceof CameraDevice d ? d : null);
        dispose();
    }

    private static AudioDevice chosen(JComboBox<Object> box) {
        return box.getSelectedItem() instanceof AudioDevice device ? device : null;
    }

    private void release() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
        preview.setVideoTrack(null);
        if (video != null) {
            video.close();
            video = null;
        }
    }

    /** A label with {@code key}'s text that names {@code field} for screen readers. */
    private static JLabel labelFor(String key, JComponent field) {
        JLabel label = new JLabel(Theme.text(key));
        label.setLabelFor(field);
        return label;
    }
}
