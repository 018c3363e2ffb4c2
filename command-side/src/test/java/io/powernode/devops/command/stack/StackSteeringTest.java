package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress.Healthy;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.StepStarted;
import io.powernode.devops.kernel.stack.StackCommands.AbortDeployment;
import io.powernode.devops.kernel.stack.StackCommands.PauseDeployment;
import io.powernode.devops.kernel.stack.StackCommands.PromoteDeployment;
import io.powernode.devops.kernel.stack.StackCommands.ResumeDeployment;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.stack.StackTestData.*;
import static org.junit.jupiter.api.Named.named;

/**
 * Promote, pause, resume and abort: a user steering a blue-green or canary deployment under way (D2, rolling
 * version 2 out over version 1). Docker's own rolling updates cannot be steered.
 */
class StackSteeringTest {

    private static final DeploymentPaused PAUSED_BY_USER = new DeploymentPaused(STACK_ID, ACCOUNT, D2, EARLIER);
    private static final Object PAUSED_AT_STEP = progressed(D2, 1, "paused-1", new PausedAtStep(1), DeploymentPhase.paused);
    private static final Object HEALTHY = progressed(D2, 1, "healthy", new Healthy(), DeploymentPhase.healthy);

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static PromoteDeployment promote(String deploymentId, boolean full) {
        return new PromoteDeployment(STACK_ID, ACCOUNT, deploymentId, full);
    }

    private static PauseDeployment pause(String deploymentId) {
        return new PauseDeployment(STACK_ID, ACCOUNT, deploymentId);
    }

    private static ResumeDeployment resume(String deploymentId) {
        return new ResumeDeployment(STACK_ID, ACCOUNT, deploymentId);
    }

    private static AbortDeployment abort(String deploymentId) {
        return new AbortDeployment(STACK_ID, ACCOUNT, deploymentId);
    }

