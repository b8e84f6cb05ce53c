package dev.parley.demo;

import dev.parley.engine.IceServer;
import dev.parley.engine.SignalingException;
import dev.parley.engine.xmpp.XmppSettings;
import dev.parley.engine.xmpp.XmppSignaling;
import java.awt.Window;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * Logs in to an XMPP server with the QuickBlox addressing: host, port, chat domain, app id,
 * user id, password, a certificate to trust, and STUN/TURN servers. The login runs off the
 * EDT; a wrong password, an unreachable server or a TLS failure shows its message here and the
 * user can correct and retry. Everything but the password is remembered.
 *
 * <p>Threading: EDT.
 */
final class LoginDialog extends JDialog {

    private final DemoApp app;
    private final JTextField host;
    private final JTextField port;
    private final JTextField domain;
    private final JTextField appId;
    private final JTextField userId;
    private final JTextField certificate;
    private final JPasswordField password = new JPasswordField(16);
    private final JCheckBox plaintext = new JCheckBox(Texts.get("login.plaintext"));
    private final JTextArea iceServers = new JTextArea(3, 28);
    private final JLabel error = new JLabel(" ");
    private final JButton connect = new JButton(Texts.get("login.connect"));

    LoginDialog(Window owner, DemoApp app) {
        super(owner, Texts.get("login.title"), ModalityType.MODELESS);
        this.app = app;
        host = field("host", "127.0.0.1");
        port = field("port", "5222");
        domain = field("domain", "chat.parley.test");
        appId = field("appId", "1");
        userId = field("userId", "");
        certificate = field("certificate", "");
        setName("parley.login");
        password.setName("parley.login.password");
        plaintext.setName("parley.login.plaintext");
        plaintext.setSelected(Boolean.parseBoolean(app.settings().get("plaintext", "false")));
        iceServers.setName("parley.login.iceServers");
        iceServers.setText(app.settings().get("iceServers", ""));
        error.setName("parley.login.error");
        error.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        connect.setName("parley.login.connect");

        JPanel panel = new JPanel(new MigLayout("insets dialog, wrap 2", "[right][grow, fill]"));
        row(panel, "login.host", host);
        row(panel, "login.port", port);
        row(panel, "login.domain", domain);
        row(panel, "login.appId", appId);
        row(panel, "login.userId", userId);
        row(panel, "login.password", password);
        JButton browse = new JButton(Texts.get("login.browse"));
        browse.addActionListener(e -> chooseCertificate());
        panel.add(Texts.label("login.certificate", certificate));
        panel.add(certificate, "split 2");
        panel.add(browse, "grow 0");
        panel.add(plaintext, "skip");
        panel.add(Texts.label("login.iceServers", iceServers), "aligny top");
        panel.add(new JScrollPane(iceServers));
        panel.add(new JLabel(Texts.get("login.iceHint")), "skip");
        panel.add(error, "span 2, wmax 460, gaptop unrel");
        JButton cancel = new JButton(Texts.get("login.cancel"));
        cancel.addActionListener(e -> dispose());
        panel.add(connect, "span 2, split 2, tag ok");
        panel.add(cancel, "tag cancel");
        connect.addActionListener(e -> logIn());
        getRootPane().setDefaultButton(connect);
        setContentPane(panel);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Fills the fields from command-line options, overriding what was remembered. */
    void prefill(String hostValue, String portValue, String domainValue, String appIdValue, String userValue,
            String passwordValue, String certificateValue) {
        set(host, hostValue);
        set(port, portValue);
        set(domain, domainValue);
        set(appId, appIdValue);
        set(userId, userValue);
        if (passwordValue != null) {
            password.setText(passwordValue);
        }
        set(certificate, certificateValue);
    }

    /** Shows a message in the dialog, as a failed login does. */
    void showError(String text) {
        error.setText("<html>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</html>");
        pack();
    }

    private void logIn() {
        XmppSettings settings;
        List<IceServer> ice;
        try {
            XmppSettings.Builder builder = XmppSettings.builder()
                    .host(required(host, "login.host")).port((int) number(port, "login.port"))
                    .domain(required(domain, "login.domain")).appId(number(appId, "login.appId"))
                    .userId(number(userId, "login.userId")).password(new String(password.getPassword()));
            if (!certificate.getText().isBlank()) {
                builder.trustCertificate(Path.of(certificate.getText().trim()));
            }
            if (plaintext.isSelected()) {
                builder.allowPlaintext();
            }
            settings = builder.build();
            ice = DemoSettings.parseIceServers(iceServers.getText());
        } catch (IllegalArgumentException | IllegalStateException e) {
            showError(e.getMessage());
            return;
        }
        remember();
        connect.setEnabled(false);
        connect.setText(Texts.get("login.connecting"));
        error.setText(" ");
        new SwingWorker<XmppSignaling, Void>() {
            @Override
            protected XmppSignaling doInBackground() {
                return XmppSignaling.connect(settings);
            }

            @Override
            protected void done() {
                connect.setEnabled(true);
                connect.setText(Texts.get("login.connect"));
                try {
                    XmppSignaling channel = get();
                    if (!isDisplayable()) {
                        channel.close(); // cancelled while logging in
                        return;
                    }
                    dispose();
                    app.openServer(channel, ice);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    showError(cause instanceof SignalingException ? cause.getMessage() : String.valueOf(cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void remember() {
        app.settings().put("host", host.getText().trim());
        app.settings().put("port", port.getText().trim());
        app.settings().put("domain", domain.getText().trim());
        app.settings().put("appId", appId.getText().trim());
        app.settings().put("userId", userId.getText().trim());
        app.settings().put("certificate", certificate.getText().trim());
        app.settings().put("plaintext", Boolean.toString(plaintext.isSelected()));
        app.settings().put("iceServers", iceServers.getText());
        // never the password
    }

    private void chooseCertificate() {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            certificate.setText(chooser.getSelectedFile().getPath());
        }
    }

    private JTextField field(String key, String fallback) {
        JTextField field = new JTextField(app.settings().get(key, fallback), 16);
        field.setName("parley.login." + key);
        return field;
    }

    private static void row(JPanel panel, String labelKey, javax.swing.JComponent field) {
        panel.add(Texts.label(labelKey, field));
        panel.add(field);
    }

    private static void set(JTextField field, String value) {
        if (value != null) {
            field.setText(value);
        }
    }

    private static String required(JTextField field, String labelKey) {
        String text = field.getText().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Texts.get("login.missing", Texts.get(labelKey)));
        }
        return text;
    }

    private static long number(JTextField field, String labelKey) {
        try {
            long value = Long.parseLong(required(field, labelKey));
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Texts.get("login.invalid", Texts.get(labelKey)));
        }
    }
}
