package io.ferrymq.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessDefaultsTest {
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        ProcessDefaults.DEFAULTS.keySet().forEach(key -> saved.put(key, System.getProperty(key)));
    }

    @AfterEach
    void restore() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void turnsLeakSamplingAndNettysFlightRecorderEventsOffWhenNobodyChose() {
        System.clearProperty(ProcessDefaults.LEAK_DETECTION);
        System.clearProperty(ProcessDefaults.JFR);
        ProcessDefaults.apply();
        assertThat(System.getProperty(ProcessDefaults.LEAK_DETECTION)).isEqualTo("disabled");
        assertThat(System.getProperty(ProcessDefaults.JFR)).isEqualTo("false");
    }

    @Test
    void keepsWhatTheOperatorSet() {
        System.setProperty(ProcessDefaults.LEAK_DETECTION, "paranoid");
        System.setProperty(ProcessDefaults.JFR, "true");
        ProcessDefaults.apply();
        assertThat(System.getProperty(ProcessDefaults.LEAK_DETECTION)).isEqualTo("paranoid");
        assertThat(System.getProperty(ProcessDefaults.JFR)).isEqualTo("true");
    }
}
