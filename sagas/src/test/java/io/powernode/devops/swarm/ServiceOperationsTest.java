package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.ServiceSpec.Healthcheck;
import io.powernode.devops.kernel.swarm.ServiceSpec.Mount;
import io.powernode.devops.kernel.swarm.ServiceSpec.NetworkAttachment;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.ServiceSpec.Resources;
import io.powernode.devops.kernel.swarm.ServiceSpec.RestartPolicy;
import io.powernode.devops.kernel.swarm.ServiceSpec.UpdatePolicy;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RollbackService;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Services created, changed and removed through the executor on the shared swarm, checked with the docker CLI. */
class ServiceOperationsTest {

    private static final String CLUSTER = "cluster-services";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aServiceIsCreatedWithEveryFieldOfARichSpec() {
        String network = prefix + "-net";
        String secret = prefix + "-secret";
        String config = prefix + "-config";
        String volume = prefix + "-data";
        ServiceSpecBuilder spec = new ServiceSpecBuilder(prefix + "-rich", TestDockerEngine.TEST_IMAGE);
        spec.command = List.of("sh", "-c");
        spec.args = List.of("exec sleep 3600");
        spec.env = Map.of("MODE", "test", "LEVEL", "2");
        spec.labels = Map.of("team", "ops");
        spec.containerLabels = Map.of("tier", "back");
        spec.mode = ServiceMode.replicated;
        spec.replicas = 2;
        spec.maxReplicasPerNode = 1;
        spec.mounts = List.of(new Mount("volume", volume, "/data", false), new Mount("tmpfs", null, "/scratch", false));
        spec.networks = List.of(new NetworkAttachment(network, List.of("api")));
        spec.ports = List.of(new PublishedPort(8080, 18090, "tcp", "host"));
        spec.endpointMode = "dnsrr";
        spec.constraints = List.of("node.platform.os==linux");
        spec.preferences = List.of("node.labels.zone");
        spec.resources = new Resources(500_000_000L, 64L << 20, 10_000_000L, 8L << 20);
        spec.restartPolicy = new RestartPolicy("on-failure", Duration.ofSeconds(1), 3, Duration.ofSeconds(10));
        spec.updateConfig = new UpdatePolicy(1, Duration.ofSeconds(1), "rollback", Duration.ofSeconds(2), 0.5, "stop-first");
        spec.rollbackConfig = new UpdatePolicy(2, null, "pause", Duration.ofSeconds(3), null, "start-first");
        spec.healthcheck = new Healthcheck(List.of("CMD-SHELL", "true"), Duration.ofSeconds(2), Duration.ofSeconds(1), 2,
                Duration.ofSeconds(1));
        spec.secrets = List.of(new FileReference(secret, null, null, null, null));
        spec.configs = List.of(new FileReference(config, "/etc/app.conf", "0", "0", 0440));
        spec.user = "0";
        spec.workdir = "/tmp";
        spec.hostname = "{{.Node.Hostname}}";
        spec.stopGracePeriod = Duration.ofSeconds(3);
        spec.registryAuth = fixture.seal("{\"username\":\"ci\",\"password\":\"pw\",\"serveraddress\":\"registry.example\"}");
        try {
            String networkId = fixture.run(CLUSTER, new CreateNetwork(network, null, true, false, false, null, null, null))
                    .resourceId();
            String secretId = fixture.run(CLUSTER, new CreateSecret(secret, fixture.seal("s"), null)).resourceId();
            String configId = fixture.run(CLUSTER, new CreateConfig(config, base64("k=v"), null, null)).resourceId();

            String serviceId = fixture.run(CLUSTER, new CreateService(spec.build())).resourceId();

            JsonNode inspected = SwarmCli.inspect(leader, "service", serviceId).path("Spec");
            assertThat(inspected.path("Name").asText()).isEqualTo(spec.name);
            assertJson(inspected.path("Labels"), "{'team':'ops'}");
            JsonNode container = inspected.path("TaskTemplate").path("ContainerSpec");
            assertThat(container.path("Image").asText()).isEqualTo(TestDockerEngine.TEST_IMAGE);
            assertJson(container.path("Labels"), "{'tier':'back'}");
            assertJson(container.path("Command"), "['sh','-c']");
            assertJson(container.path("Args"), "['exec sleep 3600']");
            assertJson(container.path("Env"), "['LEVEL=2','MODE=test']");
            assertThat(container.path("User").asText()).isEqualTo("0");
            assertThat(container.path("Dir").asText()).isEqualTo("/tmp");
            assertThat(container.path("Hostname").asText()).isEqualTo("{{.Node.Hostname}}");
            assertThat(container.path("StopGracePeriod").asLong()).isEqualTo(3_000_000_000L);
            assertJson(container.path("Mounts"), "[{'Type':'volume','Source':'" + volume + "','Target':'/data'},"
                    + "{'Type':'tmpfs','Target':'/scratch'}]");
            assertJson(container.path("Healthcheck"), "{'Test':['CMD-SHELL','true'],'Interval':2000000000,"
                    + "'Timeout':1000000000,'Retries':2,'StartPeriod':1000000000}");
            assertJson(container.path("Secrets"), "[{'File':{'Name':'" + secret + "','UID':'0','GID':'0','Mode':292},"
                    + "'SecretID':'" + secretId + "','SecretName':'" + secret + "'}]");
            assertJson(container.path("Configs"), "[{'File':{'Name':'/etc/app.conf','UID':'0','GID':'0','Mode':288},"
                    + "'ConfigID':'" + configId + "','ConfigName':'" + config + "'}]");
            JsonNode task = inspected.path("TaskTemplate");
            assertJson(task.path("Resources"), "{'Limits':{'NanoCPUs':500000000,'MemoryBytes':67108864},"
                    + "'Reservations':{'NanoCPUs':10000000,'MemoryBytes':8388608}}");
            assertJson(task.path("RestartPolicy"), "{'Condition':'on-failure','Delay':1000000000,'MaxAttempts':3,"
                    + "'Window':10000000000}");
            assertJson(task.path("Placement"), "{'Constraints':['node.platform.os==linux'],"
                    + "'Preferences':[{'Spread':{'SpreadDescriptor':'node.labels.zone'}}],'MaxReplicas':1}");
            assertJson(task.path("Networks"), "[{'Target':'" + networkId + "','Aliases':['api']}]");
            assertJson(inspected.path("Mode"), "{'Replicated':{'Replicas':2}}");
            assertJson(inspected.path("UpdateConfig"), "{'Parallelism':1,'Delay':1000000000,'FailureAction':'rollback',"
                    + "'Monitor':2000000000,'MaxFailureRatio':0.5,'Order':'stop-first'}");
            assertJson(inspected.path("RollbackConfig"), "{'Parallelism':2,'FailureAction':'pause',"
                    + "'Monitor':3000000000,'MaxFailureRatio':0,'Order':'start-first'}");
            assertJson(inspected.path("EndpointSpec"), "{'Mode':'dnsrr','Ports':[{'Protocol':'tcp','TargetPort':8080,"
                    + "'PublishedPort':18090,'PublishMode':'host'}]}");
            SwarmCli.awaitRunning(leader, spec.name, 2);
        } finally {
            SwarmCli.removeQuietly(leader, "service", spec.name);
            removeNetworkWhenFree(network);
            SwarmCli.removeQuietly(leader, "secret", secret);
            SwarmCli.removeQuietly(leader, "config", config);
            removeVolumeEverywhere(volume);
        }
    }

