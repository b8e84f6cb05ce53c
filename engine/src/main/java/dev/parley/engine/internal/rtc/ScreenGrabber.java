package dev.parley.engine.internal.rtc;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Not API. Copies a rectangle of the screen into memory as 32-bit pixels, B, G, R, X in
 * memory order (libyuv's "ARGB"), rows packed. Two ways: MIT-SHM on X11, where the X server
 * writes the pixels straight into shared memory (one copy, the fast path), and AWT's
 * {@link Robot} everywhere else (and when XShm is missing), which is slower.
 *
 * <p>Threading: one thread, the capture's.
 */
abstract sealed class ScreenGrabber implements AutoCloseable {

    /** The pixels of {@code area}, valid until the next grab; {@code area} lies on the screen. */
    abstract ByteBuffer grab(Rectangle area);

    @Override
    public abstract void close();

    /**
     * XShm when the display has it, else Robot; the system property
     * {@code parley.screen.robot=true} forces Robot (for comparing them).
     */
    static ScreenGrabber open(Desktop.Connection x) {
        if (x != null && !Boolean.getBoolean("parley.screen.robot") && X11.xext().XShmQueryExtension(x.display)) {
            return new Shm(x);
        }
        return new AwtRobot();
    }

    /** MIT-SHM: an XImage in a System V shared memory segment, remade when the size changes. */
    static final class Shm extends ScreenGrabber {
        private final Desktop.Connection x;
        private final X11.Xext xext = X11.xext();
        private final X11.SysV sysv = X11.sysv();
        private final Memory info = new Memory(X11.SHM_INFO_SIZE);
        private Pointer image;
        private Pointer memory;
        private int width;
        private int height;
        private ByteBuffer pixels;

        Shm(Desktop.Connection x) {
            this.x = x;
        }

        @Override
        ByteBuffer grab(Rectangle area) {
            if (image == null || area.width != width || area.height != height) {
                release();
                create(area.width, area.height);
            }
            if (!xext.XShmGetImage(x.display, x.root, image, area.x, area.y, X11.ALL_PLANES)) {
                throw new IllegalStateException("XShmGetImage failed for " + area);
            }
            return pixels.clear();
        }

        private void create(int w, int h) {
            int screen = x.xlib.XDefaultScreen(x.display);
            info.clear();
            image = xext.XShmCreateImage(x.display, x.xlib.XDefaultVisual(x.display, screen),
                    x.xlib.XDefaultDepth(x.display, screen), X11.ZPIXMAP, null, info, w, h);
            if (image == null) {
                throw new IllegalStateException("XShmCreateImage failed for " + w + "x" + h);
            }
            int bitsPerPixel = image.getInt(X11.XIMAGE_BITS_PER_PIXEL);
            int bytesPerLine = image.getInt(X11.XIMAGE_BYTES_PER_LINE);
            if (bitsPerPixel != 32 || bytesPerLine != w * 4) {
                x.xlib.XFree(image);
                image = null;
                throw new IllegalStateException("the screen has " + bitsPerPixel + " bits per pixel and " + bytesPerLine
                        + " bytes per line; XShm capture needs 32 and packed rows");
            }
            long size = (long) bytesPerLine * h;
            int id = sysv.shmget(X11.IPC_PRIVATE, new NativeLong(size), X11.IPC_CREAT | 0600);
            if (id < 0) {
                x.xlib.XFree(image);
                image = null;
                throw new IllegalStateException("shmget of " + size + " bytes failed");
            }
            memory = sysv.shmat(id, null, 0);
            // removed now, freed by the system when the last attachment (ours, the server's) goes
            sysv.shmctl(id, X11.IPC_RMID, null);
            if (memory == null || Pointer.nativeValue(memory) == -1) {
                memory = null;
                x.xlib.XFree(image);
                image = null;
                throw new IllegalStateException("shmat failed");
            }
            info.setInt(X11.SHM_INFO_SHMID, id);
            info.setPointer(X11.SHM_INFO_SHMADDR, memory);
            image.setPointer(X11.XIMAGE_DATA, memory);
            if (!xext.XShmAttach(x.display, info)) {
                release();
                throw new IllegalStateException("XShmAttach failed");
            }
            x.xlib.XSync(x.display, false);
            width = w;
            height = h;
            pixels = memory.getByteBuffer(0, size);
        }

        private void release() {
            if (image != null) {
                xext.XShmDetach(x.display, info);
                x.xlib.XSync(x.display, false);
                image.setPointer(X11.XIMAGE_DATA, null);
                x.xlib.XFree(image);
                image = null;
            }
            if (memory != null) {
                sysv.shmdt(memory);
                memory = null;
            }
            pixels = null;
        }

        @Override
        public void close() {
            release();
        }
    }

    /** AWT's Robot: portable, one screen read and one copy more than XShm. */
    static final class AwtRobot extends ScreenGrabber {
        private final Robot robot;
        private ByteBuffer pixels;

        AwtRobot() {
            try {
                robot = new Robot();
            } catch (AWTException e) {
                throw new IllegalStateException("cannot read the screen: " + e.getMessage(), e);
            }
        }

        @Override
        ByteBuffer grab(Rectangle area) {
            BufferedImage shot = robot.createScreenCapture(area);
            int[] data = ((DataBufferInt) shot.getRaster().getDataBuffer()).getData();
            if (pixels == null || pixels.capacity() < data.length * 4) {
                pixels = ByteBuffer.allocateDirect(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            }
            pixels.clear();
            pixels.asIntBuffer().put(data);
            return pixels.limit(data.length * 4);
        }

        @Override
        public void close() {
            pixels = null;
        }
    }
}
