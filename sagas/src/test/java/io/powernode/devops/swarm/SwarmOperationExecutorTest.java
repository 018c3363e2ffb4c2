package io.powernode.devops.swarm;

import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveSecret;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.powernode.devops.swarm.OperationsFixture.ACCOUNT;
import static io.powernode.devops.swarm.OperationsFixture.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/** The executor as Axon's event processor drives it: at most once, as the platform, never on a replay. */
class SwarmOperationExecutorTest {

    private static final String CLUSTER = "cluster-executor";

    private final OperationsFixture fixture = new OperationsFixture(Duration.ofSeconds(5));
    private final AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(fixture.executor);

    @Test
    void anEventHandledTwiceAsksDockerOnceAndRecordsOneOutcome() throws Exception {
        TestSwarm swarm = TestSwarm.shared();
        SwarmNode leader = swarm.leader();
        fixture.registerCluster(CLUSTER, ACCOUNT, swarm.managerEndpoint());
        String secret = "ops-once-" + UUID.randomUUID().toString().substring(0, 6);
        SwarmOperationRequested event = fixture.requested(CLUSTER, new CreateSecret(secret, fixture.seal("v"), null));
        EventMessage<SwarmOperationRequested> message = GenericEventMessage.<SwarmOperationRequested>asEventMessage(event)
                .andMetaData(MetaData.with(MessageMetadata.CORRELATION_ID, "corr-1"));
        try {
            handler.handle(message);
            // as after a crash between Docker's answer and the commit of the processor's token
            handler.handle(message);

            assertThat(fixture.bus.payloads(BeginSwarmOperation.class)).hasSize(2);
            assertThat(fixture.bus.payloads(RecordSwarmOperationSucceeded.class)).singleElement()
                    .satisfies(outcome -> assertThat(outcome.resourceId())
                            .isEqualTo(leader.docker("secret", "inspect", "--format", "{{.ID}}", secret).trim()));
            assertThat(fixture.bus.payloads(RecordSwarmOperationFailed.class)).isEmpty();
            assertThat(fixture.resyncs).containsExactly(CLUSTER);
            assertThat(fixture.bus.sent()).allSatisfy(command -> assertThat(command.getMetaData())
                    .containsEntry(MessageMetadata.ACCOUNT_ID, ACCOUNT)
                    .containsEntry(MessageMetadata.ACTOR_ID, "swarm-operations")
                    .containsEntry(MessageMetadata.ACTOR_TYPE, "system")
                    .containsEntry(MessageMetadata.CORRELATION_ID, "corr-1")
                    .containsEntry(MessageMetadata.CAUSATION_ID, message.getIdentifier()));
        } finally {
            SwarmCli.removeQuietly(leader, "secret", secret);
        }
    }

    @Test
    void aReplayedEventAsksNothingOfDocker() throws Exception {
        fixture.registerCluster(CLUSTER, ACCOUNT, "tcp://127.0.0.1:1");
        EventMessage<SwarmOperationRequested> event = GenericEventMessage.asEventMessage(
                fixture.requested(CLUSTER, new RemoveSecret("any")));
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(1));

        handler.handle(new GenericTrackedEventMessage<>(replaying, event));

        assertThat(handler.supportsReset()).isFalse();
        assertThat(fixture.bus.sent()).isEmpty();
    }

    @Test
    void aClusterRegisteredAMomentAgoIsWaitedFor() throws Exception {
        TestSwarm swarm = TestSwarm.shared();
        String secret = "ops-late-" + UUID.randomUUID().toString().substring(0, 6);
        SwarmOperationRequested event = fixture.requested(CLUSTER, new CreateSecret(secret, fixture.seal("v"), null));
        try {
            CompletableFuture<Void> handled = CompletableFuture.runAsync(() -> fixture.handle(event));
            Thread.sleep(500);
            fixture.registerCluster(CLUSTER, ACCOUNT, swarm.managerEndpoint());
            handled.get();

            assertThat(fixture.recorded(event.operationId()).resourceId()).isNotBlank();
        } finally {
            SwarmCli.removeQuietly(swarm.leader(), "secret", secret);
        }
    }

    @Test
    void aClusterTheGatewayDoesNotKnowIsUnavailable() {
        OperationsFixture impatient = new OperationsFixture(Duration.ofMillis(300));

        OperationFailure failure = impatient.run(CLUSTER, new RemoveSecret("any")).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.unavailable,
                "cluster " + CLUSTER + " is not known to the Docker gateway yet; try again shortly"));
        assertThat(impatient.resyncs).containsExactly(CLUSTER);
    }

    @Test
    void aHostOfAnotherAccountIsNotFoundAndNotContacted() {
        fixture.registerCluster(CLUSTER, ACCOUNT, "tcp://127.0.0.1:1");
        fixture.registerHost("host-foreign", OTHER_ACCOUNT, "tcp://127.0.0.1:1");

        OperationFailure failure = fixture.run(CLUSTER, new JoinSwarm("host-foreign", NodeRole.worker, null, null)).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.not_found, "host host-foreign is not registered"));
    }

    @Test
    void aManagerThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        fixture.registerCluster(CLUSTER, ACCOUNT, "tcp://127.0.0.1:" + closedPort);

        OperationFailure failure = fixture.run(CLUSTER, new RemoveSecret("any")).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.unavailable,
                "connection refused (is the daemon running and listening there?)"));
        assertThat(fixture.bus.sent()).extracting(command -> command.getPayloadType().getSimpleName())
                .containsExactly("BeginSwarmOperation", "RecordSwarmOperationFailed");
    }
}
