package io.powernode.devops.swarm;

import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.powernode.devops.testing.TestDockerEngine.WEB_V1_IMAGE;
import static io.powernode.devops.testing.TestDockerEngine.WEB_V2_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy_stack} through the executor on the shared swarm, checked as {@code docker stack} shows a stack:
 * what is created, updated, held, pruned and refused, and what the notes say about it.
 */
class StackDeployTest {

    private static final String CLUSTER = "cluster-stack-deploy";
    private static final DeployOptions NO_REGISTRY = new DeployOptions(false, ResolveImage.never, null);

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private final OperationsFixture fixture = new OperationsFixture();
    private final String stack = "st" + UUID.randomUUID().toString().substring(0, 6);
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
    void removeTheStack() {
        leaks.close();
        SwarmCli.removeStackQuietly(leader, stack);
    }

    @Test
    void aStackIsDeployedAsTheCliDeploysItAndItsSecretValueAppearsNowhere() {
        String value = "planted-" + UUID.randomUUID();
        StackPlanBuilder plan = new StackPlanBuilder(stack).network("back").secret("db", fixture.seal(value))
                .config("app", "mode=test");
        plan.service("web", WEB_V1_IMAGE).hostPort(80, 18181).networks("back").secret("db").config("app", "/etc/app.conf");
        plan.service("worker", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");

        var deployed = fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of()));

