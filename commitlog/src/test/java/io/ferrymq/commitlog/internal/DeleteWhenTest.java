package io.ferrymq.commitlog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeleteWhenTest {
    @Test
    void parsesSemicolonSeparatedHours() {
        DeleteWhen when = DeleteWhen.parse("04;16");
        assertThat(when.includes(4)).isTrue();
        assertThat(when.includes(16)).isTrue();
        assertThat(when.includes(5)).isFalse();
    }

    @Test
    void refusesWhatIsNotAnHour() {
        assertThatThrownBy(() -> DeleteWhen.parse("4;25")).hasMessageContaining("25");
        assertThatThrownBy(() -> DeleteWhen.parse("four")).hasMessageContaining("four");
    }
}
