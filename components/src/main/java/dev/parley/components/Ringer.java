package dev.parley.components;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.Devices;
import dev.parley.engine.MediaException;
import dev.parley.engine.Ringtone;

/**
 * Rings: the engine's ringtone ({@link Devices#playRingtone}) on the chosen speaker at the
 * chosen volume, from {@link #start()} until {@link #stop()}. Where there is no speaker, or the
 * volume is 0, it rings silently: {@link #isAudible()} says which.
 *
 * <p>Threading: start and stop from any thread; the ringtone is opened and closed on
 * {@code parley-ringer}, which ends once it is closed.
 */
final class Ringer {

    private static final System.Logger LOG = System.getLogger(Ringer.class.getName());

    private volatile AudioDevice speaker;
    private volatile double volume = 1;
    private volatile boolean ringing;
    private volatile boolean audible;
    private Thread thread;

    /** Where and how loud the next ring sounds: {@code speaker} null for the system default, volume 0 to 1. */
    void use(AudioDevice speaker, double volume) {
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException("volume must be within 0 and 1, was " + volume);
        }
        this.speaker = speaker;
        this.volume = volume;
    }

    synchronized void start() {
        if (ringing) {
            return;
        }
        ringing = true;
        thread = new Thread(this::ring, "parley-ringer");
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

    /** Whether the ring is actually heard (the ringtone plays on a speaker). */
    boolean isAudible() {
        return audible;
    }

    private void ring() {
        if (volume == 0) {
            return; // rings on screen only
        }
        Ringtone ringtone = open(speaker);
        if (ringtone == null && speaker != null) {
            ringtone = open(null); // the chosen speaker went: the system's default rings
        }
        if (ringtone == null) {
            return;
        }
        audible = true;
        try {
            while (ringing) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // stop() wakes us; ringing tells whether to go on
                }
            }
        } finally {
            ringtone.close();
            audible = false;
        }
    }

    private Ringtone open(AudioDevice on) {
        try {
            return Devices.playRingtone(on, volume);
        } catch (MediaException e) {
            LOG.log(System.Logger.Level.INFO, "ringing silently on {0}: {1}", on == null ? "the default speaker"
                    : on.name(), e.getMessage());
            return null;
        }
    }
}
