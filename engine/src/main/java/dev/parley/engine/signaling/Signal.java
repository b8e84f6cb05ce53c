package dev.parley.engine.signaling;

import dev.parley.engine.ConferenceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One signaling message of the QuickBlox WebRTC protocol (see docs/signaling.md): each record is one
 * {@code signalType}, and every one carries the session {@link Header}.
 *
 * <p>Threading: immutable.
 */
public sealed interface Signal {

    /** The session fields every signal carries. */
    Header header();

    /** The signal's name on the wire ({@code call}, {@code accept}, ...). */
    String signalType();

    /**
     * The fields that identify the session a signal belongs to.
     *
     * @param sessionId the session id chosen by the initiator (a UUID for Parley sessions)
     * @param conferenceType video or audio
     * @param initiatorId the user who started the session ({@code callerID} on the wire)
     * @param opponentIds everybody but the initiator ({@code opponentsIDs})
     * @param platform the sender's platform: {@code java} for Parley, {@code web}, {@code ios}, ...
     */
    record Header(String sessionId, ConferenceType conferenceType, long initiatorId, List<Long> opponentIds,
            String platform) {

        /** Validates the header; opponent ids are copied. */
        public Header {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(conferenceType, "conferenceType");
            opponentIds = List.copyOf(opponentIds);
            Objects.requireNonNull(platform, "platform");
            if (sessionId.isBlank()) {
                throw new IllegalArgumentException("sessionId is blank");
            }
        }

        /** Whether {@code userId} is the initiator or one of the opponents. */
        public boolean isParticipant(long userId) {
            return userId == initiatorId || opponentIds.contains(userId);
        }
    }

    /** One ICE candidate, as the {@code iceCandidate} element carries it. */
    record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
        /** Validates the candidate. */
        public IceCandidate {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(sdpMid, "sdpMid");
        }
    }

    /** Ring / offer: sent by the initiator to each opponent and repeated while ringing. */
    record Call(Header header, String sdp, Map<String, String> userInfo) implements Signal {
        /** Validates the signal; the user info is copied. */
        public Call {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(sdp, "sdp");
            userInfo = Map.copyOf(userInfo);
        }

        @Override
        public String signalType() {
            return "call";
        }
    }

    /** Answer: sent by a callee to whoever sent it a {@code call}. */
    record Accept(Header header, String sdp, Map<String, String> userInfo) implements Signal {
        /** Validates the signal; the user info is copied. */
        public Accept {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(sdp, "sdp");
            userInfo = Map.copyOf(userInfo);
        }

        @Override
        public String signalType() {
            return "accept";
        }
    }

    /** Decline, by the callee or automatically by a busy client. */
    record Reject(Header header, Map<String, String> userInfo) implements Signal {
        /** Validates the signal; the user info is copied. */
        public Reject {
            Objects.requireNonNull(header, "header");
            userInfo = Map.copyOf(userInfo);
        }

        @Override
        public String signalType() {
            return "reject";
        }
    }

    /** Leave / end, by any participant to every other. */
    record HangUp(Header header, Map<String, String> userInfo) implements Signal {
        /** Validates the signal; the user info is copied. */
        public HangUp {
            Objects.requireNonNull(header, "header");
            userInfo = Map.copyOf(userInfo);
        }

        @Override
        public String signalType() {
            return "hangUp";
        }
    }

    /** Trickle ICE: one or more candidates from a peer. */
    record IceCandidates(Header header, List<IceCandidate> candidates) implements Signal {
        /** Validates the signal; the candidates are copied. */
        public IceCandidates {
            Objects.requireNonNull(header, "header");
            candidates = List.copyOf(candidates);
        }

        @Override
        public String signalType() {
            return "iceCandidates";
        }
    }

    /**
     * ICE-restart renegotiation during reconnection.
     *
     * @param reason why, {@code reconnect} for an ICE restart
     * @param offerId identifies the offer an answer belongs to
     * @param sdp the session description
     * @param offer true for an offer, false for an answer
     */
    record Update(Header header, String reason, String offerId, String sdp, boolean offer) implements Signal {
        /** Validates the signal. */
        public Update {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(sdp, "sdp");
        }

        @Override
        public String signalType() {
            return "update";
        }
    }
}
