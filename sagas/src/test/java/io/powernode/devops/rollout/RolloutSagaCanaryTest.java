package io.powernode.devops.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.ServiceWeight;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficWeightUpdated;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.rollout.RolloutFixture.CHECK;
import static io.powernode.devops.rollout.RolloutFixture.T0;
import static io.powernode.devops.rollout.RolloutFixture.WEB;
import static io.powernode.devops.rollout.RolloutFixture.abortRequested;
import static io.powernode.devops.rollout.RolloutFixture.failed;
import static io.powernode.devops.rollout.RolloutFixture.paused;
import static io.powernode.devops.rollout.RolloutFixture.promoted;
import static io.powernode.devops.rollout.RolloutFixture.resumed;
import static io.powernode.devops.rollout.RolloutFixture.retried;
import static io.powernode.devops.rollout.SentCommands.ask;
import static io.powernode.devops.rollout.SentCommands.report;
import static io.powernode.devops.rollout.SentCommands.reported;
import static io.powernode.devops.rollout.SentCommands.requesting;
import static io.powernode.devops.rollout.SentCommands.sent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canary rollouts of {@code web} (3 replicas in {@code shop_web}) through 10 % for 20 s, 50 % until promoted, and
 * 100 % for one analysis interval: 1, 2 and 3 replicas of {@code shop_web-canary} beside 2, 1 and 0 stable ones.
 */
class RolloutSagaCanaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofSeconds(20);
    private static final Analysis ANALYSIS = new Analysis(INTERVAL, 0, 1,
            new HttpProbe("/health", 8080, 3, 0.9, Duration.ofSeconds(1)));
    private static final Canary CANARY = new Canary(List.of(), DEADLINE, List.of(
            new CanaryStep(10, PAUSE, false),
            new CanaryStep(50, null, true),
            new CanaryStep(100, null, false)), ANALYSIS);
    private static final PublishedPort HOST_8080 = new PublishedPort(80, 8080, "tcp", "host");
    private static final Map<String, String> SERVING = Map.of("db", "shop_db", "web", "shop_web");

    private final RolloutFixture rollout = new RolloutFixture();

    @AfterEach
    void close() {
        rollout.close();
    }

    @Test
    void theFirstStepCreatesTheCanaryBehindTheSameEndpointWithItsShareOfTheReplicas() {
        stackApplied()
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("step-0/canary/web", "apply_service shop_web-canary")))
                .expectDispatchedCommandsMatching(requesting("step-0/canary/web", operation -> {
                    JsonNode spec = spec(((ApplyService) operation).service().spec());
                    assertThat(spec.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(1);
                    assertThat(RolloutSpecs.ports(spec.toString())).containsExactly(HOST_8080);
                    assertThat(spec.path("TaskTemplate").path("Networks").get(0).path("Aliases").get(0).asText())
                            .isEqualTo("web");
                    assertThat(spec.path("Labels").path(RolloutLabels.ROLE).asText()).isEqualTo("canary");
                }));
    }

    @Test
    void theStableServiceGivesUpReplicasOnlyOnceTheCanaryHasItsOwn() {
        canaryCreated()
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("step-0/stable/web", "scale_service shop_web to 2")));
    }

    @Test
    void theStepsWeightIsReportedAsReplicasOfEachVersion() {
        canaryCreated().act()
                .whenSucceeded("step-0/stable/web")
                .expectDispatchedCommandsMatching(sent(report("step-0-weight")))
                .expectDispatchedCommandsMatching(reported("step-0-weight",
                        new TrafficWeightUpdated(0, 10, List.of(new ServiceWeight("web", 1, 2, 33)))));
    }

    @Test
    void aTimedStepLastsItsPause() {
        stepConverged(0)
                .whenElapsed(PAUSE.minusSeconds(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void aTimedStepPassesItsLastAnalysisAndTheNextStepBegins() {
        stepConverged(0)
                .whenElapsed(PAUSE)
                .expectDispatchedCommandsMatching(sent(report("step-0-analysis-passed"), report("step-0-completed"),
                        report("step-1-started"), ask("step-1/canary/web", "scale_service shop_web-canary to 2")));
    }

    @Test
    void aStepUntilPromotedWaitsOnceItsCanaryConverged() {
        stepWeighted(1)
                .serve(canaryRunning(2))
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("step-1-paused")))
                .expectDispatchedCommandsMatching(reported("step-1-paused", new PausedAtStep(1)))
                .expectScheduledDeadlineWithName(INTERVAL, RolloutTimer.Names.ANALYSIS);
    }

    @Test
    void aPromotePassesTheWaitingStep() {
        stepConverged(1)
                .publish(promoted(false))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(report("step-1-analysis-passed"), report("step-1-completed"),
                        report("step-2-started"), ask("step-2/canary/web", "scale_service shop_web-canary to 3")));
    }

    @Test
    void aPromoteBeforeTheStepsCanaryConvergedEndsItsPauseAsSoonAsItBegins() {
        stepWeighted(0)
                .publish(promoted(false))
                .serve(canaryRunning(1))
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("step-0-analysis-passed"), report("step-0-completed"),
                        report("step-1-started"), ask("step-1/canary/web", "scale_service shop_web-canary to 2")));
    }

    @Test
    void atOneHundredPercentEveryReplicaRunsTheNewVersion() {
        stepOperations(2)
                .whenSucceeded("step-2/stable/web")
                .expectDispatchedCommandsMatching(reported("step-2-weight",
                        new TrafficWeightUpdated(2, 100, List.of(new ServiceWeight("web", 3, 0, 100)))));
    }

    @Test
    void afterTheLastStepTheStableServiceIsUpdatedToTheNewVersion() {
        stepConverged(2)
                .whenElapsed(INTERVAL)
                .expectDispatchedCommandsMatching(sent(report("step-2-analysis-passed"), report("step-2-completed"),
                        report("step-3-started"), ask("final/web", "apply_service shop_web")))
                .expectDispatchedCommandsMatching(requesting("final/web", operation ->
                        assertThat(((ApplyService) operation).service()).isEqualTo(WEB)));
    }

    @Test
    void theCanaryPassesEveryStepAndGoesOnceTheStableServiceRunsTheNewVersion() {
        stepConverged(2)
                .elapse(INTERVAL)
                .act()
                .succeed("final/web")
                .serve(Observations.replicated("shop_web", 3).runningTasks(3, rollout.now())
                        .update("completed", rollout.now(), "update completed").get())
                .elapse(CHECK)
                .act()
                .whenSucceeded("remove-canary/web")
                .expectDispatchedCommandsMatching(sent(report("completed")))
                .expectDispatchedCommandsMatching(reported("completed", new Completed(SERVING)))
                .expectActiveSagas(0);
    }

    @Test
    void aFullPromoteSkipsTheStepsLeftForTheFullRollout() {
        stepConverged(0)
                .publish(promoted(true))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("final/web", "apply_service shop_web")));
    }

    @Test
    void aFullPromoteWhileAnOperationRunsWaitsForItsOutcome() {
        stackApplied().act()
                .publish(promoted(true))
                .whenSucceeded("step-0/canary/web")
                .expectDispatchedCommandsMatching(sent(report("step-3-started")))
                .expectScheduledDeadlineWithName(Duration.ZERO, RolloutTimer.Names.ACT);
    }

    @Test
    void aCanaryTaskFailingFailsTheAnalysisAndTheStableServiceGetsItsReplicasBackFirst() {
        stepWeighted(0)
                .serve(Observations.replicated("shop_web-canary", 1).runningTasks(1, rollout.now())
                        .task("failed", "shutdown", rollout.now()).get())
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("analysis-failed"), report("rollback-started"),
                        ask("rollback/scale-stable/web", "scale_service shop_web to 3")));
    }

    @Test
    void canaryTasksRestartingTooOftenFailTheAnalysis() {
        stepConverged(0)
                .serve(Observations.replicated("shop_web-canary", 1).runningTasks(1, rollout.now())
                        .task("complete", "shutdown", rollout.now())
                        .task("complete", "shutdown", rollout.now()).get())
                .whenElapsed(INTERVAL)
                .expectDispatchedCommandsMatching(sent(report("analysis-failed"), report("rollback-started"),
                        ask("rollback/scale-stable/web", "scale_service shop_web to 3")))
                .expectDispatchedCommandsMatching(SentCommands.satisfying(commands -> assertThat(commands)
                        .anySatisfy(command -> assertThat(command.getPayload().toString())
                                .contains("web: 2 task restart(s), more than the 1 allowed"))));
    }

    @Test
    void aCanaryFailingItsHttpProbeFailsTheAnalysis() {
        stepConverged(0);
        rollout.probe.answerHttp(0.5);
        rollout.whenElapsed(INTERVAL)
                .expectDispatchedCommandsMatching(sent(report("analysis-failed"), report("rollback-started"),
                        ask("rollback/scale-stable/web", "scale_service shop_web to 3")));
    }

    @Test
    void aRollbackRemovesTheCanaryAndEndsWithTheStableVersionServing() {
        stepConverged(0)
                .publish(abortRequested(true)).act()
                .succeed("rollback/scale-stable/web").act()
                .whenSucceeded("rollback/remove-canary/web")
                .expectDispatchedCommandsMatching(sent(report("rolled-back")))
                .expectDispatchedCommandsMatching(reported("rolled-back",
                        new RolledBack("rolled back on request", SERVING)))
                .expectActiveSagas(0);
    }

    @Test
    void anAbortWhileAnOperationRunsUndoesWhatItDidOnceItAnswers() {
        stackApplied().act()
                .publish(abortRequested(false))
                .succeed("step-0/canary/web")
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("rollback/remove-canary/web",
                        "remove_service shop_web-canary")));
    }

    @Test
    void aPauseFreezesTheStep() {
        stepConverged(0)
                .elapse(Duration.ofSeconds(5))
                .publish(paused())
                .whenElapsed(Duration.ofMinutes(10))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aResumeGivesTheStepTheTimeItHadLeft() {
        stepConverged(0)
                .elapse(Duration.ofSeconds(5))
                .publish(paused())
                .elapse(Duration.ofMinutes(10))
                .whenPublished(resumed())
                .expectScheduledDeadlineWithName(PAUSE.minusSeconds(5), RolloutTimer.Names.HOLD_END)
                .expectScheduledDeadlineWithName(INTERVAL.minusSeconds(5), RolloutTimer.Names.ANALYSIS);
    }

    @Test
    void whatIsDecidedDuringAPauseHappensAfterTheResume() {
        stackApplied().act()
                .publish(paused())
                .succeed("step-0/canary/web")
                .elapse(Duration.ofMinutes(10))
                .publish(resumed())
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("step-0/stable/web", "scale_service shop_web to 2")));
    }

    @Test
    void aCanaryThatDoesNotConvergeInTimeIsRolledBack() {
        stepWeighted(0)
                .serve(Observations.replicated("shop_web-canary", 1).task("starting", "running", rollout.now())
                        .get())
                .whenElapsed(DEADLINE)
                .expectDispatchedCommandsMatching(sent(report("rollback-started"),
                        ask("rollback/scale-stable/web", "scale_service shop_web to 3")));
    }

    @Test
    void aRequestTheClusterRefusesEndsTheDeploymentFailed() {
        stackApplied();
        rollout.fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RequestSwarmOperation) {
                throw DomainError.conflict("cluster_in_maintenance", null, "The cluster is in maintenance");
            }
            return null;
        });
        rollout.whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(reported("failed", new Failed("The cluster is in maintenance")))
                .expectActiveSagas(0);
    }

    @Test
    void aCanaryDockerRefusesToCreateLeavesNothingToUndo() {
        stackApplied().act()
                .whenPublished(failed("step-0/canary/web", OperationFailure.Kind.invalid, "invalid mount"))
                .expectDispatchedCommandsMatching(sent(report("failed")))
                .expectDispatchedCommandsMatching(reported("failed",
                        new Failed("apply_service shop_web-canary failed: invalid mount")));
    }

    @Test
    void aFailedOperationLaterInTheRolloutIsUndone() {
        stepOperations(1)
                .publish(failed("step-1/stable/web", OperationFailure.Kind.unavailable, "no leader"))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("rollback/scale-stable/web",
                        "scale_service shop_web to 3")));
    }

    @Test
    void anOutcomeDeliveredAgainIsIgnored() {
        canaryCreated()
                .whenSucceeded("step-0/canary/web")
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ZERO, RolloutTimer.Names.ACT);
    }

    @Test
    void whenDockerRolledTheStableServiceBackItIsNotRolledBackAgain() {
        finalApplied()
                .serve(Observations.replicated("shop_web", 3).runningTasks(2, rollout.now())
                        .update("rollback_completed", rollout.now(), "update rolled back").get())
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("rollback-started"),
                        ask("rollback/scale-stable/web", "scale_service shop_web to 3")));
    }

    @Test
    void aStableServiceThatDoesNotConvergeGetsItsPreviousSpecBackBeforeItsReplicas() {
        finalApplied()
                .serve(Observations.replicated("shop_web", 3).runningTasks(1, rollout.now()).get())
                .whenElapsed(DEADLINE)
                .expectDispatchedCommandsMatching(sent(report("rollback-started"),
                        ask("rollback/restore-stable/web", "rollback_service shop_web")));
    }

    @Test
    void aRetryIsANewAttemptWithOperationsOfItsOwn() {
        stepConverged(0)
                .publish(abortRequested(false)).act()
                .succeed("rollback/scale-stable/web").act()
                .succeed("rollback/remove-canary/web")
                .publish(retried(CANARY, 2))
                .whenElapsed(Duration.ZERO)
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(sent(ask(2, "stack", "deploy_stack shop")));
    }

    @Test
    void aGlobalServiceHasNoReplicasToSplitAndIsSimplyDeployed() {
        rollout.start(CANARY)
                .serve(Observations.global("shop_web").runningTasks(2, T0).get())
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(requesting("stack", operation ->
                        assertThat(((DeployStack) operation).heldServices()).isEmpty()));
    }

    private RolloutFixture finalApplied() {
        return stepConverged(2).elapse(INTERVAL).act().succeed("final/web");
    }

    /** The step's canary converged: its pause (or its wait for a promote) began. */
    private RolloutFixture stepConverged(int step) {
        return stepWeighted(step).serve(canaryRunning(step + 1)).elapse(CHECK);
    }

    /** The step's replicas set: its canary is converging. */
    private RolloutFixture stepWeighted(int step) {
        return stepOperations(step).succeed("step-" + step + "/stable/web");
    }

    /** The step's canary set; its stable service being scaled. */
    private RolloutFixture stepOperations(int step) {
        if (step == 0) {
            return canaryCreated().act();
        }
        RolloutFixture previous = stepConverged(step - 1);
        RolloutFixture passed = step == 2 ? previous.publish(promoted(false)) : previous.elapse(PAUSE);
        return passed.act().succeed("step-" + step + "/canary/web").act();
    }

    private RolloutFixture canaryCreated() {
        return stackApplied().act().succeed("step-0/canary/web");
    }

    private RolloutFixture stackApplied() {
        return rollout.start(CANARY)
                .serve(Observations.replicated("shop_web", 3).runningTasks(3, T0.minusSeconds(3600))
                        .ports(HOST_8080).get())
                .act()
                .succeed("stack");
    }

    private ServiceObservation canaryRunning(int replicas) {
        return Observations.running("shop_web-canary", replicas, rollout.now());
    }

    private static JsonNode spec(String spec) {
        try {
            return JSON.readTree(spec);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
