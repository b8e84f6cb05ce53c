package dev.parley.components;

import dev.parley.engine.testing.TestFrames;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of getting one frame ready to paint, side by side:
 * <ul>
 * <li>{@code floor}: libyuv's I420 to ARGB conversion into a reused direct buffer, nothing more;
 * <li>{@code parley}: Parley's frame path ({@link FrameRenderer#onFrame}): libyuv into a
 *     rotating {@code TYPE_INT_RGB} raster in cache-sized bands, and the hand-off (buffer swap
 *     and flag; the EDT picks the frame up at its next display tick);
 * <li>{@code parleyInTile}: Parley's frame path for a view of 480x270 device pixels: libyuv
 *     scales the I420 frame down to cover the tile, then converts that;
 * <li>{@code perFrameBufferedImage}: the approach of webrtc-java's documentation: a new
 *     {@code BufferedImage} per frame filled pixel by pixel with {@code setRGB}.
 * </ul>
 * Run by {@code src/scripts/bench-components.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FramePathBenchmark {

    /** The tile of {@link #parleyInTile}: a quarter of a 960x540 grid. */
    static final int TILE_WIDTH = 480;
    static final int TILE_HEIGHT = 270;

    @Param({"640x480", "1280x720", "1920x1080"})
    public String size;

    private TestFrames frames;
    private ByteBuffer direct;
    private IntBuffer ints;
    private FrameRenderer renderer;
    private FrameRenderer inTile;
    private int width;
    private int height;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        width = Integer.parseInt(parts[0]);
        height = Integer.parseInt(parts[1]);
        frames = TestFrames.pattern(width, height);
        direct = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
        ints = direct.asIntBuffer();
        renderer = new FrameRenderer(() -> { });
        inTile = new FrameRenderer(() -> { });
        inTile.setDisplaySize(TILE_WIDTH, TILE_HEIGHT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frames.close();
    }

    @Benchmark
    public ByteBuffer floor() {
        frames.frame().convertToArgb(direct);
        return direct;
    }

    @Benchmark
    public long parley() {
        renderer.onFrame(frames.frame());
        return renderer.frames();
    }

    /** Parley's path for a stream shown in a 480x270 tile: scaled in I420 to cover the tile, then converted. */
    @Benchmark
    public long parleyInTile() {
        inTile.onFrame(frames.frame());
        return inTile.frames();
    }

    @Benchmark
    public BufferedImage perFrameBufferedImage() {
        frames.frame().convertToArgb(direct);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ints.get(y * width + x));
            }
        }
        return image;
    }
}
