package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSecretLabels;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.powernode.devops.swarm.ServiceOperationsTest.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Secrets and configs through the executor on the shared swarm, down to the files the tasks read. */
class SecretOperationsTest {

    private static final String CLUSTER = "cluster-secrets";
    private static TestSwarm swarm;
    private static SwarmNode leader;
    private final OperationsFixture fixture = new OperationsFixture();
    private final String prefix = "ops-" + UUID.randomUUID().toString().substring(0, 6);
    private SecretLeaks leaks;

    @BeforeAll
    static void shareSwarm() {
        swarm = TestSwarm.shared();
        leader = swarm.leader();
    }

    @BeforeEach
    void registerClusterAndListenToTheLogs() {
        fixture.registerCluster(CLUSTER, OperationsFixture.ACCOUNT, swarm.managerEndpoint());
        leaks = new SecretLeaks();
    }

    @AfterEach
    void stopListening() {
        leaks.close();
    }

    @Test
    void aSecretReachesTheTaskAndItsValueAppearsInNoCommandAndNoLogLine() {
        String value = "planted-" + UUID.randomUUID();
        String secret = prefix + "-db";
        String service = prefix + "-reader";
        try {
            fixture.run(CLUSTER, new CreateSecret(secret, fixture.seal(value), Map.of("app", "db"))).resourceId();
            ServiceSpecBuilder spec = sleeper(service);
            spec.secrets = List.of(new FileReference(secret, null, null, null, null));
            fixture.run(CLUSTER, new CreateService(spec.build())).resourceId();
            SwarmCli.awaitRunning(leader, service, 1);

            assertThat(SwarmCli.execInTask(swarm, service, "cat", "/run/secrets/" + secret)).isEqualTo(value);

            leaks.assertNowhere(fixture.bus, value);
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
            SwarmCli.removeQuietly(leader, "secret", secret);
        }
    }

    @Test
    void aRotationCreatesTheNextVersionRepointsTheServiceAtTheSameFileAndRemovesTheOldOne() {
        String secret = prefix + "-api";
        String service = prefix + "-rotating";
        try {
            String oldId = fixture.run(CLUSTER, new CreateSecret(secret, fixture.seal("one"), Map.of("app", "api")))
                    .resourceId();
            ServiceSpecBuilder spec = sleeper(service);
            spec.secrets = List.of(new FileReference(secret, "app_secret", null, null, null));
            fixture.run(CLUSTER, new CreateService(spec.build())).resourceId();
            SwarmCli.awaitRunning(leader, service, 1);

            OperationFailure inUse = fixture.run(CLUSTER, new RemoveSecret(oldId)).failure();
            assertThat(inUse.kind()).isEqualTo(Kind.conflict);
            assertThat(inUse.message()).contains("in use by the following service: " + service);

            var rotated = fixture.run(CLUSTER, new RotateSecret(oldId, null, fixture.seal("two"), null));

            String newId = rotated.resourceId();
            assertThat(rotated.notes()).containsExactly("created secret " + secret + ".v2 (" + newId + ")",
                    "repointed service " + service, "removed secret " + secret);
            assertThat(SwarmCli.exists(leader, "secret", oldId)).isFalse();
            JsonNode next = SwarmCli.inspect(leader, "secret", newId);
            assertThat(next.at("/Spec/Name").asText()).isEqualTo(secret + ".v2");
            assertJson(next.at("/Spec/Labels"), "{'app':'api'}");
            assertJson(SwarmCli.inspect(leader, "service", service).at("/Spec/TaskTemplate/ContainerSpec/Secrets"),
                    "[{'File':{'Name':'app_secret','UID':'0','GID':'0','Mode':292},'SecretID':'" + newId + "',"
                            + "'SecretName':'" + secret + ".v2'}]");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(SwarmCli.execInTask(swarm, service, "cat", "/run/secrets/app_secret")).isEqualTo("two"));
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
            SwarmCli.removeQuietly(leader, "secret", secret, secret + ".v2");
        }
    }

    @Test
    void aSecretsLabelsAreReplaced() {
        String secret = prefix + "-labelled";
        try {
            String id = fixture.run(CLUSTER, new CreateSecret(secret, fixture.seal("x"), Map.of("a", "1", "b", "2")))
                    .resourceId();

            fixture.run(CLUSTER, new UpdateSecretLabels(id, Map.of("b", "3", "c", "4"))).resourceId();

            assertJson(SwarmCli.inspect(leader, "secret", id).at("/Spec/Labels"), "{'b':'3','c':'4'}");
            fixture.run(CLUSTER, new RemoveSecret(id)).resourceId();
            assertThat(SwarmCli.exists(leader, "secret", id)).isFalse();
        } finally {
            SwarmCli.removeQuietly(leader, "secret", secret);
        }
    }

    @Test
    void aGolangTemplatedConfigIsRenderedAtItsTargetAndARotationKeepsItTemplated() {
        String config = prefix + "-conf";
        String service = prefix + "-configured";
        try {
            String oldId = fixture.run(CLUSTER, new CreateConfig(config, base64("for={{.Service.Name}}"),
                    Map.of("app", "web"), "golang")).resourceId();
            ServiceSpecBuilder spec = sleeper(service);
            spec.configs = List.of(new FileReference(config, "/etc/app.conf", null, null, null));
            fixture.run(CLUSTER, new CreateService(spec.build())).resourceId();
            SwarmCli.awaitRunning(leader, service, 1);

            assertThat(SwarmCli.execInTask(swarm, service, "cat", "/etc/app.conf")).isEqualTo("for=" + service);

            var rotated = fixture.run(CLUSTER, new RotateConfig(oldId, config + "-b", base64("v2 for={{.Service.Name}}"),
                    null, null));

            String newId = rotated.resourceId();
            assertThat(rotated.notes()).contains("repointed service " + service, "removed config " + config);
            JsonNode next = SwarmCli.inspect(leader, "config", newId);
            assertJson(next.at("/Spec/Templating"), "{'Name':'golang'}");
            assertJson(next.at("/Spec/Labels"), "{'app':'web'}");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(SwarmCli.execInTask(swarm, service, "cat", "/etc/app.conf")).isEqualTo("v2 for=" + service));
            assertThat(fixture.run(CLUSTER, new RemoveConfig(newId)).failure().kind()).isEqualTo(Kind.conflict);
        } finally {
            SwarmCli.removeQuietly(leader, "service", service);
            SwarmCli.removeQuietly(leader, "config", config, config + "-b");
        }
    }

    private static ServiceSpecBuilder sleeper(String name) {
        ServiceSpecBuilder spec = new ServiceSpecBuilder(name, TestDockerEngine.TEST_IMAGE);
        spec.args = List.of("sleep", "3600");
        spec.endpointMode = "dnsrr";
        spec.stopGracePeriod = Duration.ofSeconds(1);
        return spec;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
