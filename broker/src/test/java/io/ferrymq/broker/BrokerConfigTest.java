package io.ferrymq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.commitlog.FlushDiskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {
    private static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsAreRocketMqs() {
        BrokerConfig config = BrokerConfig.fromProperties(new Properties(), Map.of());
        assertThat(config.brokerClusterName()).isEqualTo("DefaultCluster");
        assertThat(config.brokerName()).isEqualTo("broker-a");
        assertThat(config.brokerId()).isZero();
        assertThat(config.namesrvAddr()).isEmpty();
        assertThat(config.listenPort()).isEqualTo(10911);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.brokerIP1()).isNotBlank();
        assertThat(config.storePathRootDir()).isEqualTo(Path.of(System.getProperty("user.home"), "ferrymq", "store"));
        assertThat(config.flushDiskType()).isEqualTo(FlushDiskType.ASYNC_FLUSH);
        assertThat(config.brokerRole()).isEqualTo("ASYNC_MASTER");
        assertThat(config.autoCreateTopicEnable()).isTrue();
        assertThat(config.autoCreateSubscriptionGroup()).isTrue();
        assertThat(config.defaultTopicQueueNums()).isEqualTo(8);
        assertThat(config.maxMessageSize()).isEqualTo(4 * 1024 * 1024);
        assertThat(config.registerNameServerPeriod()).isEqualTo(30_000);
        assertThat(config.brokerPermission()).isEqualTo(6);
        assertThat(config.regionId()).isEqualTo("DefaultRegion");
        assertThat(config.traceOn()).isTrue();
        assertThat(config.longPollingEnable()).isTrue();
        assertThat(config.shortPollingTimeMills()).isEqualTo(1000);
        assertThat(config.storeConfig().commitLog().segmentSizeBytes()).isEqualTo(1024 * 1024 * 1024);
        assertThat(config.storeConfig().maxHashSlotNum()).isEqualTo(5_000_000);
        assertThat(config.storeConfig().maxIndexNum()).isEqualTo(20_000_000);
    }

    @Test
    void keyIndexGeometryReachesTheStoreAndMustFitAFile() {
        BrokerConfig config =
                BrokerConfig.fromProperties(props("maxHashSlotNum", "1024", "maxIndexNum", "4096"), Map.of());
        assertThat(config.storeConfig().maxHashSlotNum()).isEqualTo(1024);
        assertThat(config.storeConfig().maxIndexNum()).isEqualTo(4096);
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("maxHashSlotNum", "0"), Map.of()))
                .hasMessageContaining("maxHashSlotNum");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("maxIndexNum", "100000000"), Map.of()))
                .hasMessageContaining("maxIndexNum")
                .hasMessageContaining("2 GiB");
    }

    @Test
    void everyUnknownKeyIsNamed() {
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("brokerNam", "x", "listenPrt", "1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown broker config key(s): brokerNam, listenPrt");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("listenPort", "ten"), Map.of()))
                .hasMessageContaining("listenPort")
                .hasMessageContaining("'ten'");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("autoCreateTopicEnable", "yes"), Map.of()))
                .hasMessageContaining("autoCreateTopicEnable")
                .hasMessageContaining("'yes'");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("flushDiskType", "SOMETIMES"), Map.of()))
                .hasMessageContaining("flushDiskType");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("mappedFileSizeConsumeQueue", "21"), Map.of()))
                .hasMessageContaining("mappedFileSizeConsumeQueue");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("deleteWhen", "25"), Map.of()))
                .hasMessageContaining("deleteWhen");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("namesrvAddr", "nohostport"), Map.of()))
                .hasMessageContaining("namesrvAddr");
    }

    @Test
    void replicatedRolesAreNotSupportedYet() {
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("brokerRole", "SYNC_MASTER"), Map.of()))
                .hasMessageContaining("brokerRole=SYNC_MASTER is not supported yet");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(props("brokerRole", "SLAVE"), Map.of()))
                .hasMessageContaining("not supported yet");
    }

    @Test
    void namesrvAddrFromTheFileWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("NAMESRV_ADDR", "10.0.0.1:9876;10.0.0.2:9876");
        assertThat(BrokerConfig.fromProperties(new Properties(), env).namesrvAddr())
                .containsExactly("10.0.0.1:9876", "10.0.0.2:9876");
        assertThat(BrokerConfig.fromProperties(props("namesrvAddr", "h:1"), env).namesrvAddr())
                .isEqualTo(List.of("h:1"));
    }

    @Test
    void registrationPeriodIsClamped() {
        assertThat(BrokerConfig.fromProperties(props("registerNameServerPeriod", "1"), Map.of())
                        .registerNameServerPeriod())
                .isEqualTo(10_000);
        assertThat(BrokerConfig.fromProperties(props("registerNameServerPeriod", "999999"), Map.of())
                        .registerNameServerPeriod())
                .isEqualTo(60_000);
    }

    @Test
    void printedConfigReadsBackTheSame() {
        BrokerConfig config = BrokerConfig.fromProperties(props("brokerName", "b1", "brokerIP1", "10.1.2.3"), Map.of());
        Properties again = new Properties();
        for (String line : config.toText().split("\n")) {
            int eq = line.indexOf('=');
            again.setProperty(line.substring(0, eq), line.substring(eq + 1));
        }
        assertThat(BrokerConfig.fromProperties(again, Map.of())).isEqualTo(config);
    }
}
