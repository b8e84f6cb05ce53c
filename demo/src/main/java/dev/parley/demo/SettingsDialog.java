package dev.parley.demo;

import dev.parley.components.LevelMeter;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.Devices;
import dev.parley.engine.MediaException;
import dev.parley.engine.MicrophoneMeter;
import dev.parley.engine.VideoFormat;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import javax.swing.ButtonGroup;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JSlider;
import net.miginfocom.swing.MigLayout;

/**
 * Microphone, speaker, camera (or the test pattern), video format and light/dark theme,
 * remembered between runs. The microphone has a live meter and the speaker a test sound, so
 * people can check both before a call. Saving moves every open window's client to the chosen
 * microphone and speaker at once (also mid-call); new calls use the camera and format; the
 * theme switches at once.
 *
 * <p>Threading: EDT.
 */
final class SettingsDialog extends JDialog {

    private MicrophoneMeter listening;

    SettingsDialog(Window owner, DemoApp app) {
        super(owner, Texts.get("settings.title"), ModalityType.MODELESS);
        setName("parley.settingsDialog");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE); // the meter closes with the dialog
        DemoSettings settings = app.settings();
        DefaultComboBoxModel<Object> cameras = new DefaultComboBoxModel<>();
        cameras.addElement(Texts.get("settings.testPattern"));
        DemoSettings.cameras().forEach(cameras::addElement);
        JComboBox<Object> camera = new JComboBox<>(cameras);
        camera.setName("parley.settings.camera");
        for (int i = 1; i < cameras.getSize(); i++) {
            if (((CameraDevice) cameras.getElementAt(i)).id().equals(settings.cameraId())) {
                camera.setSelectedIndex(i);
            }
        }
        JComboBox<Object> microphone = deviceChoice("parley.settings.microphone", Devices.microphones(),
                settings.microphoneId());
        JComboBox<Object> speaker = deviceChoice("parley.settings.speaker", Devices.speakers(), settings.speakerId());
        LevelMeter meter = new LevelMeter();
        meter.setName("parley.settings.microphoneLevel");
        listenTo(microphone.getSelectedItem(), meter);
        microphone.addActionListener(e -> listenTo(microphone.getSelectedItem(), meter));
        JButton testSound = new JButton(Texts.get("settings.testSound"));
        testSound.setName("parley.settings.testSound");
        testSound.addActionListener(e -> playTestSound(speaker.getSelectedItem()));
        JSlider ringVolume = new JSlider(0, 100, settings.ringVolume());
        ringVolume.setName("parley.settings.ringVolume");
        ringVolume.setMajorTickSpacing(25);
        ringVolume.setPaintTicks(true);
        // as wide as its widest text, so that the slider does not move as the number changes
        JLabel ringVolumeValue = new JLabel(percent(100));
        ringVolumeValue.setPreferredSize(ringVolumeValue.getPreferredSize());
        ringVolumeValue.setText(percent(ringVolume.getValue()));
        ringVolumeValue.setName("parley.settings.ringVolumeValue");
        ringVolume.addChangeListener(e -> {
            String value = percent(ringVolume.getValue());
            ringVolumeValue.setText(value);
            ringVolume.getAccessibleContext().setAccessibleDescription(value);
        });
        ringVolume.getAccessibleContext().setAccessibleDescription(ringVolumeValue.getText());
        boolean noSound = Devices.microphones().isEmpty() && Devices.speakers().isEmpty();
        JComboBox<VideoFormat> format = new JComboBox<>(DemoSettings.FORMATS.toArray(new VideoFormat[0]));
        format.setName("parley.settings.format");
        format.setSelectedItem(settings.format());
        format.setRenderer(shownAs(value -> value instanceof VideoFormat f
                ? f.width() + "x" + f.height() + " @ " + f.frameRate() + " fps" : ""));
        JRadioButton light = new JRadioButton(Texts.get("settings.light"), !settings.darkTheme());
        JRadioButton dark = new JRadioButton(Texts.get("settings.dark"), settings.darkTheme());
        dark.setName("parley.settings.dark");
        light.setName("parley.settings.light");
        ButtonGroup theme = new ButtonGroup();
        theme.add(light);
        theme.add(dark);

        JComboBox<String> language = new JComboBox<>();
        language.setName("parley.settings.language");
        language.addItem("");
        DemoSettings.LANGUAGES.forEach(language::addItem);
        language.setSelectedItem(settings.language());
        // each language named in itself, as people look for their own
        language.setRenderer(shownAs(value -> value == null || "".equals(value) ? Texts.get("settings.languageSystem")
                : java.util.Locale.forLanguageTag((String) value).getDisplayLanguage(
                        java.util.Locale.forLanguageTag((String) value))));
        JLabel languageNote = new JLabel(Texts.get("settings.languageNote"));
        languageNote.setName("parley.settings.languageNote");
        languageNote.setVisible(false);
        language.addActionListener(e ->
                languageNote.setVisible(!settings.language().equals(language.getSelectedItem())));

