package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.swarm.ClusterCommands.EndClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterRecovery;
import io.powernode.devops.kernel.swarm.ClusterCommands.RemoveCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.StartClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.UpdateCluster;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;

/** A cluster answers only to its own account; to anyone else, and once removed, it does not exist. */
class SwarmClusterAccountScopeTest {

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    static Stream<Object> userCommandsFromAnotherAccount() {
        return userCommandsFrom(OTHER_ACCOUNT);
    }

    static Stream<Object> userCommandsFromTheOwner() {
        return userCommandsFrom(ACCOUNT);
    }

    private static Stream<Object> userCommandsFrom(String accountId) {
        return Stream.of(
                new UpdateCluster(CLUSTER_ID, accountId, "renamed", null, null, null, null, false, null, null),
                new RemoveCluster(CLUSTER_ID, accountId),
                new StartClusterMaintenance(CLUSTER_ID, accountId, "manager upgrade"),
                new EndClusterMaintenance(CLUSTER_ID, accountId),
                new RecordClusterRecovery(CLUSTER_ID, accountId),
                new RequestSwarmOperation(CLUSTER_ID, accountId, OPERATION_ID, new RotateJoinTokens(true, false)));
    }

    @ParameterizedTest
    @MethodSource("userCommandsFromAnotherAccount")
    void a_command_from_another_account_finds_no_cluster(Object command) {
        fixture.given(clusterRegistered(), new ClusterMaintenanceStarted(CLUSTER_ID, ACCOUNT,
                        ConnectionStatus.pending, "manager upgrade", NOW))
                .when(command)
                .expectException(domainError(Kind.NOT_FOUND, "cluster_not_found"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("userCommandsFromTheOwner")
    void a_command_on_a_removed_cluster_finds_no_cluster(Object command) {
        fixture.given(clusterRegistered(), new ClusterRemoved(CLUSTER_ID, ACCOUNT, NAME, NOW))
                .when(command)
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }
}
