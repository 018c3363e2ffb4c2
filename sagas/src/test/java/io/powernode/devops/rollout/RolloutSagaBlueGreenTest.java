package io.powernode.devops.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisFailed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficSwitched;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.rollout.RolloutFixture.CHECK;
import static io.powernode.devops.rollout.RolloutFixture.PLAN;
import static io.powernode.devops.rollout.RolloutFixture.T0;
import static io.powernode.devops.rollout.RolloutFixture.abortRequested;
import static io.powernode.devops.rollout.RolloutFixture.promoted;
import static io.powernode.devops.rollout.SentCommands.ask;
import static io.powernode.devops.rollout.SentCommands.report;
import static io.powernode.devops.rollout.SentCommands.reported;
import static io.powernode.devops.rollout.SentCommands.requesting;
import static io.powernode.devops.rollout.SentCommands.sent;
import static org.assertj.core.api.Assertions.assertThat;

/** Blue-green rollouts of {@code web}: {@code shop_web} is blue, {@code shop_web-green} green. */
class RolloutSagaBlueGreenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration MONITOR = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration DELAY = Duration.ofSeconds(60);
    private static final Analysis ANALYSIS = new Analysis(INTERVAL, 0, 1,
            new HttpProbe("/health", 8080, 3, 0.9, Duration.ofSeconds(1)));
    private static final PublishedPort HOST_8080 = new PublishedPort(80, 8080, "tcp", "host");
    private static final Map<String, String> BLUE_SERVES = Map.of("db", "shop_db", "web", "shop_web");

    private final RolloutFixture rollout = new RolloutFixture();

    @AfterEach
    void close() {
        rollout.close();
    }

    @Test
    void theTargetsAreReadFirstAndTheStackDeployedHoldingThem() {
        rollout.start(strategy(true)).serve(blue(HOST_8080))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("stack", "deploy_stack shop")))
                .expectDispatchedCommandsMatching(requesting("stack", operation ->
                        assertThat(operation).isEqualTo(
                                new DeployStack(PLAN, DeployOptions.defaults(), List.of("shop_web")))));
    }

    @Test
    void greenRunsThePlanInTheOtherSlotWithoutTheEndpointButItsPreviewPort() {
        rollout.start(strategy(true)).serve(blue(HOST_8080)).act()
                .succeed("stack")
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("green/web", "apply_service shop_web-green")))
                .expectDispatchedCommandsMatching(requesting("green/web", operation -> {
                    JsonNode spec = spec(((ApplyService) operation).service().spec());
                    assertThat(spec.path("Name").asText()).isEqualTo("shop_web-green");
                    assertThat(spec.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(3);
                    assertThat(RolloutSpecs.ports(spec.toString()))
                            .containsExactly(new PublishedPort(80, 9080, "tcp", "host"));
                    assertThat(spec.path("TaskTemplate").path("Networks").get(0).path("Aliases")).isEmpty();
                    assertThat(spec.path("Labels").path(RolloutLabels.ROLE).asText()).isEqualTo("green");
                    assertThat(spec.path("Labels").path(RolloutLabels.DEPLOYMENT).asText())
                            .isEqualTo(RolloutFixture.DEPLOYMENT);
                }));
    }

    @Test
    void stackAppliedAndTheGreenStepAreReportedOnceTheStackIsDeployed() {
        rollout.start(strategy(true)).serve(blue(HOST_8080)).act()
                .whenSucceeded("stack")
                .expectDispatchedCommandsMatching(sent(report("stack-applied"), report("step-0-started")))
                .expectScheduledDeadlineWithName(Duration.ZERO, RolloutTimer.Names.ACT);
    }

    @Test
    void greenConvergingIsWaitedForAtTheCheckInterval() {
        greenApplied()
                .serve(Observations.replicated("shop_web-green", 3).runningTasks(1, rollout.now()).get())
                .then()
                .whenTimeElapses(CHECK)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(CHECK, RolloutTimer.Names.CHECK);
    }

    @Test
    void afterItsMonitorPeriodGreenGetsTheEndpointBeforeBlueLosesIt() {
        greenConverged()
                .whenElapsed(MONITOR)
                .expectDispatchedCommandsMatching(sent(report("step-0-analysis-passed"), report("step-0-completed"),
                        report("step-1-started"),
                        ask("switch/expose-green/web", "expose_service_endpoint shop_web-green")))
                .expectDispatchedCommandsMatching(requesting("switch/expose-green/web", operation ->
                        assertThat(operation).isEqualTo(new ExposeServiceEndpoint("shop_web-green", "web",
                                List.of(HOST_8080)))));
        // the analyses probed green where it publishes its preview port
        assertThat(rollout.probe.probed()).contains(URI.create("http://10.0.0.1:9080/health"));
    }

    @Test
    void blueLosesTheEndpointOnceGreenHasItAndTheSwitchIsReported() {
        greenConverged().elapse(MONITOR)
                .succeed("switch/expose-green/web")
                .act()
                .whenSucceeded("switch/withdraw-blue/web")
                .expectDispatchedCommandsMatching(sent(report("traffic-switched")))
                .expectDispatchedCommandsMatching(reported("traffic-switched",
                        new TrafficSwitched(Map.of("web", "shop_web"), Map.of("web", "shop_web-green"))));
    }

    @Test
    void withAnIngressPortBlueLosesTheEndpointFirstSinceDockerRefusesTwoServicesOnePort() {
        rollout.start(strategy(true)).serve(blue(new PublishedPort(80, 8080, "tcp", "ingress"))).act()
                .succeed("stack").act()
                .succeed("green/web")
                .serve(Observations.running("shop_web-green", 3, rollout.now()))
                .elapse(CHECK)
                .whenElapsed(MONITOR)
                .expectDispatchedCommandsMatching(sent(report("step-0-analysis-passed"), report("step-0-completed"),
                        report("step-1-started"), ask("switch/withdraw-blue/web",
                                "withdraw_service_endpoint shop_web")));
    }

    @Test
    void greenServingIsProbedOnTheRealPortBeforeTheRolloutIsHealthy() {
        switched()
                .serve(Observations.running("shop_web-green", 3, rollout.now()))
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("healthy")))
                .expectScheduledDeadlineWithName(DELAY, RolloutTimer.Names.HOLD_END);
        assertThat(rollout.probe.probed()).contains(URI.create("http://10.0.0.1:8080/health"));
    }

    @Test
    void afterTheScaleDownDelayBlueIsRemovedAndGreenServesAlone() {
        healthy()
                .elapse(DELAY)
                .whenSucceeded("remove-blue/web")
                .expectDispatchedCommandsMatching(sent(report("completed")))
                .expectDispatchedCommandsMatching(reported("completed",
                        new Completed(Map.of("db", "shop_db", "web", "shop_web-green"))))
                .expectActiveSagas(0);
    }

    @Test
    void aPromoteWhileHealthyRemovesBlueNow() {
        healthy()
                .publish(promoted(false))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("remove-blue/web", "remove_service shop_web")));
    }

    @Test
    void aFailingGreenTaskFailsItsHealthCheckAndGreenIsRemovedWhileBlueServesOn() {
        greenApplied()
                .serve(Observations.replicated("shop_web-green", 3).runningTasks(2, rollout.now())
                        .task("failed", "shutdown", rollout.now()).get())
                .whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(report("analysis-failed"), report("rollback-started"),
                        ask("rollback/remove-green/web", "remove_service shop_web-green")))
                .expectDispatchedCommandsMatching(reported("analysis-failed", new AnalysisFailed(0,
                        List.of(new Measurement("web", 2, 3, 1, 1, null, 0)),
                        "web: 1 task failure(s), more than the 0 allowed")));
    }

    @Test
    void greenThatNeverConvergesIsRemovedAtTheProgressDeadline() {
        greenApplied()
                .serve(Observations.replicated("shop_web-green", 3).runningTasks(2, rollout.now()).get())
                .whenElapsed(DEADLINE)
                .expectDispatchedCommandsMatching(sent(report("rollback-started"),
                        ask("rollback/remove-green/web", "remove_service shop_web-green")));
    }

    @Test
    void aRollbackEndsWithBlueServingAndTheReason() {
        greenApplied()
                .serve(Observations.replicated("shop_web-green", 3).runningTasks(2, rollout.now()).get())
                .elapse(DEADLINE)
                .whenSucceeded("rollback/remove-green/web")
                .expectDispatchedCommandsMatching(reported("rolled-back", new RolledBack(
                        "not converged within PT1M: shop_web-green runs 2 of 3 task(s)", BLUE_SERVES)))
                .expectActiveSagas(0);
    }

    @Test
    void greenFailingItsHttpProbeDuringTheMonitorPeriodIsRemoved() {
        greenConverged();
        rollout.probe.answerHttp(0.5);
        rollout.whenElapsed(INTERVAL)
                .expectDispatchedCommandsMatching(sent(report("analysis-failed"), report("rollback-started"),
                        ask("rollback/remove-green/web", "remove_service shop_web-green")));
    }

    @Test
    void withoutAutoPromoteGreenWaitsForAPromoteAfterItsMonitorPeriod() {
        greenConverged(false)
                .whenElapsed(MONITOR)
                .expectDispatchedCommandsMatching(sent(report("step-0-paused")))
                .expectDispatchedCommandsMatching(reported("step-0-paused", new PausedAtStep(0)))
                .expectScheduledDeadlineWithName(INTERVAL, RolloutTimer.Names.ANALYSIS);
    }

    @Test
    void aPromoteEndsTheWaitAtOnceButItsLastAnalysisReadsDockerInADeadline() {
        greenConverged(false)
                .elapse(MONITOR)
                .whenPublished(promoted(false))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ZERO, RolloutTimer.Names.HOLD_END);
    }

    @Test
    void aPromoteOfAWaitingGreenSwitchesTraffic() {
        greenConverged(false)
                .elapse(MONITOR)
                .publish(promoted(false))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(report("step-0-analysis-passed"), report("step-0-completed"),
                        report("step-1-started"), ask("switch/expose-green/web",
                                "expose_service_endpoint shop_web-green")));
    }

    @Test
    void aWaitingGreenIsStillAnalysedAndRemovedWhenItFails() {
        greenConverged(false).elapse(MONITOR);
        rollout.probe.answerHttp(0);
        rollout.whenElapsed(INTERVAL)
                .expectDispatchedCommandsMatching(sent(report("analysis-failed"), report("rollback-started"),
                        ask("rollback/remove-green/web", "remove_service shop_web-green")));
    }

    @Test
    void aFullPromoteBeforeGreenConvergedGoesStraightToTheSwitch() {
        greenApplied()
                .whenPublished(promoted(true))
                .expectDispatchedCommandsMatching(sent(report("step-1-started")))
                .expectScheduledDeadlineWithName(Duration.ZERO, RolloutTimer.Names.ACT)
                .expectNoScheduledDeadlineWithName(CHECK, RolloutTimer.Names.CHECK);
    }

    @Test
    void anAbortBeforeTheSwitchRemovesGreen() {
        greenConverged()
                .publish(abortRequested(false))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("rollback/remove-green/web",
                        "remove_service shop_web-green")));
    }

    @Test
    void anAbortEndsWithItsReason() {
        greenConverged()
                .publish(abortRequested(false)).act()
                .whenSucceeded("rollback/remove-green/web")
                .expectDispatchedCommandsMatching(sent(report("rolled-back")))
                .expectDispatchedCommandsMatching(reported("rolled-back",
                        new RolledBack("aborted on request", BLUE_SERVES)));
    }

    @Test
    void anAbortAfterTheSwitchGivesBlueItsEndpointBackBeforeGreenGoes() {
        switched()
                .publish(abortRequested(false)).act()
                .succeed("rollback/expose-blue/web")
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("rollback/remove-green/web",
                        "remove_service shop_web-green")));
    }

    @Test
    void blueGetsBackThePortsItPublishedBeforeTheSwitch() {
        switched()
                .publish(abortRequested(false))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("rollback/expose-blue/web",
                        "expose_service_endpoint shop_web")))
                .expectDispatchedCommandsMatching(requesting("rollback/expose-blue/web", operation ->
                        assertThat(operation).isEqualTo(new ExposeServiceEndpoint("shop_web", "web",
                                List.of(HOST_8080)))));
    }

    @Test
    void aRollbackDuringTheScaleDownDelaySendsTrafficBackToBlue() {
        healthy()
                .publish(abortRequested(true)).act()
                .succeed("rollback/expose-blue/web").act()
                .whenSucceeded("rollback/remove-green/web")
                .expectDispatchedCommandsMatching(reported("rolled-back",
                        new RolledBack("rolled back on request", BLUE_SERVES)))
                .expectActiveSagas(0);
    }

    @Test
    void anAbortOnceBlueIsBeingRemovedChangesNothing() {
        healthy()
                .elapse(DELAY)
                .whenPublished(abortRequested(false))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlineWithName(Duration.ZERO, RolloutTimer.Names.ACT);
    }

    @Test
    void aManagerThatCannotBeReadBeforeTheRolloutIsAskedAgainAtTheCheckInterval() {
        rollout.start(strategy(true)).serve(blue(HOST_8080));
        rollout.probe.unreachable(true);
        rollout.act();
        rollout.probe.unreachable(false);
        rollout.whenElapsed(CHECK)
                .expectDispatchedCommandsMatching(sent(ask("stack", "deploy_stack shop")));
    }

    @Test
    void aSwarmThatCannotBeReadBeforeAnythingChangedFailsTheDeployment() {
        rollout.start(strategy(true));
        rollout.probe.unreachable(true);
        rollout.whenElapsed(DEADLINE)
                .expectDispatchedCommandsMatching(reported("failed", new Failed("the services to roll out were not"
                        + " read within PT1M: the swarm could not be read: the manager did not answer")))
                .expectActiveSagas(0);
    }

    @Test
    void aStackWithoutTheServiceYetIsSimplyDeployed() {
        rollout.start(strategy(true))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("stack", "deploy_stack shop")))
                .expectDispatchedCommandsMatching(requesting("stack", operation ->
                        assertThat(((DeployStack) operation).heldServices()).isEmpty()));
    }

    private RolloutFixture healthy() {
        return switched()
                .serve(Observations.running("shop_web-green", 3, rollout.now()))
                .elapse(CHECK);
    }

    /** Up to green serving: the switch done, its convergence being checked. */
    private RolloutFixture switched() {
        return greenConverged()
                .elapse(MONITOR)
                .succeed("switch/expose-green/web")
                .act()
                .succeed("switch/withdraw-blue/web");
    }

    private RolloutFixture greenConverged() {
        return greenConverged(true);
    }

    private RolloutFixture greenConverged(boolean autoPromote) {
        return greenApplied(autoPromote)
                .serve(Observations.running("shop_web-green", 3, rollout.now()))
                .elapse(CHECK);
    }

    private RolloutFixture greenApplied() {
        return greenApplied(true);
    }

    private RolloutFixture greenApplied(boolean autoPromote) {
        return rollout.start(strategy(autoPromote))
                .serve(blue(HOST_8080))
                .act()
                .succeed("stack")
                .act()
                .succeed("green/web");
    }

    private static RolloutProbe.ServiceObservation blue(PublishedPort port) {
        return Observations.replicated("shop_web", 3).runningTasks(3, T0.minusSeconds(3600)).ports(port).get();
    }

    private static BlueGreen strategy(boolean autoPromote) {
        return new BlueGreen(List.of(), DEADLINE, MONITOR, ANALYSIS, autoPromote, DELAY, Map.of(8080, 9080));
    }

    private static JsonNode spec(String spec) {
        try {
            return JSON.readTree(spec);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
