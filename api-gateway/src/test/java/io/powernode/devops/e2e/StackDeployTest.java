package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stacks on the shared swarm as an operator deploys them: the guide's voting app from its compose file, seen by the
 * platform and by Docker's own CLI alike; a stack the CLI deployed, taken over, updated and removed by the platform.
 */
class StackDeployTest {

    private static final Duration DEPLOYED = Duration.ofMinutes(3);

    private static TestSwarm swarm;
    private static StackApi stacks;
    private static String clusterId;

    @BeforeAll
    static void registerTheSharedSwarm() {
        swarm = TestSwarm.shared();
        SwarmApi api = SwarmApi.freshAccount(SharedPlatform.get());
        clusterId = api.registerConnected("stack-swarm", swarm.managerEndpoint());
        stacks = new StackApi(api);
    }

    @Test
    void theGuidesVotingAppDeploysRunsAndIsListedByDockersCliUntilItIsRemoved() {
        String name = "voting-" + shortId();
        JsonNode accepted = stacks.deployStack(clusterId, name, compose("voting-app.yml"), Map.of());
        String stackId = accepted.path("stack").path("id").asText();
        String deploymentId = accepted.path("deployment").path("id").asText();
        assertThat(StackApi.entries(accepted.path("warnings"))).anySatisfy(warning ->
                assertThat(warning.asText()).contains("depends_on"));

        JsonNode deployment = stacks.awaitPhase(deploymentId, "completed", DEPLOYED);

        assertThat(StackApi.timeline(deployment)).containsSubsequence("requested", "stack_applied", "completed");
        assertThat(deployment.path("revision").asInt()).isEqualTo(1);
        assertThat(deployment.path("requested_by").asText()).isEqualTo("alice");
        stacks.awaitServices(stackId, "every service running", services -> services.size() == 6
                && services.stream().allMatch(s -> s.path("running_tasks").asInt() == s.path("desired_replicas").asInt(1)),
                Duration.ofSeconds(60));
        JsonNode stack = stacks.stack(stackId);
        assertThat(stack.path("status").asText()).isEqualTo("running");
        assertThat(stack.path("managed").asBoolean()).isTrue();
        assertThat(stack.path("live_revision").asInt()).isEqualTo(1);
        assertThat(swarm.leader().docker("stack", "ls", "--format", "{{.Name}} {{.Services}}"))
                .contains(name + " 6");
        assertThat(swarm.leader().docker("stack", "services", name, "--format", "{{.Name}} {{.Replicas}}").lines())
                .contains(name + "_vote 2/2", name + "_redis 2/2", name + "_result 1/1", name + "_worker 1/1");

        stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));

        assertThat(swarm.leader().docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(name);
        stacks.swarm.awaitGet("/stacks/" + stackId, body -> "removed".equals(body.path("stack").path("status").asText()),
                Duration.ofSeconds(30));
        assertThat(stacks.swarm.get("/stacks?cluster_id=" + clusterId).toString()).doesNotContain(stackId);
    }

    @Test
    void aStackTheCliDeployedIsShownThenUpdatedAndRemovedByThePlatform() {
        String name = "cli-" + shortId();
        String v1 = "version: \"3.9\"\nservices:\n  web:\n    image: powernode-test/web:1\n    deploy:\n      replicas: 2\n";
        swarm.leader().docker("stack", "deploy", "--resolve-image", "never", "-c", composeFile(v1), name);
        String stackId = stacks.swarm.awaitGet("/stacks?cluster_id=" + clusterId, page -> StackApi
                        .entries(page.path("stacks")).stream().anyMatch(s -> name.equals(s.path("name").asText())),
                Duration.ofSeconds(60)).path("stacks").findValues("id").stream().map(JsonNode::asText)
                .filter(id -> stacks.stack(id).path("name").asText().equals(name)).findFirst().orElseThrow();
        JsonNode found = stacks.stack(stackId);
        assertThat(found.path("managed").asBoolean()).isFalse();
        assertThat(StackApi.entries(found.path("services"))).singleElement()
                .satisfies(web -> assertThat(web.path("service").asText()).isEqualTo("web"));

        JsonNode accepted = stacks.updateStack(stackId, v1.replace("web:1", "web:2"), Map.of());
        stacks.awaitPhase(accepted.path("deployment").path("id").asText(), "completed", DEPLOYED);

        assertThat(swarm.leader().docker("service", "inspect", name + "_web", "--format",
                "{{.Spec.TaskTemplate.ContainerSpec.Image}}").trim()).startsWith("powernode-test/web:2");
        assertThat(stacks.stack(stackId).path("managed").asBoolean()).isTrue();

        stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));

        assertThat(swarm.leader().docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(name);
    }

    static String compose(String file) {
        try (InputStream in = StackDeployTest.class.getResourceAsStream("/stacks/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The compose file as a file, for the CLI. */
    static String composeFile(String compose) {
        try {
            Path file = Files.createTempFile("stack-", ".yml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, compose).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