    @Test
    void aServiceIsScaledUpAndDownToZero() {
        String service = createSleeper(prefix + "-scale", 1);
        try {
            fixture.run(CLUSTER, new ScaleService(service, 3)).resourceId();
            SwarmCli.awaitRunning(leader, service, 3);

            fixture.run(CLUSTER, new ScaleService(service, 0)).resourceId();

            assertThat(SwarmCli.inspect(leader, "service", service).at("/Spec/Mode/Replicated/Replicas").asInt()).isZero();
            SwarmCli.awaitRunning(leader, service, 0);
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
        }
    }

    @Test
    void anUpdateReplacesTheSpecAndARollbackRestoresThePreviousOne() {
        String service = createSleeper(prefix + "-update", 1);
        try {
            ServiceSpecBuilder changed = sleeper(service, 1);
            changed.args = List.of("sleep", "7200");
            changed.env = Map.of("VERSION", "2");

            String id = fixture.run(CLUSTER, new UpdateService(service, changed.build(), false)).resourceId();

            JsonNode updated = SwarmCli.inspect(leader, "service", service);
            assertThat(id).isEqualTo(updated.path("ID").asText());
            assertJson(updated.at("/Spec/TaskTemplate/ContainerSpec/Args"), "['sleep','7200']");
            assertJson(updated.at("/Spec/TaskTemplate/ContainerSpec/Env"), "['VERSION=2']");

            fixture.run(CLUSTER, new RollbackService(service)).resourceId();

            JsonNode rolledBack = SwarmCli.inspect(leader, "service", service);
            assertJson(rolledBack.at("/Spec/TaskTemplate/ContainerSpec/Args"), "['sleep','3600']");
            assertThat(rolledBack.at("/Spec/TaskTemplate/ContainerSpec/Env").isMissingNode()).isTrue();
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
        }
    }

    @Test
    void aForcedRedeployOfAnUnchangedSpecReplacesTheTasks() {
        String service = createSleeper(prefix + "-force", 1);
        try {
            SwarmCli.awaitRunning(leader, service, 1);
            String taskBefore = SwarmCli.runningTasks(leader, service).get(0).split(" ")[1];

            fixture.run(CLUSTER, new UpdateService(service, sleeper(service, 1).build(), true)).resourceId();

            assertThat(SwarmCli.inspect(leader, "service", service).at("/Spec/TaskTemplate/ForceUpdate").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(SwarmCli.runningTasks(leader, service))
                    .singleElement().satisfies(task -> assertThat(task).doesNotContain(taskBefore).contains(" Running ")));
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
        }
    }

