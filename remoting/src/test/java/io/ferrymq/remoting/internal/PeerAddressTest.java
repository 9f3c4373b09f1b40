package io.ferrymq.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerAddressTest {
    @Test
    void parsesAndFormatsHostAndPort() {
        InetSocketAddress address = PeerAddress.parse("127.0.0.1:9876");

        assertThat(address.getPort()).isEqualTo(9876);
        assertThat(PeerAddress.format(address)).isEqualTo("127.0.0.1:9876");
    }

    @Test
    void rejectsWhatIsNotHostAndPort() {
        for (String bad : new String[] {"127.0.0.1", ":9876", "host:", "host:port", "host:70000"}) {
            assertThatThrownBy(() -> PeerAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
