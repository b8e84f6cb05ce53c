package dev.parley.components;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Rings: a generated two-burst tone (440 + 480 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off),
 * played through javax.sound on its own thread until {@link #stop()}. Where no audio output
 * exists it rings silently: {@link #isAudible()} says which.
 *
 * <p>Threading: start and stop from any thread; the sound runs on {@code parley-ringer}.
 */
final class Ringer {

    private static final float RATE = 8000f;
    private static final byte[] PATTERN = pattern();

    private volatile boolean ringing;
    private volatile boolean audible;
    private Thread thread;

    synchronized void start() {
        if (ringing) {
            return;
        }
        ringing = true;
        thread = new Thread(this::play, "parley-ringer");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        ringing = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    boolean isRinging() {
        return ringing;
    }

    /** Whether the ring is actually heard (an audio line was opened). */
    boolean isAudible() {
        return audible;
    }

    private void play() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, PATTERN.length / 4);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return; // no audio output here: ring silently
        }
        audible = true;
        try {
            line.start();
            while (ringing) {
                for (int offset = 0; offset < PATTERN.length && ringing; offset += 1600) {
                    line.write(PATTERN, offset, Math.min(1600, PATTERN.length - offset));
                }
            }
            line.stop();
            line.flush();
        } finally {
            line.close();
            audible = false;
        }
    }

    private static byte[] pattern() {
        double[][] segments = {{0.4, 1}, {0.2, 0}, {0.4, 1}, {2.0, 0}};
        int total = 0;
        for (double[] s : segments) {
            total += (int) (s[0] * RATE);
        }
        byte[] pcm = new byte[total * 2];
        int i = 0;
        for (double[] s : segments) {
            int n = (int) (s[0] * RATE);
            for (int k = 0; k < n; k++, i++) {
                double t = k / RATE;
                double fade = Math.min(1, Math.min(k, n - k) / (0.01 * RATE)); // no clicks at the edges
                double v = s[1] * fade * 0.25 * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t));
                short sample = (short) (v * Short.MAX_VALUE);
                pcm[2 * i] = (byte) sample;
                pcm[2 * i + 1] = (byte) (sample >> 8);
            }
        }
        return pcm;
    }
}
