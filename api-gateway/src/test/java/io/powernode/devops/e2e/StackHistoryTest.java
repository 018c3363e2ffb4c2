package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.compose.parity.EngineApi;
import io.powernode.devops.compose.parity.StackSnapshot;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack's history on the shared swarm: revision 1 runs services a and b on {@code web:1} with {@code R=1};
 * revision 2 moves both to {@code web:2} with {@code R=2} and adds c. Going back and forth between the revisions
 * restores every service of the stack at once, spec for spec, which Docker itself cannot do: {@code docker service
 * rollback} takes one service back one update, knowing no stack and no revision. c, which revision 2 created, has no
 * earlier spec and would keep running, and the history it keeps is one spec deep (a second rollback of a service
 * undoes the first), so no revision but the one before can be reached. The platform deploys a whole revision
 * instead, pruning the services a rollback's revision does not name.
 * <p>
 * What Docker runs is read as an operator would check it, with {@code docker service inspect}, and spec for spec
 * with the parity test's {@link StackSnapshot}.
 */
class StackHistoryTest {

    private static final Duration DEPLOYED = Duration.ofMinutes(3);

    private static TestSwarm swarm;
    private static StackApi stacks;
    private static String clusterId;
    private static EngineApi engine;

    private final List<String> deployedStacks = new ArrayList<>();

    @BeforeAll
    static void registerTheSharedSwarm() {
        swarm = TestSwarm.shared();
        SwarmApi api = SwarmApi.freshAccount(SharedPlatform.get());
        clusterId = api.registerConnected("history-swarm", swarm.managerEndpoint());
        stacks = new StackApi(api);
        engine = new EngineApi(swarm.managerEndpoint());
    }

    @AfterEach
    void removeTheStacks() {
        deployedStacks.forEach(stacks::remove);
    }

    @Test
    void aRollbackOfRevisionTwoRestoresEveryServiceOfRevisionOneAndRemovesTheServiceItAdded() {
        History history = twoRevisions();

        JsonNode accepted = stacks.rollback(history.second());
        String rollbackId = StackApi.deploymentId(accepted);
        JsonNode rollback = stacks.awaitPhase(rollbackId, "completed", DEPLOYED);

        assertThat(rollbackId).isNotIn(history.first(), history.second());
        assertThat(rollback.path("trigger").asText()).isEqualTo("rollback");
        assertThat(rollback.path("revision").asInt()).isEqualTo(1);
        assertThat(rollback.path("previous_revision").asInt()).isEqualTo(2);
        assertThat(rollback.path("based_on_deployment_id").asText()).isEqualTo(history.second());
        assertThat(changedServices(rollback)).containsExactly("a", "b");
        assertThat(StackApi.timeline(rollback)).containsExactly("requested", "stack_applied", "completed");
        assertThat(appliedNotes(rollback)).contains("removed service " + history.name()
                + "_c, which the stack no longer names");
        assertThat(dockerServices(history.name())).isEqualTo(revision(history.name(), 1, "a", "b"));
        assertThat(StackSnapshot.read(engine, history.name()).differencesFrom(history.afterFirst()))
                .as("differences from the stack as revision 1 left it").isEmpty();
        assertThat(stacks.stack(history.stackId()).path("live_revision").asInt()).isEqualTo(1);
        stacks.awaitServices(history.stackId(), "the platform showing a and b only", services -> services.stream()
                .map(service -> service.path("service").asText()).sorted().toList().equals(List.of("a", "b")),
                Duration.ofSeconds(30));
    }

    /**
     * The stack-wide rollback an operator needs most: revision 2 moved a to an image that cannot start, so Docker
     * paused a's update and the deployment ended degraded, b and c running revision 2 meanwhile.
     */
    @Test
    void aRollbackOfARevisionThatBrokeTheStackRestoresEveryServiceOfTheOneBefore() {
        // a comes first in the file: it alone gets the broken image
        History history = twoRevisions(compose(2, "a", "b", "c")
                .replaceFirst("powernode-test/web:2", "powernode-test/broken:1"), "degraded");

        JsonNode rollback = stacks.awaitPhase(StackApi.deploymentId(stacks.rollback(history.second())), "completed",
                DEPLOYED);

        assertThat(rollback.path("revision").asInt()).isEqualTo(1);
        assertThat(changedServices(rollback)).containsExactly("a", "b");
        assertThat(dockerServices(history.name())).isEqualTo(revision(history.name(), 1, "a", "b"));
        assertThat(StackSnapshot.read(engine, history.name()).differencesFrom(history.afterFirst()))
                .as("differences from the stack as revision 1 left it").isEmpty();
    }

