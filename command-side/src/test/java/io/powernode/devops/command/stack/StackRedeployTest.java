package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.StackCommands.RedeployRevision;
import io.powernode.devops.kernel.stack.Strategy;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;
import static io.powernode.devops.kernel.stack.DeploymentTrigger.redeploy;

/** RedeployRevision: an earlier deployment's revision applied again, exactly as it was (the runbook's rollback). */
class StackRedeployTest {

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RedeployRevision redeployOf(String sourceDeploymentId, String deploymentId, Strategy strategy) {
        return new RedeployRevision(STACK_ID, ACCOUNT, sourceDeploymentId, deploymentId, strategy);
    }

    @Test
    void a_redeploy_applies_the_source_deployments_revision_again_compared_with_the_live_one() {
        fixture.given(v2Live())
                .andGivenCurrentTime(NOW)
                .when(redeployOf(D1, D3, CANARY))
                .expectEvents(requested(order(D3, 1, revision(1, V1), CANARY, List.of("web"), Map.of()), redeploy,
                        D1, 2, List.of()))
                .expectResultMessagePayload(D3);
    }

    @Test
    void a_redeploy_asked_for_without_a_strategy_is_rolling_with_the_default_progress_deadline() {
        fixture.given(v2Live())
                .andGivenCurrentTime(NOW)
                .when(redeployOf(D1, D3, null))
                .expectEvents(requested(order(D3, 1, revision(1, V1), DEFAULT_ROLLING, List.of("web"), Map.of()),
                        redeploy, D1, 2, List.of()));
    }

    @Test
    void a_redeploy_asked_for_again_is_recorded_once_and_answered_alike() {
        fixture.given(v2Live())
                .andGivenCommands(redeployOf(D1, D3, CANARY))
                .when(redeployOf(D1, D3, CANARY))
                .expectNoEvents()
                .expectResultMessagePayload(D3);
    }

    @Test
    void a_redeploy_of_a_deployment_the_stack_never_had_is_refused() {
        fixture.given(v2Live())
                .when(redeployOf("deployment-x", D3, ROLLING))
                .expectException(domainError(Kind.NOT_FOUND, "deployment_not_found"))
                .expectNoEvents();
    }

    @Test
    void a_redeploy_of_a_revision_no_longer_kept_is_refused() {
        fixture.given(failedDeployments(List.of(), 1, RevisionHistory.KEPT + 1, null))
                .when(redeployOf("D-1", D3, ROLLING))
                .expectException(domainError(Kind.RULE_VIOLATION, "revision_not_kept"))
                .expectNoEvents();
    }

    @Test
    void a_redeploy_while_a_deployment_is_under_way_is_refused() {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .when(redeployOf(D1, D3, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "deployment_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_redeploy_while_the_stack_is_being_removed_is_refused() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL))
                .when(redeployOf(D1, D3, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "removal_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_redeploy_whose_strategy_names_a_service_the_revision_lacks_is_refused() {
        fixture.given(v2Live())
                .when(redeployOf(D1, D3, new Strategy.BlueGreen(List.of("worker"), BLUE_GREEN.progressDeadline(),
                        BLUE_GREEN.monitor(), BLUE_GREEN.analysis(), true, BLUE_GREEN.scaleDownDelay(), Map.of())))
                .expectException(domainError(Kind.RULE_VIOLATION, "unknown_strategy_service"))
                .expectNoEvents();
    }
}
