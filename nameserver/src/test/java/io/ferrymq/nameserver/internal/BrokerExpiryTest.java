package io.ferrymq.nameserver.internal;

import static io.ferrymq.nameserver.internal.Registrations.broker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.testkit.ManualClock;
import org.junit.jupiter.api.Test;

/** Expiry by the clock (the agent) and by the connection (the channel listener). */
class BrokerExpiryTest {
    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final RouteRegistry registry = new RouteRegistry(clock);
    private final BrokerExpiryAgent agent = new BrokerExpiryAgent(registry);

    @Test
    void brokerSilentPastTwoMinutesIsDropped() {
        registry.register(broker("broker-a", "a:1").defaults().topic("T", 4, 6).build());

        clock.advanceMs(120_000);
        assertThat(agent.doWork()).isZero();
        assertThat(registry.route("T")).isNotNull();

        clock.advanceMs(1);
        assertThat(agent.doWork()).isEqualTo(1);
        assertThat(registry.route("T")).isNull();
        assertThat(registry.clusterInfo().brokerAddrTable()).isEmpty();
    }

    @Test
    void reRegistrationAndHeartbeatKeepABrokerAlive() {
        registry.register(broker("broker-a", "a:1").defaults().build());
        clock.advanceMs(100_000);
        registry.register(broker("broker-a", "a:1").defaults().build());
        clock.advanceMs(100_000);
        assertThat(registry.heartbeat("DefaultCluster", "a:1")).isTrue();
        clock.advanceMs(100_000);

        assertThat(agent.doWork()).isZero();
        assertThat(registry.heartbeat("DefaultCluster", "unknown:1")).isFalse();
    }

    @Test
    void brokerOwnTimeoutOverridesTheDefault() {
        registry.register(broker("broker-a", "a:1").timeoutMs(10_000).defaults().build());
        registry.register(broker("broker-b", "b:1").defaults().build());

        clock.advanceMs(10_001);

        assertThat(agent.doWork()).isEqualTo(1);
        assertThat(registry.liveBrokers()).containsExactly(new BrokerKey("DefaultCluster", "b:1"));
    }

    @Test
    void expiredSlaveLeavesTheMasterInPlace() {
        registry.register(broker("broker-a", "m:1").defaults().build());
        clock.advanceMs(60_000);
        registry.register(broker("broker-a", "s:1").id(1).defaults().build());
        clock.advanceMs(60_001);
        registry.register(broker("broker-a", "s:1").id(1).defaults().build());

        assertThat(agent.doWork()).isEqualTo(1);

        assertThat(registry.memberAddrs("broker-a")).containsOnlyKeys(1L);
    }

    @Test
    void closedChannelDropsTheBrokerAtOnce() {
        FakeChannel channelA = new FakeChannel("127.0.0.1:50001");
        FakeChannel channelB = new FakeChannel("127.0.0.1:50002");
        registry.register(broker("broker-a", "a:1")
                .channel(channelA)
                .defaults()
                .topic("A", 4, 6)
                .build());
        registry.register(broker("broker-b", "b:1").channel(channelB).defaults().build());
        BrokerChannelListener listener = new BrokerChannelListener(registry);

        listener.onClosed(channelA);

        assertThat(registry.route("A")).isNull();
        assertThat(registry.liveBrokers()).containsExactly(new BrokerKey("DefaultCluster", "b:1"));
    }

    @Test
    void idleOrFailedChannelDropsTheBroker() {
        FakeChannel channelA = new FakeChannel("127.0.0.1:50001");
        FakeChannel channelB = new FakeChannel("127.0.0.1:50002");
        registry.register(broker("broker-a", "a:1").channel(channelA).defaults().build());
        registry.register(broker("broker-b", "b:1").channel(channelB).defaults().build());
        BrokerChannelListener listener = new BrokerChannelListener(registry);

        listener.onIdle(channelA);
        listener.onException(channelB, new java.io.IOException("reset"));

        assertThat(registry.liveBrokers()).isEmpty();
    }

    @Test
    void channelOfAClientDropsNothing() {
        registry.register(broker("broker-a", "a:1")
                .channel(new FakeChannel("127.0.0.1:50001"))
                .defaults()
                .build());

        new BrokerChannelListener(registry).onClosed(new FakeChannel("127.0.0.1:50999"));

        assertThat(registry.liveBrokers()).hasSize(1);
    }
}
