package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveVolume;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.powernode.devops.swarm.ServiceOperationsTest.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Networks and volumes through the executor on the shared swarm. */
class NetworkVolumeOperationsTest {

    private static final String CLUSTER = "cluster-networks";

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private final OperationsFixture fixture = new OperationsFixture();
    private final String prefix = "ops-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void shareSwarm() {
        swarm = TestSwarm.shared();
        leader = swarm.leader();
    }

    @BeforeEach
    void registerCluster() {
        fixture.registerCluster(CLUSTER, OperationsFixture.ACCOUNT, swarm.managerEndpoint());
    }

    @Test
    void anAttachableEncryptedOverlayNetworkIsCreatedWithItsAddressesAndLabelsThenRemoved() {
        String name = prefix + "-net";
        try {
            String id = fixture.run(CLUSTER, new CreateNetwork(name, null, true, true, true, Map.of("team", "ops"),
                    "10.231.7.0/24", "10.231.7.1")).resourceId();

            JsonNode network = SwarmCli.inspect(leader, "network", id);
            assertThat(network.path("Name").asText()).isEqualTo(name);
            assertThat(network.path("Driver").asText()).isEqualTo("overlay");
            assertThat(network.path("Scope").asText()).isEqualTo("swarm");
            assertThat(network.path("Attachable").asBoolean()).isTrue();
            assertThat(network.path("Internal").asBoolean()).isTrue();
            assertThat(network.path("Options").has("encrypted")).isTrue();
            assertJson(network.path("Labels"), "{'team':'ops'}");
            assertJson(network.at("/IPAM/Config"), "[{'Subnet':'10.231.7.0/24','Gateway':'10.231.7.1'}]");

            assertThat(fixture.run(CLUSTER, new CreateNetwork(name, null, false, false, false, null, null, null))
                    .failure().kind()).isEqualTo(Kind.conflict);

            assertThat(fixture.run(CLUSTER, new RemoveNetwork(id)).resourceId()).isEqualTo(id);
            assertThat(SwarmCli.exists(leader, "network", id)).isFalse();
        } finally {
            SwarmCli.removeQuietly(leader, "network", name);
        }
    }

    @Test
    void aVolumeIsCreatedOnTheManagerAndRemoved() {
        String name = prefix + "-vol";
        SwarmNode manager = managerOf(swarm.managerEndpoint());
        try {
            String created = fixture.run(CLUSTER, new CreateVolume(name, null, Map.of(), Map.of("team", "ops")))
                    .resourceId();

            assertThat(created).isEqualTo(name);
            JsonNode volume = SwarmCli.inspect(manager, "volume", name);
            assertThat(volume.path("Driver").asText()).isEqualTo("local");
            assertJson(volume.path("Labels"), "{'team':'ops'}");

            fixture.run(CLUSTER, new RemoveVolume(name, false)).resourceId();

            assertThat(SwarmCli.exists(manager, "volume", name)).isFalse();
            assertThat(fixture.run(CLUSTER, new RemoveVolume(name, false)).failure().kind()).isEqualTo(Kind.not_found);
        } finally {
            SwarmCli.removeQuietly(manager, "volume", name);
        }
    }

    private static SwarmNode managerOf(String endpoint) {
        return swarm.nodes().stream().filter(node -> node.tcpEndpoint().equals(endpoint)).findFirst().orElseThrow();
    }
}
