package io.ferrymq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NameServerConfigTest {

    private static Properties props(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsAreRocketMqs() {
        NameServerConfig config = NameServerConfig.defaults();

        assertThat(config.listenPort()).isEqualTo(9876);
        assertThat(config.listenAddress()).isEqualTo("0.0.0.0");
        assertThat(config.scanNotActiveBrokerInterval()).isEqualTo(5000);
        assertThat(config.serverChannelMaxIdleTimeSeconds()).isEqualTo(120);
        assertThat(config.orderMessageEnable()).isFalse();
        assertThat(config.returnOrderTopicConfigToBroker()).isTrue();
    }

    @Test
    void unknownKeysAreNamed() {
        assertThatThrownBy(() -> NameServerConfig.fromProperties(
                        props("listenPort", "1", "rocketmqHome", "/x", "kvConfigPath", "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown nameserver config key(s): kvConfigPath, rocketmqHome");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> NameServerConfig.fromProperties(props("listenPort", "abc")))
                .hasMessage("bad value for nameserver config key listenPort: 'abc' (expected an integer)");
        assertThatThrownBy(() -> NameServerConfig.fromProperties(props("orderMessageEnable", "yes")))
                .hasMessageContaining("orderMessageEnable: 'yes' (expected true or false)");
        assertThatThrownBy(() -> NameServerConfig.fromProperties(props("listenPort", "70000")))
                .hasMessageContaining("listenPort: '70000' (expected 0..65535)");
        assertThatThrownBy(() -> NameServerConfig.fromProperties(props("serverWorkerThreads", "0")))
                .hasMessageContaining("serverWorkerThreads");
    }

    @Test
    void runtimeUpdatesOnlyTouchRuntimeKeys() {
        NameServerConfig config = NameServerConfig.defaults();

        NameServerConfig updated = config.withRuntimeUpdates(props("orderMessageEnable", "true"));

        assertThat(updated.orderMessageEnable()).isTrue();
        assertThat(updated.listenPort()).isEqualTo(9876);
        assertThatThrownBy(() -> config.withRuntimeUpdates(props("listenPort", "1", "serverWorkerThreads", "2")))
                .hasMessageStartingWith(
                        "cannot change nameserver config key(s) at runtime: listenPort, serverWorkerThreads");
        assertThatThrownBy(() -> config.withRuntimeUpdates(props("orderMessageEnable", "maybe")))
                .hasMessageContaining("expected true or false");
    }

    @Test
    void textRoundTripsThroughProperties() throws IOException {
        NameServerConfig config =
                NameServerConfig.fromProperties(props("listenPort", "0", "orderMessageEnable", "true"));
        Properties reread = new Properties();
        reread.load(new java.io.StringReader(config.toText()));

        assertThat(NameServerConfig.fromProperties(reread)).isEqualTo(config);
    }

    @Test
    void shippedSampleConfigParsesToTheDefaults() throws IOException {
        Path sample = Paths.get("..", "conf", "namesrv.conf");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(sample)) {
            properties.load(in);
        }

        assertThat(NameServerConfig.fromProperties(properties)).isEqualTo(NameServerConfig.defaults());
    }
}
