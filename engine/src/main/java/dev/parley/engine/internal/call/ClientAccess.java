package dev.parley.engine.internal.call;

import dev.parley.engine.CallClient;
import java.util.function.Function;

/**
 * Not API. Lets the published testing fixtures reach what a {@link CallClient} does not show:
 * its engine thread, to wait until it is idle. {@code CallClient} hands the accessor over when
 * its class is initialised, so no part of its API has to exist only for tests.
 *
 * <p>Threading: thread safe.
 */
public final class ClientAccess {

    private static volatile Function<CallClient, EngineThread> engines;

    private ClientAccess() {
    }

    /** Called once, by {@code CallClient}'s class initialiser. */
    public static void engines(Function<CallClient, EngineThread> accessor) {
        engines = accessor;
    }

    /** The engine thread of {@code client}. */
    public static EngineThread engineOf(CallClient client) {
        return engines.apply(client); // set: a CallClient exists, so its class is initialised
    }
}
