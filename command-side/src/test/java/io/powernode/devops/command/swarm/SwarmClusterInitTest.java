package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.command.endpoint.NameRegistry;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.InitSwarmCluster;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cluster registered by creating its swarm on a registered host: a registration and a first operation. */
class SwarmClusterInitTest {

    private static final InitSwarm INIT = new InitSwarm("host-1", "10.0.0.1", null, true, 5);

    private final InMemoryNameRegistry names = new InMemoryNameRegistry();
    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(names);
    }

    private static InitSwarmCluster initCluster(String name, InitSwarm init) {
        return new InitSwarmCluster(CLUSTER_ID, ACCOUNT, name, ENDPOINT, DeploymentEnvironment.production, true,
                CREDENTIALS, INTERVAL, OPERATION_ID, init);
    }

    @Test
    void initializing_a_cluster_registers_it_and_requests_the_swarm_as_its_first_operation() {
        fixture.givenCurrentTime(NOW)
                .when(initCluster(NAME, INIT))
                .expectEvents(
                        new ClusterRegistered(CLUSTER_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production,
                                true, CREDENTIALS, INTERVAL, NOW),
                        new SwarmOperationRequested(CLUSTER_ID, ACCOUNT, OPERATION_ID, INIT, NOW));
        assertTrue(names.isHeldBy(NameRegistry.Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void the_swarm_is_created_as_an_init_swarm_operation() {
        fixture.given(clusterRegistered(), requested(INIT))
                .andGivenCurrentTime(NOW)
                .when(new BeginSwarmOperation(CLUSTER_ID, OPERATION_ID, "attempt-1"))
                .expectEvents(new SwarmOperationStarted(CLUSTER_ID, ACCOUNT, OPERATION_ID, "init_swarm", NOW, "attempt-1"));
    }

    @Test
    void a_name_another_cluster_of_the_account_holds_is_refused() {
        names.claim(NameRegistry.Kind.swarm_cluster, ACCOUNT, NAME, OTHER_CLUSTER_ID);

        fixture.givenNoPriorActivity()
                .when(initCluster(NAME, INIT))
                .expectException(domainError(Kind.CONFLICT, "cluster_name_taken"))
                .expectNoEvents();
    }

    @Test
    void a_swarm_without_a_host_to_create_it_on_is_refused_before_the_name_is_claimed() {
        fixture.givenNoPriorActivity()
                .when(initCluster(NAME, new InitSwarm(" ", null, null, false, null)))
                .expectException(domainError(Kind.RULE_VIOLATION, "host_id_missing"))
                .expectNoEvents();
        assertFalse(names.isHeldBy(NameRegistry.Kind.swarm_cluster, ACCOUNT, NAME, CLUSTER_ID));
    }

    @Test
    void a_negative_task_history_limit_is_refused() {
        fixture.givenNoPriorActivity()
                .when(initCluster(NAME, new InitSwarm("host-1", null, null, false, -1)))
                .expectException(domainError(Kind.RULE_VIOLATION, "task_history_limit_negative"))
                .expectNoEvents();
    }
}
