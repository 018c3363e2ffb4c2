package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisFailed;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisPassed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Healthy;
import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.RollbackStarted;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.ServiceWeight;
import io.powernode.devops.kernel.stack.DeploymentProgress.StackApplied;
import io.powernode.devops.kernel.stack.DeploymentProgress.StepCompleted;
import io.powernode.devops.kernel.stack.DeploymentProgress.StepStarted;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficSwitched;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficWeightUpdated;
import io.powernode.devops.kernel.stack.StackCommands.RetryDeployment;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.command.stack.StackTestData.*;
import static io.powernode.devops.kernel.stack.DeploymentTrigger.deploy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * RecordDeploymentProgress: the rollout's reports on D2, rolling version 2 out over version 1. Each is recorded with
 * where it leaves the deployment; a report the stack cannot use is dropped, never refused, so the rollout never has
 * to handle a refusal of what it did.
 */
class StackProgressTest {

    private static final Measurement MEASUREMENT = new Measurement("web", 2, 2, 0, 0, 1.0, 10);
    private static final DeploymentProgress STEP_STARTED = new StepStarted(0, "weight 25");

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static Stream<Arguments> phaseAfterEachReport() {
        return Stream.of(
                arguments(new StackApplied(List.of("Creating service shop_web")), DeploymentPhase.progressing),
                arguments(STEP_STARTED, DeploymentPhase.progressing),
                arguments(new StepCompleted(0, "weight 25"), DeploymentPhase.progressing),
                arguments(new TrafficWeightUpdated(0, 25, List.of(new ServiceWeight("web", 1, 3, 25))),
                        DeploymentPhase.progressing),
                arguments(new AnalysisPassed(0, List.of(MEASUREMENT)), DeploymentPhase.progressing),
                arguments(new AnalysisFailed(0, List.of(MEASUREMENT), "2 task failures, at most 0 allowed"),
                        DeploymentPhase.progressing),
                arguments(new TrafficSwitched(Map.of("web", "shop_web"), GREEN_SERVES_WEB),
                        DeploymentPhase.progressing),
                arguments(new RollbackStarted("analysis failed"), DeploymentPhase.progressing),
                arguments(new PausedAtStep(1), DeploymentPhase.paused),
                arguments(new Healthy(), DeploymentPhase.healthy),
                arguments(new Completed(Map.of()), DeploymentPhase.completed),
                arguments(new RolledBack("analysis failed", Map.of()), DeploymentPhase.rolled_back),
                arguments(new Failed("network shop_backend not found"), DeploymentPhase.failed),
                arguments(new Degraded("web did not converge in 5m"), DeploymentPhase.degraded));
    }

    @ParameterizedTest(name = "{0} leaves it {1}")
    @MethodSource("phaseAfterEachReport")
    void a_report_is_recorded_with_the_phase_it_leaves_the_deployment_in(DeploymentProgress progress,
                                                                          DeploymentPhase phase) {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCurrentTime(NOW)
                .when(report(D2, 1, "key-1", progress))
                .expectEvents(recorded(D2, 1, "key-1", progress, phase));
    }

    @Test
    void a_rollback_after_an_abort_ends_the_deployment_aborted() {
        RolledBack rolledBack = new RolledBack("aborted by a user", Map.of());

        fixture.given(v2UnderWay(CANARY))
                .andGiven(abortRequested(D2, false))
                .andGivenCurrentTime(NOW)
                .when(report(D2, 1, "rolled-back", rolledBack))
                .expectEvents(recorded(D2, 1, "rolled-back", rolledBack, DeploymentPhase.aborted));
    }

    @Test
    void a_rollback_a_user_asked_for_ends_the_deployment_rolled_back() {
        RolledBack rolledBack = new RolledBack("rolled back by a user", Map.of());

        fixture.given(v2UnderWay(CANARY))
                .andGiven(abortRequested(D2, true))
                .andGivenCurrentTime(NOW)
                .when(report(D2, 1, "rolled-back", rolledBack))
                .expectEvents(recorded(D2, 1, "rolled-back", rolledBack, DeploymentPhase.rolled_back));
    }