    @Test
    void a_promote_passes_a_step_that_waits_for_one() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_AT_STEP)
                .andGivenCurrentTime(NOW)
                .when(promote(D2, false))
                .expectEvents(new DeploymentPromoted(STACK_ID, ACCOUNT, D2, false, NOW));
    }

    @Test
    void a_promoted_deployment_goes_on_progressing() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_AT_STEP, new DeploymentPromoted(STACK_ID, ACCOUNT, D2, false, EARLIER))
                .andGivenCurrentTime(NOW)
                .when(report(D2, 1, "step-2", new StepStarted(2, "weight 100")))
                .expectEvents(recorded(D2, 1, "step-2", new StepStarted(2, "weight 100"), DeploymentPhase.progressing));
    }

    @Test
    void a_promote_ends_the_step_under_way() {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCurrentTime(NOW)
                .when(promote(D2, false))
                .expectEvents(new DeploymentPromoted(STACK_ID, ACCOUNT, D2, false, NOW));
    }

    @Test
    void a_full_promote_of_a_healthy_deployment_scales_the_old_version_down_now() {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .andGiven(HEALTHY)
                .andGivenCurrentTime(NOW)
                .when(promote(D2, true))
                .expectEvents(new DeploymentPromoted(STACK_ID, ACCOUNT, D2, true, NOW));
    }

    @Test
    void a_plain_promote_of_a_healthy_deployment_finds_nothing_waiting() {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .andGiven(HEALTHY)
                .when(promote(D2, false))
                .expectException(domainError(Kind.RULE_VIOLATION, "nothing_to_promote"))
                .expectNoEvents();
    }

    @Test
    void a_deployment_a_user_paused_is_resumed_not_promoted() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_BY_USER)
                .when(promote(D2, false))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_paused"))
                .expectNoEvents();
    }

    @Test
    void a_progressing_deployment_is_paused() {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCurrentTime(NOW)
                .when(pause(D2))
                .expectEvents(new DeploymentPaused(STACK_ID, ACCOUNT, D2, NOW));
    }

    @Test
    void a_paused_deployment_stays_paused_while_the_rollout_reports() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_BY_USER)
                .andGivenCurrentTime(NOW)
                .when(report(D2, 1, "step-0", new StepStarted(0, "weight 25")))
                .expectEvents(recorded(D2, 1, "step-0", new StepStarted(0, "weight 25"), DeploymentPhase.paused));
    }

    static Stream<Named<Object>> notProgressing() {
        return Stream.of(named("paused by a user", PAUSED_BY_USER), named("paused at a step", PAUSED_AT_STEP),
                named("healthy", HEALTHY));
    }

    @ParameterizedTest
    @MethodSource("notProgressing")
    void only_a_progressing_deployment_can_be_paused(Object notProgressing) {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .andGiven(notProgressing)
                .when(pause(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_not_progressing"))
                .expectNoEvents();
    }

    @Test
    void a_users_pause_is_resumed() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_BY_USER)
                .andGivenCurrentTime(NOW)
                .when(resume(D2))
                .expectEvents(new DeploymentResumed(STACK_ID, ACCOUNT, D2, NOW));
    }

    @Test
    void a_resumed_deployment_goes_on_progressing() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_BY_USER, new DeploymentResumed(STACK_ID, ACCOUNT, D2, EARLIER))
                .andGivenCurrentTime(NOW)
                .when(report(D2, 1, "step-0", new StepStarted(0, "weight 25")))
                .expectEvents(recorded(D2, 1, "step-0", new StepStarted(0, "weight 25"), DeploymentPhase.progressing));
    }

    @Test
    void a_step_that_waits_for_a_promote_is_not_resumed() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_AT_STEP)
                .when(resume(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "step_waits_for_promote"))
                .expectNoEvents();
    }

    @Test
    void a_deployment_that_is_not_paused_is_not_resumed() {
        fixture.given(v2UnderWay(CANARY))
                .when(resume(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_not_paused"))
                .expectNoEvents();
    }

    @Test
    void an_abort_asks_for_the_stable_version_back() {
        fixture.given(v2UnderWay(BLUE_GREEN))
                .andGiven(HEALTHY)
                .andGivenCurrentTime(NOW)
                .when(abort(D2))
                .expectEvents(new DeploymentAbortRequested(STACK_ID, ACCOUNT, D2, false, NOW));
    }

    @Test
    void a_paused_deployment_can_be_aborted() {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_BY_USER)
                .andGivenCurrentTime(NOW)
                .when(abort(D2))
                .expectEvents(new DeploymentAbortRequested(STACK_ID, ACCOUNT, D2, false, NOW));
    }

    static Stream<Boolean> undoes() {
        return Stream.of(false, true);
    }

    @ParameterizedTest
    @MethodSource("undoes")
    void an_abort_of_a_deployment_being_undone_changes_nothing(boolean asRollback) {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(abortRequested(D2, asRollback))
                .when(abort(D2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static Stream<Named<Function<String, Object>>> steeringOtherThanAbort() {
        return Stream.of(named("promote", id -> promote(id, false)), named("full promote", id -> promote(id, true)),
                named("pause", StackSteeringTest::pause), named("resume", StackSteeringTest::resume));
    }

    @ParameterizedTest
    @MethodSource("steeringOtherThanAbort")
    void a_deployment_being_undone_is_no_longer_steered(Function<String, Object> steering) {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(PAUSED_BY_USER, abortRequested(D2, false))
                .when(steering.apply(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_being_undone"))
                .expectNoEvents();
    }

    static Stream<Named<Function<String, Object>>> steering() {
        return Stream.concat(steeringOtherThanAbort(), Stream.of(named("abort", StackSteeringTest::abort)));
    }

    @ParameterizedTest
    @MethodSource("steering")
    void a_rolling_update_is_docker_s_to_carry_out_and_is_not_steered(Function<String, Object> steering) {
        fixture.given(v2UnderWay(ROLLING))
                .when(steering.apply(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "rolling_deployment"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("steering")
    void a_deployment_that_has_ended_is_not_steered(Function<String, Object> steering) {
        fixture.given(v2UnderWay(CANARY))
                .andGiven(failed(D2))
                .when(steering.apply(D2))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_not_active"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("steering")
    void an_earlier_deployment_is_not_steered(Function<String, Object> steering) {
        fixture.given(v2UnderWay(CANARY))
                .when(steering.apply(D1))
                .expectException(domainError(Kind.RULE_VIOLATION, "deployment_not_active"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("steering")
    void a_deployment_the_stack_never_had_is_not_found(Function<String, Object> steering) {
        fixture.given(v2UnderWay(CANARY))
                .when(steering.apply("deployment-x"))
                .expectException(domainError(Kind.NOT_FOUND, "deployment_not_found"))
                .expectNoEvents();
    }
}
