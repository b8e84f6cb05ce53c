package dev.parley.engine.xmpp;

import dev.parley.engine.ConferenceType;
import dev.parley.engine.internal.SdpText;
import dev.parley.engine.signaling.Signal;
import dev.parley.engine.xmpp.ExtraParams.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@link Signal}s to the QuickBlox {@code extraParams} element and back (docs/signaling.md).
 * Encoding writes the children in one fixed order; decoding accepts any order, ignores unknown
 * children, flattens nested {@code userInfo} into dotted keys ({@code <a><b>x</b></a>} is
 * {@code a.b=x}), and restores SDP line endings to CRLF.
 *
 * <p>Threading: stateless.
 */
final class SignalCodec {

    static final String MODULE_ID = "WebRTCVideoChat";

    /** A stanza that claims to be a QuickBlox signal but is not a well-formed one. */
    static final class MalformedSignalException extends Exception {
        MalformedSignalException(String message) {
            super(message);
        }
    }

    private SignalCodec() {
    }

    // ------------------------------------------------------------------ encoding

    static ExtraParams encode(Signal signal) {
        Signal.Header header = signal.header();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.text("moduleIdentifier", MODULE_ID));
        fields.add(Field.text("signalType", signal.signalType()));
        fields.add(Field.text("sessionID", header.sessionId()));
        fields.add(Field.text("callType", Integer.toString(header.conferenceType().wireValue())));
        fields.add(Field.text("callerID", Long.toString(header.initiatorId())));
        List<Field> opponents = new ArrayList<>();
        for (long id : header.opponentIds()) {
            opponents.add(Field.text("opponentID", Long.toString(id)));
        }
        fields.add(Field.of("opponentsIDs", opponents));
        fields.add(Field.text("platform", header.platform()));
        if (signal instanceof Signal.Call call) {
            fields.add(Field.text("sdp", call.sdp()));
            addUserInfo(fields, call.userInfo());
        } else if (signal instanceof Signal.Accept accept) {
            fields.add(Field.text("sdp", accept.sdp()));
            addUserInfo(fields, accept.userInfo());
        } else if (signal instanceof Signal.Reject reject) {
            addUserInfo(fields, reject.userInfo());
        } else if (signal instanceof Signal.HangUp hangUp) {
            addUserInfo(fields, hangUp.userInfo());
        } else if (signal instanceof Signal.IceCandidates ice) {
            List<Field> candidates = new ArrayList<>();
            for (Signal.IceCandidate c : ice.candidates()) {
                candidates.add(Field.of("iceCandidate", List.of(
                        Field.text("candidate", c.candidate()),
                        Field.text("sdpMid", c.sdpMid()),
                        Field.text("sdpMLineIndex", Integer.toString(c.sdpMLineIndex())))));
            }
            fields.add(Field.of("iceCandidates", candidates));
        } else if (signal instanceof Signal.Update update) {
            fields.add(Field.text("reason", update.reason()));
            fields.add(Field.of("sessionDescription", List.of(
                    Field.text("offerId", update.offerId()),
                    Field.text("sdp", update.sdp()),
                    Field.text("type", update.offer() ? "offer" : "answer"))));
        }
        return new ExtraParams(fields);
    }

    private static void addUserInfo(List<Field> fields, Map<String, String> userInfo) {
        if (userInfo.isEmpty()) {
            return; // QuickBlox omits an empty userInfo
        }
        List<Field> entries = new ArrayList<>();
        userInfo.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> entries.add(Field.text(e.getKey(), e.getValue())));
        fields.add(Field.of("userInfo", entries));
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Reads a signal.
     *
     * @return empty when the element belongs to another QuickBlox module (not a call signal)
     * @throws MalformedSignalException when it is a call signal but a required part is missing
     *         or unreadable; the message says which
     */
    static Optional<Signal> decode(ExtraParams params) throws MalformedSignalException {
        if (!params.text("moduleIdentifier").orElse("").equals(MODULE_ID)) {
            return Optional.empty();
        }
        String type = required(params, "signalType");
        Signal.Header header = header(params);
        Signal signal = switch (type) {
            case "call" -> new Signal.Call(header, sdp(params), userInfo(params));
            case "accept" -> new Signal.Accept(header, sdp(params), userInfo(params));
            case "reject" -> new Signal.Reject(header, userInfo(params));
            case "hangUp" -> new Signal.HangUp(header, userInfo(params));
            case "iceCandidates" -> new Signal.IceCandidates(header, candidates(params));
            case "update" -> update(params, header);
            default -> throw new MalformedSignalException("unknown signalType '" + type + "'");
        };
        return Optional.of(signal);
    }

    private static Signal.Header header(ExtraParams params) throws MalformedSignalException {
        String sessionId = required(params, "sessionID");
        long callType = number(params, "callType");
        if (callType != 1 && callType != 2) {
            throw new MalformedSignalException("callType " + callType + " is neither 1 (video) nor 2 (audio)");
        }
        ConferenceType conferenceType = ConferenceType.fromWireValue((int) callType);
        long callerId = number(params, "callerID");
        Field opponentsField = params.field("opponentsIDs")
                .orElseThrow(() -> new MalformedSignalException("opponentsIDs is missing"));
        List<Long> opponents = new ArrayList<>();
        for (Field opponent : opponentsField.children()) {
            opponents.add(parseLong("opponentID", opponent.text()));
        }
        if (opponents.isEmpty()) {
            throw new MalformedSignalException("opponentsIDs is empty");
        }
        String platform = params.text("platform").orElse("unknown");
        return new Signal.Header(sessionId, conferenceType, callerId, opponents, platform);
    }

    private static String sdp(ExtraParams params) throws MalformedSignalException {
        required(params, "sdp");
        // Untrimmed: an SDP ends with a line break that WebRTC expects.
        return SdpText.normalizeLineEndings(params.field("sdp").orElseThrow().text());
    }

    private static Map<String, String> userInfo(ExtraParams params) {
        Map<String, String> info = new LinkedHashMap<>();
        params.field("userInfo").ifPresent(field -> flatten("", field.children(), info));
        return info;
    }

    private static void flatten(String prefix, List<Field> fields, Map<String, String> into) {
        for (Field field : fields) {
            String key = prefix + field.name();
            if (field.isLeaf()) {
                into.put(key, field.text());
            } else {
                flatten(key + ".", field.children(), into);
            }
        }
    }

    private static List<Signal.IceCandidate> candidates(ExtraParams params) throws MalformedSignalException {
        Field list = params.field("iceCandidates")
                .orElseThrow(() -> new MalformedSignalException("iceCandidates is missing"));
        List<Signal.IceCandidate> candidates = new ArrayList<>();
        for (Field c : list.children()) {
            String candidate = c.child("candidate").map(Field::text)
                    .orElseThrow(() -> new MalformedSignalException("an iceCandidate has no candidate"));
            String sdpMid = c.child("sdpMid").map(Field::text).orElse("0");
            String index = c.child("sdpMLineIndex").map(Field::text).orElse("0");
            long lineIndex = parseLong("sdpMLineIndex", index);
            if (lineIndex < 0 || lineIndex > 1024) {
                throw new MalformedSignalException("sdpMLineIndex " + lineIndex + " is out of range");
            }
            candidates.add(new Signal.IceCandidate(candidate, sdpMid, (int) lineIndex));
        }
        return candidates;
    }

    private static Signal.Update update(ExtraParams params, Signal.Header header) throws MalformedSignalException {
        Field description = params.field("sessionDescription")
                .orElseThrow(() -> new MalformedSignalException("update has no sessionDescription"));
        String sdp = description.child("sdp").map(Field::text)
                .orElseThrow(() -> new MalformedSignalException("update has no sdp"));
        String type = description.child("type").map(f -> f.text().trim()).orElse("");
        if (!type.equals("offer") && !type.equals("answer")) {
            throw new MalformedSignalException("update type '" + type + "' is neither offer nor answer");
        }
        String offerId = description.child("offerId").map(f -> f.text().trim()).orElse("");
        String reason = params.text("reason").orElse("");
        return new Signal.Update(header, reason, offerId, SdpText.normalizeLineEndings(sdp), type.equals("offer"));
    }

    private static String required(ExtraParams params, String name) throws MalformedSignalException {
        String value = params.text(name).orElseThrow(() -> new MalformedSignalException(name + " is missing"));
        if (value.isEmpty()) {
            throw new MalformedSignalException(name + " is empty");
        }
        return value;
    }

    private static long number(ExtraParams params, String name) throws MalformedSignalException {
        return parseLong(name, required(params, name));
    }

    private static long parseLong(String name, String text) throws MalformedSignalException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedSignalException(name + " '" + text + "' is not a number");
        }
    }
}
