package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress.Healthy;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.StackCommands.DeployStack;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.Strategy.Canary;
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
import static io.powernode.devops.kernel.stack.DeploymentTrigger.deploy;

/** DeployStack: a new revision of the stack, compared with the live one, one deployment at a time. */
class StackDeployTest {

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_first_deployment_creates_the_stack_with_revision_1_and_every_service_changed() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(deploy(D1, V1, BLUE_GREEN))
                .expectEvents(requested(order(D1, 1, revision(1, V1), BLUE_GREEN, List.of("api", "web"), Map.of()),
                        deploy, null, null, WARNINGS))
                .expectResultMessagePayload(D1);
    }

    @Test
    void a_new_revision_is_numbered_after_the_latest_and_changes_only_what_differs_from_the_live_one() {
        fixture.given(v1Live())
                .andGivenCurrentTime(NOW)
                .when(deploy(D2, V2, CANARY))
                .expectEvents(requested(order(D2, 1, revision(2, V2), CANARY, List.of("web"), Map.of()), deploy,
                        null, 1, WARNINGS));
    }

    @Test
    void a_service_the_live_revision_does_not_have_is_changed() {
        fixture.given(v2Live())
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V3, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V3), ROLLING, List.of("worker"), Map.of()), deploy,
                        null, 2, WARNINGS));
    }

    @Test
    void a_deployment_is_compared_with_the_live_revision_not_with_the_latest() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(failed(D2))
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V2, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V2), ROLLING, List.of("web"), Map.of()), deploy,
                        null, 1, WARNINGS));
    }

    @Test
    void a_deployment_after_a_degraded_one_is_compared_with_the_specs_docker_was_given() {
        fixture.given(v2UnderWay(ROLLING))
                .andGiven(degraded(D2))
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V1, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V1), ROLLING, List.of("web"), Map.of()), deploy,
                        null, 1, WARNINGS));
    }

    @Test
    void the_services_a_rollout_left_serving_travel_with_the_next_order() {
        fixture.given(deployed(D1, 1, V1, BLUE_GREEN, null), completed(D1, GREEN_SERVES_WEB))
                .andGivenCurrentTime(NOW)
                .when(deploy(D2, V2, BLUE_GREEN))
                .expectEvents(requested(order(D2, 1, revision(2, V2), BLUE_GREEN, List.of("web"), GREEN_SERVES_WEB),
                        deploy, null, 1, WARNINGS));
    }

    @Test
    void a_deployment_asked_for_without_a_strategy_is_rolling_with_the_default_progress_deadline() {
        fixture.given(v1Live())
                .andGivenCurrentTime(NOW)
                .when(deploy(D2, V2, null))
                .expectEvents(requested(order(D2, 1, revision(2, V2), DEFAULT_ROLLING, List.of("web"), Map.of()),
                        deploy, null, 1, WARNINGS));
    }

    @Test
    void a_deployment_asked_for_again_is_recorded_once_and_answered_alike() {
        fixture.given(v2UnderWay(CANARY))
                .when(deploy(D2, V2, CANARY))
                .expectNoEvents()
                .expectResultMessagePayload(D2);
    }

    static Stream<Named<List<Object>>> deploymentsUnderWay() {
        return Stream.of(
                named("progressing", v2UnderWay(CANARY)),
                named("paused by a user", concat(v2UnderWay(CANARY),
                        new DeploymentPaused(STACK_ID, ACCOUNT, D2, EARLIER))),
                named("paused at a step", concat(v2UnderWay(CANARY),
                        progressed(D2, 1, "report", new PausedAtStep(1), DeploymentPhase.paused))),
                named("healthy", concat(v2UnderWay(BLUE_GREEN),
                        progressed(D2, 1, "report", new Healthy(), DeploymentPhase.healthy))));
    }

    @ParameterizedTest
    @MethodSource("deploymentsUnderWay")
    void a_deployment_while_another_is_under_way_is_refused(List<Object> history) {
        fixture.given(history)
                .when(deploy(D3, V3, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "deployment_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_deployment_while_the_stack_is_being_removed_is_refused() {
        fixture.given(v1Live())
                .andGiven(removalRequested(REMOVAL))
                .when(deploy(D2, V2, ROLLING))
                .expectException(domainError(Kind.CONFLICT, "removal_in_progress"))
                .expectNoEvents();
    }

    @Test
    void a_removed_stack_deploys_again_from_nothing_and_numbers_on() {
        fixture.given(v2Live())
                .andGiven(removalRequested(REMOVAL), removed())
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V1, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V1), ROLLING, List.of("api", "web"), Map.of()),
                        deploy, null, null, WARNINGS));
    }

    @Test
    void a_stack_id_that_is_not_derived_from_cluster_and_name_is_refused() {
        DeployStack elsewhere = new DeployStack(STACK_ID, ACCOUNT, "cluster-2", STACK_NAME, D1, SOURCE, V1, OPTIONS,
                ROLLING, WARNINGS);

        fixture.givenNoPriorActivity()
                .when(elsewhere)
                .expectException(domainError(Kind.RULE_VIOLATION, "stack_id_mismatch"))
                .expectNoEvents();
    }

    @Test
    void a_compose_file_converted_for_another_stack_is_refused() {
        DeployStack converted = deploy(D1, new StackPlan("blog", List.of(),
                List.of(), List.of(), V1.services(), List.of()), ROLLING);

        fixture.givenNoPriorActivity()
                .when(converted)
                .expectException(domainError(Kind.RULE_VIOLATION, "plan_for_another_stack"))
                .expectNoEvents();
    }

    @Test
    void a_strategy_narrowed_to_a_service_the_revision_lacks_is_refused() {
        fixture.givenNoPriorActivity()
                .when(deploy(D1, V1, new Canary(List.of("web", "db"), CANARY.progressDeadline(), CANARY.steps(),
                        CANARY.analysis())))
                .expectException(domainError(Kind.RULE_VIOLATION, "unknown_strategy_service"))
                .expectNoEvents();
    }
}
