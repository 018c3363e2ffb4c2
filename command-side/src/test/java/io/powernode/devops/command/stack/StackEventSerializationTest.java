package io.powernode.devops.command.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalFailed;
import io.powernode.devops.kernel.stack.Strategy;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.command.stack.StackTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's events as the event store keeps them: through Axon's JacksonSerializer, with the mapper set up as the
 * application sets it up (Java time, ISO instants) but strict about unknown properties, so that a property written
 * and not read back (such as the {@code deploymentId()} the sagas associate by) fails here.
 */
class StackEventSerializationTest {

    private static final Measurement MEASUREMENT = new Measurement("web", 1, 2, 1, 3, 0.5, 10);

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build())
            .build();

    static Stream<Strategy> strategies() {
        return Stream.of(ROLLING, BLUE_GREEN, CANARY);
    }

    static Stream<DeploymentProgress> progressReports() {
        return Stream.of(
                new StackApplied(List.of("Creating network shop_default", "Updating service shop_web")),
                new StepStarted(0, "weight 25"),
                new StepCompleted(0, "weight 25"),
                new TrafficWeightUpdated(1, 50, List.of(new ServiceWeight("web", 2, 2, 50))),
                new AnalysisPassed(1, List.of(MEASUREMENT)),
                new AnalysisFailed(1, List.of(new Measurement("web", 2, 2, 0, 0, null, 0)), "1 task failure"),
                new PausedAtStep(1),
                new TrafficSwitched(Map.of("web", "shop_web"), GREEN_SERVES_WEB),
                new RollbackStarted("analysis failed"),
                new Healthy(),
                new Completed(GREEN_SERVES_WEB),
                new RolledBack("analysis failed", Map.of("web", "shop_web")),
                new Failed("network shop_backend not found"),
                new Degraded("web did not converge in 5m"));
    }

    static Stream<Object> events() {
        Stream<Object> requests = strategies().map(strategy -> requested(
                order(D2, 1, revision(2, V2), strategy, List.of("web"), GREEN_SERVES_WEB), DeploymentTrigger.deploy,
                null, 1, WARNINGS));
        Stream<Object> others = Stream.of(
                requested(order(D3, 1, pruning(1, V1), ROLLING, List.of(), Map.of()), DeploymentTrigger.rollback, D2,
                        2, List.of()),
                new DeploymentRetried(STACK_ID, ACCOUNT, order(D2, 2, revision(2, V2), CANARY, List.of("web"),
                        Map.of()), NOW),
                new DeploymentPromoted(STACK_ID, ACCOUNT, D2, true, NOW),
                new DeploymentPaused(STACK_ID, ACCOUNT, D2, NOW),
                new DeploymentResumed(STACK_ID, ACCOUNT, D2, NOW),
                abortRequested(D2, true),
                removalRequested(REMOVAL),
                removed(),
                new StackRemovalFailed(STACK_ID, ACCOUNT, CLUSTER_ID, STACK_NAME, "network in use", NOW));
        Stream<Object> reports = progressReports().map(progress -> recorded(D2, 1, "key-1", progress,
                DeploymentPhase.progressing));
        return Stream.of(requests, others, reports).flatMap(events -> events);
    }

    @ParameterizedTest
    @MethodSource("events")
    void an_event_reads_back_as_it_was_written(Object event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void the_deployment_id_the_sagas_associate_by_is_not_stored_beside_the_order() throws Exception {
        Object event = requested(order(D2, 1, revision(2, V2), CANARY, List.of("web"), Map.of()),
                DeploymentTrigger.deploy, null, 1, WARNINGS);
        String json = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(new ObjectMapper().readTree(json).has("deploymentId")).isFalse();
    }
}
