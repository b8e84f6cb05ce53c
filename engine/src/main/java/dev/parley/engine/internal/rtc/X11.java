package dev.parley.engine.internal.rtc;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Not API. The few Xlib, MIT-SHM and System V shared-memory calls screen sharing needs, bound
 * with JNA: listing the window manager's windows, their titles and places, and copying a
 * part of the screen into shared memory (XShm), which the X server fills with one copy.
 *
 * <p>X errors (a window that closes between two calls) go to the error handler that AWT's X11
 * toolkit installs for the whole process, which logs them; Xlib's own would end the process.
 * So {@link #load()} starts the AWT toolkit first.
 *
 * <p>Threading: each {@code Display} connection is used by one thread at a time.
 */
final class X11 {

    static final int ZPIXMAP = 2;
    static final int IPC_PRIVATE = 0;
    static final int IPC_CREAT = 01000;
    static final int IPC_RMID = 0;
    static final NativeLong ALL_PLANES = new NativeLong(-1L);
    static final NativeLong ANY_PROPERTY_TYPE = new NativeLong(0);

    // XImage (LP64): int width, height, xoffset, format; char *data; int byte_order, bitmap_unit,
    // bitmap_bit_order, bitmap_pad, depth, bytes_per_line, bits_per_pixel; ...
    static final int XIMAGE_DATA = 16;
    static final int XIMAGE_BYTES_PER_LINE = 44;
    static final int XIMAGE_BITS_PER_PIXEL = 48;
    // XShmSegmentInfo (LP64): ShmSeg shmseg; int shmid; char *shmaddr; Bool readOnly
    static final int SHM_INFO_SIZE = 32;
    static final int SHM_INFO_SHMID = 8;
    static final int SHM_INFO_SHMADDR = 16;

    /** Xlib. */
    interface Xlib extends Library {
        Pointer XOpenDisplay(String name);

        int XCloseDisplay(Pointer display);

        int XDefaultScreen(Pointer display);

        NativeLong XDefaultRootWindow(Pointer display);

        Pointer XDefaultVisual(Pointer display, int screen);

        int XDefaultDepth(Pointer display, int screen);

        NativeLong XInternAtom(Pointer display, String name, boolean onlyIfExists);

        int XGetWindowProperty(Pointer display, NativeLong window, NativeLong property, NativeLong offset,
                NativeLong length, boolean delete, NativeLong type, NativeLongByReference actualType,
                IntByReference actualFormat, NativeLongByReference items, NativeLongByReference bytesAfter,
                PointerByReference value);

        int XGetGeometry(Pointer display, NativeLong drawable, NativeLongByReference root, IntByReference x,
                IntByReference y, IntByReference width, IntByReference height, IntByReference border,
                IntByReference depth);

        boolean XTranslateCoordinates(Pointer display, NativeLong from, NativeLong to, int x, int y,
                IntByReference toX, IntByReference toY, NativeLongByReference child);

        int XSync(Pointer display, boolean discard);

        int XFree(Pointer data);
    }

    /** The MIT-SHM extension. */
    interface Xext extends Library {
        boolean XShmQueryExtension(Pointer display);

        Pointer XShmCreateImage(Pointer display, Pointer visual, int depth, int format, Pointer data,
                Pointer shmInfo, int width, int height);

        boolean XShmAttach(Pointer display, Pointer shmInfo);

        boolean XShmDetach(Pointer display, Pointer shmInfo);

        boolean XShmGetImage(Pointer display, NativeLong drawable, Pointer image, int x, int y, NativeLong planeMask);
    }

    /** System V shared memory, from the C library. */
    interface SysV extends Library {
        int shmget(int key, NativeLong size, int flags);

        Pointer shmat(int id, Pointer address, int flags);

        int shmdt(Pointer address);

        int shmctl(int id, int command, Pointer buffer);
    }

    private static final class Holder {
        static final Xlib XLIB = Native.load("X11", Xlib.class);
        static final Xext XEXT = Native.load("Xext", Xext.class);
        static final SysV SYSV = Native.load("c", SysV.class);
    }

    private X11() {
    }

    /**
     * The bindings, with AWT's X11 toolkit started first (its error handler keeps an X error
     * from ending the process).
     *
     * @throws UnsatisfiedLinkError if libX11 or libXext is missing
     */
    static Xlib load() {
        java.awt.Toolkit.getDefaultToolkit();
        return Holder.XLIB;
    }

    static Xext xext() {
        load();
        return Holder.XEXT;
    }

    static SysV sysv() {
        return Holder.SYSV;
    }
}
