package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.swarm.ClusterCommands.EndClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterRecovery;
import io.powernode.devops.kernel.swarm.ClusterCommands.StartClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceEnded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRecoveryRecorded;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;

/** What an operator decides about a cluster's status: maintenance windows and the manual record_success. */
class SwarmClusterMaintenanceTest {

    private static final String REASON = "manager upgrade";
    private static final ClusterMaintenanceStarted MAINTENANCE_STARTED =
            new ClusterMaintenanceStarted(CLUSTER_ID, ACCOUNT, ConnectionStatus.connected, REASON, NOW);

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    @Test
    void starting_maintenance_remembers_the_status_it_interrupts() {
        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(new StartClusterMaintenance(CLUSTER_ID, ACCOUNT, REASON))
                .expectEvents(MAINTENANCE_STARTED);
    }

    @Test
    void starting_maintenance_twice_records_it_once() {
        fixture.given(connectedCluster())
                .andGiven(MAINTENANCE_STARTED)
                .when(new StartClusterMaintenance(CLUSTER_ID, ACCOUNT, "another reason"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ending_maintenance_makes_the_cluster_pending_until_a_sync_confirms_it() {
        fixture.given(connectedCluster())
                .andGiven(MAINTENANCE_STARTED)
                .andGivenCurrentTime(NOW)
                .when(new EndClusterMaintenance(CLUSTER_ID, ACCOUNT))
                .expectEvents(new ClusterMaintenanceEnded(CLUSTER_ID, ACCOUNT, NOW));
    }

    @Test
    void the_first_sync_after_maintenance_connects_the_cluster_again() {
        fixture.given(connectedCluster())
                .andGiven(MAINTENANCE_STARTED, new ClusterMaintenanceEnded(CLUSTER_ID, ACCOUNT, NOW))
                .when(sync(usualSnapshot(NOW.plusSeconds(30))))
                .expectEvents(new ClusterConnected(CLUSTER_ID, ACCOUNT, ConnectionStatus.pending,
                        "First successful sync", NOW.plusSeconds(30)));
    }

    @Test
    void ending_maintenance_of_a_cluster_not_in_maintenance_is_refused() {
        fixture.given(connectedCluster())
                .when(new EndClusterMaintenance(CLUSTER_ID, ACCOUNT))
                .expectException(domainError(Kind.RULE_VIOLATION, "cluster_not_in_maintenance"));
    }

    @Test
    void syncs_are_ignored_during_maintenance() {
        fixture.given(connectedCluster())
                .andGiven(MAINTENANCE_STARTED)
                .when(sync(usualSwarm().nodes(MANAGER).at(NOW.plusSeconds(30))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sync_failures_are_ignored_during_maintenance() {
        fixture.given(connectedCluster())
                .andGiven(MAINTENANCE_STARTED)
                .when(syncFailure(NOW.plusSeconds(30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recording_a_recovery_clears_the_failures_of_a_cluster_in_error() {
        fixture.given(clusterInError())
                .andGivenCurrentTime(NOW)
                .when(new RecordClusterRecovery(CLUSTER_ID, ACCOUNT))
                .expectEvents(new ClusterRecoveryRecorded(CLUSTER_ID, ACCOUNT, ConnectionStatus.error, 5, NOW));
    }

    @Test
    void recording_a_recovery_reconnects_a_disconnected_cluster() {
        fixture.given(connectedCluster())
                .andGiven(syncFailed(1, T2), disconnected(T2))
                .andGivenCurrentTime(NOW)
                .when(new RecordClusterRecovery(CLUSTER_ID, ACCOUNT))
                .expectEvents(new ClusterRecoveryRecorded(CLUSTER_ID, ACCOUNT, ConnectionStatus.disconnected, 1,
                        NOW));
    }

    @Test
    void recording_a_recovery_of_a_healthy_cluster_records_nothing() {
        fixture.given(connectedCluster())
                .when(new RecordClusterRecovery(CLUSTER_ID, ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recording_a_recovery_during_maintenance_is_refused() {
        fixture.given(connectedCluster())
                .andGiven(MAINTENANCE_STARTED)
                .when(new RecordClusterRecovery(CLUSTER_ID, ACCOUNT))
                .expectException(domainError(Kind.RULE_VIOLATION, "cluster_in_maintenance"));
    }
}