        JPanel panel = new JPanel(new MigLayout("insets dialog, wrap 2, hidemode 3", "[right][grow, fill]"));
        panel.add(Texts.label("settings.microphone", microphone));
        panel.add(microphone);
        panel.add(new JLabel());
        panel.add(meter, "h 14!");
        panel.add(Texts.label("settings.speaker", speaker));
        panel.add(speaker, "split 2, growx");
        panel.add(testSound, "growx 0");
        panel.add(Texts.label("settings.ringVolume", ringVolume));
        panel.add(ringVolume, "split 2, growx");
        panel.add(ringVolumeValue);
        if (noSound) {
            microphone.setEnabled(false);
            speaker.setEnabled(false);
            testSound.setEnabled(false);
            ringVolume.setEnabled(false);
            panel.add(new JLabel(Texts.get("settings.noSound")), "skip, wmax 360");
        }
        panel.add(Texts.label("settings.camera", camera), "gaptop unrel");
        panel.add(camera);
        panel.add(Texts.label("settings.format", format));
        panel.add(format);
        panel.add(new JLabel(Texts.get("settings.theme")));
        panel.add(light, "split 2");
        panel.add(dark);
        panel.add(Texts.label("settings.language", language));
        panel.add(language);
        panel.add(languageNote, "skip");
        JButton save = new JButton(Texts.get("settings.ok"));
        save.setName("parley.settings.save");
        JButton cancel = new JButton(Texts.get("settings.cancel"));
        panel.add(save, "span 2, split 2, tag ok, gaptop unrel");
        panel.add(cancel, "tag cancel");
        save.addActionListener(e -> {
            Object chosen = camera.getSelectedItem();
            settings.setCameraId(chosen instanceof CameraDevice device ? device.id() : DemoSettings.TEST_PATTERN);
            settings.setFormat((VideoFormat) format.getSelectedItem());
            settings.setMicrophoneId(idOf(microphone.getSelectedItem()));
            settings.setSpeakerId(idOf(speaker.getSelectedItem()));
            settings.setRingVolume(ringVolume.getValue());
            app.applyAudio();
            settings.setLanguage((String) language.getSelectedItem());
            if (dark.isSelected() != settings.darkTheme()) {
                app.applyTheme(dark.isSelected());
            }
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                closeMeter();
            }
        });
        getRootPane().setDefaultButton(save);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(owner);
    }

    /** A list cell that shows {@code text} of each value. */
    private static javax.swing.ListCellRenderer<Object> shownAs(java.util.function.Function<Object, String> text) {
        return new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, text.apply(value), index, selected, focus);
            }
        };
    }

    /** "System default", then the devices; the remembered one selected (the default when it is gone). */
    private static JComboBox<Object> deviceChoice(String name, List<AudioDevice> devices, String chosenId) {
        DefaultComboBoxModel<Object> model = new DefaultComboBoxModel<>();
        model.addElement(Texts.get("settings.systemDefault"));
        devices.forEach(model::addElement);
        JComboBox<Object> choice = new JComboBox<>(model);
        choice.setName(name);
        devices.stream().filter(d -> d.id().equals(chosenId)).findFirst().ifPresent(choice::setSelectedItem);
        return choice;
    }

    private static String idOf(Object item) {
        return item instanceof AudioDevice device ? device.id() : null;
    }

    /** The meter listens to {@code item} (a microphone, or the default) from now on. */
    private void listenTo(Object item, LevelMeter meter) {
        closeMeter();
        try {
            listening = MicrophoneMeter.open(item instanceof AudioDevice device ? device : null);
            MicrophoneMeter current = listening;
            meter.setLevelSource(current::level);
        } catch (MediaException e) {
            meter.setLevelSource(() -> 0);
        }
    }

    private void closeMeter() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
    }

    /** {@code value} per cent, written as the locale writes it ("80%", "80 %"). */
    private static String percent(int value) {
        return java.text.NumberFormat.getPercentInstance().format(value / 100.0);
    }

    private void playTestSound(Object item) {
        try {
            Devices.playTestSound(item instanceof AudioDevice device ? device : null);
        } catch (MediaException e) {
            JOptionPane.showMessageDialog(this, e.getMessage(), Texts.get("settings.speaker"),
                    JOptionPane.WARNING_MESSAGE);
        }
    }
}
