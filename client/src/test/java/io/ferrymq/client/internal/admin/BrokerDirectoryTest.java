package io.ferrymq.client.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.client.ClientException;
import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.ClusterInfo;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerDirectoryTest {
    private static final ClusterInfo INFO = new ClusterInfo(
            Map.of(
                    "broker-a", broker("broker-a", Map.of(0L, "10.0.0.1:10911", 1L, "10.0.0.2:10911")),
                    "broker-b", broker("broker-b", Map.of(1L, "10.0.0.3:10911"))),
            Map.of("C", Set.of("broker-a", "broker-b", "broker-gone"), "Empty", Set.of()));

    @Test
    void mastersAreTheClusterGroupsThatHaveOne() {
        assertThat(BrokerDirectory.masters(INFO, "C")).containsExactly("10.0.0.1:10911");
    }

    @Test
    void anUnknownOrEmptyClusterIsRefused() {
        assertThatThrownBy(() -> BrokerDirectory.masters(INFO, "Nope"))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("cluster Nope is unknown");
        assertThatThrownBy(() -> BrokerDirectory.masters(INFO, "Empty")).isInstanceOf(ClientException.class);
    }

    @Test
    void brokerNameOfAnyMemberAddressOrTheAddressItself() {
        assertThat(BrokerDirectory.brokerNameOf(INFO, "10.0.0.2:10911")).isEqualTo("broker-a");
        assertThat(BrokerDirectory.brokerNameOf(INFO, "10.0.0.3:10911")).isEqualTo("broker-b");
        assertThat(BrokerDirectory.brokerNameOf(INFO, "10.0.0.9:10911")).isEqualTo("10.0.0.9:10911");
    }

    private static BrokerData broker(String name, Map<Long, String> addrs) {
        return new BrokerData("C", name, addrs, false, null);
    }
}
