package io.powernode.devops.api.swarm;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.api.swarm.SwarmRequestsFixture.JSON;
import static io.powernode.devops.api.swarm.SwarmRequestsFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** The swarm, its nodes, networks and volumes: defaults as Docker's, addresses and subnets checked. */
class ClusterRequestsTest {

    private final SwarmRequestsFixture fixture = new SwarmRequestsFixture();
    private final SwarmRequests requests = fixture.requests;

    @Test
    void aNodeIsDrainedPausedOrActivated() {
        OperationRequest request = requests.nodeAvailability("node-1", "{\"node\": {\"availability\": \"drain\"}}");

        assertThat(request.operation()).isEqualTo(new SetNodeAvailability("node-1", NodeAvailability.drain));
        assertThat(SwarmRequestsFixture.audit(request)).containsEntry("availability", "drain");
        refused(() -> requests.nodeAvailability("node-1", "{\"node\": {\"availability\": \"maintenance\"}}"),
                "node.availability");
        refused(() -> requests.nodeAvailability("node-1", "{\"node\": {}}"), "node.availability");
    }

    @Test
    void nodeLabelsAreAddedAndRemovedInOneChange() {
        OperationRequest request = requests.nodeLabels("node-1",
                "{\"labels\": {\"add\": {\"zone\": \"eu-1\"}, \"remove\": [\"rack\"]}}");

        assertThat(request.operation()).isEqualTo(new ChangeNodeLabels("node-1", Map.of("zone", "eu-1"), List.of("rack")));
        assertThat(requests.nodeLabels("node-1", "{\"labels\": {\"remove\": [\"rack\"]}}").operation())
                .isEqualTo(new ChangeNodeLabels("node-1", Map.of(), List.of("rack")));
    }

    @Test
    void aNodeLabelChangeMustChangeSomethingAndNotContradictItself() {
        refused(() -> requests.nodeLabels("node-1", "{\"labels\": {}}"), "labels");
        refused(() -> requests.nodeLabels("node-1", "{\"labels\": {\"add\": {}, \"remove\": []}}"), "labels");
        refused(() -> requests.nodeLabels("node-1", "{\"labels\": {\"add\": {\"zone\": \"a\"}, \"remove\": [\"zone\"]}}"),
                "labels.remove[0]");
        refused(() -> requests.nodeLabels("node-1", "{\"labels\": {\"add\": {\"bad key\": \"a\"}}}"), "labels.add");
        refused(() -> requests.nodeLabels("node-1", "{\"labels\": {\"remove\": [\"a=b\"]}}"), "labels.remove[0]");
    }

    @Test
    void anOverlayNetworkWithItsSubnet() {
        OperationRequest request = requests.networkCreation("""
                {"network": {"cluster_id": "c1", "name": "back", "attachable": true, "encrypted": true,
                             "labels": {"tier": "db"}, "subnet": "10.20.0.0/24", "gateway": "10.20.0.1"}}""");

        assertThat(request.clusterId()).isEqualTo("c1");
        assertThat(request.operation()).isEqualTo(new CreateNetwork("back", "overlay", true, false, true,
                Map.of("tier", "db"), "10.20.0.0/24", "10.20.0.1"));
        assertThat(SwarmRequestsFixture.audit(request)).containsEntry("driver", "overlay").containsEntry("subnet", "10.20.0.0/24");
    }

    @Test
    void anIpv6Subnet() {
        CreateNetwork network = (CreateNetwork) requests.networkCreation("""
                {"network": {"cluster_id": "c1", "name": "v6", "subnet": "fd00:20::/64", "gateway": "fd00:20::1"}}""")
                .operation();

        assertThat(network.gateway()).isEqualTo("fd00:20::1");
    }

