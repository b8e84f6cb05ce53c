package dev.parley.engine.internal.rtc;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.parley.engine.ScreenSource;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. What can be shared: every screen (from AWT) and every window the window manager
 * lists ({@code _NET_CLIENT_LIST} on X11), with its title and where it is now. Windows are
 * known on X11 only; elsewhere the list has screens.
 *
 * <p>Threading: {@link #sources()} from any thread (it opens a connection of its own); the
 * per-display methods on the thread that owns that display.
 */
public final class Desktop {

    static final String SCREEN_PREFIX = "screen:";
    static final String WINDOW_PREFIX = "window:";

    private static final Logger log = LoggerFactory.getLogger(Desktop.class);
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private Desktop() {
    }

    /** Whether there is a screen to share at all. */
    public static boolean available() {
        return !GraphicsEnvironment.isHeadless();
    }

    /** Every screen, then every window with a title, in the window manager's order. */
    public static List<ScreenSource> sources() {
        if (!available()) {
            return List.of();
        }
        List<ScreenSource> sources = new ArrayList<>();
        GraphicsDevice[] screens = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        for (int i = 0; i < screens.length; i++) {
            Rectangle bounds = screens[i].getDefaultConfiguration().getBounds();
            String title = screens.length == 1 ? "Entire screen" : "Screen " + (i + 1);
            sources.add(new ScreenSource(SCREEN_PREFIX + i, title, ScreenSource.Kind.SCREEN, bounds));
        }
        if (LINUX) {
            try (Connection x = Connection.open()) {
                for (long window : x.clientWindows()) {
                    String title = x.title(window);
                    Optional<Rectangle> bounds = x.bounds(window);
                    if (!title.isBlank() && bounds.isPresent() && !bounds.get().isEmpty()) {
                        sources.add(new ScreenSource(WINDOW_PREFIX + Long.toHexString(window), title,
                                ScreenSource.Kind.WINDOW, bounds.get()));
                    }
                }
            } catch (IllegalStateException | UnsatisfiedLinkError e) {
                log.warn("screen sharing: cannot list windows: {}", e.getMessage());
            }
        }
        return sources;
    }

    /** The X window of a window source's id. */
    static long windowOf(ScreenSource source) {
        return Long.parseUnsignedLong(source.id().substring(WINDOW_PREFIX.length()), 16);
    }

    /** One X display connection, owned by one thread. */
    static final class Connection implements AutoCloseable {
        final X11.Xlib xlib;
        final Pointer display;
        final NativeLong root;
        private final NativeLong clientList;
        private final NativeLong netWmName;
        private final NativeLong utf8String;
        private int lastItems;

        private Connection(X11.Xlib xlib, Pointer display) {
            this.xlib = xlib;
            this.display = display;
            this.root = xlib.XDefaultRootWindow(display);
            this.clientList = xlib.XInternAtom(display, "_NET_CLIENT_LIST", false);
            this.netWmName = xlib.XInternAtom(display, "_NET_WM_NAME", false);
            this.utf8String = xlib.XInternAtom(display, "UTF8_STRING", false);
        }

        /** @throws IllegalStateException when the display cannot be opened */
        static Connection open() {
            X11.Xlib xlib = X11.load();
            Pointer display = xlib.XOpenDisplay(null);
            if (display == null) {
                throw new IllegalStateException("cannot open the X display " + System.getenv("DISPLAY"));
            }
            return new Connection(xlib, display);
        }

        /** The top-level windows the window manager manages; empty without a window manager. */
        long[] clientWindows() {
            Pointer value = property(root, clientList, X11.ANY_PROPERTY_TYPE, 32);
            if (value == null) {
                return new long[0];
            }
            try {
                return value.getLongArray(0, lastItems);
            } finally {
                xlib.XFree(value);
            }
        }

        /** Whether {@code window} is still one of the managed windows. */
        boolean exists(long window) {
            for (long w : clientWindows()) {
                if (w == window) {
                    return true;
                }
            }
            return false;
        }

        /** The window's title ({@code _NET_WM_NAME}, UTF-8), or "". */
        String title(long window) {
            Pointer value = property(new NativeLong(window), netWmName, utf8String, 8);
            if (value == null) {
                return "";
            }
            try {
                return new String(value.getByteArray(0, lastItems), StandardCharsets.UTF_8);
            } finally {
                xlib.XFree(value);
            }
        }

        /** Where the window's content is on the screen now, or empty when it is gone. */
        Optional<Rectangle> bounds(long window) {
            NativeLong w = new NativeLong(window);
            IntByReference x = new IntByReference();
            IntByReference y = new IntByReference();
            IntByReference width = new IntByReference();
            IntByReference height = new IntByReference();
            IntByReference ignored = new IntByReference();
            if (xlib.XGetGeometry(display, w, new NativeLongByReference(), x, y, width, height, ignored, ignored) == 0) {
                return Optional.empty();
            }
            NativeLongByReference child = new NativeLongByReference();
            if (!xlib.XTranslateCoordinates(display, w, root, 0, 0, x, y, child)) {
                return Optional.empty();
            }
            return Optional.of(new Rectangle(x.getValue(), y.getValue(), width.getValue(), height.getValue()));
        }

        /** A property's value (to be freed with XFree) with {@link #lastItems} items, or null. */
        private Pointer property(NativeLong window, NativeLong property, NativeLong type, int format) {
            NativeLongByReference actualType = new NativeLongByReference();
            IntByReference actualFormat = new IntByReference();
            NativeLongByReference items = new NativeLongByReference();
            NativeLongByReference after = new NativeLongByReference();
            PointerByReference value = new PointerByReference();
            int status = xlib.XGetWindowProperty(display, window, property, new NativeLong(0), new NativeLong(4096),
                    false, type, actualType, actualFormat, items, after, value);
            if (status != 0 || value.getValue() == null) {
                return null;
            }
            if (actualFormat.getValue() != format) {
                xlib.XFree(value.getValue());
                return null;
            }
            lastItems = (int) items.getValue().longValue();
            return value.getValue();
        }

        @Override
        public void close() {
            xlib.XCloseDisplay(display);
        }
    }
}
