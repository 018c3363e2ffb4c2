package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackCommands.RetryDeployment;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;
import static org.junit.jupiter.api.Named.named;

/**
 * RetryDeployment: the stack's latest deployment, ended without success, run again from its start as its next
 * attempt, with its order judged again against the stack as it is now.
 */
class StackRetryTest {

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RetryDeployment retry(String deploymentId) {
        return new RetryDeployment(STACK_ID, ACCOUNT, deploymentId);
    }

    static Stream<Named<Object>> retryableEnds() {
        return Stream.of(
                named("failed", failed(D2)),
                named("degraded", progressed(D2, 1, "report", new Degraded("web did not converge in 5m"),
                        DeploymentPhase.degraded)),
                named("rolled back", progressed(D2, 1, "report", new RolledBack("analysis failed", Map.of()),
                        DeploymentPhase.rolled_back)),
                named("aborted", progressed(D2, 1, "report", new RolledBack("aborted", Map.of()), DeploymentPhase.aborted)));
    }

    @ParameterizedTest
    @MethodSource("retryableEnds")
    void the_latest_deployment_ended_without_success_is_retried_as_its_next_attempt(Object end) {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(end)
                .andGivenCurrentTime(NOW)
                .when(retry(D2))
                .expectEvents(new DeploymentRetried(STACK_ID, ACCOUNT,
                        order(D2, 2, revision(2, V2), CANARY, List.of("web"), Map.of()), NOW));
    }

    @Test
    void a_retry_takes_the_services_serving_now_along() {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .andGiven(progressed(D2, 1, "report", new RolledBack("probe failed", GREEN_SERVES_WEB),
                        DeploymentPhase.rolled_back))
                .andGivenCurrentTime(NOW)
                .when(retry(D2))
                .expectEvents(new DeploymentRetried(STACK_ID, ACCOUNT,
                        order(D2, 2, revision(2, V2), BLUE_GREEN, List.of("web"), GREEN_SERVES_WEB), NOW));
    }

    @Test
    void a_retry_after_the_stack_was_removed_deploys_every_service() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2), removalRequested(REMOVAL), removed())
                .andGivenCurrentTime(NOW)
                .when(retry(D2))
                .expectEvents(new DeploymentRetried(STACK_ID, ACCOUNT,
                        order(D2, 2, revision(2, V2), ROLLING, List.of("api", "web"), Map.of()), NOW));
    }

    @Test
    void a_retried_rollback_still_prunes() {
        StackDeploymentRequested rollback = requested(order(D3, 1, pruning(1, V1), ROLLING, List.of("web"),
                Map.of()), DeploymentTrigger.rollback, D2, 2, List.of());

        fixture.given(v2Live())
                .andGiven(rollback, failed(D3))
                .andGivenCurrentTime(NOW)
                .when(retry(D3))
                .expectEvents(new DeploymentRetried(STACK_ID, ACCOUNT,
                        order(D3, 2, pruning(1, V1), ROLLING, List.of("web"), Map.of()), NOW));
    }

    @Test
    void a_third_attempt_follows_the_second() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2), new DeploymentRetried(STACK_ID, ACCOUNT,
                                order(D2, 2, revision(2, V2), ROLLING, List.of("web"), Map.of()), EARLIER),
                        progressed(D2, 2, "report", new Degraded("api did not converge in 5m"), DeploymentPhase.degraded))
                .andGivenCurrentTime(NOW)
                .when(retry(D2))
                .expectEvents(new DeploymentRetried(STACK_ID, ACCOUNT,
                        order(D2, 3, revision(2, V2), ROLLING, List.of("web"), Map.of()), NOW));
    }

    @Test
    void only_the_latest_deployment_is_retried() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2), deployed(D3, 3, V3, ROLLING, 1), failed(D3))
                .when(retry(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "not_latest_deployment"))
                .expectNoEvents();
    }

    static Stream<Named<List<Object>>> notRetryable() {
        return Stream.of(named("completed", v2Live()), named("progressing", v2UnderWay(CANARY)));
    }

    @ParameterizedTest
    @MethodSource("notRetryable")
    void a_deployment_that_did_not_end_without_success_is_not_retried(List<Object> history) {
        fixture.given(history)
                .when(retry(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_not_retryable"))
                .expectNoEvents();
    }

    @Test
    void a_retry_while_the_stack_is_being_removed_is_refused() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2), removalRequested(REMOVAL))
                .when(retry(D2))
                .expectException(domainError(Kind.CONFLICT, "removal_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_retry_of_a_deployment_the_stack_never_had_is_refused() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2))
                .when(retry("deployment-x"))
                .expectException(domainError(Kind.NOT_FOUND, "deployment_not_found"))
                .expectNoEvents();
    }
}
