package io.powernode.devops.command.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

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
}
