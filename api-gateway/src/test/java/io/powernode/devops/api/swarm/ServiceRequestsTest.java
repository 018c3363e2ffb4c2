package io.powernode.devops.api.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.ServiceSpec.Healthcheck;
import io.powernode.devops.kernel.swarm.ServiceSpec.Mount;
import io.powernode.devops.kernel.swarm.ServiceSpec.NetworkAttachment;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.ServiceSpec.Resources;
import io.powernode.devops.kernel.swarm.ServiceSpec.RestartPolicy;
import io.powernode.devops.kernel.swarm.ServiceSpec.UpdatePolicy;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.api.swarm.SwarmRequestsFixture.JSON;
import static io.powernode.devops.api.swarm.SwarmRequestsFixture.refused;
import static io.powernode.devops.api.swarm.SwarmRequestsFixture.told;
import static org.assertj.core.api.Assertions.assertThat;

/** Service bodies: the full spec maps field by field, each fault is named by its path, secrets stay sealed. */
class ServiceRequestsTest {

    private static final String REGISTRY_PASSWORD = "s3cr3t-registry-pw";
    private static final String ENV_PASSWORD = "hunter2-in-env";

    private static final String FULL_SERVICE = """
            {"service": {
              "cluster_id": "cluster-1",
              "name": "web",
              "image": "registry.example.com/shop/web:1.4.2",
              "command": ["/bin/web"],
              "args": ["--port", "8080"],
              "env": {"MODE": "production", "DB_PASSWORD": "%s"},
              "labels": {"team": "shop"},
              "container_labels": {"logging": "json"},
              "mode": "replicated",
              "replicas": 3,
              "max_replicas_per_node": 2,
              "mounts": [
                {"type": "volume", "source": "web-data", "target": "/var/lib/web", "read_only": true},
                {"type": "bind", "source": "/etc/ssl/certs", "target": "/certs"},
                {"type": "tmpfs", "target": "/tmp"}],
              "networks": ["front", {"network": "back", "aliases": ["web.internal"]}],
              "ports": [
                {"target": 8080, "published": 80},
                {"target": 9090, "published": 9090, "protocol": "udp", "publish_mode": "host"}],
              "endpoint_mode": "vip",
              "constraints": ["node.role==worker", "node.labels.zone != eu-2"],
              "preferences": ["spread=node.labels.zone"],
              "resources": {"limits": {"cpus": "0.5", "memory": "512M"},
                            "reservations": {"cpus": 0.25, "memory": 134217728}},
              "restart_policy": {"condition": "on-failure", "delay": "5s", "max_attempts": 3, "window": "2m"},
              "update_config": {"parallelism": 1, "delay": "10s", "failure_action": "rollback", "monitor": "30s",
                                "max_failure_ratio": 0.2, "order": "start-first"},
              "rollback_config": {"parallelism": 2, "failure_action": "pause", "order": "stop-first"},
              "healthcheck": {"test": ["CMD", "curl", "-f", "http://localhost:8080/health"], "interval": "30s",
                              "timeout": "500ms", "retries": 3, "start_period": "1m30s"},
              "secrets": ["db_password", {"name": "tls_key", "target": "web.key", "uid": "1000", "gid": 1000, "mode": "0400"}],
              "configs": [{"name": "web_conf", "target": "/etc/web/web.conf", "mode": 292}],
              "user": "1000:1000",
              "workdir": "/srv",
              "hostname": "web-{{.Task.Slot}}",
              "stop_grace_period": "1m30s",
              "registry_auth": {"username": "deploy", "password": "%s", "serveraddress": "registry.example.com"}
            }}""".formatted(ENV_PASSWORD, REGISTRY_PASSWORD);

    private final SwarmRequestsFixture fixture = new SwarmRequestsFixture();

