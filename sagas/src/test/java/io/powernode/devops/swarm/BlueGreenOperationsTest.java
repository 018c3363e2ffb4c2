package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.WithdrawServiceEndpoint;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.powernode.devops.testing.TestDockerEngine.WEB_V1_IMAGE;
import static io.powernode.devops.testing.TestDockerEngine.WEB_V2_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a blue-green rollout asks of Docker, through the executor on the shared swarm: {@code apply_service} puts
 * green beside blue, then {@code expose_service_endpoint} and {@code withdraw_service_endpoint} move the endpoint,
 * observed as the page a host-mode port answers on the nodes.
 */
class BlueGreenOperationsTest {

    private static final String CLUSTER = "cluster-blue-green";
    private static final DeployOptions NO_REGISTRY = new DeployOptions(false, ResolveImage.never, null);
    private static final String ROLE = "io.powernode.rollout.role";

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private final OperationsFixture fixture = new OperationsFixture();
    private final String stack = "bg" + UUID.randomUUID().toString().substring(0, 6);
    private final List<String> otherStacks = new ArrayList<>();

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
    void removeTheStacks() {
        SwarmCli.removeStackQuietly(leader, stack);
        otherStacks.forEach(other -> SwarmCli.removeStackQuietly(leader, other));
    }

    @Test
    void applyServiceCreatesAServiceByItsDockerNameAndThenUpdatesItKeepingItsForceUpdate() {
        String green = stack + "_web-green";
        StackPlanBuilder plan = new StackPlanBuilder(stack);
        plan.service("web", WEB_V1_IMAGE);
        fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).resourceId();

        var created = fixture.run(CLUSTER, new ApplyService(stack, green(WEB_V1_IMAGE), NO_REGISTRY));

        assertThat(created.notes()).singleElement().asString().matches("created service " + green + " \\(\\w+\\)");
        JsonNode inspected = SwarmCli.inspect(leader, "service", green);
        assertThat(created.resourceId()).isEqualTo(inspected.path("ID").asText());
        assertThat(inspected.at("/Spec/Labels").path(ROLE).asText()).isEqualTo("green");
        leader.docker("service", "update", "--detach", "--force", green);

        var updated = fixture.run(CLUSTER, new ApplyService(stack, green(WEB_V2_IMAGE), NO_REGISTRY));

