package dev.parley.demo;

import java.awt.Frame;
import java.time.Duration;
import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;

/** A call that rings in a minimised window flashes its title, and the title comes back when it stops. */
class RingingTitleDemoTest extends DemoGuiTest {

    @Test
    void aMinimisedWindowFlashesWhoIsCallingUntilTheCallStops() {
        FrameFixture alice = open(111);
        FrameFixture bob = open(222);
        GuiActionRunner.execute(() -> {
            bob.target().setExtendedState(Frame.ICONIFIED);
            return null;
        });
        front(alice).list("parley.people").selectItem(Pattern.compile("Bob.*"));
        alice.button("parley.audioCall").click();
        await(() -> "\u260e Alice is calling\u2026".equals(GuiActionRunner.execute(() -> bob.target().getTitle())),
                Duration.ofSeconds(5), () -> "Bob's title flashing, now " + GuiActionRunner.execute(() -> bob.target().getTitle()));

        front(alice).button("parley.hangUp").click();
        await(() -> "Parley \u2014 Bob".equals(GuiActionRunner.execute(() -> bob.target().getTitle())),
                Duration.ofSeconds(5), () -> "Bob's title back, now " + GuiActionRunner.execute(() -> bob.target().getTitle()));
    }
}
