package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.StackCommands.RollbackDeployment;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.Strategy;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;
import static io.powernode.devops.kernel.stack.DeploymentTrigger.rollback;

/**
 * RollbackDeployment: back to the revision before a deployment. One that has ended is undone by a new deployment of
 * that revision, which restores every service of the stack; a blue-green or canary one under way is rolled back in
 * place, the stable version getting the endpoint back.
 */
class StackRollbackTest {

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RollbackDeployment rollbackOf(String deploymentId, Strategy strategy) {
        return new RollbackDeployment(STACK_ID, ACCOUNT, deploymentId, D3, strategy);
    }

    @Test
    void an_ended_deployment_is_undone_by_deploying_the_revision_before_it_with_prune() {
        fixture.given(v2Live())
                .andGivenCurrentTime(NOW)
                .when(rollbackOf(D2, BLUE_GREEN))
                .expectEvents(requested(order(D3, 1, pruning(1, V1), BLUE_GREEN, List.of("web"), Map.of()), rollback,
                        D2, 2, List.of()))
                .expectResultMessagePayload(D3);
    }

    @Test
    void a_rollback_asked_for_without_a_strategy_is_rolling_with_the_default_progress_deadline() {
        fixture.given(v2Live())
                .andGivenCurrentTime(NOW)
                .when(rollbackOf(D2, null))
                .expectEvents(requested(order(D3, 1, pruning(1, V1), DEFAULT_ROLLING, List.of("web"), Map.of()),
                        rollback, D2, 2, List.of()));
    }

    @Test
    void a_failed_deployment_is_undone_by_applying_the_revision_live_before_it_again() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2))
                .andGivenCurrentTime(NOW)
                .when(rollbackOf(D2, ROLLING))
                .expectEvents(requested(order(D3, 1, pruning(1, V1), ROLLING, List.of(), Map.of()), rollback, D2, 1,
                        List.of()));
    }

    /** Docker holds the specs the degraded deployment gave it: the rollback changes back what those changed. */
    @Test
    void a_degraded_deployment_is_undone_by_changing_back_every_service_it_gave_docker() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(degraded(D2))
                .andGivenCurrentTime(NOW)
                .when(rollbackOf(D2, ROLLING))
                .expectEvents(requested(order(D3, 1, pruning(1, V1), ROLLING, List.of("web"), Map.of()), rollback, D2, 1,
                        List.of()));
    }

    @Test
    void a_rollback_asked_for_again_is_recorded_once_and_answered_alike() {
        fixture.given(v2Live())
                .andGivenCommands(rollbackOf(D2, ROLLING))
                .when(rollbackOf(D2, ROLLING))
                .expectNoEvents()
                .expectResultMessagePayload(D3);
    }

    static Stream<Strategy> rollouts() {
        return Stream.of(BLUE_GREEN, CANARY);
    }

    @ParameterizedTest
    @MethodSource("rollouts")
    void a_rollout_under_way_is_rolled_back_in_place_and_answers_its_own_id(Strategy strategy) {
        fixture.given(v2UnderWay(strategy))
                .andGivenCurrentTime(NOW)
                .when(rollbackOf(D2, ROLLING))
                .expectEvents(new DeploymentAbortRequested(STACK_ID, ACCOUNT, D2, true, NOW))
                .expectResultMessagePayload(D2);
    }

    @Test
    void a_rollback_asked_for_again_while_it_runs_is_asked_once() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(abortRequested(D2, true))
                .when(rollbackOf(D2, ROLLING))
                .expectNoEvents()
                .expectResultMessagePayload(D2);
    }

    @Test
    void a_rollback_of_a_rollout_being_aborted_leaves_the_abort_to_run() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(abortRequested(D2, false))
                .when(rollbackOf(D2, ROLLING))
                .expectNoEvents()
                .expectResultMessagePayload(D2);
    }

    @Test
    void a_rolling_update_under_way_cannot_be_rolled_back_until_docker_has_ended_it() {
        fixture.given(v2UnderWay(ROLLING))
                .when(rollbackOf(D2, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "rolling_update_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_deployment_that_came_when_nothing_was_live_has_nothing_to_roll_back_to() {
        fixture.given(v1Live())
                .when(rollbackOf(D1, ROLLING))
                .expectException(domainError(Kind.RULE_VIOLATION, "no_earlier_revision"))
                .expectNoEvents();
    }

    @Test
    void a_rollback_to_a_revision_no_longer_kept_is_refused() {
        fixture.given(failedDeployments(v2Live(), 3, RevisionHistory.KEPT, 2))
                .when(rollbackOf(D2, ROLLING))
                .expectException(domainError(Kind.RULE_VIOLATION, "revision_not_kept"))
                .expectNoEvents();
    }

    @Test
    void an_ended_deployment_cannot_be_rolled_back_while_another_is_under_way() {
        fixture.given(v2Live())
                .andGiven(deployed(D4, 3, V3, CANARY, 2))
                .when(rollbackOf(D2, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "deployment_in_progress"))
                .expectNoEvents();
    }

    @Test
    void an_ended_deployment_cannot_be_rolled_back_while_the_stack_is_being_removed() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL))
                .when(rollbackOf(D2, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "removal_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_rollback_of_a_deployment_the_stack_never_had_is_refused() {
        fixture.given(v2Live())
                .when(rollbackOf("deployment-x", ROLLING))
                .expectException(domainError(Kind.NOT_FOUND, "deployment_not_found"))
                .expectNoEvents();
    }
}
