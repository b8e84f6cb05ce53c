package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.servers.Prosody;
import dev.parley.engine.servers.Servers;
import dev.parley.engine.xmpp.XmppSignaling;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short soak: 50 sequential calls in-process and 20 through Prosody, each with video, all
 * completing, and neither threads nor open files nor native objects growing from the early
 * calls to the last. The long run (1,000 and 200 calls, with resident memory) is
 * {@code src/scripts/soak.sh}; its figures are in docs/reliability.md.
 */
@ExtendWith(Servers.class)
class SoakTest {

    @Test
    void fiftyCallsInProcessLeaveNoThreadFileOrNativeObjectBehind() throws Exception {
        try (Soak soak = Soak.inProcess()) {
            assertNothingGrows(soak, soak.run(50, 10));
        }
    }

    @Test
    void twentyCallsThroughProsodyLeaveNoThreadFileOrNativeObjectBehind(Prosody prosody) throws Exception {
        try (Soak soak = Soak.over(id -> XmppSignaling.connect(prosody.user(id).build()))) {
            assertNothingGrows(soak, soak.run(20, 5));
        }
    }

    private static void assertNothingGrows(Soak soak, List<Soak.Sample> samples) {
        samples.forEach(s -> System.out.println("soak " + s));
        assertThat(soak.failures()).isEmpty();
        Soak.Sample early = samples.get(1);
        Soak.Sample last = samples.get(samples.size() - 1);
        assertThat(last.osThreads()).as("OS threads").isLessThanOrEqualTo(early.osThreads() + 2);
        assertThat(last.openFiles()).as("open files").isLessThanOrEqualTo(early.openFiles() + 1);
        assertThat(last.natives()).as("native objects").isEqualTo(early.natives());
    }
}
