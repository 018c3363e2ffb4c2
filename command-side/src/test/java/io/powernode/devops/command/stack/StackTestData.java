package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackCommands.DeployStack;
import io.powernode.devops.kernel.stack.StackCommands.RecordDeploymentProgress;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemoved;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision;
import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.stack.Strategy.Rolling;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One stack's story, told with the same values in every test: stack {@code shop} on cluster-1, whose compose file
 * has the services api and web. Version 1 runs web:1 and api:1; version 2 changes web to web:2 and leaves api as it
 * was; version 3 adds a worker to version 2.
 */
final class StackTestData {

    static final String CLUSTER_ID = "cluster-1";
    static final String STACK_NAME = "shop";
    static final String STACK_ID = StackIds.of(CLUSTER_ID, STACK_NAME);
    static final String ACCOUNT = "account-a";
    static final String OTHER_ACCOUNT = "account-b";

    /** When the user or the rollout acts. */
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-06-01T09:00:00Z");

    static final String D1 = "deployment-1";
    static final String D2 = "deployment-2";
    static final String D3 = "deployment-3";
    static final String D4 = "deployment-4";
    static final String REMOVAL = "removal-1";
    static final String OTHER_REMOVAL = "removal-2";

    static final StackPlan V1 = plan(service("api", "api:1"), service("web", "web:1"));
    static final StackPlan V2 = plan(service("api", "api:1"), service("web", "web:2"));
    static final StackPlan V3 = plan(service("api", "api:1"), service("web", "web:2"), service("worker", "worker:1"));

    static final ComposeSource SOURCE = new ComposeSource("version: \"3.8\"\nservices: {}\n", Map.of("TAG", "1"),
            Map.of("app.env", "MODE=production"), Map.of("db_password.txt", new SealedValue("master-1", "c2VhbGVk")));
    static final DeployOptions OPTIONS = new DeployOptions(false, ResolveImage.changed,
            new SealedValue("master-1", "YXV0aA=="));
    static final List<String> WARNINGS = List.of("Ignoring unsupported options: build");

    static final Analysis ANALYSIS = new Analysis(Duration.ofSeconds(30), 0, 1,
            new HttpProbe("/health", 8080, 5, 0.95, Duration.ofSeconds(2)));
    static final Rolling ROLLING = new Rolling(Duration.ofMinutes(5));
    static final Rolling DEFAULT_ROLLING = new Rolling(Stack.DEFAULT_PROGRESS_DEADLINE);
    static final BlueGreen BLUE_GREEN = new BlueGreen(List.of("web"), Duration.ofMinutes(5), Duration.ofMinutes(2),
            ANALYSIS, false, Duration.ofMinutes(10), Map.of(80, 8080));
    static final Canary CANARY = new Canary(List.of(), Duration.ofMinutes(5),
            List.of(new CanaryStep(25, Duration.ofMinutes(1), false), new CanaryStep(50, null, true),
                    new CanaryStep(100, null, false)), ANALYSIS);

    /** Compose service to the Docker service serving it, as a blue-green deployment of web leaves it. */
    static final Map<String, String> GREEN_SERVES_WEB = Map.of("web", "shop_web-green");

    private StackTestData() {
    }

    static FixtureConfiguration<Stack> fixture() {
        return new AggregateTestFixture<>(Stack.class);
    }

    static ServicePlan service(String service, String image) {
        String name = STACK_NAME + "_" + service;
        return new ServicePlan(service, name, "{\"Name\":\"" + name + "\",\"Labels\":{\"com.docker.stack.namespace\":\""
                + STACK_NAME + "\"},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" + image + "\"}}}");
    }

    static StackPlan plan(ServicePlan... services) {
        return new StackPlan(STACK_NAME, List.of(new NetworkPlan("shop_default", "{\"Name\":\"shop_default\"}")),
                List.of(new SecretPlan("shop_db_password", "{\"Name\":\"shop_db_password\"}",
                        new SealedValue("master-1", "c2VjcmV0"))),
                List.of(), List.of(services), List.of());
    }

    static StackRevision revision(int number, StackPlan plan) {
        return new StackRevision(number, SOURCE, plan, OPTIONS);
    }

    /** The revision with prune, as a rollback applies it. */
    static StackRevision pruning(int number, StackPlan plan) {
        return new StackRevision(number, SOURCE, plan, new DeployOptions(true, OPTIONS.resolveImage(),
                OPTIONS.registryAuth()));
    }

