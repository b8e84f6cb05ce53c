package dev.parley.engine.internal;

/**
 * SDP text as WebRTC wants it. XML parsing turns the CRLF line ends of an SDP into LF (and
 * some servers re-send a lone CR), so received SDP is normalised back to CRLF.
 *
 * <p>Not API. Threading: stateless.
 */
public final class SdpText {

    private SdpText() {
    }

    /** {@code sdp} with every line ending (CRLF, LF or CR) as CRLF, and a final CRLF. */
    public static String normalizeLineEndings(String sdp) {
        String lf = sdp.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lf.length() + 64);
        for (String line : lf.split("\n")) {
            if (!line.isEmpty()) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }

    /** Whether {@code sdp} looks like a session description at all (starts with {@code v=0}). */
    public static boolean looksLikeSdp(String sdp) {
        return sdp != null && sdp.stripLeading().startsWith("v=0");
    }

    /**
     * The ICE username fragment a candidate line names ({@code ... ufrag AbCd ...}), or null
     * when it names none.
     */
    public static String candidateUfrag(String candidate) {
        String[] words = candidate.split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("ufrag")) {
                return words[i + 1];
            }
        }
        return null;
    }
}
