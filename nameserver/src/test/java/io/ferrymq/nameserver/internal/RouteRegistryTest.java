package io.ferrymq.nameserver.internal;

import static io.ferrymq.nameserver.internal.Registrations.broker;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.ClusterInfo;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.QueueData;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.protocol.route.TopicSysFlag;
import io.ferrymq.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RouteRegistryTest {
    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final AtomicBoolean deleteWithRegistration = new AtomicBoolean();
    private final RouteRegistry registry = new RouteRegistry(clock, deleteWithRegistration::get);

    @Test
    void registeredMasterServesItsTopics() {
        RegisterResult result = registry.register(broker("broker-a", "127.0.0.2:20911")
                .defaults()
                .topic("TopicTest", 4, 6)
                .build());

        assertThat(result).isEqualTo(RegisterResult.ACCEPTED);
        TopicRouteData route = registry.route("TopicTest");
        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 6, 0));
        assertThat(route.brokerDatas())
                .containsExactly(
                        new BrokerData("DefaultCluster", "broker-a", Map.of(0L, "127.0.0.2:20911"), false, null));
        assertThat(route.orderTopicConf()).isNull();
        assertThat(registry.route("TBW102").queueDatas().get(0).perm()).isEqualTo(7);
        assertThat(registry.route("Unknown")).isNull();
    }

    @Test
    void firstRegistrationWithExactlyOneTopicIsRejected() {
        RegisterResult result = registry.register(
                broker("broker-a", "a:1").topic("TopicTest", 4, 6).build());

        assertThat(result.accepted()).isFalse();
        assertThat(registry.route("TopicTest")).isNull();
        assertThat(registry.clusterInfo().brokerAddrTable()).isEmpty();
        assertThat(registry.clusterInfo().clusterAddrTable()).isEmpty();
        assertThat(registry.liveBrokers()).isEmpty();
    }

    @Test
    void singleTopicIncrementAfterFullRegistrationIsAccepted() {
        registry.register(broker("broker-a", "a:1").defaults().build());

        RegisterResult result = registry.register(
                broker("broker-a", "a:1").version(1).topic("New", 4, 6).build());

        assertThat(result.accepted()).isTrue();
        assertThat(registry.route("New")).isNotNull();
        assertThat(registry.route("TBW102"))
                .as("topics missing from a registration stay")
                .isNotNull();
    }

    @Test
    void emptyAndMultiTopicFirstRegistrationsAreAccepted() {
        assertThat(registry.register(broker("b1", "a:1").build()).accepted()).isTrue();
        assertThat(registry.register(broker("b2", "a:2").defaults().build()).accepted())
                .isTrue();
    }

    @Test
    void changedPermsAreIgnoredUntilTheDataVersionChanges() {
        registry.register(broker("broker-a", "a:1").defaults().topic("T", 4, 6).build());

        registry.register(broker("broker-a", "a:1").defaults().topic("T", 4, 4).build());
        assertThat(registry.route("T").queueDatas().get(0).perm())
                .as("same dataVersion")
                .isEqualTo(6);

        registry.register(
                broker("broker-a", "a:1").version(1).defaults().topic("T", 8, 4).build());
        assertThat(registry.route("T").queueDatas()).containsExactly(new QueueData("broker-a", 8, 8, 4, 0));
    }

    @Test
    void newTopicIsAddedEvenWithAnUnchangedDataVersion() {
        registry.register(broker("broker-a", "a:1").defaults().build());

        registry.register(
                broker("broker-a", "a:1").defaults().topic("Late", 2, 6).build());

        assertThat(registry.route("Late").queueDatas()).containsExactly(new QueueData("broker-a", 2, 2, 6, 0));
    }

    @Test
    void deleteTopicWithBrokerRegistrationDropsMissingTopicsWhenEnabled() {
        registry.register(
                broker("broker-a", "a:1").defaults().topic("Old", 4, 6).build());
        registry.register(broker("broker-a", "a:1").version(1).defaults().build());
        assertThat(registry.route("Old")).as("disabled by default").isNotNull();

        deleteWithRegistration.set(true);
        registry.register(broker("broker-a", "a:1").version(2).defaults().build());

        assertThat(registry.route("Old")).isNull();
        assertThat(registry.route("TBW102")).isNotNull();
    }

    @Test
    void sameAddressUnderANewIdReplacesTheOldId() {
        registry.register(broker("broker-a", "a:1").id(0).defaults().build());
        registry.register(broker("broker-a", "b:1").id(1).defaults().build());
        registry.unregister("DefaultCluster", "a:1", "broker-a");

        registry.register(broker("broker-a", "b:1").id(0).defaults().build());

        assertThat(registry.memberAddrs("broker-a")).isEqualTo(Map.of(0L, "b:1"));
    }

    @Test
    void slaveIsToldItsMasterAndHaAddress() {
        registry.register(broker("broker-a", "m:1").ha("m:2").defaults().build());

        RegisterResult result = registry.register(
                broker("broker-a", "s:1").id(1).ha("s:2").defaults().build());

        assertThat(result).isEqualTo(new RegisterResult(true, "m:1", "m:2"));
        assertThat(registry.route("TBW102").brokerDatas().get(0).brokerAddrs()).isEqualTo(Map.of(0L, "m:1", 1L, "s:1"));
    }

    @Test
    void slaveWithoutMasterGetsNoMasterAddress() {
        RegisterResult result =
                registry.register(broker("broker-a", "s:1").id(1).defaults().build());

        assertThat(result).isEqualTo(RegisterResult.ACCEPTED);
    }

    @Test
    void slaveDoesNotOverwriteTheMastersQueueData() {
        registry.register(broker("broker-a", "m:1").defaults().topic("T", 4, 6).build());

        registry.register(broker("broker-a", "s:1")
                .id(1)
                .version(5)
                .defaults()
                .topic("T", 1, 2)
                .build());

        assertThat(registry.route("T").queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 6, 0));
    }

    @Test
    void primeSlaveInActingMasterModeServesReadOnlyWhenTheMasterIsAbsent() {
        registry.register(broker("broker-a", "s:1")
                .id(1)
                .actingMaster(true)
                .defaults()
                .topic("T", 4, 6)
                .build());

        assertThat(registry.route("T").queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 4, 0));
    }

    @Test
    void registrationForAnIdHeldElsewhereWithANewerStateVersionIsIgnored() {
        registry.register(broker("broker-a", "new:1").stateVersion(5).defaults().build());

        RegisterResult result = registry.register(
                broker("broker-a", "old:1").stateVersion(4).defaults().build());

        assertThat(result.accepted()).isTrue();
        assertThat(registry.memberAddrs("broker-a")).isEqualTo(Map.of(0L, "new:1"));
        assertThat(registry.liveBrokers()).containsExactly(new BrokerKey("DefaultCluster", "new:1"));
    }

    @Test
    void unregisterOfTheLastBrokerRemovesGroupClusterAndTopics() {
        registry.register(
                broker("broker-a", "a:1").defaults().topic("OnlyA", 4, 6).build());
        registry.register(broker("broker-b", "b:1").cluster("Other").defaults().build());

        registry.unregister("DefaultCluster", "a:1", "broker-a");

        assertThat(registry.route("OnlyA")).isNull();
        assertThat(registry.route("TBW102").brokerDatas())
                .extracting(BrokerData::brokerName)
                .containsExactly("broker-b");
        ClusterInfo info = registry.clusterInfo();
        assertThat(info.brokerAddrTable()).containsOnlyKeys("broker-b");
        assertThat(info.clusterAddrTable()).containsOnlyKeys("Other");
        assertThat(registry.liveBrokers()).containsExactly(new BrokerKey("Other", "b:1"));
    }

    @Test
    void unregisterOfASlaveKeepsTheGroup() {
        registry.register(broker("broker-a", "m:1").defaults().build());
        registry.register(broker("broker-a", "s:1").id(1).defaults().build());

        registry.unregister("DefaultCluster", "s:1", "broker-a");

        assertThat(registry.memberAddrs("broker-a")).isEqualTo(Map.of(0L, "m:1"));
        assertThat(registry.route("TBW102")).isNotNull();
    }

    @Test
    void clusterInfoListsGroupsPerCluster() {
        registry.register(broker("broker-a", "a:1").defaults().build());
        registry.register(broker("broker-b", "b:1").defaults().build());

        ClusterInfo info = registry.clusterInfo();

        assertThat(info.clusterAddrTable())
                .isEqualTo(Map.of("DefaultCluster", java.util.Set.of("broker-a", "broker-b")));
        assertThat(info.brokerAddrTable().get("broker-b").brokerAddrs()).isEqualTo(Map.of(0L, "b:1"));
    }

    @Test
    void topicListsByClusterAndSystemTopics() {
        registry.register(broker("broker-a", "a:1").defaults().topic("A", 4, 6).build());
        registry.register(broker("broker-b", "b:1")
                .cluster("Other")
                .defaults()
                .topic("B", 4, 6)
                .build());

        assertThat(registry.allTopics().topicList()).containsExactly("A", "B", "SELF_TEST_TOPIC", "TBW102");
        assertThat(registry.topicsOfCluster("Other").topicList()).containsExactly("B", "SELF_TEST_TOPIC", "TBW102");
        assertThat(registry.topicsOfCluster("Nope").topicList()).isEmpty();
        assertThat(registry.systemTopics().topicList())
                .containsExactlyInAnyOrder("DefaultCluster", "Other", "broker-a", "broker-b");
        assertThat(registry.systemTopics().brokerAddr()).isIn("a:1", "b:1");
    }

    @Test
    void unitTopicListsFollowTheSysFlag() {
        registry.register(broker("broker-a", "a:1")
                .defaults()
                .topic(new TopicConfig("Unit", 1, 1, 6, null, TopicSysFlag.build(true, false), false, null))
                .topic(new TopicConfig("UnitSub", 1, 1, 6, null, TopicSysFlag.build(true, true), false, null))
                .topic(new TopicConfig("SubOnly", 1, 1, 6, null, TopicSysFlag.build(false, true), false, null))
                .build());

        assertThat(registry.topicsWithSysFlag(TopicSysFlag::hasUnitFlag).topicList())
                .containsExactly("Unit", "UnitSub");
        assertThat(registry.topicsWithSysFlag(TopicSysFlag::hasUnitSubFlag).topicList())
                .containsExactly("SubOnly", "UnitSub");
    }

    @Test
    void wipeAndAddWritePermCountTopics() {
        registry.register(broker("broker-a", "a:1").defaults().topic("T", 4, 6).build());

        assertThat(registry.wipeWritePerm("broker-a")).isEqualTo(3);
        assertThat(registry.route("T").queueDatas().get(0).perm()).isEqualTo(PermName.PERM_READ);
        assertThat(registry.route("TBW102").queueDatas().get(0).perm()).isEqualTo(5);

        assertThat(registry.addWritePerm("broker-a")).isEqualTo(3);
        assertThat(registry.route("T").queueDatas().get(0).perm()).isEqualTo(6);
        assertThat(registry.wipeWritePerm("nobody")).isZero();
    }

    @Test
    void deleteTopicEverywhereOrPerCluster() {
        registry.register(broker("broker-a", "a:1").defaults().topic("T", 4, 6).build());
        registry.register(broker("broker-b", "b:1")
                .cluster("Other")
                .defaults()
                .topic("T", 4, 6)
                .build());

        registry.deleteTopic("T", "Other");
        assertThat(registry.route("T").brokerDatas())
                .extracting(BrokerData::brokerName)
                .containsExactly("broker-a");

        registry.deleteTopic("T", null);
        assertThat(registry.route("T")).isNull();
    }

    @Test
    void registerTopicAddsQueueDataOfKnownGroupsOnly() {
        registry.register(broker("broker-a", "a:1").defaults().build());

        assertThat(registry.registerTopic("X", List.of(new QueueData("broker-a", 2, 2, 6, 0))))
                .isTrue();
        assertThat(registry.registerTopic("Y", List.of(new QueueData("ghost", 2, 2, 6, 0))))
                .isFalse();

        assertThat(registry.route("X").queueDatas()).containsExactly(new QueueData("broker-a", 2, 2, 6, 0));
        assertThat(registry.route("Y")).isNull();
    }

    @Test
    void dataVersionCheckReportsChangesAndCountsAsHeartbeat() {
        registry.register(broker("broker-a", "a:1").timeoutMs(10_000).defaults().build());
        clock.advanceMs(9_000);

        RouteRegistry.DataVersionCheck same = registry.checkDataVersion(
                "DefaultCluster", "a:1", new io.ferrymq.protocol.route.DataVersion(0, 1_000, 0));
        RouteRegistry.DataVersionCheck other = registry.checkDataVersion(
                "DefaultCluster", "a:1", new io.ferrymq.protocol.route.DataVersion(0, 1_000, 1));
        clock.advanceMs(9_000);

        assertThat(same.changed()).isFalse();
        assertThat(other.changed()).isTrue();
        assertThat(other.onRecord().counter()).isZero();
        assertThat(registry.expire()).as("the unchanged query refreshed it").isZero();
        assertThat(registry.checkDataVersion("DefaultCluster", "z:1", null).changed())
                .isTrue();
    }
}
