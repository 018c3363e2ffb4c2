package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMarkedError;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.powernode.devops.command.swarm.ClusterTestData.*;

/** How syncs of the manager and their failures move a cluster through pending, connected, disconnected, error. */
class SwarmClusterConnectionTest {

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    @Test
    void the_first_sync_connects_a_pending_cluster_and_records_its_whole_inventory() {
        List<Object> expected = new ArrayList<>();
        expected.add(new ClusterConnected(CLUSTER_ID, ACCOUNT, ConnectionStatus.pending, "First successful sync",
                T1));
        expected.addAll(usualInventoryRecorded(T1));

        fixture.given(clusterRegistered())
                .when(sync(usualSnapshot(T1)))
                .expectEvents(expected.toArray());
    }

    @Test
    void a_pending_cluster_stays_pending_below_five_failures() {
        fixture.given(clusterRegistered(), syncFailed(1, T1), syncFailed(2, T2), syncFailed(3, T3))
                .when(syncFailure(T4))
                .expectEvents(syncFailed(4, T4));
    }

    @Test
    void the_fifth_failure_puts_a_pending_cluster_in_error() {
        fixture.given(clusterRegistered(), syncFailed(1, T1), syncFailed(2, T2), syncFailed(3, T3),
                        syncFailed(4, T4))
                .when(syncFailure(T5))
                .expectEvents(syncFailed(5, T5), new ClusterMarkedError(CLUSTER_ID, ACCOUNT, ConnectionStatus.pending,
                        5, "5 consecutive syncs failed; last error: connection refused", T5));
    }

    @Test
    void the_first_failure_disconnects_a_connected_cluster() {
        fixture.given(connectedCluster())
                .when(syncFailure(T2))
                .expectEvents(syncFailed(1, T2), disconnected(T2));
    }

    @Test
    void the_fifth_failure_puts_a_once_connected_cluster_in_error() {
        List<Object> history = clusterInError();
        List<Object> beforeFifthFailure = history.subList(0, history.size() - 2);

        fixture.given(beforeFifthFailure)
                .when(syncFailure(T6))
                .expectEvents(syncFailed(5, T6), new ClusterMarkedError(CLUSTER_ID, ACCOUNT,
                        ConnectionStatus.disconnected, 5, "5 consecutive syncs failed; last error: connection refused",
                        T6));
    }

    @Test
    void a_cluster_in_error_keeps_counting_failures_without_being_marked_again() {
        fixture.given(clusterInError())
                .when(syncFailure(T6.plusSeconds(60)))
                .expectEvents(syncFailed(6, T6.plusSeconds(60)));
    }

    @Test
    void a_sync_reconnects_a_disconnected_cluster() {
        fixture.given(connectedCluster())
                .andGiven(syncFailed(1, T2), disconnected(T2))
                .when(sync(usualSnapshot(T3)))
                .expectEvents(new ClusterConnected(CLUSTER_ID, ACCOUNT, ConnectionStatus.disconnected,
                        "Answers again after 1 failed sync", T3));
    }

    @Test
    void a_sync_brings_a_cluster_back_from_error() {
        fixture.given(clusterInError())
                .when(sync(usualSnapshot(T6.plusSeconds(60))))
                .expectEvents(new ClusterConnected(CLUSTER_ID, ACCOUNT, ConnectionStatus.error,
                        "Recovered from error: answers again after 5 failed syncs", T6.plusSeconds(60)));
    }

    @Test
    void a_failure_observed_before_the_last_recorded_sync_is_ignored() {
        fixture.given(connectedCluster())
                .when(syncFailure(T1.minusSeconds(30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_success_observed_before_the_last_recorded_failure_is_ignored() {
        fixture.given(connectedCluster())
                .andGiven(syncFailed(1, T3), disconnected(T3))
                .when(sync(usualSnapshot(T2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
