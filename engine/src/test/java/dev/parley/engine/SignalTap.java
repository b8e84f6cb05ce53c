package dev.parley.engine;

import dev.parley.engine.signaling.Signal;
import dev.parley.engine.signaling.SignalHandler;
import dev.parley.engine.signaling.SignalingChannel;
import dev.parley.engine.signaling.SignalingState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A signaling channel that passes everything through to a real one and notes each signal's
 * direction and type ("sent update offer", "received iceCandidates"), so a test can tell what
 * crossed the wire, an ICE restart for instance.
 */
final class SignalTap implements SignalingChannel {

    private final SignalingChannel channel;
    private final List<String> seen = new ArrayList<>();

    SignalTap(SignalingChannel channel) {
        this.channel = channel;
    }

    synchronized List<String> seen() {
        return List.copyOf(seen);
    }

    long count(String entry) {
        return seen().stream().filter(entry::equals).count();
    }

    private synchronized void note(String direction, Signal signal) {
        seen.add(direction + " " + signal.signalType()
                + (signal instanceof Signal.Update update ? (update.offer() ? " offer" : " answer") : ""));
    }

    @Override
    public long localUserId() {
        return channel.localUserId();
    }

    @Override
    public void send(long toUserId, Signal signal) {
        channel.send(toUserId, signal);
        note("sent", signal);
    }

    @Override
    public dev.parley.engine.Subscription subscribe(SignalHandler handler) {
        return channel.subscribe((from, signal) -> {
            note("received", signal);
            handler.signalReceived(from, signal);
        });
    }

    @Override
    public SignalingState state() {
        return channel.state();
    }

    @Override
    public dev.parley.engine.Subscription addStateListener(Consumer<SignalingState> listener) {
        return channel.addStateListener(listener);
    }

    @Override
    public void close() {
        channel.close();
    }
}
