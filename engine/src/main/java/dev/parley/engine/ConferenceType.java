package dev.parley.engine;

/**
 * Whether a call sends video and audio, or audio only. Mirrors QuickBlox's
 * {@code QBRTCConferenceType}; on the wire, {@code callType} 1 is video and 2 is audio.
 *
 * <p>Threading: immutable.
 */
public enum ConferenceType {
    /** Camera video and microphone audio. Wire value 1. */
    VIDEO(1),
    /** Microphone audio only. Wire value 2. */
    AUDIO(2);

    private final int wireValue;

    ConferenceType(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The QuickBlox {@code callType} number of this type. */
    public int wireValue() {
        return wireValue;
    }

    /**
     * The type for a QuickBlox {@code callType} number.
     *
     * @throws IllegalArgumentException for any number other than 1 or 2
     */
    public static ConferenceType fromWireValue(int value) {
        for (ConferenceType type : values()) {
            if (type.wireValue == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("callType " + value + " is neither 1 (video) nor 2 (audio)");
    }
}
