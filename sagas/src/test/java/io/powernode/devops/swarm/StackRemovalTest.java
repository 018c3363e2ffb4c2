package io.powernode.devops.swarm;

import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveStack;
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
import java.util.UUID;

import static io.powernode.devops.testing.TestDockerEngine.WEB_V1_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code remove_stack} through the executor on the shared swarm, of stacks the platform and the CLI deployed. */
class StackRemovalTest {

    private static final String CLUSTER = "cluster-stack-removal";
    private static final DeployOptions NO_REGISTRY = new DeployOptions(false, ResolveImage.never, null);

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private final OperationsFixture fixture = new OperationsFixture(
            new SwarmOperationSettings(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    private final String stack = "rm" + UUID.randomUUID().toString().substring(0, 6);

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
    void removeWhatIsLeft() {
        SwarmCli.removeQuietly(leader, "service", stack + "-outsider");
        SwarmCli.removeStackQuietly(leader, stack);
    }

    @Test
    void everythingTheStacksNamespaceHoldsIsRemovedServicesFirst() {
        StackPlanBuilder plan = new StackPlanBuilder(stack).network("back").secret("db", fixture.seal("x"))
                .config("app", "k=v");
        plan.service("web", WEB_V1_IMAGE).hostPort(80, 18381).networks("back", "default").secret("db").config("app", "/app");
        plan.service("worker", TestDockerEngine.TEST_IMAGE).args("sleep", "3600");
        fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).resourceId();
        SwarmCli.awaitRunning(leader, stack + "_web", 1);

        var removed = fixture.run(CLUSTER, new RemoveStack(stack));

        assertThat(removed.resourceId()).isEqualTo(stack);
        assertThat(removed.notes()).containsExactly("removed service " + stack + "_web",
                "removed service " + stack + "_worker", "removed secret " + stack + "_db",
                "removed config " + stack + "_app", "removed network " + stack + "_back",
                "removed network " + stack + "_default");
        assertThat(leader.docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
        String label = "label=com.docker.stack.namespace=" + stack;
        for (String kind : List.of("service", "secret", "config")) {
            assertThat(leader.docker(kind, "ls", "-q", "--filter", label)).as(kind).isBlank();
        }
        // a node lists its local copy of an overlay network until its tasks' endpoints are cleaned up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(leader.docker("network", "ls", "-q", "--filter", label)).isBlank());
    }

    @Test
    void aStackTheCliDeployedIsRemovedAsTheCliWould(@TempDir Path dir) throws IOException {
        Path compose = Files.writeString(dir.resolve("compose.yml"), """
                version: "3.8"
                services:
                  web:
                    image: %s
                    deploy:
                      endpoint_mode: dnsrr
                    configs: [app]
                configs:
                  app:
                    file: ./app.conf
                """.formatted(WEB_V1_IMAGE));
        Files.writeString(dir.resolve("app.conf"), "k=v");
        leader.docker("stack", "deploy", "--detach=true", "-c", compose.toString(), stack);

        var removed = fixture.run(CLUSTER, new RemoveStack(stack));

        assertThat(removed.notes()).containsExactly("removed service " + stack + "_web",
                "removed config " + stack + "_app", "removed network " + stack + "_default");
        assertThat(leader.docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
    }

    @Test
    void aStackWithNothingLeftIsRemovedWithoutAFailure() {
        var removed = fixture.run(CLUSTER, new RemoveStack(stack));

        assertThat(removed.resourceId()).isEqualTo(stack);
        assertThat(removed.notes()).containsExactly("nothing found in stack " + stack);
    }

    @Test
    void anObjectStillInUseIsTriedForAWhileThenReportedAfterTheRestIsRemoved() {
        StackPlanBuilder plan = new StackPlanBuilder(stack).secret("db", fixture.seal("x"));
        plan.service("web", WEB_V1_IMAGE).secret("db");
        fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).resourceId();
        leader.docker("service", "create", "--detach", "--name", stack + "-outsider", "--endpoint-mode", "dnsrr",
                "--secret", stack + "_db", TestDockerEngine.TEST_IMAGE, "sleep", "3600");

        OperationFailure failure = fixture.run(CLUSTER, new RemoveStack(stack)).failure();

        assertThat(failure.kind()).isEqualTo(Kind.conflict);
        assertThat(failure.message()).startsWith("removed service " + stack + "_web; removed network " + stack
                + "_default; but could not remove secret " + stack + "_db: ").contains(stack + "-outsider");
        assertThat(SwarmCli.exists(leader, "secret", stack + "_db")).isTrue();
    }
}
