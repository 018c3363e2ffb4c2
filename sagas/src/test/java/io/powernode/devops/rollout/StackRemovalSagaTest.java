package io.powernode.devops.rollout;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemovalFailed;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemoved;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveStack;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.powernode.devops.rollout.RolloutFixture.ACCOUNT;
import static io.powernode.devops.rollout.RolloutFixture.CLUSTER;
import static io.powernode.devops.rollout.RolloutFixture.STACK;
import static io.powernode.devops.rollout.RolloutFixture.STACK_ID;
import static io.powernode.devops.rollout.SentCommands.satisfying;
import static org.assertj.core.api.Assertions.assertThat;

class StackRemovalSagaTest {

    private static final String REMOVAL = "removal-1";
    private static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");
    private static final StackRemovalRequested REQUESTED = new StackRemovalRequested(STACK_ID, ACCOUNT, CLUSTER,
            STACK, REMOVAL, AT);

    private final SagaTestFixture<StackRemovalSaga> fixture = new SagaTestFixture<>(StackRemovalSaga.class);
    private final SagaCommands commands =
            new SagaCommands(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());

    StackRemovalSagaTest() {
        fixture.registerResource(commands);
    }

    @AfterEach
    void close() {
        commands.destroy();
    }

    @Test
    void theStackIsRemovedByAnOperationNamedByTheRemoval() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED, MetaData.with(MessageMetadata.CORRELATION_ID, "conv-9"))
                .expectDispatchedCommands(new RequestSwarmOperation(CLUSTER, ACCOUNT, REMOVAL, new RemoveStack(STACK)))
                .expectDispatchedCommandsMatching(satisfying(sent -> assertThat(sent).singleElement()
                        .extracting(CommandMessage::getMetaData).satisfies(metaData -> assertThat(metaData)
                                .containsEntry(MessageMetadata.ACTOR_TYPE, "saga")
                                .containsEntry(MessageMetadata.ACTOR_ID, "stack-removal")
                                .containsEntry(MessageMetadata.CORRELATION_ID, "conv-9"))))
                .expectAssociationWith("operationId", REMOVAL)
                .expectActiveSagas(1);
    }

    @Test
    void whatDockerRemovedIsRecordedOnTheStack() {
        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new SwarmOperationSucceeded(CLUSTER, ACCOUNT, REMOVAL, "remove_stack", STACK,
                        List.of("service shop_web removed"), AT))
                .expectDispatchedCommands(new RecordStackRemoved(STACK_ID, REMOVAL))
                .expectActiveSagas(0);
    }

    @Test
    void aRemovalDockerFailsIsRecordedWithDockersReason() {
        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new SwarmOperationFailed(CLUSTER, ACCOUNT, REMOVAL, "remove_stack",
                        new OperationFailure(OperationFailure.Kind.unavailable, "the swarm has no leader"), AT))
                .expectDispatchedCommands(new RecordStackRemovalFailed(STACK_ID, REMOVAL, "the swarm has no leader"))
                .expectActiveSagas(0);
    }

    @Test
    void aRemovalTheClusterRefusesIsRecordedWithTheClustersReason() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RequestSwarmOperation) {
                throw DomainError.conflict("cluster_in_maintenance", null, "The cluster is in maintenance");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectDispatchedCommands(new RequestSwarmOperation(CLUSTER, ACCOUNT, REMOVAL, new RemoveStack(STACK)),
                        new RecordStackRemovalFailed(STACK_ID, REMOVAL, "The cluster is in maintenance"))
                .expectActiveSagas(0);
    }

    @Test
    void anOutcomeOfAnotherOperationIsNotTheRemovals() {
        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new SwarmOperationSucceeded(CLUSTER, ACCOUNT, "op-other", "scale_service", "x",
                        List.of(), AT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }
}
