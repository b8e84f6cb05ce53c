package dev.parley.components;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which participants a conference view shows: the grid up to nine, then the speaker large and pages of others. */
class ConferenceLayoutTest {

    private static List<Long> ids(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    @Test
    void uptoNineEveryoneIsInTheGridOnOnePage() {
        assertThat(ConferenceLayout.pages(9)).isEqualTo(1);
        assertThat(ConferenceLayout.shown(ids(9), 5, 0)).isEqualTo(ids(9));
        assertThat(ConferenceLayout.shown(ids(3), -1, 4)).isEqualTo(ids(3));
    }

    @Test
    void beyondNineTheSpeakerIsLargeAndTheOthersComeInPagesOfFour() {
        assertThat(ConferenceLayout.pages(10)).isEqualTo(3);
        assertThat(ConferenceLayout.pages(13)).isEqualTo(3);
        assertThat(ConferenceLayout.pages(14)).isEqualTo(4);
        assertThat(ConferenceLayout.speaker(ids(12), 7)).isEqualTo(7);
        assertThat(ConferenceLayout.speaker(ids(12), 99)).as("nobody spoke yet: the first").isEqualTo(1);
        assertThat(ConferenceLayout.shown(ids(12), 7, 0)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ConferenceLayout.shown(ids(12), 7, 1)).containsExactly(5L, 6L, 8L, 9L);
        assertThat(ConferenceLayout.shown(ids(12), 7, 2)).containsExactly(10L, 11L, 12L);
        assertThat(ConferenceLayout.shown(ids(12), 7, 9)).isEmpty();
    }
}
