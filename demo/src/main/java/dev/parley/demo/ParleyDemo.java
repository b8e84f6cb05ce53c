package dev.parley.demo;

import dev.parley.engine.SignalingException;
import dev.parley.engine.xmpp.XmppSettings;
import dev.parley.engine.xmpp.XmppSignaling;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.SwingUtilities;

/**
 * The Parley demo application.
 *
 * <ul>
 * <li>No arguments: the embedded mode. One process, in-process signaling, a launcher that
 *     opens a window per person; calls between them are real WebRTC.
 * <li>{@code --server HOST[:PORT]} (with optional {@code --domain D --app-id N --user ID
 *     --password P --trust server.pem --plaintext --ice "stun:..."}): signs in to an XMPP
 *     server on the QuickBlox wire. With user and password it logs in at once; otherwise, or
 *     when the login fails, the login dialog opens with what was given and the error.
 * <li>{@code --login}: the login dialog, filled with the last settings.
 * </ul>
 *
 * <p>Threading: everything runs on the EDT; engine callbacks arrive there by default.
 */
public final class ParleyDemo {

    private ParleyDemo() {
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        // before any text is read: the language chosen in the settings wins over the system's
        String language = DemoSettings.load().language();
        if (!language.isEmpty()) {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag(language));
        }
        SwingUtilities.invokeLater(() -> start(options));
    }

    private static void start(Map<String, String> options) {
        DemoSettings settings = DemoSettings.load();
        DemoApp.installTheme(settings.darkTheme());
        DemoApp app = new DemoApp(settings, true);
        if (!options.containsKey("server") && !options.containsKey("login")) {
            Launcher launcher = new Launcher(app);
            app.setLauncher(launcher);
            launcher.setVisible(true);
            return;
        }
        LoginDialog login = new LoginDialog(null, app);
        String server = options.get("server");
        String host = null;
        String port = null;
        if (server != null) {
            int colon = server.lastIndexOf(':');
            host = colon > 0 ? server.substring(0, colon) : server;
            port = colon > 0 ? server.substring(colon + 1) : String.valueOf(XmppSettings.DEFAULT_PORT);
        }
        login.prefill(host, port, options.get("domain"), options.get("app-id"), options.get("user"),
                options.get("password"), options.get("trust"));
        if (server != null && options.containsKey("user") && options.containsKey("password")) {
            try {
                XmppSettings.Builder builder = XmppSettings.builder().host(host).port(Integer.parseInt(port))
                        .domain(options.getOrDefault("domain", settings.get("domain", "chat.parley.test")))
                        .appId(Long.parseLong(options.getOrDefault("app-id", "1")))
                        .userId(Long.parseLong(options.get("user"))).password(options.get("password"));
                if (options.containsKey("trust")) {
                    builder.trustCertificate(Path.of(options.get("trust")));
                }
                if (options.containsKey("plaintext")) {
                    builder.allowPlaintext();
                }
                XmppSignaling channel = XmppSignaling.connect(builder.build());
                app.openServer(channel, DemoSettings.parseIceServers(options.getOrDefault("ice", "").replace(',', '\n')));
                return;
            } catch (SignalingException | IllegalArgumentException | IllegalStateException e) {
                login.showError(e.getMessage());
            }
        }
        login.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                if (app.windows().isEmpty()) {
                    app.shutDown();
                }
            }
        });
        login.setVisible(true);
    }

    /** {@code --name value} and {@code --flag} options. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> flags = List.of("plaintext", "login");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; see the README for the options");
            }
            String name = arg.substring(2);
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
        }
        return options;
    }
}
