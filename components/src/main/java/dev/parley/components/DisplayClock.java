package dev.parley.components;

import java.util.ArrayList;
import java.util.List;
import javax.swing.Timer;

/**
 * One 60 Hz tick on the EDT for every video view, the way a display refresh drives painting:
 * at each tick, views whose renderer holds a frame not yet painted repaint, once. The media
 * thread only swaps buffers and sets a flag; it never posts to the EDT, so it allocates
 * nothing per frame and never waits on the EDT. The timer runs only while some view shows a
 * track.
 *
 * <p>Threading: EDT only.
 */
final class DisplayClock {

    /** One tick per 60 Hz display refresh. */
    static final int TICK_MILLIS = 16;

    private static final List<FrameRenderer> RENDERERS = new ArrayList<>();
    private static final Timer TIMER = new Timer(TICK_MILLIS, e -> tick());

    private DisplayClock() {
    }

    static void register(FrameRenderer renderer) {
        if (!RENDERERS.contains(renderer)) {
            RENDERERS.add(renderer);
        }
        if (!TIMER.isRunning()) {
            TIMER.start();
        }
    }

    static void unregister(FrameRenderer renderer) {
        RENDERERS.remove(renderer);
        if (RENDERERS.isEmpty()) {
            TIMER.stop();
        }
    }

    private static void tick() {
        for (int i = 0; i < RENDERERS.size(); i++) {
            RENDERERS.get(i).repaintIfFresh();
        }
    }
}