        assertThat(deployed.resourceId()).isEqualTo(stack);
        assertThat(deployed.notes()).satisfiesExactly(
                note -> assertThat(note).matches("created network " + stack + "_back \\(\\w+\\)"),
                note -> assertThat(note).matches("created network " + stack + "_default \\(\\w+\\)"),
                note -> assertThat(note).matches("created secret " + stack + "_db \\(\\w+\\)"),
                note -> assertThat(note).matches("created config " + stack + "_app \\(\\w+\\)"),
                note -> assertThat(note).matches("created service " + stack + "_web \\(\\w+\\)"),
                note -> assertThat(note).matches("created service " + stack + "_worker \\(\\w+\\)"));
        assertThat(leader.docker("stack", "ls", "--format", "{{.Name}} {{.Services}}").lines())
                .contains(stack + " 2");
        assertThat(leader.docker("stack", "services", stack, "--format", "{{.Name}} {{.Image}}").lines())
                .containsExactlyInAnyOrder(stack + "_web " + WEB_V1_IMAGE, stack + "_worker " + TestDockerEngine.TEST_IMAGE);
        SwarmCli.awaitRunning(leader, stack + "_web", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, 18181)).containsExactly("v1"));
        assertThat(SwarmCli.execInTask(swarm, stack + "_web", "cat", "/run/secrets/db")).isEqualTo(value);
        assertThat(SwarmCli.execInTask(swarm, stack + "_web", "cat", "/etc/app.conf")).isEqualTo("mode=test");
        leaks.assertNowhere(fixture.bus, value);
    }

    @Test
    void aRedeployUpdatesEachServiceAndKeepsItsForceUpdateSoUnchangedServicesKeepTheirTasks() {
        StackPlanBuilder first = new StackPlanBuilder(stack);
        first.service("web", WEB_V1_IMAGE).hostPort(80, 18182);
        first.service("worker", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");
        fixture.run(CLUSTER, new DeployStack(first.build(), NO_REGISTRY, List.of())).resourceId();
        String worker = stack + "_worker";
        leader.docker("service", "update", "--detach", "--force", worker);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(SwarmCli.inspect(leader, "service", worker).at("/UpdateStatus/State").asText()).isEqualTo("completed"));
        List<String> workerTasks = taskIds(worker);
        StackPlanBuilder second = new StackPlanBuilder(stack);
        second.service("web", WEB_V2_IMAGE).hostPort(80, 18182);
        second.service("worker", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");

        var redeployed = fixture.run(CLUSTER, new DeployStack(second.build(), NO_REGISTRY, List.of()));

        assertThat(redeployed.notes()).satisfiesExactly(
                note -> assertThat(note).matches("updated service " + stack + "_web \\(\\w+\\)"),
                note -> assertThat(note).matches("updated service " + stack + "_worker \\(\\w+\\)"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, 18182)).containsExactly("v2"));
        assertThat(SwarmCli.inspect(leader, "service", worker).at("/Spec/TaskTemplate/ForceUpdate").asInt()).isEqualTo(1);
        assertThat(taskIds(worker)).isEqualTo(workerTasks);
    }

    @Test
    void aStackTheCliDeployedIsUpdatedInPlace(@TempDir Path dir) throws IOException {
        Path compose = Files.writeString(dir.resolve("compose.yml"), """
                version: "3.8"
                services:
                  web:
                    image: %s
                    ports:
                      - {target: 80, published: 18183, mode: host}
                    deploy:
                      endpoint_mode: dnsrr
                """.formatted(WEB_V1_IMAGE));
        leader.docker("stack", "deploy", "--detach=true", "--resolve-image", "never", "-c", compose.toString(), stack);
        String id = SwarmCli.inspect(leader, "service", stack + "_web").path("ID").asText();
        StackPlanBuilder plan = new StackPlanBuilder(stack);
        plan.service("web", WEB_V2_IMAGE).hostPort(80, 18183);

        var deployed = fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of()));

        assertThat(deployed.notes()).containsExactly("updated service " + stack + "_web (" + id + ")");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, 18183)).containsExactly("v2"));
        assertThat(leader.docker("stack", "services", stack, "--format", "{{.Name}} {{.Image}}").lines())
                .containsExactly(stack + "_web " + WEB_V2_IMAGE);
    }

    @Test
    void aHeldServiceIsCreatedWhenMissingAndOtherwiseLeftToItsRollout() {
        String web = stack + "_web";
        StackPlanBuilder first = new StackPlanBuilder(stack);
        first.service("web", WEB_V1_IMAGE);
        assertThat(fixture.run(CLUSTER, new DeployStack(first.build(), NO_REGISTRY, List.of(web))).notes())
                .anySatisfy(note -> assertThat(note).startsWith("created service " + web + " ("));
        long version = SwarmCli.inspect(leader, "service", web).at("/Version/Index").asLong();
        StackPlanBuilder second = new StackPlanBuilder(stack);
        second.service("web", WEB_V2_IMAGE);

        var held = fixture.run(CLUSTER, new DeployStack(second.build(), NO_REGISTRY, List.of(web)));

        assertThat(held.notes()).containsExactly("left service " + web + " to its rollout");
        var inspected = SwarmCli.inspect(leader, "service", web);
        assertThat(inspected.at("/Spec/TaskTemplate/ContainerSpec/Image").asText()).isEqualTo(WEB_V1_IMAGE);
        assertThat(inspected.at("/Version/Index").asLong()).isEqualTo(version);
    }

    @Test
    void pruneRemovesTheServicesTheStackNoLongerNamesButNotThoseOfARollout() {
        StackPlanBuilder first = new StackPlanBuilder(stack);
        first.service("api", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");
        first.service("old", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");
        fixture.run(CLUSTER, new DeployStack(first.build(), NO_REGISTRY, List.of())).resourceId();
        String canary = stack + "_api-canary";
        leader.docker("service", "create", "--detach", "--name", canary, "--endpoint-mode", "dnsrr",
                "--label", "com.docker.stack.namespace=" + stack, "--label", "io.powernode.rollout.role=canary",
                TestDockerEngine.TEST_IMAGE, "sleep", "3600");
        StackPlanBuilder second = new StackPlanBuilder(stack);
        second.service("api", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");

        fixture.run(CLUSTER, new DeployStack(second.build(), NO_REGISTRY, List.of())).resourceId();
        assertThat(services()).containsExactlyInAnyOrder(stack + "_api", stack + "_old", canary);

        var pruned = fixture.run(CLUSTER, new DeployStack(second.build(),
                new DeployOptions(true, ResolveImage.never, null), List.of()));

        assertThat(pruned.notes()).first().isEqualTo("removed service " + stack + "_old, which the stack no longer names");
        assertThat(services()).containsExactlyInAnyOrder(stack + "_api", canary);
    }

    @Test
    void imagesArePinnedOnlyWhenResolveImageAsksTheRegistryAndAnUnreachableRegistryIsAWarning() {
        String web = stack + "_web";
        String warning = "image %s could not be resolved to a digest on its registry: each node pulls %s on its "
                + "own, so nodes may end up running different versions of it";
        StackPlanBuilder v1 = new StackPlanBuilder(stack);
        v1.service("web", WEB_V1_IMAGE);
        StackPlanBuilder v2 = new StackPlanBuilder(stack);
        v2.service("web", WEB_V2_IMAGE);

        assertThat(deploy(v1, ResolveImage.always)).containsExactly("created service " + web,
                warning.formatted(WEB_V1_IMAGE, WEB_V1_IMAGE));
        assertThat(deploy(v1, ResolveImage.changed)).containsExactly("updated service " + web);
        assertThat(deploy(v2, ResolveImage.changed)).containsExactly("updated service " + web,
                warning.formatted(WEB_V2_IMAGE, WEB_V2_IMAGE));
        assertThat(deploy(v1, ResolveImage.never)).containsExactly("updated service " + web);
        assertThat(SwarmCli.inspect(leader, "service", web).at("/Spec/TaskTemplate/ContainerSpec/Image").asText())
                .isEqualTo(WEB_V1_IMAGE);
    }

    @Test
    void missingExternalNetworksAreNotFoundAndNothingIsChanged() {
        String missing = stack + "-nowhere";
        String existing = stack + "-shared";
        leader.docker("network", "create", "--driver", "overlay", existing);
        try {
            StackPlanBuilder plan = new StackPlanBuilder(stack).externalNetwork(existing).externalNetwork(missing)
                    .secret("db", fixture.seal("x"));
            plan.service("web", WEB_V1_IMAGE);

            OperationFailure failure = fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).failure();

            assertThat(failure).isEqualTo(new OperationFailure(Kind.not_found, "the stack uses external network(s) "
                    + missing + " that do not exist: create them as swarm-scoped (overlay) networks before deploying the stack"));
            String label = "label=com.docker.stack.namespace=" + stack;
            assertThat(leader.docker("network", "ls", "-q", "--filter", label)).isBlank();
            assertThat(leader.docker("secret", "ls", "-q", "--filter", label)).isBlank();
            assertThat(services()).isEmpty();
        } finally {
            SwarmCli.removeQuietly(leader, "network", existing);
        }
    }

    @Test
    void anExternalNetworkOfOneNodeOnlyIsRefused() {
        String local = stack + "-local";
        leader.docker("network", "create", "--driver", "bridge", local);
        try {
            StackPlanBuilder plan = new StackPlanBuilder(stack).externalNetwork(local);
            plan.service("web", WEB_V1_IMAGE);

            OperationFailure failure = fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).failure();

            assertThat(failure.kind()).isEqualTo(Kind.invalid);
            assertThat(failure.message()).contains(local + " (scope local)", "not swarm-scoped");
        } finally {
            SwarmCli.removeQuietly(leader, "network", local);
        }
    }

    @Test
    void aSecretWhoseContentChangedIsRefusedAsImmutableWithoutQuotingIt() {
        String secret = stack + "_db";
        StackPlanBuilder first = new StackPlanBuilder(stack).secret("db", fixture.seal("first-value"));
        first.service("web", WEB_V1_IMAGE).secret("db");
        fixture.run(CLUSTER, new DeployStack(first.build(), NO_REGISTRY, List.of())).resourceId();
        String id = SwarmCli.inspect(leader, "secret", secret).path("ID").asText();
        StackPlanBuilder same = new StackPlanBuilder(stack).secret("db", fixture.seal("first-value"));
        same.service("web", WEB_V1_IMAGE).secret("db");
        assertThat(fixture.run(CLUSTER, new DeployStack(same.build(), NO_REGISTRY, List.of())).notes())
                .contains("updated secret " + secret);
        StackPlanBuilder changed = new StackPlanBuilder(stack).secret("db", fixture.seal("second-value"));
        changed.service("web", WEB_V2_IMAGE).secret("db");

        OperationFailure failure = fixture.run(CLUSTER, new DeployStack(changed.build(), NO_REGISTRY, List.of())).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.invalid, "could not update secret " + secret
                + ": Docker secrets are immutable and " + secret + " exists with other content; give the new content "
                + "a new name (e.g. name: " + secret + "_v2 in the compose file) and let the services use that one"));
        assertThat(SwarmCli.inspect(leader, "secret", secret).path("ID").asText()).isEqualTo(id);
        assertThat(SwarmCli.inspect(leader, "service", stack + "_web").at("/Spec/TaskTemplate/ContainerSpec/Image").asText())
                .isEqualTo(WEB_V1_IMAGE);
    }

    @Test
    void aServiceNamingASecretTheSwarmLacksIsNotFoundAfterWhatWasDone() {
        StackPlanBuilder plan = new StackPlanBuilder(stack);
        plan.service("web", WEB_V1_IMAGE).secret("undeclared");

        OperationFailure failure = fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).failure();

        assertThat(failure.kind()).isEqualTo(Kind.not_found);
        assertThat(failure.message()).matches("created network " + stack + "_default \\(\\w+\\); but could not create "
                + "service " + stack + "_web: no secret named " + stack + "_undeclared in the swarm");
    }

    /** The notes of a deploy, ids left out. */
    private List<String> deploy(StackPlanBuilder plan, ResolveImage resolveImage) {
        return fixture.run(CLUSTER, new DeployStack(plan.build(), new DeployOptions(false, resolveImage, null), List.of()))
                .notes().stream().map(note -> note.replaceFirst(" \\(\\w+\\)$", ""))
                .filter(note -> !note.startsWith("created network")).toList();
    }

    private static List<String> taskIds(String service) {
        return SwarmCli.runningTasks(leader, service).stream().map(task -> task.split(" ")[1]).toList();
    }

    private Set<String> services() {
        return Set.copyOf(leader.docker("service", "ls", "--format", "{{.Name}}",
                "--filter", "label=com.docker.stack.namespace=" + stack).lines().toList());
    }
}
