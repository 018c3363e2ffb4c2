package io.powernode.devops.rollout;

import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.rollout.RolloutProbe.HttpResult;
import io.powernode.devops.rollout.RolloutProbe.ProbeFailed;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import io.powernode.devops.rollout.RolloutProbe.TaskObservation;
import io.powernode.devops.swarm.OperationsFixture;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.powernode.devops.testing.TestDockerEngine.WEB_V1_IMAGE;
import static io.powernode.devops.testing.TestDockerEngine.WEB_V2_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The rollout's probe against the shared swarm: services and tasks as the manager reports them, and HTTP. */
class DockerRolloutProbeTest {

    private static final String CLUSTER = "cluster-probe";

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private final OperationsFixture fixture = new OperationsFixture();
    private final DockerRolloutProbe probe = new DockerRolloutProbe(fixture.endpoints());
    private final String prefix = "probe" + UUID.randomUUID().toString().substring(0, 6) + "_";
    private final List<String> services = new ArrayList<>();

    @BeforeAll
    static void shareSwarm() {
        swarm = TestSwarm.shared();
        leader = swarm.leader();
    }

    @BeforeEach
    void registerCluster() {
        fixture.registerCluster(CLUSTER, OperationsFixture.ACCOUNT, swarm.managerEndpoint());
    }

    @AfterEach
    void removeServices() {
        services.forEach(service -> {
            try {
                leader.docker("service", "rm", service);
            } catch (IllegalStateException e) {
                // never created
            }
        });
    }

    @Test
    void aServiceThatDoesNotExistIsObservedAsMissing() {
        assertThat(probe.observe(CLUSTER, OperationsFixture.ACCOUNT, prefix + "nothing"))
                .isEqualTo(ServiceObservation.missing(prefix + "nothing"));
    }

    @Test
    void aServiceIsObservedWithItsTasksOnTheirNodesWhoseHostPortsAnswerOverHttp() {
        String web = create("web", "--replicas", "2", "--publish", "mode=host,target=80,published=18481", WEB_V1_IMAGE);

        ServiceObservation observed = awaitRunning(web, 2);

        assertThat(observed.exists()).isTrue();
        assertThat(observed.desiredReplicas()).isEqualTo(2);
        assertThat(observed.image()).startsWith(WEB_V1_IMAGE);
        assertThat(observed.ports()).containsExactly(new PublishedPort(80, 18481, "tcp", "host"));
        assertThat(observed.updateState()).isNull();
        List<TaskObservation> running = running(observed);
        List<String> addresses = swarm.nodes().stream().map(SwarmNode::address).toList();
        assertThat(running).allSatisfy(task -> {
            assertThat(task.nodeAddress()).isIn(addresses);
            assertThat(task.desiredState()).isEqualTo("running");
            assertThat(task.exitCode()).isNull();
            assertThat(task.createdAt()).isBeforeOrEqualTo(task.updatedAt());
        });
        assertThat(running).extracting(TaskObservation::slot).containsExactlyInAnyOrder(1, 2);
        List<URI> targets = running.stream().map(task -> URI.create("http://" + task.nodeAddress() + ":18481/")).toList();
        URI nothing = URI.create("http://" + leader.address() + ":18482/");

        List<HttpResult> answers = probe.http(List.of(targets.get(0), targets.get(1), nothing), 3, Duration.ofSeconds(2));

        assertThat(answers).containsExactly(new HttpResult(targets.get(0), 3, 3), new HttpResult(targets.get(1), 3, 3),
                new HttpResult(nothing, 3, 0));
    }

    @Test
    void aReleaseThatExitsAtStartShowsFailedTasksWithTheirExitCode() {
        String broken = create("broken", "--restart-delay", "1s", TestDockerEngine.BROKEN_IMAGE);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(probe.observe(CLUSTER, OperationsFixture.ACCOUNT, broken).tasks()).anySatisfy(task -> {
                    assertThat(task.state()).isEqualTo("failed");
                    assertThat(task.exitCode()).isEqualTo(1);
                    assertThat(task.error()).contains("non-zero exit (1)");
                }));
    }

    @Test
    void anUpdateIsObservedWithItsStateAndWhenItBegan() {
        String web = create("updated", WEB_V1_IMAGE);
        awaitRunning(web, 1);
        Instant before = Instant.now().minusSeconds(1);

        leader.docker("service", "update", "--detach", "--image", WEB_V2_IMAGE, web);

        AtomicReference<ServiceObservation> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            last.set(probe.observe(CLUSTER, OperationsFixture.ACCOUNT, web));
            assertThat(last.get().updateState()).isEqualTo("completed");
        });
        assertThat(last.get().updateStartedAt()).isAfter(before);
        assertThat(last.get().image()).startsWith(WEB_V2_IMAGE);
        assertThat(running(last.get())).singleElement().satisfies(task -> assertThat(task.image()).startsWith(WEB_V2_IMAGE));
    }

    @Test
    void aClusterOfAnotherAccountOrUnknownCannotBeProbed() {
        assertThatThrownBy(() -> probe.observe(CLUSTER, OperationsFixture.OTHER_ACCOUNT, prefix + "web"))
                .isInstanceOf(ProbeFailed.class).hasMessage("cluster " + CLUSTER + " is not registered");
        assertThatThrownBy(() -> probe.observe("cluster-unknown", OperationsFixture.ACCOUNT, prefix + "web"))
                .isInstanceOf(ProbeFailed.class).hasMessage("cluster cluster-unknown is not registered");
    }

    @Test
    void aManagerThatDoesNotAnswerFailsTheProbe() {
        fixture.registerCluster("cluster-silent", OperationsFixture.ACCOUNT, "tcp://" + leader.address() + ":2999");

        assertThatThrownBy(() -> probe.observe("cluster-silent", OperationsFixture.ACCOUNT, prefix + "web"))
                .isInstanceOf(ProbeFailed.class)
                .hasMessage("cannot read service " + prefix + "web of cluster cluster-silent: connection refused "
                        + "(is the daemon running and listening there?)");
    }

    /** Creates a service with the CLI, independently of the code under test; returns its name. */
    private String create(String name, String... optionsAndImage) {
        String service = prefix + name;
        services.add(service);
        List<String> command = new ArrayList<>(List.of("service", "create", "--detach", "--name", service,
                "--endpoint-mode", "dnsrr", "--stop-grace-period", "1s"));
        command.addAll(List.of(optionsAndImage));
        leader.docker(command.toArray(String[]::new));
        return service;
    }

    private ServiceObservation awaitRunning(String service, int count) {
        AtomicReference<ServiceObservation> observed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            observed.set(probe.observe(CLUSTER, OperationsFixture.ACCOUNT, service));
            assertThat(running(observed.get())).hasSize(count);
        });
        return observed.get();
    }

    private static List<TaskObservation> running(ServiceObservation observed) {
        return observed.tasks().stream().filter(task -> "running".equals(task.state())).toList();
    }
}