    @Test
    void aFullServiceBodyBecomesTheSpecDockerIsGiven() {
        OperationRequest request = fixture.requests.serviceCreation(FULL_SERVICE);

        assertThat(request.clusterId()).isEqualTo("cluster-1");
        ServiceSpec spec = ((CreateService) request.operation()).spec();
        ServiceSpec expected = new ServiceSpec("web", "registry.example.com/shop/web:1.4.2", List.of("/bin/web"),
                List.of("--port", "8080"), Map.of("MODE", "production", "DB_PASSWORD", ENV_PASSWORD),
                Map.of("team", "shop"), Map.of("logging", "json"), ServiceMode.replicated, 3, 2,
                List.of(new Mount("volume", "web-data", "/var/lib/web", true),
                        new Mount("bind", "/etc/ssl/certs", "/certs", false),
                        new Mount("tmpfs", null, "/tmp", false)),
                List.of(new NetworkAttachment("front", null), new NetworkAttachment("back", List.of("web.internal"))),
                List.of(new PublishedPort(8080, 80, "tcp", "ingress"), new PublishedPort(9090, 9090, "udp", "host")),
                "vip", List.of("node.role==worker", "node.labels.zone != eu-2"), List.of("node.labels.zone"),
                new Resources(500_000_000L, 512L * 1024 * 1024, 250_000_000L, 128L * 1024 * 1024),
                new RestartPolicy("on-failure", Duration.ofSeconds(5), 3, Duration.ofMinutes(2)),
                new UpdatePolicy(1, Duration.ofSeconds(10), "rollback", Duration.ofSeconds(30), 0.2, "start-first"),
                new UpdatePolicy(2, null, "pause", null, null, "stop-first"),
                new Healthcheck(List.of("CMD", "curl", "-f", "http://localhost:8080/health"), Duration.ofSeconds(30),
                        Duration.ofMillis(500), 3, Duration.ofSeconds(90)),
                List.of(new FileReference("db_password", null, null, null, null),
                        new FileReference("tls_key", "web.key", "1000", "1000", 0400)),
                List.of(new FileReference("web_conf", "/etc/web/web.conf", null, null, 0444)),
                "1000:1000", "/srv", "web-{{.Task.Slot}}", Duration.ofSeconds(90), spec.registryAuth());
        assertThat(spec).isEqualTo(expected);
    }

    @Test
    void registryCredentialsAreSealedAsDockersAuthJson() throws Exception {
        ServiceSpec spec = ((CreateService) fixture.requests.serviceCreation(FULL_SERVICE).operation()).spec();

        assertThat(spec.registryAuth().toString()).doesNotContain(REGISTRY_PASSWORD);
        JsonNode auth = JSON.readTree(fixture.sealer.openValue(spec.registryAuth()));
        assertThat(auth).isEqualTo(JSON.readTree("""
                {"username": "deploy", "password": "%s", "serveraddress": "registry.example.com"}"""
                .formatted(REGISTRY_PASSWORD)));
    }

