package io.powernode.devops.command.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.swarm.ClusterTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The cluster is snapshotted in production; a snapshot must bring back every bit of state decisions rely on. */
class SwarmClusterSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    @Test
    void a_cluster_survives_a_round_trip_through_the_jackson_serializer() {
        FixtureConfiguration<SwarmCluster> fixture = fixtureWith(new InMemoryNameRegistry());
        DockerEventRecord event = new DockerEventRecord("node", "update", "node-w", Map.of(), "swarm", 1L);

        fixture.given(clusterInError())
                .andGiven(new ClusterCredentialsReplaced(CLUSTER_ID, ACCOUNT, null, NOW))
                .when(new RecordSwarmEvent(CLUSTER_ID, event))
                .expectState(cluster -> {
                    SerializedObject<byte[]> snapshot = serializer.serialize(cluster, byte[].class);
                    SwarmCluster restored = serializer.deserialize(snapshot);
                    assertThat(restored).usingRecursiveComparison().isEqualTo(cluster);
                });
    }

    @Test
    void pending_operations_survive_a_round_trip_and_decide_as_before() {
        FixtureConfiguration<SwarmCluster> fixture = fixtureWith(new InMemoryNameRegistry());

        fixture.given(connectedCluster())
                .andGiven(new SwarmOperationRequested(CLUSTER_ID, ACCOUNT, "op-scale", new ScaleService("svc-web", 3),
                                NOW),
                        new SwarmOperationStarted(CLUSTER_ID, ACCOUNT, "op-scale", "scale_service", NOW, "attempt-1"),
                        requested(new ScaleService("svc-api", 2)))
                .when(new BeginSwarmOperation(CLUSTER_ID, OPERATION_ID, "attempt-2"))
                .expectState(cluster -> {
                    SwarmCluster restored = serializer.deserialize(serializer.serialize(cluster, byte[].class));
                    assertThat(restored).usingRecursiveComparison().isEqualTo(cluster);
                });
    }

    @Test
    void a_snapshot_keeps_of_a_finished_operation_only_its_id_and_nothing_a_request_sealed() {
        FixtureConfiguration<SwarmCluster> fixture = fixtureWith(new InMemoryNameRegistry());
        CreateSecret secret = new CreateSecret("db_password", new SealedValue("master-1", "c2VhbGVk"), Map.of());

        fixture.given(connectedCluster())
                .andGiven(new SwarmOperationRequested(CLUSTER_ID, ACCOUNT, "op-done", new ScaleService("svc-web", 3),
                                NOW),
                        new SwarmOperationSucceeded(CLUSTER_ID, ACCOUNT, "op-done", "scale_service", "svc-web",
                                List.of(), NOW))
                .when(request(secret))
                .expectState(cluster -> {
                    String snapshot = new String(serializer.serialize(cluster, byte[].class).getData(),
                            StandardCharsets.UTF_8);
                    assertThat(snapshot).contains(OPERATION_ID).contains("op-done").doesNotContain("scale_service")
                            .doesNotContain("c2VhbGVk");
                });
    }
}
