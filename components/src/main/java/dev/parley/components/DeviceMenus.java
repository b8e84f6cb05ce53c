package dev.parley.components;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.CallClient;
import dev.parley.engine.CallException;
import dev.parley.engine.CallSession;
import dev.parley.engine.CameraCapture;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.DeviceListener;
import dev.parley.engine.Devices;
import dev.parley.engine.Subscription;
import dev.parley.engine.VideoFormat;
import java.awt.Component;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.ButtonGroup;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;

/**
 * The device menus of a {@link CallControlBar}: the microphones and speakers beside the mute
 * button, the cameras beside the camera button, the one in use checked. While a menu is open
 * it follows devices being plugged in and out.
 *
 * <p>Threading: EDT.
 */
final class DeviceMenus {

    private final Component owner;
    private final Supplier<CallClient> client;
    private final Supplier<CallSession> session;
    private JPopupMenu open;
    private Subscription watching;

    DeviceMenus(Component owner, Supplier<CallClient> client, Supplier<CallSession> session) {
        this.owner = owner;
        this.client = client;
        this.session = session;
    }

    /** Opens the microphone and speaker menu above {@code invoker}. */
    void showAudio(Component invoker) {
        show(invoker, "parley.audioDevicesMenu", this::fillAudio);
    }

    /** Opens the camera menu above {@code invoker}. */
    void showCameras(Component invoker) {
        show(invoker, "parley.cameraDevicesMenu", this::fillCameras);
    }

    /** The menu open now, or {@code null}. */
    JPopupMenu openMenu() {
        return open;
    }

    private void show(Component invoker, String name, Consumer<JPopupMenu> fill) {
        JPopupMenu menu = new JPopupMenu();
        menu.setName(name);
        fill.accept(menu);
        menu.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
                open = menu;
                watching = Devices.addListener(new DeviceListener() {
                    @Override
                    public void microphoneAdded(AudioDevice microphone) {
                        refill(menu, fill);
                    }

                    @Override
                    public void microphoneRemoved(AudioDevice microphone) {
                        refill(menu, fill);
                    }

                    @Override
                    public void speakerAdded(AudioDevice speaker) {
                        refill(menu, fill);
                    }

                    @Override
                    public void speakerRemoved(AudioDevice speaker) {
                        refill(menu, fill);
                    }

                    @Override
                    public void cameraAdded(CameraDevice camera) {
                        refill(menu, fill);
                    }

                    @Override
                    public void cameraRemoved(CameraDevice camera) {
                        refill(menu, fill);
                    }
                });
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
                stopWatching(menu);
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
                stopWatching(menu);
            }
        });
        menu.show(invoker, 0, -menu.getPreferredSize().height);
    }

    private void refill(JPopupMenu menu, Consumer<JPopupMenu> fill) {
        if (!menu.isVisible()) {
            return;
        }
        menu.removeAll();
        fill.accept(menu);
        menu.pack();
        menu.revalidate();
        menu.repaint();
    }

    private void stopWatching(JPopupMenu menu) {
        if (open == menu) {
            open = null;
        }
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    private void fillAudio(JPopupMenu menu) {
        CallClient current = client.get();
        section(menu, Theme.text("devices.microphones"), Devices.microphones(),
                current == null ? Optional.empty() : current.microphone(), device -> current.setMicrophone(device));
        menu.addSeparator();
        section(menu, Theme.text("devices.speakers"), Devices.speakers(),
                current == null ? Optional.empty() : current.speaker(), device -> current.setSpeaker(device));
    }

    private void section(JPopupMenu menu, String title, List<AudioDevice> devices, Optional<AudioDevice> inUse,
            Consumer<AudioDevice> choose) {
        header(menu, title);
        ButtonGroup group = new ButtonGroup();
        for (AudioDevice device : devices) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(device.name(), inUse.map(device::equals).orElse(false));
            item.setName("parley.device." + device.id());
            item.addActionListener(e -> use(title, device.name(), () -> choose.accept(device)));
            group.add(item);
            menu.add(item);
        }
        if (devices.isEmpty()) {
            none(menu);
        }
    }

    private void fillCameras(JPopupMenu menu) {
        header(menu, Theme.text("devices.cameras"));
        CallSession call = session.get();
        Optional<CameraDevice> inUse = call == null ? Optional.empty()
                : call.localMediaStream().videoTrack().videoCapture()
                        .filter(CameraCapture.class::isInstance).map(c -> ((CameraCapture) c).device());
        ButtonGroup group = new ButtonGroup();
        List<CameraDevice> cameras = cameras();
        for (CameraDevice camera : cameras) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(camera.name(), inUse.map(camera::equals).orElse(false));
            item.setName("parley.device." + camera.id());
            item.addActionListener(e -> use(Theme.text("devices.cameras"), camera.name(), () -> call.localMediaStream()
                    .videoTrack().setVideoCapture(new CameraCapture(VideoFormat.DEFAULT, camera))));
            group.add(item);
            menu.add(item);
        }
        if (cameras.isEmpty()) {
            none(menu);
        }
    }

    private static List<CameraDevice> cameras() {
        try {
            return Devices.cameras();
        } catch (CallException e) {
            return List.of();
        }
    }

    private void use(String what, String name, Runnable choice) {
        try {
            choice.run();
        } catch (CallException | IllegalStateException e) {
            JOptionPane.showMessageDialog(owner, Theme.text("devices.unavailable", name, e.getMessage()), what,
                    JOptionPane.WARNING_MESSAGE);
        }
    }

    private static void header(JPopupMenu menu, String title) {
        JMenuItem header = new JMenuItem(title);
        header.setEnabled(false);
        header.setFont(header.getFont().deriveFont(java.awt.Font.BOLD));
        menu.add(header);
    }

    private static void none(JPopupMenu menu) {
        JMenuItem none = new JMenuItem(Theme.text("devices.none"));
        none.setEnabled(false);
        menu.add(none);
    }
}