    @Test
    void theAuditSummarisesTheRequestWithoutAnySecret() throws Exception {
        Map<String, Object> audit = SwarmRequestsFixture.audit(fixture.requests.serviceCreation(FULL_SERVICE));

        assertThat(audit.get("spec")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("name", "web").containsEntry("image", "registry.example.com/shop/web:1.4.2")
                .containsEntry("replicas", 3).containsEntry("registry_auth", true)
                .containsEntry("env", List.of("DB_PASSWORD", "MODE"))
                .containsEntry("command", true).containsEntry("args", true);
        String written = JSON.writeValueAsString(audit);
        assertThat(written).doesNotContain(REGISTRY_PASSWORD).doesNotContain(ENV_PASSWORD).doesNotContain("deploy")
                .doesNotContain("/bin/web");
    }

    @Test
    void aMinimalServiceLeavesDockersDefaults() {
        OperationRequest request = fixture.requests.serviceCreation(
                "{\"service\": {\"cluster_id\": \"c1\", \"name\": \"redis\", \"image\": \"redis:7\"}}");

        ServiceSpec spec = ((CreateService) request.operation()).spec();
        assertThat(spec.name()).isEqualTo("redis");
        assertThat(spec.image()).isEqualTo("redis:7");
        assertThat(spec.mode()).isNull();
        assertThat(spec.replicas()).isNull();
        assertThat(spec.ports()).isNull();
        assertThat(spec.registryAuth()).isNull();
        assertThat(SwarmRequestsFixture.audit(request).get("spec")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKeys("registry_auth", "command");
    }

    @Test
    void aGlobalServiceTakesNoReplicaCount() {
        refused(() -> fixture.requests.serviceCreation(service(s -> s.put("mode", "global").put("replicas", 2)
                        .put("max_replicas_per_node", 1))),
                "service.replicas", "service.max_replicas_per_node");
        OperationRequest global = fixture.requests.serviceCreation(service(s -> s.put("mode", "global")));
        assertThat(((CreateService) global.operation()).spec().mode()).isEqualTo(ServiceMode.global);
    }

    static Stream<Arguments> invalidServices() {
        return Stream.of(
                Arguments.of("name with a space", "{\"name\": \"my web\"}", "service.name"),
                Arguments.of("name ending in a dash", "{\"name\": \"web-\"}", "service.name"),
                Arguments.of("name of 64 characters", "{\"name\": \"" + "a".repeat(64) + "\"}", "service.name"),
                Arguments.of("image with a space", "{\"image\": \"nginx latest\"}", "service.image"),
                Arguments.of("unknown field", "{\"privileged\": true}", "service.privileged"),
                Arguments.of("command not a list", "{\"command\": \"/bin/web --port 80\"}", "service.command"),
                Arguments.of("argument not a string", "{\"args\": [\"--port\", 80]}", "service.args[1]"),
                Arguments.of("env key with '='", "{\"env\": {\"A=B\": \"x\"}}", "service.env"),
                Arguments.of("env value not a string", "{\"env\": {\"PORT\": 80}}", "service.env.PORT"),
                Arguments.of("label key with a space", "{\"labels\": {\"my team\": \"x\"}}", "service.labels"),
                Arguments.of("unknown mode", "{\"mode\": \"replicated-job\"}", "service.mode"),
                Arguments.of("too many replicas", "{\"replicas\": 10001}", "service.replicas"),
                Arguments.of("negative replicas", "{\"replicas\": -1}", "service.replicas"),
                Arguments.of("mount target not absolute", "{\"mounts\": [{\"target\": \"data\"}]}", "service.mounts[0].target"),
                Arguments.of("mount of unknown type", "{\"mounts\": [{\"type\": \"nfs\", \"target\": \"/d\"}]}", "service.mounts[0].type"),
                Arguments.of("bind mount without a source", "{\"mounts\": [{\"type\": \"bind\", \"target\": \"/d\"}]}", "service.mounts[0].source"),
                Arguments.of("tmpfs mount with a source", "{\"mounts\": [{\"type\": \"tmpfs\", \"source\": \"x\", \"target\": \"/d\"}]}", "service.mounts[0].source"),
                Arguments.of("two mounts on one target", "{\"mounts\": [{\"target\": \"/d\"}, {\"target\": \"/d\"}]}", "service.mounts[1].target"),
                Arguments.of("network name with a space", "{\"networks\": [\"front\", \"my net\"]}", "service.networks[1]"),
                Arguments.of("network alias not a DNS name", "{\"networks\": [{\"network\": \"n1\", \"aliases\": [\"a b\"]}]}", "service.networks[0].aliases[0]"),
                Arguments.of("network item a number", "{\"networks\": [42]}", "service.networks[0]"),
                Arguments.of("port without a target", "{\"ports\": [{\"published\": 80}]}", "service.ports[0].target"),
                Arguments.of("published port out of range", "{\"ports\": [{\"target\": 80}, {\"target\": 81, \"published\": 70000}]}", "service.ports[1].published"),
                Arguments.of("port zero", "{\"ports\": [{\"target\": 0}]}", "service.ports[0].target"),
                Arguments.of("unknown protocol", "{\"ports\": [{\"target\": 80, \"protocol\": \"icmp\"}]}", "service.ports[0].protocol"),
                Arguments.of("unknown publish mode", "{\"ports\": [{\"target\": 80, \"publish_mode\": \"local\"}]}", "service.ports[0].publish_mode"),
                Arguments.of("one port published twice", "{\"ports\": [{\"target\": 80, \"published\": 8080}, {\"target\": 81, \"published\": 8080}]}", "service.ports[1].published"),
                Arguments.of("routing mesh with dnsrr", "{\"endpoint_mode\": \"dnsrr\", \"ports\": [{\"target\": 80, \"published\": 8080}]}", "service.ports[0].publish_mode"),
                Arguments.of("unknown endpoint mode", "{\"endpoint_mode\": \"round-robin\"}", "service.endpoint_mode"),
                Arguments.of("constraint with a single '='", "{\"constraints\": [\"node.role==manager\", \"node.role=worker\"]}", "service.constraints[1]"),
                Arguments.of("preference that is no descriptor", "{\"preferences\": [\"spread=\"]}", "service.preferences[0]"),
                Arguments.of("too little CPU", "{\"resources\": {\"limits\": {\"cpus\": \"0.0001\"}}}", "service.resources.limits.cpus"),
                Arguments.of("CPU not a number", "{\"resources\": {\"limits\": {\"cpus\": \"half\"}}}", "service.resources.limits.cpus"),
                Arguments.of("CPU finer than a billionth", "{\"resources\": {\"limits\": {\"cpus\": \"0.0010000001\"}}}", "service.resources.limits.cpus"),
                Arguments.of("memory below 4MiB", "{\"resources\": {\"limits\": {\"memory\": \"1M\"}}}", "service.resources.limits.memory"),
                Arguments.of("memory in an unknown unit", "{\"resources\": {\"limits\": {\"memory\": \"512X\"}}}", "service.resources.limits.memory"),
                Arguments.of("reservation above the limit", "{\"resources\": {\"limits\": {\"memory\": \"256M\"}, \"reservations\": {\"memory\": \"1G\"}}}", "service.resources.reservations.memory"),
                Arguments.of("unknown resource", "{\"resources\": {\"limits\": {\"gpus\": 1}}}", "service.resources.limits.gpus"),
                Arguments.of("unknown restart condition", "{\"restart_policy\": {\"condition\": \"always\"}}", "service.restart_policy.condition"),
                Arguments.of("duration without a unit", "{\"restart_policy\": {\"delay\": \"10\"}}", "service.restart_policy.delay"),
                Arguments.of("duration in words", "{\"restart_policy\": {\"window\": \"10 seconds\"}}", "service.restart_policy.window"),
                Arguments.of("negative duration", "{\"stop_grace_period\": \"-5s\"}", "service.stop_grace_period"),
                Arguments.of("unknown failure action", "{\"update_config\": {\"failure_action\": \"explode\"}}", "service.update_config.failure_action"),
                Arguments.of("a rollback rolled back", "{\"rollback_config\": {\"failure_action\": \"rollback\"}}", "service.rollback_config.failure_action"),
                Arguments.of("unknown update order", "{\"update_config\": {\"order\": \"random\"}}", "service.update_config.order"),
                Arguments.of("failure ratio above 1", "{\"update_config\": {\"max_failure_ratio\": 1.5}}", "service.update_config.max_failure_ratio"),
                Arguments.of("health test CMD alone", "{\"healthcheck\": {\"test\": [\"CMD\"]}}", "service.healthcheck.test"),
                Arguments.of("health test of unknown kind", "{\"healthcheck\": {\"test\": [\"RUN\", \"x\"]}}", "service.healthcheck.test"),
                Arguments.of("health interval under 1ms", "{\"healthcheck\": {\"interval\": \"500us\"}}", "service.healthcheck.interval"),
                Arguments.of("negative health retries", "{\"healthcheck\": {\"retries\": -1}}", "service.healthcheck.retries"),
                Arguments.of("secret with a bad name", "{\"secrets\": [\"db password\"]}", "service.secrets[0]"),
                Arguments.of("secret target an absolute path", "{\"secrets\": [{\"name\": \"s1\", \"target\": \"/etc/s1\"}]}", "service.secrets[0].target"),
                Arguments.of("secret target escaping", "{\"secrets\": [{\"name\": \"s1\", \"target\": \"../etc/passwd\"}]}", "service.secrets[0].target"),
                Arguments.of("one secret twice", "{\"secrets\": [\"s1\", \"s1\"]}", "service.secrets[1]"),
                Arguments.of("secret mode not octal", "{\"secrets\": [{\"name\": \"s1\", \"mode\": \"0999\"}]}", "service.secrets[0].mode"),
                Arguments.of("secret uid not numeric", "{\"secrets\": [{\"name\": \"s1\", \"uid\": \"root\"}]}", "service.secrets[0].uid"),
                Arguments.of("config target not absolute", "{\"configs\": [{\"name\": \"c1\", \"target\": \"etc/c1\"}]}", "service.configs[0].target"),
                Arguments.of("two configs on one target", "{\"configs\": [{\"name\": \"c1\", \"target\": \"/c\"}, {\"name\": \"c2\", \"target\": \"/c\"}]}", "service.configs[1].target"),
                Arguments.of("workdir not absolute", "{\"workdir\": \"srv\"}", "service.workdir"),
                Arguments.of("user with a space", "{\"user\": \"web user\"}", "service.user"),
                Arguments.of("registry auth without a password", "{\"registry_auth\": {\"username\": \"deploy\"}}", "service.registry_auth.password"),
                Arguments.of("registry auth with a token field", "{\"registry_auth\": {\"username\": \"u\", \"password\": \"p\", \"token\": \"t\"}}", "service.registry_auth.token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidServices")
    void everyFaultIsNamedByItsPath(String description, String fields, String path) throws Exception {
        ObjectNode changes = (ObjectNode) JSON.readTree(fields);

        ApiProblem problem = refused(() -> fixture.requests.serviceCreation(service(s -> s.setAll(changes))), path);

        assertThat(problem.errors().get(0).message()).isNotBlank();
    }

    @Test
    void oneAnswerNamesEveryFault() {
        refused(() -> fixture.requests.serviceCreation("""
                        {"service": {"name": "bad name", "replicas": "three",
                                     "ports": [{"target": 80}, {"target": 99999}]}}"""),
                "service.cluster_id", "service.name", "service.image", "service.replicas", "service.ports[1].target");
    }

    @Test
    void noRefusalRepeatsACredential() {
        ApiProblem problem = refused(() -> fixture.requests.serviceCreation(service(s -> {
                    s.putObject("registry_auth").put("username", "deploy").put("password", REGISTRY_PASSWORD).put("x", 1);
                    s.putObject("env").put("DB_PASSWORD", ENV_PASSWORD).put("BAD KEY", ENV_PASSWORD);
                })),
                "service.registry_auth.x", "service.env");

        assertThat(told(problem)).doesNotContain(REGISTRY_PASSWORD).doesNotContain(ENV_PASSWORD);
    }

    @Test
    void anUpdateCarriesTheWholeSpecAndMayForceARedeploy() {
        OperationRequest request = fixture.requests.serviceUpdate("svc-1",
                "{\"service\": {\"image\": \"nginx:1.27\", \"replicas\": 4, \"force_redeploy\": true}}");

        assertThat(request.clusterId()).isNull();
        UpdateService update = (UpdateService) request.operation();
        assertThat(update.serviceId()).isEqualTo("svc-1");
        assertThat(update.forceRedeploy()).isTrue();
        assertThat(update.spec().name()).as("Docker cannot rename: the name may be left out").isNull();
        assertThat(update.spec().image()).isEqualTo("nginx:1.27");
        assertThat(update.spec().replicas()).isEqualTo(4);
        assertThat(SwarmRequestsFixture.audit(request)).containsEntry("force_redeploy", true).containsKey("spec");
    }

    @Test
    void anUpdateIsRefusedWhatOnlyACreationTakes() {
        refused(() -> fixture.requests.serviceUpdate("svc-1",
                "{\"service\": {\"cluster_id\": \"c1\", \"image\": \"nginx\", \"force_redeploy\": \"yes\"}}"),
                "service.cluster_id", "service.force_redeploy");
        refused(() -> fixture.requests.serviceUpdate("svc-1", "{\"service\": {\"replicas\": 2}}"), "service.image");
    }

    @Test
    void scalingTakesZeroToTenThousandReplicas() {
        OperationRequest toZero = fixture.requests.serviceScale("svc-1", "{\"scale\": {\"replicas\": 0}}");

        assertThat(toZero.operation()).isEqualTo(new ScaleService("svc-1", 0));
        assertThat(SwarmRequestsFixture.audit(toZero)).containsEntry("replicas", 0);
        refused(() -> fixture.requests.serviceScale("svc-1", "{\"scale\": {}}"), "scale.replicas");
        refused(() -> fixture.requests.serviceScale("svc-1", "{\"scale\": {\"replicas\": 10001}}"), "scale.replicas");
        refused(() -> fixture.requests.serviceScale("svc-1", "{\"replicas\": 3}"), "scale");
    }

    @Test
    void listsAndMapsHaveSizeLimits() {
        ObjectNode labels = JSON.createObjectNode();
        for (int i = 0; i <= SwarmFields.MAX_LABELS; i++) {
            labels.put("label" + i, "v");
        }
        refused(() -> fixture.requests.serviceCreation(service(s -> s.set("labels", labels))), "service.labels");
        refused(() -> fixture.requests.serviceCreation(service(s -> s.putObject("labels")
                .put("team", "x".repeat(SwarmFields.MAX_LABEL_VALUE + 1)))), "service.labels.team");
        refused(() -> fixture.requests.serviceCreation(service(s -> {
            var ports = s.putArray("ports");
            for (int i = 1; i <= 101; i++) {
                ports.addObject().put("target", i);
            }
        })), "service.ports");
        refused(() -> fixture.requests.serviceCreation(service(s -> s.put("image", "a".repeat(513)))), "service.image");
    }

    /** A valid creation body, changed by {@code changes}. */
    private static String service(java.util.function.Consumer<ObjectNode> changes) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode service = body.putObject("service").put("cluster_id", "cluster-1").put("name", "web")
                .put("image", "nginx:1.27");
        changes.accept(service);
        return body.toString();
    }
}