    @Test
    void a_report_sent_again_is_dropped() {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCommands(report(D2, 1, "step-0-started", STEP_STARTED))
                .when(report(D2, 1, "step-0-started", STEP_STARTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_report_of_an_earlier_attempt_is_dropped() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(failed(D2), retried(2))
                .when(report(D2, 1, "step-0-started", STEP_STARTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_key_an_earlier_attempt_used_is_recorded_again_in_the_next() {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCommands(report(D2, 1, "step-0-started", STEP_STARTED),
                        report(D2, 1, "failed", new Failed("web did not start")),
                        new RetryDeployment(STACK_ID, ACCOUNT, D2))
                .andGivenCurrentTime(NOW)
                .when(report(D2, 2, "step-0-started", STEP_STARTED))
                .expectEvents(recorded(D2, 2, "step-0-started", STEP_STARTED, DeploymentPhase.progressing));
    }

    @Test
    void a_report_of_a_deployment_that_ended_is_dropped() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(failed(D2))
                .when(report(D2, 1, "late", new Degraded("web did not converge in 5m")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_report_of_an_earlier_deployment_is_dropped() {
        fixture.given(v2UnderWay(CANARY))
                .when(report(D1, 1, "late", new Completed(Map.of())))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_report_of_a_deployment_the_stack_never_had_is_dropped() {
        fixture.given(v2UnderWay(CANARY))
                .when(report("deployment-x", 1, "step-0-started", STEP_STARTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_report_to_a_stack_that_never_deployed_is_dropped() {
        fixture.given(removalRequested(REMOVAL))
                .when(report(D1, 1, "step-0-started", STEP_STARTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_completed_deployment_makes_its_revision_the_live_one() {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCommands(report(D2, 1, "completed", new Completed(Map.of())))
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V3, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V3), ROLLING, List.of("worker"), Map.of()), deploy,
                        null, 2, WARNINGS));
    }

    @Test
    void a_completed_deployment_says_which_services_serve() {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .andGivenCommands(report(D2, 1, "completed", new Completed(GREEN_SERVES_WEB)))
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V3, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V3), ROLLING, List.of("worker"), GREEN_SERVES_WEB),
                        deploy, null, 2, WARNINGS));
    }

    @Test
    void a_rolled_back_deployment_says_which_services_serve_and_leaves_the_live_revision() {
        fixture.given(deployed(D1, 1, V1, BLUE_GREEN, null), completed(D1, GREEN_SERVES_WEB))
                .andGiven(deployed(D2, 2, V2, BLUE_GREEN, 1))
                .andGivenCommands(report(D2, 1, "rolled-back", new RolledBack("probe failed", Map.of())))
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V3, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V3), ROLLING, List.of("web", "worker"), Map.of()),
                        deploy, null, 1, WARNINGS));
    }

    @Test
    void a_traffic_switch_moves_only_the_services_it_names() {
        Map<String, String> greenServesApi = Map.of("api", "shop_api-green");
        TrafficSwitched switched = new TrafficSwitched(Map.of("web", "shop_web"), GREEN_SERVES_WEB);

        fixture.given(deployed(D1, 1, V1, BLUE_GREEN, null), completed(D1, greenServesApi))
                .andGiven(deployed(D2, 2, V2, BLUE_GREEN, 1))
                .andGivenCommands(report(D2, 1, "switched", switched), report(D2, 1, "failed", new Failed("refused")))
                .andGivenCurrentTime(NOW)
                .when(deploy(D3, V3, ROLLING))
                .expectEvents(requested(order(D3, 1, revision(3, V3), ROLLING, List.of("web", "worker"),
                        Map.of("api", "shop_api-green", "web", "shop_web-green")), deploy, null, 1, WARNINGS));
    }

    private static DeploymentRetried retried(int attempt) {
        return new DeploymentRetried(STACK_ID, ACCOUNT, order(D2, attempt, revision(2, V2), CANARY, List.of("web"),
                Map.of()), EARLIER);
    }
}