    @Test
    void theStacksDeploymentsAreListedNewestFirstWithTheirRevisionsAndTriggers() {
        History history = twoRevisions();
        String rollbackId = StackApi.deploymentId(stacks.rollback(history.second()));
        stacks.awaitPhase(rollbackId, "completed", DEPLOYED);

        List<JsonNode> listed = stacks.deployments(history.stackId());

        assertThat(listed).extracting(d -> d.path("id").asText())
                .containsExactly(rollbackId, history.second(), history.first());
        assertThat(listed).extracting(d -> d.path("revision").asInt()).containsExactly(1, 2, 1);
        assertThat(listed).extracting(d -> d.path("trigger").asText()).containsExactly("rollback", "deploy", "deploy");
        assertThat(listed).extracting(d -> d.path("phase").asText()).containsOnly("completed");
        assertThat(stacks.deployments(history.stackId(), "c")).as("the deployments that changed service c")
                .extracting(d -> d.path("id").asText()).containsExactly(history.second());
    }

    @Test
    void aRedeployOfRevisionTwoAfterItsRollbackBringsEveryServiceBackToItTheAddedOneIncluded() {
        History history = twoRevisions();
        stacks.awaitPhase(StackApi.deploymentId(stacks.rollback(history.second())), "completed", DEPLOYED);

        JsonNode redeploy = stacks.awaitPhase(StackApi.deploymentId(stacks.redeploy(history.second())),
                "completed", DEPLOYED);

        assertThat(redeploy.path("trigger").asText()).isEqualTo("redeploy");
        assertThat(redeploy.path("revision").asInt()).isEqualTo(2);
        assertThat(redeploy.path("previous_revision").asInt()).isEqualTo(1);
        assertThat(redeploy.path("based_on_deployment_id").asText()).isEqualTo(history.second());
        assertThat(changedServices(redeploy)).containsExactly("a", "b", "c");
        assertThat(StackApi.timeline(redeploy)).containsExactly("requested", "stack_applied", "completed");
        assertThat(dockerServices(history.name())).isEqualTo(revision(history.name(), 2, "a", "b", "c"));
        assertThat(StackSnapshot.read(engine, history.name()).differencesFrom(history.afterSecond()))
                .as("differences from the stack as revision 2 left it").isEmpty();
        assertThat(stacks.stack(history.stackId()).path("live_revision").asInt()).isEqualTo(2);
    }

    /**
     * The runbook's stack rollback, {@code POST /deployments/:previous_id/redeploy}: revision 1 deployed again with
     * the options it was deployed with, as {@code docker stack deploy} of its file would. Without prune, as
     * revision 1 was deployed, c is a service the file does not name and keeps running; only a rollback prunes.
     */
    @Test
    void theRunbooksStackRollbackRedeploysRevisionOneOverRevisionTwo() {
        History history = twoRevisions();

        JsonNode redeploy = stacks.awaitPhase(StackApi.deploymentId(stacks.redeploy(history.first())),
                "completed", DEPLOYED);

        assertThat(redeploy.path("trigger").asText()).isEqualTo("redeploy");
        assertThat(redeploy.path("revision").asInt()).isEqualTo(1);
        assertThat(redeploy.path("previous_revision").asInt()).isEqualTo(2);
        assertThat(redeploy.path("based_on_deployment_id").asText()).isEqualTo(history.first());
        assertThat(changedServices(redeploy)).containsExactly("a", "b");
        assertThat(StackApi.timeline(redeploy)).containsExactly("requested", "stack_applied", "completed");
        Map<String, String> expected = revision(history.name(), 1, "a", "b");
        expected.putAll(revision(history.name(), 2, "c"));
        assertThat(dockerServices(history.name())).isEqualTo(expected);
        assertThat(StackSnapshot.read(engine, history.name()).differencesFrom(history.afterFirst()))
                .as("differences from the stack as revision 1 left it")
                .containsExactly("service <stack>_c: in " + history.name() + " only");
        assertThat(stacks.stack(history.stackId()).path("live_revision").asInt()).isEqualTo(1);
    }

