package dev.parley.demo;

import java.awt.Frame;
import java.awt.Window;
import java.util.function.BooleanSupplier;
import javax.swing.Timer;

/**
 * Makes a window's title alternate with "Bob is calling…" while a call rings and none of the
 * window's own windows (itself, the incoming-call dialog) is active: the taskbar shows it even
 * when the window is minimised or behind others. It stops, and the title comes back, when the
 * call stops ringing or the person comes to the window.
 *
 * <p>Threading: EDT.
 */
final class TitleFlash {

    private static final int PERIOD_MILLIS = 800;

    private final Frame frame;
    private final String title;
    private final String ringing;
    private final Window dialog;
    private final BooleanSupplier stillRinging;
    private final Timer timer;

    private TitleFlash(Frame frame, String ringing, Window dialog, BooleanSupplier stillRinging) {
        this.frame = frame;
        this.title = frame.getTitle();
        this.ringing = ringing;
        this.dialog = dialog;
        this.stillRinging = stillRinging;
        this.timer = new Timer(PERIOD_MILLIS, e -> tick());
    }

    /** Flashes {@code frame}'s title with {@code ringing} while {@code stillRinging} and nobody looks. */
    static void whileRinging(Frame frame, String ringing, Window dialog, BooleanSupplier stillRinging) {
        TitleFlash flash = new TitleFlash(frame, ringing, dialog, stillRinging);
        flash.timer.start();
        flash.tick();
    }

    private void tick() {
        boolean looking = frame.isActive() || dialog.isActive();
        if (!stillRinging.getAsBoolean() || !frame.isDisplayable()) {
            timer.stop();
            frame.setTitle(title);
        } else if (looking) {
            frame.setTitle(title);
        } else {
            frame.setTitle(frame.getTitle().equals(title) ? ringing : title);
        }
    }
}
