package dev.parley.engine;

import dev.parley.engine.internal.rtc.SpeakerTone;

/**
 * A ringtone playing on a speaker, from {@link Devices#playRingtone}; it rings until closed.
 * The caller owns it and closes it when the call is answered, declined or gone.
 *
 * <p>Threading: thread safe. Closing stops the sound system's stream, which can take a few
 * milliseconds: close it off the event thread where that matters.
 */
public final class Ringtone implements AutoCloseable {

    private final SpeakerTone tone;
    private volatile boolean playing = true;

    Ringtone(SpeakerTone tone) {
        this.tone = tone;
    }

    /** Whether it still rings (not closed yet). */
    public boolean isPlaying() {
        return playing;
    }

    /** Stops the ringing and frees the speaker. Idempotent. */
    @Override
    public void close() {
        playing = false;
        tone.close();
    }
}