    @Test
    void aNetworksAddressesMustFitTogether() {
        refused(() -> requests.networkCreation(network("\"subnet\": \"10.20.0.0/33\"")), "network.subnet");
        refused(() -> requests.networkCreation(network("\"subnet\": \"10.20.0.0\"")), "network.subnet");
        refused(() -> requests.networkCreation(network("\"subnet\": \"intranet/24\"")), "network.subnet");
        refused(() -> requests.networkCreation(network("\"subnet\": \"10.20.0.0/24\", \"gateway\": \"10.21.0.1\"")),
                "network.gateway");
        refused(() -> requests.networkCreation(network("\"subnet\": \"10.20.0.0/24\", \"gateway\": \"fd00::1\"")),
                "network.gateway");
        refused(() -> requests.networkCreation(network("\"gateway\": \"10.20.0.1\"")), "network.gateway");
        refused(() -> requests.networkCreation(network("\"subnet\": \"10.20.0.0/24\", \"gateway\": \"gateway.local\"")),
                "network.gateway");
        refused(() -> requests.networkCreation(network("\"driver\": \"macvlan\", \"encrypted\": true")),
                "network.encrypted");
        refused(() -> requests.networkCreation("{\"network\": {\"cluster_id\": \"c1\", \"name\": \"my.net\"}}"),
                "network.name");
    }

    @Test
    void aVolumeShowsOnlyItsOptionNamesInTheAudit() throws Exception {
        OperationRequest request = requests.volumeCreation("""
                {"volume": {"cluster_id": "c1", "name": "shared-data", "driver": "vieux/sshfs:latest",
                            "driver_options": {"sshcmd": "deploy@files:/data", "password": "s3cr3t"}}}""");

        assertThat(request.operation()).isEqualTo(new CreateVolume("shared-data", "vieux/sshfs:latest",
                Map.of("sshcmd", "deploy@files:/data", "password", "s3cr3t"), null));
        assertThat(SwarmRequestsFixture.audit(request)).containsEntry("driver_options", List.of("password", "sshcmd"));
        assertThat(JSON.writeValueAsString(SwarmRequestsFixture.audit(request))).doesNotContain("s3cr3t");
    }

    @Test
    void aVolumeIsLocalUnlessSaidOtherwise() {
        CreateVolume volume = (CreateVolume) requests.volumeCreation(
                "{\"volume\": {\"cluster_id\": \"c1\", \"name\": \"data\"}}").operation();

        assertThat(volume.driver()).isEqualTo("local");
        refused(() -> requests.volumeCreation("{\"volume\": {\"cluster_id\": \"c1\", \"name\": \"d\"}}"), "volume.name");
        refused(() -> requests.volumeCreation("{\"volume\": {\"cluster_id\": \"c1\", \"name\": \"data\", \"driver\": \"\"}}"),
                "volume.driver");
    }

