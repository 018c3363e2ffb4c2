package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.swarm.OperationFailure;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The kernel's ServiceSpec as Engine API 1.41 JSON, one field at a time: what is given, and what Docker gets. */
class ServiceSpecJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SECRET_IDS = Map.of("db_password", "sec123", "tls_key", "sec456");
    private static final Map<String, String> CONFIG_IDS = Map.of("nginx_conf", "cfg789");

    static Stream<Arguments> fields() {
        return Stream.of(
                field("name and image", spec -> { }, "",
                        "{'Name':'web','TaskTemplate':{'ContainerSpec':{'Image':'nginx:1'}},"
                                + "'Mode':{'Replicated':{'Replicas':1}}}"),
                field("command and args", spec -> {
                    spec.command = List.of("sh", "-c");
                    spec.args = List.of("echo hi");
                }, "/TaskTemplate/ContainerSpec", "{'Image':'nginx:1','Command':['sh','-c'],'Args':['echo hi']}"),
                field("env as sorted NAME=value", spec -> spec.env = ordered("B", "2", "A", "1"),
                        "/TaskTemplate/ContainerSpec/Env", "['A=1','B=2']"),
                field("service labels", spec -> spec.labels = Map.of("team", "web"), "/Labels", "{'team':'web'}"),
                field("container labels", spec -> spec.containerLabels = Map.of("tier", "front"),
                        "/TaskTemplate/ContainerSpec/Labels", "{'tier':'front'}"),
                field("replicas", spec -> spec.replicas = 3, "/Mode", "{'Replicated':{'Replicas':3}}"),
                field("zero replicas", spec -> spec.replicas = 0, "/Mode", "{'Replicated':{'Replicas':0}}"),
                field("global mode", spec -> spec.mode = ServiceMode.global, "/Mode", "{'Global':{}}"),
                field("max replicas per node", spec -> spec.maxReplicasPerNode = 2,
                        "/TaskTemplate/Placement", "{'MaxReplicas':2}"),
                field("no max replicas for 0", spec -> spec.maxReplicasPerNode = 0, "/TaskTemplate/Placement", null),
                field("constraints and spread preferences", spec -> {
                    spec.constraints = List.of("node.role==worker");
                    spec.preferences = List.of("node.labels.zone");
                }, "/TaskTemplate/Placement", "{'Constraints':['node.role==worker'],"
                        + "'Preferences':[{'Spread':{'SpreadDescriptor':'node.labels.zone'}}]}"),
                field("mounts, volume by default", spec -> spec.mounts = List.of(
                        new Mount(null, "data", "/data", false), new Mount("tmpfs", null, "/tmp", true)),
                        "/TaskTemplate/ContainerSpec/Mounts", "[{'Type':'volume','Source':'data','Target':'/data',"
                                + "'ReadOnly':false},{'Type':'tmpfs','Target':'/tmp','ReadOnly':true}]"),
                field("networks with aliases, on the task template", spec -> spec.networks = List.of(
                        new NetworkAttachment("backend", List.of("api")), new NetworkAttachment("front", null)),
                        "/TaskTemplate/Networks", "[{'Target':'backend','Aliases':['api']},{'Target':'front'}]"),
                field("ports: tcp and ingress by default, host mode when asked", spec -> spec.ports = List.of(
                        new PublishedPort(80, 8080, null, null), new PublishedPort(53, null, "udp", "host")),
                        "/EndpointSpec", "{'Ports':[{'Protocol':'tcp','TargetPort':80,'PublishedPort':8080,"
                                + "'PublishMode':'ingress'},{'Protocol':'udp','TargetPort':53,'PublishMode':'host'}]}"),
                field("endpoint mode", spec -> spec.endpointMode = "dnsrr", "/EndpointSpec", "{'Mode':'dnsrr'}"),
                field("resources", spec -> spec.resources = new Resources(500_000_000L, 64L << 20, null, 32L << 20),
                        "/TaskTemplate/Resources", "{'Limits':{'NanoCPUs':500000000,'MemoryBytes':67108864},"
                                + "'Reservations':{'MemoryBytes':33554432}}"),
                field("restart policy in nanoseconds", spec -> spec.restartPolicy = new RestartPolicy("on-failure",
                                Duration.ofSeconds(5), 3, Duration.ofMinutes(1)),
                        "/TaskTemplate/RestartPolicy", "{'Condition':'on-failure','Delay':5000000000,"
                                + "'MaxAttempts':3,'Window':60000000000}"),
                field("update config", spec -> spec.updateConfig = new UpdatePolicy(2, Duration.ofSeconds(10),
                                "rollback", Duration.ofSeconds(30), 0.25, "start-first"),
                        "/UpdateConfig", "{'Parallelism':2,'Delay':10000000000,'FailureAction':'rollback',"
                                + "'Monitor':30000000000,'MaxFailureRatio':0.25,'Order':'start-first'}"),
                field("rollback config, parallelism 1 as the CLI's default", spec -> spec.rollbackConfig =
                                new UpdatePolicy(null, null, "pause", null, null, null),
                        "/RollbackConfig", "{'Parallelism':1,'FailureAction':'pause'}"),
                field("healthcheck", spec -> spec.healthcheck = new Healthcheck(List.of("CMD-SHELL", "true"),
                                Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofMillis(500)),
                        "/TaskTemplate/ContainerSpec/HealthCheck", "{'Test':['CMD-SHELL','true'],"
                                + "'Interval':2000000000,'Timeout':1000000000,'Retries':3,'StartPeriod':500000000}"),
                field("secrets by id; target, owner and mode defaulted", spec -> spec.secrets = List.of(
                        new FileReference("db_password", null, null, null, null),
                        new FileReference("tls_key", "key.pem", "100", "101", 0400)),
                        "/TaskTemplate/ContainerSpec/Secrets",
                        "[{'File':{'Name':'db_password','UID':'0','GID':'0','Mode':292},"
                                + "'SecretID':'sec123','SecretName':'db_password'},"
                                + "{'File':{'Name':'key.pem','UID':'100','GID':'101','Mode':256},"
                                + "'SecretID':'sec456','SecretName':'tls_key'}]"),
                field("configs by id", spec -> spec.configs = List.of(
                        new FileReference("nginx_conf", "/etc/nginx/nginx.conf", null, null, null)),
                        "/TaskTemplate/ContainerSpec/Configs",
                        "[{'File':{'Name':'/etc/nginx/nginx.conf','UID':'0','GID':'0','Mode':292},"
                                + "'ConfigID':'cfg789','ConfigName':'nginx_conf'}]"),
                field("user, workdir, hostname", spec -> {
                    spec.user = "nobody";
                    spec.workdir = "/srv";
                    spec.hostname = "{{.Node.Hostname}}";
                }, "/TaskTemplate/ContainerSpec", "{'Image':'nginx:1','Dir':'/srv','User':'nobody',"
                        + "'Hostname':'{{.Node.Hostname}}'}"),
                field("stop grace period", spec -> spec.stopGracePeriod = Duration.ofSeconds(20),
                        "/TaskTemplate/ContainerSpec/StopGracePeriod", "20000000000"),
                field("empty lists and maps leave Docker's defaults", spec -> {
                    spec.env = Map.of();
                    spec.command = List.of();
                    spec.ports = List.of();
                    spec.networks = List.of();
                    spec.resources = new Resources(null, null, null, null);
                }, "", "{'Name':'web','TaskTemplate':{'ContainerSpec':{'Image':'nginx:1'}},"
                        + "'Mode':{'Replicated':{'Replicas':1}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void mapsEachFieldAsTheEngineApiTakesIt(String description, Consumer<ServiceSpecBuilder> given, String pointer,
                                           String expected) throws Exception {
        ServiceSpecBuilder spec = new ServiceSpecBuilder("web", "nginx:1");
        given.accept(spec);

        JsonNode json = ServiceSpecJson.toEngine(spec.build(), SECRET_IDS, CONFIG_IDS);

        JsonNode actual = json.at(pointer);
        if (expected == null) {
            assertThat(actual.isMissingNode()).as(actual.toString()).isTrue();
        } else {
            // compared as text read back: Docker reads numbers by value, whatever width Jackson held them in
            assertThat(JSON.readTree(actual.toString())).isEqualTo(JSON.readTree(expected.replace('\'', '"')));
        }
    }

    @Test
    void aGlobalServiceWithReplicasIsInvalid() {
        ServiceSpecBuilder spec = new ServiceSpecBuilder("web", "nginx:1");
        spec.mode = ServiceMode.global;
        spec.replicas = 2;

        OperationFailure failure = failureOf(spec);

        assertThat(failure.kind()).isEqualTo(Kind.invalid);
        assertThat(failure.message()).contains("global");
    }

    @Test
    void aSecretTheSwarmDoesNotHoldIsNotFound() {
        ServiceSpecBuilder spec = new ServiceSpecBuilder("web", "nginx:1");
        spec.secrets = List.of(new FileReference("api_token", null, null, null, null));

        OperationFailure failure = failureOf(spec);

        assertThat(failure).isEqualTo(new OperationFailure(Kind.not_found, "no secret named api_token in the swarm"));
    }

    private static OperationFailure failureOf(ServiceSpecBuilder spec) {
        return catchThrowableOfType(OperationFailed.class,
                () -> ServiceSpecJson.toEngine(spec.build(), SECRET_IDS, CONFIG_IDS)).failure();
    }

    private static Arguments field(String description, Consumer<ServiceSpecBuilder> given, String pointer,
                                   String expected) {
        return Arguments.of(description, given, pointer, expected);
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