    /** The owner deploys {@code plan}. */
    static DeployStack deploy(String deploymentId, StackPlan plan, Strategy strategy) {
        return new DeployStack(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, deploymentId, SOURCE, plan, OPTIONS,
                strategy, WARNINGS);
    }

    static DeploymentOrder order(String deploymentId, int attempt, StackRevision revision, Strategy strategy,
                                 List<String> changedServices, Map<String, String> activeServices) {
        return new DeploymentOrder(CLUSTER_ID, STACK_NAME, deploymentId, attempt, revision, strategy, changedServices,
                activeServices);
    }

    static StackDeploymentRequested requested(DeploymentOrder order, DeploymentTrigger trigger, String basedOn,
                                              Integer previousRevision, List<String> warnings) {
        return new StackDeploymentRequested(STACK_ID, ACCOUNT, order, trigger, basedOn, previousRevision, warnings,
                NOW);
    }

    /**
     * A new revision asked for, as recorded in the stack's history; what it changed and what served then do not
     * matter to what the stack decides later.
     */
    static StackDeploymentRequested deployed(String deploymentId, int number, StackPlan plan, Strategy strategy,
                                             Integer previousRevision) {
        return new StackDeploymentRequested(STACK_ID, ACCOUNT, order(deploymentId, 1, revision(number, plan),
                strategy, List.of(), Map.of()), DeploymentTrigger.deploy, null, previousRevision, WARNINGS, EARLIER);
    }

    static DeploymentProgressed progressed(String deploymentId, int attempt, String key, DeploymentProgress progress,
                                           DeploymentPhase phase) {
        return new DeploymentProgressed(STACK_ID, ACCOUNT, deploymentId, attempt, key, progress, phase, EARLIER);
    }

    /** A report as the stack records it when it arrives, at {@link #NOW}. */
    static DeploymentProgressed recorded(String deploymentId, int attempt, String key, DeploymentProgress progress,
                                         DeploymentPhase phase) {
        return new DeploymentProgressed(STACK_ID, ACCOUNT, deploymentId, attempt, key, progress, phase, NOW);
    }

    static DeploymentProgressed completed(String deploymentId, Map<String, String> activeServices) {
        return progressed(deploymentId, 1, "completed", new Completed(activeServices), DeploymentPhase.completed);
    }

    static DeploymentProgressed failed(String deploymentId) {
        return progressed(deploymentId, 1, "failed", new Failed("network shop_backend not found"), DeploymentPhase.failed);
    }

    /** Docker was given the revision's specs, and its tasks did not all run in time. */
    static DeploymentProgressed degraded(String deploymentId) {
        return progressed(deploymentId, 1, "degraded", new Degraded("web did not converge in 5m"),
                DeploymentPhase.degraded);
    }

    static DeploymentAbortRequested abortRequested(String deploymentId, boolean asRollback) {
        return new DeploymentAbortRequested(STACK_ID, ACCOUNT, deploymentId, asRollback, EARLIER);
    }

    static RecordDeploymentProgress report(String deploymentId, int attempt, String key, DeploymentProgress progress) {
        return new RecordDeploymentProgress(STACK_ID, deploymentId, attempt, key, progress);
    }

    static StackRemovalRequested removalRequested(String removalId) {
        return new StackRemovalRequested(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, removalId, EARLIER);
    }

    static StackRemoved removed() {
        return new StackRemoved(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, EARLIER);
    }

    /** D1 deployed version 1, which is live. */
    static List<Object> v1Live() {
        return List.of(deployed(D1, 1, V1, ROLLING, null), completed(D1, Map.of()));
    }

    /** Version 1 live, and D2 rolling version 2 out with {@code strategy}, progressing. */
    static List<Object> v2UnderWay(Strategy strategy) {
        return concat(v1Live(), deployed(D2, 2, V2, strategy, 1));
    }

    /** D1 deployed version 1, then D2 version 2, which is live. */
    static List<Object> v2Live() {
        return concat(v2UnderWay(ROLLING), completed(D2, Map.of()));
    }

    /**
     * {@code history}, then {@code count} new revisions from {@code firstNumber} on, each deployed as
     * {@code D-<number>} and failed: none of them became live.
     */
    static List<Object> failedDeployments(List<Object> history, int firstNumber, int count, Integer live) {
        List<Object> events = new ArrayList<>(history);
        for (int number = firstNumber; number < firstNumber + count; number++) {
            events.add(deployed("D-" + number, number, V2, ROLLING, live));
            events.add(failed("D-" + number));
        }
        return events;
    }

    static List<Object> concat(List<Object> history, Object... more) {
        return Stream.concat(history.stream(), Stream.of(more)).toList();
    }
}