    @Test
    void aHostJoinsAsAWorkerUnlessItIsToManage() {
        assertThat(requests.join("{\"join\": {\"host_id\": \"host-1\"}}").operation())
                .isEqualTo(new JoinSwarm("host-1", NodeRole.worker, null, null));
        OperationRequest manager = requests.join("""
                {"join": {"host_id": "host-2", "role": "manager", "advertise_addr": "eth1", "listen_addr": "0.0.0.0:2377"}}""");
        assertThat(manager.operation()).isEqualTo(new JoinSwarm("host-2", NodeRole.manager, "eth1", "0.0.0.0:2377"));
        assertThat(SwarmRequestsFixture.audit(manager)).containsEntry("role", "manager").containsEntry("advertise_address", "eth1");
        refused(() -> requests.join("{\"join\": {\"role\": \"leader\"}}"), "join.host_id", "join.role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "10.0.0.5:2377", "eth0", "eth0:4789", "[fd00::5]:2377", "fd00::5", "[::1]"})
    void addressesAreAnIpOrAnInterfaceWithAnOptionalPort(String address) {
        JoinSwarm join = (JoinSwarm) requests.join(
                "{\"join\": {\"host_id\": \"h1\", \"advertise_addr\": \"" + address + "\"}}").operation();

        assertThat(join.advertiseAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.300", "10.0.0.5:0", "10.0.0.5:70000", "10.0.0.5:", "my host", "[fd00::5",
            "[10.0.0.5]:2377", "a-very-long-interface-name", "10.0.0", "fd00::g"})
    void otherAddressesAreRefused(String address) {
        refused(() -> requests.join("{\"join\": {\"host_id\": \"h1\", \"listen_addr\": \"" + address + "\"}}"),
                "join.listen_addr");
    }

    @Test
    void leavingIsGentleUnlessForced() {
        assertThat(requests.leave("{\"leave\": {\"host_id\": \"h1\"}}").operation()).isEqualTo(new LeaveSwarm("h1", false));
        assertThat(requests.leave("{\"leave\": {\"host_id\": \"h1\", \"force\": true}}").operation())
                .isEqualTo(new LeaveSwarm("h1", true));
        refused(() -> requests.leave("{\"leave\": {}}"), "leave.host_id");
    }

    @Test
    void swarmSettingsChangeAtLeastOneThing() {
        assertThat(requests.swarmSettings("{\"swarm\": {\"task_history_limit\": 10}}").operation())
                .isEqualTo(new UpdateSwarmSettings(null, 10));
        assertThat(requests.swarmSettings("{\"swarm\": {\"autolock\": false}}").operation())
                .isEqualTo(new UpdateSwarmSettings(false, null));
        refused(() -> requests.swarmSettings("{\"swarm\": {}}"), "swarm");
        refused(() -> requests.swarmSettings("{\"swarm\": {\"task_history_limit\": -1}}"), "swarm.task_history_limit");
    }

    @Test
    void joinTokensRotateBothUnlessOneIsNamed() {
        assertThat(requests.tokenRotation(null).operation()).isEqualTo(new RotateJoinTokens(true, true));
        assertThat(requests.tokenRotation("").operation()).isEqualTo(new RotateJoinTokens(true, true));
        assertThat(requests.tokenRotation("{\"rotate\": {\"worker\": true}}").operation())
                .isEqualTo(new RotateJoinTokens(true, false));
        refused(() -> requests.tokenRotation("{\"rotate\": {\"worker\": false, \"manager\": false}}"), "rotate");
    }

    @Test
    void aClusterIsInitialisedOnARegisteredHost() {
        ClusterInit init = requests.clusterInit("""
                {"cluster": {"name": "  prod swarm ", "host_id": "host-1", "environment": "production",
                             "advertise_addr": "10.0.0.5:2377", "autolock": true, "task_history_limit": 3}}""");

        assertThat(init.name()).isEqualTo("prod swarm");
        assertThat(init.hostId()).isEqualTo("host-1");
        assertThat(init.environment()).isEqualTo(DeploymentEnvironment.production);
        assertThat(init.syncIntervalSeconds()).as("a host's default").isEqualTo(60);
        assertThat(init.init()).isEqualTo(new InitSwarm("host-1", "10.0.0.5:2377", null, true, 3));
        assertThat(init.auditParameters("c1")).containsEntry("name", "prod swarm").containsEntry("environment", "production")
                .containsEntry("autolock", true);
    }

    @Test
    void aClusterFollowsAHostsRulesForNameEnvironmentAndInterval() {
        refused(() -> requests.clusterInit("""
                        {"cluster": {"name": " ", "host_id": "h1", "environment": "qa", "sync_interval_seconds": 29}}"""),
                "cluster.name", "cluster.environment", "cluster.sync_interval_seconds");
        refused(() -> requests.clusterInit("{\"cluster\": {\"name\": \"" + "n".repeat(101)
                + "\", \"host_id\": \"h1\", \"environment\": \"staging\"}}"), "cluster.name");
        refused(() -> requests.clusterInit("{\"cluster\": {}}"), "cluster.name", "cluster.host_id");
    }

    @Test
    void malformedBodiesAreRefusedAsAWhole() {
        refused(() -> requests.join("{\"join\": "), "body");
        refused(() -> requests.join(null), "join");
        refused(() -> requests.join("{\"leave\": {}}"), "join");
    }

    private static String network(String fields) {
        return "{\"network\": {\"cluster_id\": \"c1\", \"name\": \"n1\", " + fields + "}}";
    }
}
