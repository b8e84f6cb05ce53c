package dev.parley.engine.testing;

import dev.parley.engine.internal.rtc.TestPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * What {@link dev.parley.engine.TestPatternCapture} looks like, for tests that check what
 * arrived: eight vertical colour bars over the top two thirds of the picture (white, yellow,
 * cyan, green, magenta, red, blue, black, left to right), recognisable after encoding and
 * scaling by the colour at the centre of each bar, a third of the way down.
 *
 * <p>Threading: stateless.
 */
public final class TestPatterns {

    /** How many bars the pattern has. */
    public static final int BARS = TestPattern.BAR_COLOURS.length;

    private TestPatterns() {
    }

    /** The colour of bar {@code bar} (0 is the leftmost) as 0xRRGGBB. */
    public static int barColour(int bar) {
        return TestPattern.BAR_COLOURS[bar];
    }

    /** Where the centre of bar {@code bar} is, as a fraction of the picture's width. */
    public static double barCentre(int bar) {
        return (2 * bar + 1) / (2.0 * BARS);
    }

    /** The height, as a fraction of the picture's height, at which the bars are checked. */
    public static double barRow() {
        return 1.0 / 3;
    }

    /**
     * The bars that do not show in a picture, described; empty when all do.
     *
     * @param rgbAt the colour (0xRRGGBB, alpha ignored) at a point (x, y) of the image the picture is in
     * @param left the picture's left edge in that image
     * @param top its top edge
     * @param width its width
     * @param height its height
     * @param tolerance how far each channel may be off (codecs blur colours; 48 is usual)
     */
    public static List<String> barMismatches(IntBinaryOperator rgbAt, int left, int top, int width, int height,
            int tolerance) {
        List<String> problems = new ArrayList<>();
        int y = top + (int) (height * barRow());
        for (int bar = 0; bar < BARS; bar++) {
            int x = left + (int) (width * barCentre(bar));
            int actual = rgbAt.applyAsInt(x, y) & 0xFFFFFF;
            if (!close(barColour(bar), actual, tolerance)) {
                problems.add(String.format("bar %d at (%d,%d): expected %06X, got %06X", bar, x, y, barColour(bar), actual));
            }
        }
        return problems;
    }

    /** Whether two colours (0xRRGGBB) differ by at most {@code tolerance} in every channel. */
    public static boolean close(int expected, int actual, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((expected >> shift) & 0xFF) - ((actual >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
