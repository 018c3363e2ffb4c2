package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision;
import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rollout saga in Axon's saga fixture, with a scripted swarm, and a deployment of stack {@code shop} whose
 * {@code web} service (3 replicas, host port 8080) changed and whose {@code db} did not. A scenario is played as
 * the fixture's given phase, one message or time step after the other, so the probe can be scripted in between;
 * {@link #then()} hands over to the when phase.
 */
final class RolloutFixture implements AutoCloseable {

    static final String CLUSTER = "cluster-1";
    static final String ACCOUNT = "account-1";
    static final String STACK = "shop";
    static final String STACK_ID = StackIds.of(CLUSTER, STACK);
    static final String DEPLOYMENT = "deployment-1";
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration CHECK = Duration.ofSeconds(2);

    /** As the compose converter writes them, in Jackson's compact form: unchanged specs compare equal as text. */
    static final ServicePlan WEB = new ServicePlan("web", "shop_web", "{\"Name\":\"shop_web\",\"Labels\":"
            + "{\"com.docker.stack.namespace\":\"shop\"},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"web:2\"},"
            + "\"Networks\":[{\"Target\":\"shop_default\",\"Aliases\":[\"web\"]}]},\"Mode\":{\"Replicated\":"
            + "{\"Replicas\":3}},\"EndpointSpec\":{\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,"
            + "\"PublishedPort\":8080,\"PublishMode\":\"host\"}]}}");
    static final ServicePlan DB = new ServicePlan("db", "shop_db", "{\"Name\":\"shop_db\",\"Labels\":"
            + "{\"com.docker.stack.namespace\":\"shop\"},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"db:1\"}},"
            + "\"Mode\":{\"Replicated\":{\"Replicas\":1}}}");
    static final StackPlan PLAN = new StackPlan(STACK, List.of(), List.of(), List.of(), List.of(DB, WEB), List.of());

    final SagaTestFixture<RolloutSaga> fixture = new SagaTestFixture<>(RolloutSaga.class);
    final ScriptedProbe probe = new ScriptedProbe();
    private final SagaCommands commands;
    private final Clock previousClock = GenericEventMessage.clock;
    private ContinuedGivenState given;

    RolloutFixture() {
        commands = new SagaCommands(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        fixture.registerResource(commands);
        fixture.registerResource(probe);
        fixture.registerResource(new RolloutSettings(CHECK));
        // the saga reads Axon's clock; here it is the fixture's, which deadlines advance
        GenericEventMessage.clock = new FixtureClock();
    }

    @Override
    public void close() {
        GenericEventMessage.clock = previousClock;
        commands.destroy();
    }

    // --- the scenario, played as the given phase ---

    RolloutFixture start(Strategy strategy) {
        given = fixture.givenCurrentTime(T0).andThenAPublished(requested(strategy));
        return this;
    }

    RolloutFixture publish(Object event) {
        given = given.andThenAPublished(event);
        return this;
    }

    RolloutFixture elapse(Duration time) {
        try {
            given = given.andThenTimeElapses(time);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Lets the deadline due now fire: the decided operation is asked for, or the targets observed. */
    RolloutFixture act() {
        return elapse(Duration.ZERO);
    }

    RolloutFixture succeed(String key) {
        return publish(succeeded(key));
    }

    RolloutFixture serve(ServiceObservation... services) {
        probe.serve(services);
        return this;
    }

    ContinuedGivenState then() {
        return given;
    }

    FixtureExecutionResult whenSucceeded(String key) {
        return given.whenPublishingA(succeeded(key));
    }

    FixtureExecutionResult whenElapsed(Duration time) {
        return given.whenTimeElapses(time);
    }

    FixtureExecutionResult whenPublished(Object event) {
        return given.whenPublishingA(event);
    }

    Instant now() {
        return fixture.currentTime();
    }

    // --- the messages ---

    static StackDeploymentRequested requested(Strategy strategy) {
        return new StackDeploymentRequested(STACK_ID, ACCOUNT, order(strategy, 1), DeploymentTrigger.deploy, null,
                1, List.of(), T0);
    }

    static DeploymentRetried retried(Strategy strategy, int attempt) {
        return new DeploymentRetried(STACK_ID, ACCOUNT, order(strategy, attempt), T0);
    }

    static DeploymentOrder order(Strategy strategy, int attempt) {
        StackRevision revision = new StackRevision(2, new ComposeSource("services: {}", Map.of(), Map.of(), Map.of()),
                PLAN, DeployOptions.defaults());
        return new DeploymentOrder(CLUSTER, STACK, DEPLOYMENT, attempt, revision, strategy, List.of("web"), Map.of());
    }

    /** How the saga must name an operation: derived from deployment, attempt and the action's key. */
    static String operationId(int attempt, String key) {
        return UUID.nameUUIDFromBytes((DEPLOYMENT + "/" + attempt + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static SwarmOperationSucceeded succeeded(String key) {
        return succeeded(1, key);
    }

    static SwarmOperationSucceeded succeeded(int attempt, String key) {
        return new SwarmOperationSucceeded(CLUSTER, ACCOUNT, operationId(attempt, key), "any", "id", List.of(), T0);
    }

    static SwarmOperationFailed failed(String key, OperationFailure.Kind kind, String message) {
        return new SwarmOperationFailed(CLUSTER, ACCOUNT, operationId(1, key), "any",
                new OperationFailure(kind, message), T0);
    }

    static DeploymentPromoted promoted(boolean full) {
        return new DeploymentPromoted(STACK_ID, ACCOUNT, DEPLOYMENT, full, T0);
    }

    static DeploymentPaused paused() {
        return new DeploymentPaused(STACK_ID, ACCOUNT, DEPLOYMENT, T0);
    }

    static DeploymentResumed resumed() {
        return new DeploymentResumed(STACK_ID, ACCOUNT, DEPLOYMENT, T0);
    }

    static DeploymentAbortRequested abortRequested(boolean asRollback) {
        return new DeploymentAbortRequested(STACK_ID, ACCOUNT, DEPLOYMENT, asRollback, T0);
    }

    private final class FixtureClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
