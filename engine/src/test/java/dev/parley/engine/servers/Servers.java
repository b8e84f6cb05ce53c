package dev.parley.engine.servers;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands tests the shared real servers: declare a {@link Prosody},
 * {@link Coturn}, {@link Pulse} or {@link QuickBloxBrowser} parameter on a test, lifecycle method or
 * constructor. The servers start on first use and stop when the test JVM exits; on CI a
 * server that cannot start fails the test, elsewhere it skips it with the reason
 * ({@link TestServers}).
 */
public final class Servers implements BeforeEachCallback, ParameterResolver {

    /**
     * Starts every server the test class asks for before each of its tests. A server that cannot
     * start aborts (skips) or fails the test here, since JUnit would report an abort from
     * parameter resolution as an error.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Stream.concat(Arrays.stream(testClass.getDeclaredMethods()), Arrays.stream(testClass.getDeclaredConstructors()))
                .map(Executable::getParameterTypes)
                .flatMap(Arrays::stream)
                .distinct()
                .forEach(type -> {
                    if (type == Prosody.class) {
                        TestServers.prosody();
                    } else if (type == Coturn.class) {
                        TestServers.coturn();
                    } else if (type == QuickBloxBrowser.class) {
                        TestServers.browser();
                    } else if (type == Pulse.class) {
                        TestServers.pulse();
                    } else if (type == Janus.class) {
                        TestServers.janus();
                    }
                });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Prosody.class || type == Coturn.class || type == QuickBloxBrowser.class || type == Pulse.class
                || type == Janus.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Prosody.class) {
            return TestServers.prosody();
        }
        if (type == Coturn.class) {
            return TestServers.coturn();
        }
        if (type == Janus.class) {
            return TestServers.janus();
        }
        if (type == Pulse.class) {
            return TestServers.pulse();
        }
        return TestServers.browser();
    }
}