    /**
     * A stack of its own, and its two deployments.
     *
     * @param afterFirst  every object of the stack, spec for spec, as revision 1 left it
     * @param afterSecond the same as revision 2 left it
     */
    private record History(String name, String stackId, String first, String second, StackSnapshot afterFirst,
                           StackSnapshot afterSecond) {
    }

    /** Revisions 1 and 2 as the class describes them, both completed. */
    private History twoRevisions() {
        History history = twoRevisions(compose(2, "a", "b", "c"), "completed");
        assertThat(changedServices(stacks.deployment(history.second()))).containsExactly("a", "b", "c");
        assertThat(dockerServices(history.name())).isEqualTo(revision(history.name(), 2, "a", "b", "c"));
        return history;
    }

    /** Revision 1, completed, then {@code second} deployed over it as revision 2 and ended in {@code secondEnds}. */
    private History twoRevisions(String second, String secondEnds) {
        String name = "history-" + StackDeployTest.shortId();
        JsonNode accepted = stacks.deployStack(clusterId, name, compose(1, "a", "b"), Map.of("resolve_image", "never"));
        String stackId = accepted.path("stack").path("id").asText();
        deployedStacks.add(stackId);
        JsonNode first = stacks.awaitPhase(StackApi.deploymentId(accepted), "completed", DEPLOYED);
        assertThat(changedServices(first)).containsExactly("a", "b");
        assertThat(dockerServices(name)).isEqualTo(revision(name, 1, "a", "b"));
        StackSnapshot afterFirst = StackSnapshot.read(engine, name);

        String secondId = StackApi.deploymentId(stacks.updateStack(stackId, second, Map.of("resolve_image", "never")));
        assertThat(stacks.awaitPhase(secondId, secondEnds, DEPLOYED).path("revision").asInt()).isEqualTo(2);
        return new History(name, stackId, first.path("id").asText(), secondId, afterFirst,
                StackSnapshot.read(engine, name));
    }

    /**
     * A revision's compose file: each service on {@code web:<version>} with {@code R=<version>}. The test image's
     * httpd runs as PID 1, which ignores SIGTERM: a short grace period keeps each update from waiting 10 s.
     */
    private static String compose(int version, String... services) {
        StringBuilder compose = new StringBuilder("version: \"3.9\"\nservices:\n");
        for (String service : services) {
            compose.append("  ").append(service).append(":\n")
                    .append("    image: powernode-test/web:").append(version).append('\n')
                    .append("    environment:\n")
                    .append("      R: \"").append(version).append("\"\n")
                    .append("    stop_grace_period: 1s\n");
        }
        return compose.toString();
    }

    /** What {@link #dockerServices} shows of services that run revision {@code version}. */
    private static Map<String, String> revision(String stack, int version, String... services) {
        Map<String, String> expected = new TreeMap<>();
        for (String service : services) {
            expected.put(stack + "_" + service, "powernode-test/web:" + version + " R=" + version);
        }
        return expected;
    }

    /** Each service Docker runs in the stack, with its image and environment as {@code docker service inspect} shows. */
    private static Map<String, String> dockerServices(String stack) {
        List<String> names = swarm.leader().docker("service", "ls", "--filter",
                "label=" + StackPlan.NAMESPACE_LABEL + "=" + stack, "--format", "{{.Name}}").lines().toList();
        Map<String, String> services = new TreeMap<>();
        if (names.isEmpty()) {
            return services;
        }
        List<String> inspect = new ArrayList<>(List.of("service", "inspect", "--format",
                "{{.Spec.Name}} {{.Spec.TaskTemplate.ContainerSpec.Image}} {{join .Spec.TaskTemplate.ContainerSpec.Env \",\"}}"));
        inspect.addAll(names);
        swarm.leader().docker(inspect.toArray(String[]::new)).lines().forEach(line -> {
            String[] fields = line.split(" ", 2);
            services.put(fields[0], fields[1]);
        });
        return services;
    }

    /** What the deployment's {@code deploy_stack} did, one note per object, as its timeline shows. */
    private static List<String> appliedNotes(JsonNode deployment) {
        return StackApi.entries(deployment.path("timeline")).stream()
                .filter(entry -> "stack_applied".equals(entry.path("type").asText()))
                .flatMap(entry -> StackApi.entries(entry.path("details").path("notes")).stream())
                .map(JsonNode::asText).toList();
    }

    private static List<String> changedServices(JsonNode deployment) {
        return StackApi.entries(deployment.path("changed_services")).stream().map(JsonNode::asText).toList();
    }
}
