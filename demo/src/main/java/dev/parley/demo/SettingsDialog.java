package dev.parley.demo;

import dev.parley.engine.CameraDevice;
import dev.parley.engine.VideoFormat;
import java.awt.Window;
import javax.swing.ButtonGroup;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import net.miginfocom.swing.MigLayout;

/**
 * Camera (or the test pattern), video format and light/dark theme, remembered between runs.
 * New calls use the camera and format; the theme switches at once.
 *
 * <p>Threading: EDT.
 */
final class SettingsDialog extends JDialog {

    SettingsDialog(Window owner, DemoApp app) {
        super(owner, Texts.get("settings.title"), ModalityType.MODELESS);
        setName("parley.settingsDialog");
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
        JComboBox<VideoFormat> format = new JComboBox<>(DemoSettings.FORMATS.toArray(new VideoFormat[0]));
        format.setName("parley.settings.format");
        format.setSelectedItem(settings.format());
        format.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                VideoFormat f = (VideoFormat) value;
                String text = f == null ? "" : f.width() + "x" + f.height() + " @ " + f.frameRate() + " fps";
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
        JRadioButton light = new JRadioButton(Texts.get("settings.light"), !settings.darkTheme());
        JRadioButton dark = new JRadioButton(Texts.get("settings.dark"), settings.darkTheme());
        dark.setName("parley.settings.dark");
        light.setName("parley.settings.light");
        ButtonGroup theme = new ButtonGroup();
        theme.add(light);
        theme.add(dark);

        JPanel panel = new JPanel(new MigLayout("insets dialog, wrap 2", "[right][grow, fill]"));
        panel.add(new JLabel(Texts.get("settings.camera")));
        panel.add(camera);
        panel.add(new JLabel(Texts.get("settings.format")));
        panel.add(format);
        panel.add(new JLabel(Texts.get("settings.theme")));
        panel.add(light, "split 2");
        panel.add(dark);
        panel.add(new JLabel(Texts.get("settings.audio")), "span 2, wmax 360, gaptop unrel");
        JButton save = new JButton(Texts.get("settings.ok"));
        save.setName("parley.settings.save");
        JButton cancel = new JButton(Texts.get("settings.cancel"));
        panel.add(save, "span 2, split 2, tag ok, gaptop unrel");
        panel.add(cancel, "tag cancel");
        save.addActionListener(e -> {
            Object chosen = camera.getSelectedItem();
            settings.setCameraId(chosen instanceof CameraDevice device ? device.id() : DemoSettings.TEST_PATTERN);
            settings.setFormat((VideoFormat) format.getSelectedItem());
            if (dark.isSelected() != settings.darkTheme()) {
                app.applyTheme(dark.isSelected());
            }
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        getRootPane().setDefaultButton(save);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(owner);
    }
}
