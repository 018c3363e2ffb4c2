package io.powernode.devops.command.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.StepStarted;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficSwitched;
import io.powernode.devops.kernel.stack.StackCommands.PauseDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RemoveStack;
import io.powernode.devops.kernel.stack.StackCommands.RetryDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RollbackDeployment;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.powernode.devops.command.stack.StackTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The stack is snapshotted in production; a snapshot must bring back every bit of state decisions rely on. */
class StackSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    private FixtureConfiguration<Stack> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private Stack roundTrip(Stack stack) {
        return serializer.deserialize(serializer.serialize(stack, byte[].class));
    }

    /**
     * Revisions beyond the kept ones with an old live one, a rollback that prunes, a canary retried and now paused
     * at a step by a user, with keys recorded in its attempt, and services a rollout left serving.
     */
    @Test
    void a_stack_with_history_and_a_deployment_under_way_survives_a_round_trip() {
        fixture.given(failedDeployments(v1Live(), 2, RevisionHistory.KEPT + 1, 1))
                .andGiven(deployed(D2, 28, V2, CANARY, 1))
                .andGivenCommands(
                        report(D2, 1, "switched", new TrafficSwitched(Map.of("web", "shop_web"), GREEN_SERVES_WEB)),
                        report(D2, 1, "failed", new Failed("web did not start")),
                        new RetryDeployment(STACK_ID, ACCOUNT, D2),
                        report(D2, 2, "step-0-started", new StepStarted(0, "weight 25")))
                .when(new PauseDeployment(STACK_ID, ACCOUNT, D2))
                .expectState(stack -> assertThat(roundTrip(stack)).usingRecursiveComparison().isEqualTo(stack));
    }

    @Test
    void a_stack_waiting_at_a_step_and_being_rolled_back_survives_a_round_trip() {
        fixture.given(v2UnderWay(CANARY))
                .andGivenCommands(report(D2, 1, "paused-1", new PausedAtStep(1)))
                .when(new RollbackDeployment(STACK_ID, ACCOUNT, D2, D3, null))
                .expectState(stack -> assertThat(roundTrip(stack)).usingRecursiveComparison().isEqualTo(stack));
    }

    @Test
    void a_stack_left_degraded_survives_a_round_trip() {
        fixture.given(v2UnderWay(ROLLING))
                .when(report(D2, 1, "degraded", new Degraded("web did not converge in 5m")))
                .expectState(stack -> assertThat(roundTrip(stack)).usingRecursiveComparison().isEqualTo(stack));
    }

    @Test
    void a_stack_being_removed_survives_a_round_trip() {
        fixture.given(v2Live())
                .andGiven(deployed(D3, 3, V3, BLUE_GREEN, 2), failed(D3))
                .when(new RemoveStack(STACK_ID, ACCOUNT, CLUSTER_ID,
                        STACK_NAME, REMOVAL))
                .expectState(stack -> assertThat(roundTrip(stack)).usingRecursiveComparison().isEqualTo(stack));
    }
}