        assertThat(updated.notes()).singleElement().asString().matches("updated service " + green + " \\(\\w+\\)");
        JsonNode spec = SwarmCli.inspect(leader, "service", green).path("Spec");
        assertThat(spec.at("/TaskTemplate/ContainerSpec/Image").asText()).isEqualTo(WEB_V2_IMAGE);
        assertThat(spec.at("/TaskTemplate/ForceUpdate").asInt()).isEqualTo(1);
    }

    @Test
    void applyServiceDoesNotTakeOverAServiceOfAnotherStack() {
        String other = "bo" + UUID.randomUUID().toString().substring(0, 6);
        otherStacks.add(other);
        StackPlanBuilder plan = new StackPlanBuilder(other);
        plan.service("web", WEB_V1_IMAGE);
        fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).resourceId();
        StackPlanBuilder intruder = new StackPlanBuilder(other);
        intruder.service("web", WEB_V2_IMAGE);

        OperationFailure failure = fixture.run(CLUSTER,
                new ApplyService(stack, intruder.build().services().get(0), NO_REGISTRY)).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.conflict,
                "service " + other + "_web belongs to stack " + other + ", not " + stack));
    }

    @Test
    void theEndpointMovesToGreenWithoutAGapAndBackToBlueOnARollback() {
        int port = 18281;
        List<PublishedPort> ports = List.of(new PublishedPort(80, port, "tcp", "host"));
        String blue = stack + "_web";
        String green = stack + "_web-green";
        StackPlanBuilder plan = new StackPlanBuilder(stack);
        plan.service("web", WEB_V1_IMAGE).hostPort(80, port);
        fixture.run(CLUSTER, new DeployStack(plan.build(), NO_REGISTRY, List.of())).resourceId();
        fixture.run(CLUSTER, new ApplyService(stack, green(WEB_V2_IMAGE), NO_REGISTRY)).resourceId();
        SwarmCli.awaitRunning(leader, green, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, port)).containsExactly("v1"));
        long blueForceUpdate = SwarmCli.inspect(leader, "service", blue).at("/Spec/TaskTemplate/ForceUpdate").asLong();

        var exposed = fixture.run(CLUSTER, new ExposeServiceEndpoint(green, "web", ports));

        assertThat(exposed.notes()).containsExactly("exposed service " + green + " with ports " + port
                + ":80/tcp (host) and alias web");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, port)).containsExactly("v1", "v2"));

        var withdrawn = fixture.run(CLUSTER, new WithdrawServiceEndpoint(blue, "web"));

        assertThat(withdrawn.notes()).containsExactly("withdrew the endpoint of service " + blue + ": ports " + port
                + ":80/tcp (host) unpublished, alias web taken off 1 network(s); its tasks are being replaced");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, port)).containsExactly("v2"));
        JsonNode blueSpec = SwarmCli.inspect(leader, "service", blue).path("Spec");
        assertThat(blueSpec.at("/Labels").path(ROLE).asText()).isEqualTo("blue");
        assertThat(blueSpec.at("/EndpointSpec/Ports").isMissingNode()).isTrue();
        assertThat(blueSpec.at("/TaskTemplate/Networks/0/Aliases")).noneMatch(alias -> alias.asText().equals("web"));
        assertThat(blueSpec.at("/TaskTemplate/ForceUpdate").asLong()).isEqualTo(blueForceUpdate + 1);
        JsonNode greenSpec = SwarmCli.inspect(leader, "service", green).path("Spec");
        assertThat(greenSpec.at("/Labels").has(ROLE)).isFalse();
        assertThat(greenSpec.at("/TaskTemplate/Networks/0/Aliases")).anyMatch(alias -> alias.asText().equals("web"));
        // Docker records its update's progress on the service (a new version), so compare once it is done
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                SwarmCli.inspect(leader, "service", green).at("/UpdateStatus/State").asText()).isEqualTo("completed"));
        long greenVersion = SwarmCli.inspect(leader, "service", green).at("/Version/Index").asLong();
        assertThat(fixture.run(CLUSTER, new ExposeServiceEndpoint(green, "web", ports)).notes()).containsExactly(
                "exposed service " + green + " with ports " + port + ":80/tcp (host) and alias web: it had them already");
        assertThat(SwarmCli.inspect(leader, "service", green).at("/Version/Index").asLong()).isEqualTo(greenVersion);

        fixture.run(CLUSTER, new ExposeServiceEndpoint(blue, "web", ports)).resourceId();
        fixture.run(CLUSTER, new WithdrawServiceEndpoint(green, "web")).resourceId();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(WebPages.served(swarm, port)).containsExactly("v1"));
        assertThat(SwarmCli.inspect(leader, "service", blue).at("/Spec/Labels").has(ROLE)).isFalse();
    }

    @Test
    void theEndpointOfAServiceThatDoesNotExistIsNotFound() {
        OperationFailure failure = fixture.run(CLUSTER, new WithdrawServiceEndpoint(stack + "_nothing", "web")).failure();

        assertThat(failure).isEqualTo(new OperationFailure(Kind.not_found, "no service named " + stack + "_nothing"));
    }

    /** The plan's web service as a blue-green green: other name, no endpoint, labelled. */
    private StackPlan.ServicePlan green(String image) {
        StackPlanBuilder plan = new StackPlanBuilder(stack);
        plan.service("web-green", image).aliases().label(ROLE, "green");
        return plan.build().services().get(0);
    }
}
