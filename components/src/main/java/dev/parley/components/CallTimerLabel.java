package dev.parley.components;

import java.awt.Font;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.swing.JLabel;
import javax.swing.Timer;

/**
 * The call's elapsed time, "mm:ss" from the moment it connects, ticking once a second; blank
 * before and after.
 *
 * <p>Threading: EDT.
 */
final class CallTimerLabel extends JLabel {

    private final Timer ticks = new Timer(1000, e -> showElapsed());
    private LongSupplier nanoTime;
    private long startedAt;
    private boolean running;

    CallTimerLabel(LongSupplier nanoTime) {
        super(" ");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        setName("parley.callTimer");
        setFont(getFont().deriveFont(Font.BOLD));
    }

    /** The clock the timer reads from now on. */
    void setClock(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Starts counting from now; nothing when already counting. */
    void start() {
        if (!running) {
            running = true;
            startedAt = nanoTime.getAsLong();
            showElapsed();
            ticks.start();
        }
    }

    /** Stops ticking; the time shown stays. */
    void stop() {
        ticks.stop();
    }

    /** Stops and blanks the timer, ready for another call. */
    void reset() {
        ticks.stop();
        running = false;
        setText(" ");
    }

    private void showElapsed() {
        long seconds = (nanoTime.getAsLong() - startedAt) / 1_000_000_000L;
        setText(String.format("%02d:%02d", seconds / 60, seconds % 60));
    }
}
