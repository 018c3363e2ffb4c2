package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.Inspection;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.InspectSwarmObject;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.JoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.LogLine;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ObjectKind;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ReadServiceLogs;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ServiceLogs;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.UnlockKey;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.powernode.devops.swarm.OperationsFixture.ACCOUNT;
import static io.powernode.devops.swarm.OperationsFixture.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The live queries, answered by the shared swarm's leader. */
class SwarmLiveQueriesTest {

    private static final String CLUSTER = "cluster-queries";

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
        fixture.registerCluster(CLUSTER, ACCOUNT, swarm.managerEndpoint());
    }

    @Test
    void joinTokensAreTheSwarmsOwnWithTheReachableManagersLeaderFirst() {
        JoinTokens tokens = fixture.queries.handle(new FindJoinTokens(ACCOUNT, CLUSTER));

        assertThat(tokens.worker()).isEqualTo(leader.docker("swarm", "join-token", "-q", "worker").trim());
        assertThat(tokens.manager()).isEqualTo(leader.docker("swarm", "join-token", "-q", "manager").trim());
        assertThat(tokens.managerAddresses()).hasSize(3).first().isEqualTo(leader.address() + ":2377");
        assertThat(tokens.managerAddresses()).containsExactlyInAnyOrderElementsOf(
                swarm.managers().stream().map(node -> node.address() + ":2377").toList());
        assertThat(tokens.toString()).doesNotContain(tokens.worker()).doesNotContain(tokens.manager());
    }

    @Test
    void aSwarmWithoutAutolockHasNoUnlockKey() {
        assertThat(fixture.queries.handle(new FindUnlockKey(ACCOUNT, CLUSTER))).isEqualTo(new UnlockKey(null));
    }

    @Test
    void theSwarmIsInspectedWithoutItsJoinTokens() {
        Map<String, Object> swarmBody = inspect(ObjectKind.swarm, null).body();

        assertThat(swarmBody).containsEntry("ID", leader.docker("info", "--format", "{{.Swarm.Cluster.ID}}").trim())
                .containsKey("Spec").doesNotContainKey("JoinTokens");
        assertThat(swarmBody.toString()).doesNotContain(leader.docker("swarm", "join-token", "-q", "worker").trim());
    }

    @Test
    @SuppressWarnings("unchecked")
    void objectsAreInspectedAsDockerAnswersAndASecretWithoutData() throws Exception {
        String secret = prefix + "-s";
        String service = prefix + "-svc";
        Path value = Files.writeString(Files.createTempFile("ops-secret", ".txt"), "hidden");
        try {
            String secretId = leader.docker("secret", "create", secret, value.toString()).trim();
            String serviceId = leader.docker("service", "create", "--detach", "--quiet", "--no-resolve-image", "--name", service,
                    "--endpoint-mode", "dnsrr", "--secret", secret, TestDockerEngine.TEST_IMAGE, "sleep", "3600").trim();
            String nodeId = leader.docker("node", "inspect", "--format", "{{.ID}}", "self").trim();

            assertThat(inspect(ObjectKind.service, service).body()).containsEntry("ID", serviceId);
            assertThat(inspect(ObjectKind.node, nodeId).body()).containsEntry("ID", nodeId);
            assertThat(inspect(ObjectKind.network, "ingress").body()).containsEntry("Name", "ingress");
            Map<String, Object> secretBody = inspect(ObjectKind.secret, secretId).body();
            assertThat(secretBody).containsEntry("ID", secretId);
            assertThat((Map<String, Object>) secretBody.get("Spec")).containsEntry("Name", secret).doesNotContainKey("Data");
            SwarmCli.awaitRunning(leader, service, 1);
            String taskId = SwarmCli.runningTasks(leader, service).get(0).split(" ")[1];
            assertThat(inspect(ObjectKind.task, taskId).body()).containsEntry("ServiceID", serviceId);

            assertThat(inspect(ObjectKind.config, prefix + "-none")).isNull();
            managerNode().docker("volume", "create", prefix + "-vol");
            assertThat(inspect(ObjectKind.volume, prefix + "-vol").body()).containsEntry("Name", prefix + "-vol");
        } finally {
            SwarmCli.removeQuietly(managerNode(), "volume", prefix + "-vol");
            SwarmCli.removeQuietly(leader, "service", service);
            SwarmCli.removeQuietly(leader, "secret", secret);
            Files.delete(value);
        }
    }

    @Test
    void logsHoldBothStreamsWithTimeTaskAndNode() {
        String service = prefix + "-talker";
        String serviceId = leader.docker("service", "create", "--detach", "--quiet", "--no-resolve-image", "--name", service,
                "--endpoint-mode", "dnsrr", TestDockerEngine.TEST_IMAGE,
                "sh", "-c", "echo to-stdout; echo to-stderr >&2; exec sleep 3600").trim();
        try {
            SwarmCli.awaitRunning(leader, service, 1);
            String[] task = SwarmCli.runningTasks(leader, service).get(0).split(" ");
            String nodeId = leader.docker("node", "inspect", "--format", "{{.ID}}", task[0]).trim();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ServiceLogs logs = fixture.queries.handle(new ReadServiceLogs(ACCOUNT, CLUSTER, serviceId, null, null));
                assertThat(logs.lines()).extracting(LogLine::stream, LogLine::text)
                        .containsExactlyInAnyOrder(tuple("stdout", "to-stdout"),
                                tuple("stderr", "to-stderr"));
                assertThat(logs.lines()).allSatisfy(line -> {
                    assertThat(line.taskId()).isEqualTo(task[1]);
                    assertThat(line.nodeId()).isEqualTo(nodeId);
                    assertThat(line.time()).isBefore(Instant.now()).isAfter(Instant.now().minusSeconds(300));
                });
            });
            assertThat(fixture.queries.handle(new ReadServiceLogs(ACCOUNT, CLUSTER, serviceId, 1, null)).lines()).hasSize(1);
            assertThat(fixture.queries.handle(new ReadServiceLogs(ACCOUNT, CLUSTER, serviceId, null,
                    Instant.now().plusSeconds(60))).lines()).isEmpty();
            assertThat(fixture.queries.handle(new ReadServiceLogs(ACCOUNT, CLUSTER, prefix + "-none", null, null))).isNull();
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
        }
    }

    @Test
    void anotherAccountsClusterIsAnsweredAsMissing() {
        assertThat(fixture.queries.handle(new FindJoinTokens(OTHER_ACCOUNT, CLUSTER))).isNull();
        assertThat(fixture.queries.handle(new FindUnlockKey(OTHER_ACCOUNT, CLUSTER))).isNull();
        assertThat(fixture.queries.handle(new InspectSwarmObject(OTHER_ACCOUNT, CLUSTER, ObjectKind.swarm, null))).isNull();
        assertThat(fixture.queries.handle(new ReadServiceLogs(OTHER_ACCOUNT, CLUSTER, "any", null, null))).isNull();
        assertThat(fixture.queries.handle(new FindJoinTokens(ACCOUNT, "cluster-never-registered"))).isNull();
    }

    @Test
    void aManagerThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        fixture.registerCluster("cluster-gone", ACCOUNT, "tcp://127.0.0.1:" + closedPort);

        SwarmQueryFailed failure = catchThrowableOfType(SwarmQueryFailed.class,
                () -> fixture.queries.handle(new FindJoinTokens(ACCOUNT, "cluster-gone")));

        assertThat(failure.failure().kind()).isEqualTo(Kind.unavailable);
        assertThat(failure.getMessage()).contains("connection refused");
    }

    /** The manager the cluster is registered by: volumes are per node. */
    private static SwarmNode managerNode() {
        return swarm.nodes().stream().filter(node -> node.tcpEndpoint().equals(swarm.managerEndpoint()))
                .findFirst().orElseThrow();
    }

    private Inspection inspect(ObjectKind kind, String id) {
        return fixture.queries.handle(new InspectSwarmObject(ACCOUNT, CLUSTER, kind, id));
    }
}
