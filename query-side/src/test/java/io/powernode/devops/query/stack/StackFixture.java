package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision;
import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.stack.Strategy.Rolling;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stack events as the Stack aggregate would apply them, and stack services as a swarm sync would record them. */
final class StackFixture {
    static final String ACCOUNT = "acct-1";
    static final String OTHER_ACCOUNT = "acct-2";
    static final String CLUSTER = "cluster-1";
    static final String OTHER_CLUSTER = "cluster-2";
    static final Instant AT = Instant.parse("2026-03-01T11:00:00Z");

    /** The person whose requests the API sends, and the rollout that reports, as the events' metadata says. */
    static final String ACTOR = "user-7";
    static final MetaData BY_ACTOR = MetaData.with(MessageMetadata.ACTOR_ID, ACTOR);
    static final MetaData BY_ROLLOUT = MetaData.with(MessageMetadata.ACTOR_ID, "rollout");

    /** Recognisable secrets: none may reach a read model. */
    static final String CIPHERTEXT = "c2VjcmV0LWZpbGUtY29udGVudA";
    static final String ENVIRONMENT_VALUE = "hunter2-env";
    static final String FILE_CONTENT = "worker_processes 4;";

    static final Strategy ROLLING = new Rolling(Duration.ofMinutes(5));
    static final Analysis ANALYSIS = new Analysis(Duration.ofSeconds(30), 1, 2,
            new HttpProbe("/health", 8080, 5, 0.95, Duration.ofSeconds(2)));
    static final Strategy BLUE_GREEN = new BlueGreen(List.of("web"), Duration.ofMinutes(10), Duration.ofMinutes(2),
            ANALYSIS, false, Duration.ofMinutes(15), Map.of(80, 8080));
    static final Strategy CANARY = new Canary(List.of(), Duration.ofMinutes(10), List.of(
            new CanaryStep(10, Duration.ofMinutes(1), false), new CanaryStep(50, null, true),
            new CanaryStep(100, Duration.ofMinutes(5), false)), new Analysis(Duration.ofSeconds(20), 0, 1, null));

    private StackFixture() {
    }

    static String stackId(String stackName) {
        return StackIds.of(CLUSTER, stackName);
    }

    /** The first deployment of a new revision of {@code shop} on {@link #CLUSTER}. */
    static StackDeploymentRequested deploy(String deploymentId, int revision, Strategy strategy, Instant at) {
        return requested(ACCOUNT, CLUSTER, "shop", deploymentId, revision, DeploymentTrigger.deploy, null,
                revision == 1 ? null : revision - 1, strategy, at);
    }

    static StackDeploymentRequested requested(String accountId, String clusterId, String stackName,
                                              String deploymentId, int revision, DeploymentTrigger trigger,
                                              String basedOnDeploymentId, Integer previousRevision,
                                              Strategy strategy, Instant at) {
        DeploymentOrder order = new DeploymentOrder(clusterId, stackName, deploymentId, 1,
                revision(stackName, revision), strategy, List.of("web"), Map.of("web", stackName + "_web"));
        return new StackDeploymentRequested(StackIds.of(clusterId, stackName), accountId, order, trigger,
                basedOnDeploymentId, previousRevision, List.of("Ignoring unsupported options: build"), at);
    }

    static DeploymentRetried retried(StackDeploymentRequested request, int attempt, Instant at) {
        DeploymentOrder first = request.order();
        DeploymentOrder again = new DeploymentOrder(first.clusterId(), first.stackName(), first.deploymentId(),
                attempt, first.revision(), first.strategy(), List.of("web", "worker"),
                Map.of("web", first.stackName() + "_web-green"));
        return new DeploymentRetried(request.stackId(), request.accountId(), again, at);
    }

    static DeploymentProgressed progressed(StackDeploymentRequested request, DeploymentProgress progress,
                                           DeploymentPhase phase, Instant at) {
        return new DeploymentProgressed(request.stackId(), request.accountId(), request.deploymentId(),
                request.order().attempt(), DeploymentProgress.typeOf(progress), progress, phase, at);
    }

    /**
     * A revision with an environment, a config file and a secret file: its plan holds the interpolated value and
     * the file's content, as a real conversion would.
     */
    static StackRevision revision(String stackName, int number) {
        String compose = "version: \"3.8\"\nservices:\n  web:\n    image: shop/web:" + number
                + "\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n";
        ComposeSource source = new ComposeSource(compose, Map.of("DB_PASSWORD", ENVIRONMENT_VALUE, "TAG", "1"),
                Map.of("nginx.conf", FILE_CONTENT), Map.of("db_password.txt", new SealedValue("master-1", CIPHERTEXT)));
        StackPlan plan = new StackPlan(stackName, List.of(),
                List.of(new SecretPlan(stackName + "_db_password", "{}", new SealedValue("master-1", CIPHERTEXT))),
                List.of(new ConfigPlan(stackName + "_nginx", "{\"Data\":\"" + FILE_CONTENT + "\"}")),
                List.of(new ServicePlan("web", stackName + "_web",
                        "{\"Env\":[\"DB_PASSWORD=" + ENVIRONMENT_VALUE + "\"]}")),
                List.of());
        return new StackRevision(number, source, plan,
                new DeployOptions(true, StackRevision.ResolveImage.always, new SealedValue("master-1", CIPHERTEXT)));
    }

    /** A service of {@code stack} as the CLI deploys it: only the namespace label. */
    static ServiceSummary service(String id, String stack, String composeService, int desired, int running) {
        return serviceWith(id, stack + "_" + composeService, stack, desired, running, null, Map.of());
    }

    static ServiceSummary serviceWith(String id, String name, String stack, Integer desired, int running,
                                      String updateState, Map<String, String> rolloutLabels) {
        Map<String, String> labels = new HashMap<>(rolloutLabels);
        if (stack != null) {
            labels.put(StackPlan.NAMESPACE_LABEL, stack);
        }
        return new ServiceSummary(id, name, desired == null ? ServiceMode.global : ServiceMode.replicated,
                "shop/web:1@sha256:abc", desired, running, updateState,
                updateState == null ? null : "update " + updateState, labels, 3);
    }

    static SwarmServicesChanged servicesAdded(String clusterId, String accountId, ServiceSummary... services) {
        return new SwarmServicesChanged(clusterId, accountId, List.of(services), List.of(), List.of(), AT);
    }

    static SwarmServicesChanged servicesRemoved(String clusterId, String accountId, String... serviceIds) {
        return new SwarmServicesChanged(clusterId, accountId, List.of(), List.of(), List.of(serviceIds), AT);
    }
}
