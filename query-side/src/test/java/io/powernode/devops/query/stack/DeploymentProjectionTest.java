package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisFailed;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisPassed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
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
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackQueries.FindDeployment;
import io.powernode.devops.kernel.stack.StackQueries.ListDeployments;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.stack.StackViews.DeploymentPage;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.query.CredentialLeakCheck;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.query.stack.StackFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The deployments read model and its queries: each deployment's order, where it stands and its timeline. */
class DeploymentProjectionTest extends EmbeddedMongoTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);
    private static final String SHOP = stackId("shop");

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new DeploymentProjection(database));
        queries = new QueryBusFixture().register(new DeploymentQueryHandler(database));
    }

    @Test
    void aRequestedDeploymentShowsItsOrderAndWhoAskedForIt() {
        StackDeploymentRequested request = deploy("d1", 1, ROLLING, AT);
        events.deliver(SHOP, request, BY_ACTOR);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.id()).isEqualTo("d1");
        assertThat(deployment.accountId()).isEqualTo(ACCOUNT);
        assertThat(deployment.stackId()).isEqualTo(SHOP);
        assertThat(deployment.stackName()).isEqualTo("shop");
        assertThat(deployment.clusterId()).isEqualTo(CLUSTER);
        assertThat(deployment.revision()).isEqualTo(1);
        assertThat(deployment.previousRevision()).isNull();
        assertThat(deployment.trigger()).isEqualTo(DeploymentTrigger.deploy);
        assertThat(deployment.basedOnDeploymentId()).isNull();
        assertThat(deployment.strategy()).isEqualTo(ROLLING);
        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(deployment.message()).isNull();
        assertThat(deployment.attempt()).isEqualTo(1);
        assertThat(deployment.step()).isNull();
        assertThat(deployment.weight()).isNull();
        assertThat(deployment.requestedBy()).isEqualTo(ACTOR);
        assertThat(deployment.requestedAt()).isEqualTo(AT);
        assertThat(deployment.updatedAt()).isEqualTo(EventDelivery.START.plusSeconds(1));
        assertThat(deployment.finishedAt()).isNull();
        assertThat(deployment.changedServices()).containsExactly("web");
        assertThat(deployment.activeServices()).isEqualTo(Map.of("web", "shop_web"));
        assertThat(deployment.warnings()).containsExactly("Ignoring unsupported options: build");
        assertThat(deployment.compose()).isEqualTo(request.order().revision().source().compose());
        Map<String, Object> details = new HashMap<>(Map.of("stack_name", "shop", "cluster_id", CLUSTER,
                "revision", 1, "trigger", "deploy", "strategy", "rolling", "changed_services", List.of("web"),
                "warnings", List.of("Ignoring unsupported options: build")));
        details.put("previous_revision", null);
        details.put("based_on_deployment_id", null);
        assertThat(deployment.timeline()).containsExactly(
                new DeploymentEventView("requested", AT, DeploymentPhase.progressing, ACTOR, details));
    }

    @Test
    void theRevisionsEnvironmentAndFilesAreShownByNameOnly() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.environmentKeys()).containsExactly("DB_PASSWORD", "TAG");
        assertThat(deployment.fileNames()).containsExactly("db_password.txt", "nginx.conf");
        CredentialLeakCheck.assertNowhere(database, ENVIRONMENT_VALUE);
        CredentialLeakCheck.assertNowhere(database, FILE_CONTENT);
        CredentialLeakCheck.assertNowhere(database, CIPHERTEXT);
    }

    static Stream<Strategy> strategies() {
        return Stream.of(ROLLING, BLUE_GREEN, CANARY);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void everyStrategyReadsBackAsItWasAskedFor(Strategy strategy) {
        events.deliver(SHOP, deploy("d1", 1, strategy, AT), BY_ACTOR);

        assertThat(find(ACCOUNT, "d1").strategy()).isEqualTo(strategy);
    }

    @Test
    void aRedeployNamesTheDeploymentWhoseRevisionItAppliesAgain() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);
        events.deliver(SHOP, deploy("d2", 2, ROLLING, AT.plusSeconds(60)), BY_ACTOR);
        events.deliver(SHOP, requested(ACCOUNT, CLUSTER, "shop", "d3", 1, DeploymentTrigger.redeploy, "d1", 2,
                ROLLING, AT.plusSeconds(120)), BY_ACTOR);

        DeploymentView redeploy = find(ACCOUNT, "d3");

        assertThat(redeploy.trigger()).isEqualTo(DeploymentTrigger.redeploy);
        assertThat(redeploy.revision()).isEqualTo(1);
        assertThat(redeploy.previousRevision()).isEqualTo(2);
        assertThat(redeploy.basedOnDeploymentId()).isEqualTo("d1");
    }

    @Test
    void aCanaryShowsTheStepUnderWayAndItsWeight() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new StepStarted(1, "50%"), DeploymentPhase.progressing);
        report(request, new TrafficWeightUpdated(1, 50, List.of(new ServiceWeight("web", 2, 2, 50))),
                DeploymentPhase.progressing);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.step()).isEqualTo(1);
        assertThat(deployment.weight()).isEqualTo(50);
        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.progressing);
    }

    @Test
    void aCompletedCanaryServesAllTrafficAndSaysWhenItFinished() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new TrafficWeightUpdated(2, 100, List.of(new ServiceWeight("web", 4, 0, 100))),
                DeploymentPhase.progressing);
        report(request, new StepCompleted(2, "100%"), DeploymentPhase.progressing);
        report(request, new Completed(Map.of("web", "shop_web")), DeploymentPhase.completed);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.completed);
        assertThat(deployment.weight()).isEqualTo(100);
        assertThat(deployment.step()).isEqualTo(2);
        assertThat(deployment.finishedAt()).isEqualTo(AT.plusSeconds(3));
        assertThat(deployment.activeServices()).isEqualTo(Map.of("web", "shop_web"));
    }

    @Test
    void aFailedAnalysisRollsTheCanaryBackAndSaysWhy() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new TrafficWeightUpdated(0, 10, List.of(new ServiceWeight("web", 1, 9, 10))),
                DeploymentPhase.progressing);
        report(request, new AnalysisFailed(0, List.of(new Measurement("web", 0, 1, 3, 3, null, 0)),
                "3 tasks failed, at most 0 may"), DeploymentPhase.progressing);
        report(request, new RollbackStarted("3 tasks failed, at most 0 may"), DeploymentPhase.progressing);
        report(request, new RolledBack("3 tasks failed, at most 0 may", Map.of("web", "shop_web")),
                DeploymentPhase.rolled_back);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.rolled_back);
        assertThat(deployment.message()).isEqualTo("3 tasks failed, at most 0 may");
        assertThat(deployment.weight()).isZero();
        assertThat(deployment.finishedAt()).isEqualTo(AT.plusSeconds(4));
    }

    @Test
    void aStepWaitingForAPromoteSaysSoUntilPromoted() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new PausedAtStep(1), DeploymentPhase.paused);

        DeploymentView waiting = find(ACCOUNT, "d1");
        assertThat(waiting.phase()).isEqualTo(DeploymentPhase.paused);
        assertThat(waiting.message()).isEqualTo("waiting for a promote at step 1");

        events.deliver(SHOP, new DeploymentPromoted(SHOP, ACCOUNT, "d1", false, AT.plusSeconds(30)), BY_ACTOR);

        DeploymentView promoted = find(ACCOUNT, "d1");
        assertThat(promoted.phase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(promoted.message()).isNull();
    }

    @Test
    void aUsersPauseHoldsTheDeploymentUntilResumed() {
        events.deliver(SHOP, deploy("d1", 1, CANARY, AT), BY_ACTOR);
        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT.plusSeconds(10)), BY_ACTOR);

        DeploymentView paused = find(ACCOUNT, "d1");
        assertThat(paused.phase()).isEqualTo(DeploymentPhase.paused);
        assertThat(paused.message()).isEqualTo("paused until resumed");

        events.deliver(SHOP, new DeploymentResumed(SHOP, ACCOUNT, "d1", AT.plusSeconds(20)), BY_ACTOR);

        DeploymentView resumed = find(ACCOUNT, "d1");
        assertThat(resumed.phase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(resumed.message()).isNull();
    }

    @Test
    void anAbortKeepsThePhaseUntilTheRolloutReportsHowItEnded() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new PausedAtStep(0), DeploymentPhase.paused);
        events.deliver(SHOP, new DeploymentAbortRequested(SHOP, ACCOUNT, "d1", false, AT.plusSeconds(5)), BY_ACTOR);

        DeploymentView aborting = find(ACCOUNT, "d1");
        assertThat(aborting.phase()).isEqualTo(DeploymentPhase.paused);
        assertThat(aborting.timeline().get(2)).isEqualTo(new DeploymentEventView("abort_requested",
                AT.plusSeconds(5), DeploymentPhase.paused, ACTOR, Map.of("as_rollback", false)));

        report(request, new RolledBack("aborted by a user", Map.of("web", "shop_web")), DeploymentPhase.aborted);

        assertThat(find(ACCOUNT, "d1").phase()).isEqualTo(DeploymentPhase.aborted);
    }

    @Test
    void aBlueGreenSwitchMovesTheServingServiceAndHealthyIsNotFinished() {
        StackDeploymentRequested request = deploy("d1", 1, BLUE_GREEN, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new TrafficSwitched(Map.of("web", "shop_web"), Map.of("web", "shop_web-green")),
                DeploymentPhase.progressing);
        report(request, new Healthy(), DeploymentPhase.healthy);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.activeServices()).isEqualTo(Map.of("web", "shop_web-green"));
        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.healthy);
        assertThat(deployment.finishedAt()).isNull();
        assertThat(deployment.weight()).isNull();
    }

    @Test
    void aRetryStartsANewAttemptFromTheBeginning() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new TrafficWeightUpdated(0, 10, List.of(new ServiceWeight("web", 1, 9, 10))),
                DeploymentPhase.progressing);
        report(request, new Failed("network shop_front not found"), DeploymentPhase.failed);
        events.deliver(SHOP, retried(request, 2, AT.plusSeconds(60)), BY_ACTOR);

        DeploymentView deployment = find(ACCOUNT, "d1");

        assertThat(deployment.attempt()).isEqualTo(2);
        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(deployment.message()).isNull();
        assertThat(deployment.step()).isNull();
        assertThat(deployment.weight()).isNull();
        assertThat(deployment.finishedAt()).isNull();
        assertThat(deployment.changedServices()).containsExactly("web", "worker");
        assertThat(deployment.activeServices()).isEqualTo(Map.of("web", "shop_web-green"));
        assertThat(deployment.timeline()).last().isEqualTo(new DeploymentEventView("retried", AT.plusSeconds(60),
                DeploymentPhase.progressing, ACTOR,
                Map.of("attempt", 2, "changed_services", List.of("web", "worker"))));
    }

    @Test
    void theTimelineTellsEveryEventInOrderWithWhoCausedItAndItsDetails() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new StackApplied(List.of("Creating service shop_web")), DeploymentPhase.progressing);
        report(request, new StepStarted(0, "10%"), DeploymentPhase.progressing);
        report(request, new TrafficWeightUpdated(0, 10, List.of(new ServiceWeight("web", 1, 9, 10))),
                DeploymentPhase.progressing);
        report(request, new AnalysisPassed(0, List.of(new Measurement("web", 1, 1, 0, 0, null, 0))),
                DeploymentPhase.progressing);
        report(request, new PausedAtStep(0), DeploymentPhase.paused);
        events.deliver(SHOP, new DeploymentPromoted(SHOP, ACCOUNT, "d1", true, AT.plusSeconds(30)), BY_ACTOR);
        report(request, new Completed(Map.of("web", "shop_web")), DeploymentPhase.completed);

        List<DeploymentEventView> timeline = find(ACCOUNT, "d1").timeline();

        assertThat(timeline).extracting(DeploymentEventView::type).containsExactly("requested", "stack_applied",
                "step_started", "traffic_weight_updated", "analysis_passed", "paused_at_step", "promoted",
                "completed");
        assertThat(timeline).extracting(DeploymentEventView::actor).containsExactly(ACTOR, "rollout", "rollout",
                "rollout", "rollout", "rollout", ACTOR, "rollout");
        assertThat(timeline).extracting(DeploymentEventView::phase).containsExactly(DeploymentPhase.progressing,
                DeploymentPhase.progressing, DeploymentPhase.progressing, DeploymentPhase.progressing,
                DeploymentPhase.progressing, DeploymentPhase.paused, DeploymentPhase.progressing,
                DeploymentPhase.completed);
        assertThat(timeline.get(1).details()).isEqualTo(Map.of("notes", List.of("Creating service shop_web")));
        assertThat(timeline.get(3).details()).isEqualTo(Map.of("step", 0, "weight", 10, "services", List.of(
                Map.of("service", "web", "new_replicas", 1, "stable_replicas", 9, "effective_weight", 10))));
        Map<String, Object> measurement = new HashMap<>(Map.of("service", "web", "running_tasks", 1,
                "desired_tasks", 1, "failures", 0, "restarts", 0, "http_requests", 0));
        measurement.put("http_success_rate", null);
        assertThat(timeline.get(4).details()).isEqualTo(Map.of("step", 0, "measurements", List.of(measurement)));
        assertThat(timeline.get(6).details()).isEqualTo(Map.of("full", true));
        assertThat(timeline.get(7).details()).isEqualTo(Map.of("active_services", Map.of("web", "shop_web")));
        assertThat(timeline.get(7).at()).isEqualTo(AT.plusSeconds(7));
    }

    @Test
    void reDeliveredEventsAreAppliedOnce() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        TrackedEventMessage<?> requested = events.deliver(SHOP, request, BY_ACTOR);
        TrackedEventMessage<?> weighted = report(request,
                new TrafficWeightUpdated(0, 10, List.of(new ServiceWeight("web", 1, 9, 10))),
                DeploymentPhase.progressing);
        report(request, new PausedAtStep(0), DeploymentPhase.paused);

        events.redeliver(requested);
        events.redeliver(weighted);

        DeploymentView deployment = find(ACCOUNT, "d1");
        assertThat(deployment.timeline()).extracting(DeploymentEventView::type)
                .containsExactly("requested", "traffic_weight_updated", "paused_at_step");
        assertThat(deployment.phase()).isEqualTo(DeploymentPhase.paused);
    }

    @Test
    void anotherAccountsDeploymentIsNotFound() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        assertThat(find(OTHER_ACCOUNT, "d1")).isNull();
        assertThat(find(ACCOUNT, "d-unknown")).isNull();
        assertThat(list(new ListDeployments(OTHER_ACCOUNT, null, null, null, null, FIRST_PAGE)).items()).isEmpty();
    }

    @Test
    void deploymentsAreListedNewestFirstWithoutTheirTimelines() {
        events.deliver(SHOP, deploy("d-old", 1, ROLLING, AT), BY_ACTOR);
        events.deliver(SHOP, deploy("d-new", 3, ROLLING, AT.plusSeconds(120)), BY_ACTOR);
        events.deliver(SHOP, deploy("d-mid", 2, ROLLING, AT.plusSeconds(60)), BY_ACTOR);

        List<DeploymentView> items = list(new ListDeployments(ACCOUNT, null, null, null, null, FIRST_PAGE)).items();

        assertThat(items).extracting(DeploymentView::id).containsExactly("d-new", "d-mid", "d-old");
        assertThat(items).extracting(DeploymentView::timeline).containsOnlyNulls();
        assertThat(items.get(0).strategy()).isEqualTo(ROLLING);
    }

    @Test
    void deploymentsAreFilteredByClusterStackAndPhase() {
        StackDeploymentRequested shop = deploy("d1", 1, ROLLING, AT);
        events.deliver(SHOP, shop, BY_ACTOR);
        report(shop, new Completed(Map.of()), DeploymentPhase.completed);
        deliverRequest(requested(ACCOUNT, CLUSTER, "blog", "d2", 1, DeploymentTrigger.deploy, null, null, ROLLING,
                AT.plusSeconds(10)));
        deliverRequest(requested(ACCOUNT, OTHER_CLUSTER, "shop", "d3", 1, DeploymentTrigger.deploy, null, null,
                ROLLING, AT.plusSeconds(20)));

        assertThat(ids(new ListDeployments(ACCOUNT, CLUSTER, null, null, null, FIRST_PAGE)))
                .containsExactly("d2", "d1");
        assertThat(ids(new ListDeployments(ACCOUNT, null, SHOP, null, null, FIRST_PAGE))).containsExactly("d1");
        assertThat(ids(new ListDeployments(ACCOUNT, null, null, null, DeploymentPhase.progressing, FIRST_PAGE)))
                .containsExactly("d3", "d2");
        assertThat(ids(new ListDeployments(ACCOUNT, OTHER_CLUSTER, null, null, DeploymentPhase.completed, FIRST_PAGE)))
                .isEmpty();
    }

    @Test
    void aServicesHistoryIsTheDeploymentsThatChangedIt() {
        deliverRequest(changing(deploy("d1", 1, ROLLING, AT), "web", "db"));
        deliverRequest(changing(deploy("d2", 2, ROLLING, AT.plusSeconds(10)), "web"));
        deliverRequest(changing(deploy("d3", 3, ROLLING, AT.plusSeconds(20)), "db"));

        assertThat(ids(new ListDeployments(ACCOUNT, null, SHOP, "db", null, FIRST_PAGE))).containsExactly("d3", "d1");
        assertThat(ids(new ListDeployments(ACCOUNT, null, SHOP, "cache", null, FIRST_PAGE))).isEmpty();
    }

    @Test
    void pagesDoNotOverlap() {
        for (int i = 1; i <= 5; i++) {
            events.deliver(SHOP, deploy("d" + i, i, ROLLING, AT.plusSeconds(i)), BY_ACTOR);
        }

        DeploymentPage last = list(new ListDeployments(ACCOUNT, null, null, null, null, new PageRequest(3, 2)));

        assertThat(last.items()).extracting(DeploymentView::id).containsExactly("d1");
        assertThat(last.page().totalCount()).isEqualTo(5);
    }

    @Test
    void aResetEmptiesTheReadModelForTheReplay() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        events.reset();

        assertThat(find(ACCOUNT, "d1")).isNull();
    }

    /** The rollout reports, a second later for every event delivered before. */
    private TrackedEventMessage<?> report(StackDeploymentRequested request, DeploymentProgress progress,
                                          DeploymentPhase phase) {
        return events.deliver(request.stackId(),
                progressed(request, progress, phase, AT.plusSeconds(events.lastPosition())), BY_ROLLOUT);
    }

    private static StackDeploymentRequested changing(StackDeploymentRequested request, String... services) {
        DeploymentOrder order = request.order();
        return new StackDeploymentRequested(request.stackId(), request.accountId(),
                new DeploymentOrder(order.clusterId(), order.stackName(), order.deploymentId(), order.attempt(),
                        order.revision(), order.strategy(), List.of(services), order.activeServices()),
                request.trigger(), request.basedOnDeploymentId(), request.previousRevision(), request.warnings(),
                request.requestedAt());
    }

    private void deliverRequest(StackDeploymentRequested request) {
        events.deliver(request.stackId(), request, BY_ACTOR);
    }

    private DeploymentView find(String accountId, String deploymentId) {
        return queries.ask(new FindDeployment(accountId, deploymentId), DeploymentView.class);
    }

    private DeploymentPage list(ListDeployments query) {
        return queries.ask(query, DeploymentPage.class);
    }

    private List<String> ids(ListDeployments query) {
        return list(query).items().stream().map(DeploymentView::id).toList();
    }
}
