package dev.parley.engine.internal.rtc;

import java.nio.ByteBuffer;

/**
 * Draws Parley's synthetic test picture into I420 planes: eight vertical colour bars over the
 * top two thirds (white, yellow, cyan, green, magenta, red, blue, black, left to right), and
 * below them a dark strip with a white block that moves with every frame and the frame number
 * as 16 binary cells (white is 1, most significant first). The bars make a received picture
 * recognisable by its pixel colours; the block and the counter make motion and frame loss
 * visible.
 *
 * <p>Not API: used by {@code TestPatternCapture} and by tests that check what arrives.
 *
 * <p>Threading: an instance is confined to its capture thread.
 */
public final class TestPattern {

    /** The bar colours as 0xRRGGBB, left to right. */
    public static final int[] BAR_COLOURS = {
        0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF, 0x000000,
    };
    private static final int STRIP_RGB = 0x202020;
    private static final int COUNTER_BITS = 16;

    private final int width;
    private final int height;
    private final int barsHeight;
    private final byte[] staticY;
    private final byte[] staticU;
    private final byte[] staticV;

    /** Prepares the static part of a {@code width} x {@code height} picture (both even). */
    public TestPattern(int width, int height) {
        this.width = width;
        this.height = height;
        this.barsHeight = (height * 2 / 3) & ~1;
        staticY = new byte[width * height];
        staticU = new byte[(width / 2) * (height / 2)];
        staticV = new byte[(width / 2) * (height / 2)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = y < barsHeight ? BAR_COLOURS[x * BAR_COLOURS.length / width] : STRIP_RGB;
                staticY[y * width + x] = (byte) lumaOf(rgb);
                if ((x & 1) == 0 && (y & 1) == 0) {
                    int c = (y / 2) * (width / 2) + x / 2;
                    staticU[c] = (byte) cbOf(rgb);
                    staticV[c] = (byte) crOf(rgb);
                }
            }
        }
    }

    /** Height of the colour bars in pixels; the strip with the moving block lies below. */
    public int barsHeight() {
        return barsHeight;
    }

    /** The bar that covers column {@code x}, as 0xRRGGBB. */
    public int barColourAt(int x) {
        return BAR_COLOURS[x * BAR_COLOURS.length / width];
    }

    /**
     * Draws frame number {@code frameNumber} into the planes, which must be as large as an
     * I420 picture of this size with the given strides.
     */
    public void draw(long frameNumber, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV) {
        copyPlane(staticY, width, height, y, strideY);
        copyPlane(staticU, width / 2, height / 2, u, strideU);
        copyPlane(staticV, width / 2, height / 2, v, strideV);

        int stripTop = barsHeight;
        int stripHeight = height - stripTop;
        int block = Math.max(2, (stripHeight / 3) & ~1);
        int blockX = (int) ((frameNumber * 8) % Math.max(2, width - block)) & ~1;
        fillLuma(y, strideY, blockX, stripTop + 2, block, block, 235);

        int cell = Math.max(2, (width / (COUNTER_BITS * 2)) & ~1);
        int counterTop = height - cell - 2;
        for (int bit = 0; bit < COUNTER_BITS; bit++) {
            boolean one = ((frameNumber >> (COUNTER_BITS - 1 - bit)) & 1) == 1;
            fillLuma(y, strideY, 2 + bit * cell * 2, counterTop, cell, cell, one ? 235 : 16);
        }
    }

    private static void copyPlane(byte[] src, int w, int h, ByteBuffer dst, int stride) {
        if (stride == w) {
            dst.put(0, src, 0, w * h);
            return;
        }
        for (int row = 0; row < h; row++) {
            dst.put(row * stride, src, row * w, w);
        }
    }

    private void fillLuma(ByteBuffer plane, int stride, int x0, int y0, int w, int h, int luma) {
        int x1 = Math.min(width, x0 + w);
        int y1 = Math.min(height, y0 + h);
        for (int yy = Math.max(0, y0); yy < y1; yy++) {
            for (int xx = Math.max(0, x0); xx < x1; xx++) {
                plane.put(yy * stride + xx, (byte) luma);
            }
        }
    }

    // BT.601 limited range, the matrix libyuv's I420ToARGB inverts.
    static int lumaOf(int rgb) {
        return clamp(Math.round(16 + 0.257 * r(rgb) + 0.504 * g(rgb) + 0.098 * b(rgb)));
    }

    static int cbOf(int rgb) {
        return clamp(Math.round(128 - 0.148 * r(rgb) - 0.291 * g(rgb) + 0.439 * b(rgb)));
    }

    static int crOf(int rgb) {
        return clamp(Math.round(128 + 0.439 * r(rgb) - 0.368 * g(rgb) - 0.071 * b(rgb)));
    }

    private static int r(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int g(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int b(int rgb) {
        return rgb & 0xFF;
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
