package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/**
 * The demo in a German JVM (the {@code german-tests} execution sets {@code -Duser.language=de}):
 * the launcher, a person's window, the settings, login and room dialogs, the pre-join check and
 * the incoming-call dialog show no English text of the demo's or the widgets' bundles.
 */
class GermanDemoTest extends DemoGuiTest {

    private static final List<Pattern> ENGLISH = english();

    @Test
    void everyWindowSpeaksGerman() {
        assertThat(Locale.getDefault().getLanguage()).as("this JVM's language").isEqualTo("de");
        assertGerman(launcher.target());
        launcher.requireTitle("Parley-Demo");

        launcher.button("parley.settings").click();
        DialogFixture settings = WindowFinder.findDialog("parley.settingsDialog").withTimeout(10_000).using(robot);
        assertGerman(settings.target());
        settings.close();

        front(launcher).button("parley.connect").click();
        DialogFixture login = WindowFinder.findDialog("parley.login").withTimeout(10_000).using(robot);
        assertGerman(login.target());
        login.close();

        front(launcher).button("parley.room").click();
        DialogFixture room = WindowFinder.findDialog("parley.roomDialog").withTimeout(10_000).using(robot);
        assertGerman(room.target());
        room.close();

        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        assertGerman(alice.target());
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        front(alice).button("parley.videoCall").click();
        DialogFixture check = WindowFinder.findDialog("parley.preJoin").withTimeout(10_000).using(robot);
        assertGerman(check.target());
        answer(check, "parley.preJoin.cancel");

        front(alice).button("parley.audioCall").click();
        DialogFixture ringing = incomingDialog(bob);
        ringing.label("parley.callKind").requireText("Eingehender Audioanruf");
        assertGerman(ringing.target());
        assertGerman(alice.target()); // the call view with its control bar, ringing
    }

    /** No text of {@code window} (title, labels, buttons, tooltips, accessible names) is one of the English ones. */
    private static void assertGerman(Window window) {
        List<String> english = GuiActionRunner.execute(() -> {
            List<String> texts = new ArrayList<>();
            if (window instanceof Frame frame) {
                texts.add(frame.getTitle());
            } else if (window instanceof Dialog dialog) {
                texts.add(dialog.getTitle());
            }
            collect(window, texts);
            return texts.stream().filter(t -> t != null && ENGLISH.stream().anyMatch(p -> p.matcher(t).matches()))
                    .toList();
        });
        assertThat(english).as("English texts in %s", window.getName()).isEmpty();
    }

    private static void collect(Container container, List<String> texts) {
        for (Component c : container.getComponents()) {
            if (!c.isVisible()) {
                continue;
            }
            if (c instanceof JLabel label) {
                texts.add(label.getText());
            }
            if (c instanceof AbstractButton button) {
                texts.add(button.getText());
            }
            if (c instanceof JComponent component) {
                texts.add(component.getToolTipText());
                if (component.getAccessibleContext() != null) {
                    texts.add(component.getAccessibleContext().getAccessibleName());
                }
            }
            if (c instanceof Container inner) {
                collect(inner, texts);
            }
        }
    }

    /** Every English text of both bundles that German writes otherwise, as a pattern ({0} is anything). */
    private static List<Pattern> english() {
        List<Pattern> patterns = new ArrayList<>();
        for (String base : List.of("dev/parley/demo/Demo", "dev/parley/components/Messages")) {
            Properties en = load(base + ".properties");
            Properties de = load(base + "_de.properties");
            for (String key : en.stringPropertyNames()) {
                String text = en.getProperty(key);
                if (!text.equals(de.getProperty(key)) && text.length() > 2) {
                    String[] parts = text.split("\\{\\d+[^}]*\\}", -1);
                    List<String> quoted = new ArrayList<>();
                    for (String part : parts) {
                        quoted.add(Pattern.quote(part));
                    }
                    patterns.add(Pattern.compile(String.join(".*", quoted)));
                }
            }
        }
        return patterns;
    }

    private static Properties load(String resource) {
        try (InputStream in = GermanDemoTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
