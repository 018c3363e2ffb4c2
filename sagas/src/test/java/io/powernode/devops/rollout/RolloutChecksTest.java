package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.rollout.RolloutChecks.HttpTally;
import io.powernode.devops.rollout.RolloutChecks.Verdict;
import io.powernode.devops.rollout.RolloutProbe.HttpResult;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutChecksTest {

    private static final Instant STEP = Instant.parse("2025-05-01T10:00:00Z");
    private static final Instant BEFORE = STEP.minusSeconds(60);
    private static final Instant AFTER = STEP.plusSeconds(5);
    private static final Analysis LIMITS = new Analysis(Duration.ofSeconds(10), 1, 2,
            new HttpProbe("/health", 8080, 5, 0.9, Duration.ofSeconds(1)));

    @Test
    void aServiceRunningTheTasksItAsksForConverged() {
        assertThat(RolloutChecks.convergence(Observations.running("shop_web", 3, AFTER), STEP).verdict())
                .isEqualTo(Verdict.CONVERGED);
    }

    @Test
    void tasksStartingOrShuttingDownAreNotRunningTasks() {
        ServiceObservation service = Observations.replicated("shop_web", 3).runningTasks(2, AFTER)
                .task("starting", "running", AFTER)
                .task("running", "shutdown", AFTER)
                .get();

        assertThat(RolloutChecks.convergence(service, STEP))
                .isEqualTo(new RolloutChecks.Convergence(Verdict.WAITING, "shop_web runs 2 of 3 task(s)"));
    }

    @Test
    void tasksStillRunningTheImageBeforeAnUpdateDoNotCountBeforeDockerSaysItIsUpdating() {
        ServiceObservation justUpdated = Observations.replicated("shop_web", 2).runningTasks(1, AFTER)
                .task("running", "running", BEFORE, "shop/web:1").get();

        assertThat(RolloutChecks.convergence(justUpdated, STEP))
                .isEqualTo(new RolloutChecks.Convergence(Verdict.WAITING, "shop_web runs 1 of 2 task(s)"));
    }

    @Test
    void aGlobalServiceConvergesWhenEveryTaskDockerWantsRunsAndOnlyThen() {
        ServiceObservation starting = Observations.global("shop_agent").runningTasks(2, AFTER)
                .task("preparing", "running", AFTER).get();
        ServiceObservation running = Observations.global("shop_agent").runningTasks(3, AFTER)
                .task("complete", "shutdown", BEFORE).get();

        assertThat(RolloutChecks.convergence(starting, STEP).verdict()).isEqualTo(Verdict.WAITING);
        assertThat(RolloutChecks.convergence(running, STEP).verdict()).isEqualTo(Verdict.CONVERGED);
    }

    @Test
    void anUpdateOfThisStepStillRunningIsWaitedFor() {
        ServiceObservation updating = Observations.replicated("shop_web", 2).runningTasks(2, AFTER)
                .update("updating", AFTER, null).get();

        assertThat(RolloutChecks.convergence(updating, STEP).verdict()).isEqualTo(Verdict.WAITING);
    }

    @Test
    void dockersRollbackOrPauseOfThisStepsUpdateIsReportedWithWhatDockerSaid() {
        ServiceObservation rolledBack = Observations.replicated("shop_web", 2).runningTasks(2, AFTER)
                .update("rollback_completed", AFTER, "update rolled back due to failure or early termination of"
                        + " task abc").get();
        ServiceObservation paused = Observations.replicated("shop_web", 2).runningTasks(1, AFTER)
                .update("paused", AFTER, "update paused due to failure").get();

        assertThat(RolloutChecks.convergence(rolledBack, STEP)).isEqualTo(new RolloutChecks.Convergence(
                Verdict.ROLLED_BACK_BY_DOCKER, "Docker rolled its update back of shop_web: update rolled back due"
                + " to failure or early termination of task abc"));
        assertThat(RolloutChecks.convergence(paused, STEP).verdict()).isEqualTo(Verdict.PAUSED_BY_DOCKER);
    }

    @Test
    void anUpdateStatusLeftByAnEarlierDeploymentIsNotThisStepsDoing() {
        ServiceObservation earlier = Observations.replicated("shop_web", 2).runningTasks(2, AFTER)
                .update("rollback_completed", BEFORE, "rolled back last week").get();

        assertThat(RolloutChecks.convergence(earlier, STEP).verdict()).isEqualTo(Verdict.CONVERGED);
    }

    @Test
    void aMissingServiceIsNoConvergence() {
        assertThat(RolloutChecks.convergence(ServiceObservation.missing("shop_web-green"), STEP).verdict())
                .isEqualTo(Verdict.MISSING);
    }

    @Test
    void failuresAndRestartsCountOnlyTasksThatEndedSinceTheStepBegan() {
        ServiceObservation service = Observations.replicated("shop_web-canary", 2).runningTasks(2, AFTER)
                .task("failed", "shutdown", AFTER)
                .task("rejected", "shutdown", AFTER)
                .task("complete", "shutdown", AFTER)
                .task("shutdown", "shutdown", AFTER)
                .task("failed", "shutdown", BEFORE)
                .get();

        assertThat(RolloutChecks.measure("web", service, STEP, null))
                .isEqualTo(new Measurement("web", 2, 2, 2, 3, null, 0));
    }

    @Test
    void limitsAreJudgedInTheirOrderAndNamedInAnOperatorsWords() {
        Measurement calm = new Measurement("web", 2, 2, 1, 2, 0.95, 20);

        assertThat(RolloutChecks.brokenLimit(List.of(calm), LIMITS)).isNull();
        assertThat(RolloutChecks.brokenLimit(List.of(calm, new Measurement("api", 2, 2, 2, 2, null, 0)), LIMITS))
                .isEqualTo("api: 2 task failure(s), more than the 1 allowed");
        assertThat(RolloutChecks.brokenLimit(List.of(new Measurement("web", 2, 2, 0, 3, null, 0)), LIMITS))
                .isEqualTo("web: 3 task restart(s), more than the 2 allowed");
        assertThat(RolloutChecks.brokenLimit(List.of(new Measurement("web", 2, 2, 0, 0, 0.5, 10)), LIMITS))
                .isEqualTo("web: 50% of 10 HTTP request(s) succeeded, less than the 90% required");
    }

    @Test
    void aServiceThatVanishedLeavesNothingToJudgeAndFails() {
        Measurement gone = RolloutChecks.measure("web", ServiceObservation.missing("shop_web-canary"), STEP, null);

        assertThat(RolloutChecks.brokenLimit(List.of(gone), LIMITS)).isEqualTo("web: no task left to judge");
    }

    @Test
    void anHttpProbeIsNotJudgedWhenNoneIsConfiguredOrNoneRan() {
        Analysis withoutHttp = new Analysis(Duration.ofSeconds(10), 1, 2, null);

        assertThat(RolloutChecks.brokenLimit(List.of(new Measurement("web", 2, 2, 0, 0, 0.1, 10)), withoutHttp))
                .isNull();
        assertThat(RolloutChecks.brokenLimit(List.of(new Measurement("web", 2, 2, 0, 0, null, 0)), LIMITS))
                .isNull();
    }

    @Test
    void httpTargetsAreTheNodesRunningTheServicesTasksOnceEach() {
        ServiceObservation service = Observations.replicated("shop_web-green", 3).runningTasks(2, AFTER)
                .task("failed", "shutdown", AFTER)
                .get();

        assertThat(RolloutChecks.httpTargets(service, 9080, "/health")).containsExactly(
                URI.create("http://10.0.0.1:9080/health"), URI.create("http://10.0.0.2:9080/health"));
    }

    @Test
    void theSuccessRateIsOverEveryRequestSent() {
        HttpTally tally = HttpTally.of(List.of(new HttpResult(URI.create("http://a"), 5, 5),
                new HttpResult(URI.create("http://b"), 5, 3)));

        assertThat(tally).isEqualTo(new HttpTally(10, 8));
        assertThat(tally.rate()).isEqualTo(0.8);
        assertThat(HttpTally.of(List.of()).rate()).isNull();
    }
}
