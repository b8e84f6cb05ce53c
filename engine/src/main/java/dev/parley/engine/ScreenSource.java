package dev.parley.engine;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * Something that can be shared: a whole screen or one top-level window, as
 * {@link ScreenCapture#sources()} lists them.
 *
 * <p>Threading: immutable (the bounds are copied in and out).
 *
 * @param id stable while the screen or window exists; pass the source back to {@link ScreenCapture}
 * @param title the window's title, or a screen's name ("Entire screen", "Screen 2")
 * @param kind a screen or a window
 * @param bounds where it was on the desktop when listed, in screen pixels
 */
public record ScreenSource(String id, String title, Kind kind, Rectangle bounds) {

    /** A whole screen or one window. */
    public enum Kind {
        /** A whole screen (a monitor). */
        SCREEN,
        /** One application window; followed when it moves. */
        WINDOW
    }

    /** Validates and copies. */
    public ScreenSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        bounds = new Rectangle(Objects.requireNonNull(bounds, "bounds"));
    }

    /** A copy of where it was when listed. */
    @Override
    public Rectangle bounds() {
        return new Rectangle(bounds);
    }
}