    @Test
    void anUpdateThatFailsIsRolledBackBySwarmWhenItsFailureActionSaysSo() {
        ServiceSpecBuilder spec = sleeper(prefix + "-autoroll", 2);
        spec.restartPolicy = new RestartPolicy("any", Duration.ofSeconds(1), null, null);
        spec.updateConfig = new UpdatePolicy(1, null, "rollback", Duration.ofSeconds(3), null, null);
        String service = fixture.run(CLUSTER, new CreateService(spec.build())).resourceId();
        try {
            SwarmCli.awaitRunning(leader, spec.name, 2);
            ServiceSpecBuilder failing = sleeper(spec.name, 2);
            failing.restartPolicy = spec.restartPolicy;
            failing.updateConfig = spec.updateConfig;
            failing.command = List.of("sh", "-c", "exit 1");
            failing.args = null;

            fixture.run(CLUSTER, new UpdateService(service, failing.build(), false)).resourceId();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    SwarmCli.inspect(leader, "service", service).at("/UpdateStatus/State").asText())
                    .isEqualTo("rollback_completed"));
            JsonNode container = SwarmCli.inspect(leader, "service", service).at("/Spec/TaskTemplate/ContainerSpec");
            assertJson(container.path("Args"), "['sleep','3600']");
            assertThat(container.path("Command").isMissingNode()).isTrue();
        } finally {
            SwarmCli.removeQuietly(leader, "service", spec.name);
        }
    }

    @Test
    void aServiceIsRemoved() {
        String service = createSleeper(prefix + "-remove", 1);

        String id = fixture.run(CLUSTER, new RemoveService(service)).resourceId();

        assertThat(id).isEqualTo(service);
        assertThat(SwarmCli.exists(leader, "service", service)).isFalse();
    }

    @Test
    void aGlobalServiceHasNoReplicasToScaleAndAMissingServiceIsNotFound() {
        ServiceSpecBuilder global = sleeper(prefix + "-global", null);
        global.mode = ServiceMode.global;
        String service = fixture.run(CLUSTER, new CreateService(global.build())).resourceId();
        try {
            assertThat(fixture.run(CLUSTER, new ScaleService(service, 2)).failure().kind()).isEqualTo(Kind.invalid);
            assertThat(fixture.run(CLUSTER, new ScaleService(prefix + "-nothing", 2)).failure().kind())
                    .isEqualTo(Kind.not_found);
            assertThat(SwarmCli.inspect(leader, "service", service).at("/Spec/Mode/Global").isObject()).isTrue();
        } finally {
            SwarmCli.removeQuietly(leader, "service", global.name);
        }
    }

    @Test
    void aSecondServiceOfTheSameNameIsAConflict() {
        String service = createSleeper(prefix + "-twice", 0);
        try {
            var failure = fixture.run(CLUSTER, new CreateService(sleeper(service, 0).build())).failure();

            assertThat(failure.kind()).isEqualTo(Kind.conflict);
            assertThat(failure.message()).contains("name conflicts");
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
        }
    }

    @Test
    void registryCredentialsThatAreNotJsonAreInvalidAndNotQuoted() {
        ServiceSpecBuilder spec = sleeper(prefix + "-private", 1);
        spec.registryAuth = fixture.seal("user:hunter2");

        var failure = fixture.run(CLUSTER, new CreateService(spec.build())).failure();

        assertThat(failure.kind()).isEqualTo(Kind.invalid);
        assertThat(failure.message()).isEqualTo("the registry credentials are not a JSON object");
        assertThat(SwarmCli.exists(leader, "service", spec.name)).isFalse();
    }

    /** Creates a service through the executor; returns its name. */
    private String createSleeper(String name, Integer replicas) {
        fixture.run(CLUSTER, new CreateService(sleeper(name, replicas).build())).resourceId();
        return name;
    }

    private static ServiceSpecBuilder sleeper(String name, Integer replicas) {
        ServiceSpecBuilder spec = new ServiceSpecBuilder(name, TestDockerEngine.TEST_IMAGE);
        spec.args = List.of("sleep", "3600");
        spec.replicas = replicas;
        spec.endpointMode = "dnsrr";
        spec.stopGracePeriod = Duration.ofSeconds(1);
        return spec;
    }

    private void removeNetworkWhenFree(String network) {
        // the tasks' containers leave the network a moment after the service is gone
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            if (SwarmCli.exists(leader, "network", network)) {
                leader.docker("network", "rm", network);
            }
            return true;
        });
    }

    private void removeVolumeEverywhere(String volume) {
        List<SwarmNode> left = new ArrayList<>(swarm.nodes());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            left.removeIf(node -> {
                if (node.docker("volume", "ls", "-q", "--filter", "name=" + volume).isBlank()) {
                    return true;
                }
                node.docker("volume", "rm", volume);
                return true;
            });
            return left.isEmpty();
        });
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes());
    }

    /** Compares as text read back: Docker's numbers come back in whatever width Jackson picks. */
    static void assertJson(JsonNode actual, String expected) {
        try {
            assertThat(JSON.readTree(actual.toString())).isEqualTo(JSON.readTree(expected.replace('\'', '"')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
