package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;

/**
 * A requested operation is begun once by the Docker gateway, which then reports how it went. The gateway may
 * handle an event again after a restart, so every step after the request tolerates being repeated, and a second
 * begin is refused: that refusal is what keeps Docker from running an operation twice.
 */
class SwarmClusterOperationLifecycleTest {

    private static final ScaleService SCALE_WEB = new ScaleService("svc-web", 3);
    private static final String TYPE = "scale_service";
    private static final String ATTEMPT = "attempt-1";
    private static final OperationFailure NO_SUCH_SERVICE =
            new OperationFailure(OperationFailure.Kind.not_found, "service svc-web not found");

    private final BeginSwarmOperation begin = new BeginSwarmOperation(CLUSTER_ID, OPERATION_ID, ATTEMPT);
    private final RecordSwarmOperationSucceeded succeeded =
            new RecordSwarmOperationSucceeded(CLUSTER_ID, OPERATION_ID, "svc-web", List.of());
    private final RecordSwarmOperationFailed failed =
            new RecordSwarmOperationFailed(CLUSTER_ID, OPERATION_ID, NO_SUCH_SERVICE);

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    private static SwarmOperationStarted started() {
        return new SwarmOperationStarted(CLUSTER_ID, ACCOUNT, OPERATION_ID, TYPE, NOW, ATTEMPT);
    }

    private static SwarmOperationSucceeded succeededEvent() {
        return new SwarmOperationSucceeded(CLUSTER_ID, ACCOUNT, OPERATION_ID, TYPE, "svc-web", List.of(), NOW);
    }

    @Test
    void a_requested_operation_begins() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB))
                .andGivenCurrentTime(NOW)
                .when(begin)
                .expectEvents(started());
    }

    @Test
    void an_operation_begins_only_once() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started())
                .when(new BeginSwarmOperation(CLUSTER_ID, OPERATION_ID, "another-attempt"))
                .expectException(domainError(Kind.CONFLICT, "operation_not_pending"))
                .expectNoEvents();
    }

    @Test
    void the_attempt_that_began_it_is_told_yes_again_when_it_lost_the_answer() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started())
                .when(begin)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_unknown_operation_does_not_begin() {
        fixture.given(connectedCluster())
                .when(begin)
                .expectException(domainError(Kind.CONFLICT, "operation_not_pending"));
    }

    @Test
    void a_finished_operation_does_not_begin_again() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started(), succeededEvent())
                .when(begin)
                .expectException(domainError(Kind.CONFLICT, "operation_not_pending"));
    }

    @Test
    void a_running_operation_that_succeeded_is_recorded_with_what_it_changed() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started())
                .andGivenCurrentTime(NOW)
                .when(succeeded)
                .expectEvents(succeededEvent());
    }

    @Test
    void a_running_operation_that_failed_is_recorded_with_why() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started())
                .andGivenCurrentTime(NOW)
                .when(failed)
                .expectEvents(new SwarmOperationFailed(CLUSTER_ID, ACCOUNT, OPERATION_ID, TYPE, NO_SUCH_SERVICE,
                        NOW));
    }

    @Test
    void an_operation_that_never_began_can_fail() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB))
                .andGivenCurrentTime(NOW)
                .when(failed)
                .expectEvents(new SwarmOperationFailed(CLUSTER_ID, ACCOUNT, OPERATION_ID, TYPE, NO_SUCH_SERVICE,
                        NOW));
    }

    @Test
    void an_outcome_reported_again_records_nothing() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started(), succeededEvent())
                .when(succeeded)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_failure_reported_after_success_records_nothing() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB), started(), succeededEvent())
                .when(failed)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_outcome_of_an_unknown_operation_records_nothing() {
        fixture.given(connectedCluster())
                .when(succeeded)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
