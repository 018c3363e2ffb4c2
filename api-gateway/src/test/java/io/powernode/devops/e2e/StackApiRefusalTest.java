package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.stack.StackIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.e2e.SwarmApi.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers and bad requests are refused on every stack and deployment endpoint — 401 without a valid token, 403
 * without the permission, 404 for another account's stack, deployment or cluster, 400 naming each field at fault,
 * 409 for a cluster in maintenance — and a refusal changes nothing: no stack, no deployment, no swarm operation,
 * no activity. An Idempotency-Key sent again starts nothing twice, and reused on another stack nothing shared. The
 * clusters are registered but unreachable: every refusal here comes before Docker would be asked.
 */
class StackApiRefusalTest {

    private static final String NO_SUCH_ID = "no-such-id-0123456789";
    /** Stands for the owner's cluster in request bodies made before it is registered. */
    private static final String CLUSTER = "{cluster}";
    private static final String PLANTED_SECRET = "planted-s3cret-value-5e1d";
    private static final Duration FAILS = Duration.ofSeconds(60);

    private static Platform platform;
    private static StackApi owner;
    private static String clusterId;
    private static String stackId;
    private static String deploymentId;
    private static String maintainedClusterId;
    private static String maintainedStackId;
    private static String maintainedDeploymentId;
    /** What the owner has after deploying its stack, which no refusal may change. */
    private static StackApi.Footprint ownersFootprint;

    /**
     * The owner's stack, deployed to a cluster nothing answers for: its deployment fails at once, and stays as it
     * ended, so that anything a refused request changed would show.
     */
    @BeforeAll
    static void deployAStackToAnUnreachableCluster() {
        platform = SharedPlatform.get();
        owner = new StackApi(SwarmApi.freshAccount(platform));
        clusterId = owner.swarm.register("stack-refusals", UNREACHABLE, Map.of());
        JsonNode accepted = owner.deployStackUntil(clusterId, "shop", StackApi.web(1, 1), Map.of(), "failed", FAILS);
        stackId = accepted.path("stack").path("id").asText();
        deploymentId = accepted.path("deployment").path("id").asText();
        putAStackInMaintenance();
        ownersFootprint = owner.footprint();
    }

    /** A second cluster with a stack, then in maintenance: it takes no change until the maintenance ends. */
    private static void putAStackInMaintenance() {
        maintainedClusterId = owner.swarm.register("in-maintenance", UNREACHABLE, Map.of());
        JsonNode accepted = owner.deployStackUntil(maintainedClusterId, "kept", StackApi.web(1, 1), Map.of(), "failed",
                FAILS);
        maintainedStackId = accepted.path("stack").path("id").asText();
        maintainedDeploymentId = accepted.path("deployment").path("id").asText();
        owner.swarm.post("/clusters/" + maintainedClusterId + "/maintenance?reason=upgrade", "").expectStatus().isOk()
                .expectBody().returnResult();
    }

    /** What an endpoint needs: the read permission, or the manage one. */
    enum Needs { READ, MANAGE }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/stacks", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/stacks", Needs.READ),
                Arguments.of(HttpMethod.GET, "/stacks/{stack}", Needs.READ),
                Arguments.of(HttpMethod.PUT, "/stacks/{stack}", Needs.MANAGE),
                Arguments.of(HttpMethod.DELETE, "/stacks/{stack}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/stacks/{stack}/services", Needs.READ),
                Arguments.of(HttpMethod.GET, "/stacks/{stack}/status", Needs.READ),
                Arguments.of(HttpMethod.GET, "/deployments", Needs.READ),
                Arguments.of(HttpMethod.GET, "/deployments/stream", Needs.READ),
                Arguments.of(HttpMethod.GET, "/deployments/{deployment}", Needs.READ),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/redeploy", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/rollback", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/promote", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/pause", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/resume", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/abort", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/retry", Needs.MANAGE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointRefusesCallersWithoutAValidToken(HttpMethod method, String path, Needs needs) {
        for (WebTestClient caller : Refusals.withoutValidToken(platform, owner.swarm.account, SwarmApi.READ,
                SwarmApi.MANAGE)) {
            Refusals.problem(call(caller, method, path), 401);
        }
        assertOwnersStackUntouched();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointRefusesCallersWithoutThePermission(HttpMethod method, String path, Needs needs) {
        // the host permissions are no swarm permissions
        Refusals.problem(call(platform.as(owner.swarm.account, "bob", HostApi.READ, HostApi.MANAGE), method, path), 403);
        if (needs == Needs.MANAGE) {
            Refusals.problem(call(platform.as(owner.swarm.account, "bob", SwarmApi.READ), method, path), 403);
        }
        assertOwnersStackUntouched();
    }

    static Stream<Arguments> endpointsOfAStackOrDeployment() {
        return endpoints().filter(arguments -> ((String) arguments.get()[1]).contains("{"));
    }

    /** Another account's stack or deployment is answered as one that does not exist, and stays as it was. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsOfAStackOrDeployment")
    void anotherAccountsStackOrDeploymentIsNotFoundAndUnchanged(HttpMethod method, String path, Needs needs) {
        StackApi stranger = new StackApi(SwarmApi.freshAccount(platform));
        Refusals.problem(call(stranger.swarm.client, method, path), 404);
        assertOwnersStackUntouched();
        assertThat(stranger.footprint()).isEqualTo(new StackApi.Footprint(0, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsOfAStackOrDeployment")
    void anUnknownStackOrDeploymentIsNotFound(HttpMethod method, String path, Needs needs) {
        Refusals.problem(call(owner.swarm.client, method, path.replaceAll("\\{\\w+}", NO_SUCH_ID)), 404);
        assertOwnersStackUntouched();
    }

    @Test
    void aDeployToAnotherAccountsClusterIsNotFoundAndRecordsNothing() {
        StackApi stranger = new StackApi(SwarmApi.freshAccount(platform));
        JsonNode problem = Refusals.problem(stranger.swarm.post("/stacks",
                StackApi.deploy(clusterId, "intruder", StackApi.web(1, 1), Map.of())), 404);
        assertThat(problem.path("detail").asText()).contains(clusterId);
        assertThat(stranger.footprint()).isEqualTo(new StackApi.Footprint(0, 0, 0, 0));
        assertOwnersStackUntouched();
        Refusals.problem(owner.swarm.client.get().uri(SwarmApi.SWARM + "/stacks/" + StackIds.of(clusterId, "intruder"))
                .exchange(), 404);
    }

    @Test
    void aDeployToAnUnknownClusterIsNotFound() {
        Refusals.problem(owner.swarm.post("/stacks", StackApi.deploy(NO_SUCH_ID, "shop", StackApi.web(1, 1), Map.of())),
                404);
        assertOwnersStackUntouched();
    }

    @Test
    void listsNeverShowAnotherAccountsStacksOrDeployments() {
        SwarmApi stranger = SwarmApi.freshAccount(platform);
        for (String list : List.of("/stacks", "/stacks?cluster_id=" + clusterId, "/deployments",
                "/deployments?stack_id=" + stackId, "/deployments?cluster_id=" + clusterId)) {
            assertThat(stranger.get(list).path("pagination").path("total_count").asInt()).as(list).isZero();
        }
    }

    static Stream<Arguments> invalidDeploys() {
        return Stream.of(
                Arguments.of("no stack wrapper", "{\"name\": \"refused\"}", "stack"),
                Arguments.of("no body", "", "stack"),
                Arguments.of("malformed JSON", "{\"stack\": {\"name\": ", "body"),
                Arguments.of("missing compose", without("compose"), "stack.compose"),
                Arguments.of("blank compose", deploy("compose", "  \n"), "stack.compose"),
                Arguments.of("compose not a string", deploy("compose", Map.of("services", Map.of())), "stack.compose"),
                Arguments.of("missing cluster", without("cluster_id"), "stack.cluster_id"),
                Arguments.of("missing name", without("name"), "stack.name"),
                Arguments.of("name with a space", deploy("name", "my shop"), "stack.name"),
                Arguments.of("name starting with a dash", deploy("name", "-shop"), "stack.name"),
                Arguments.of("name of 64 characters", deploy("name", "s".repeat(64)), "stack.name"),
                Arguments.of("unknown field", deploy("replicas", 3), "stack.replicas"),
                Arguments.of("prune not a boolean", deploy("prune", "yes"), "stack.prune"),
                Arguments.of("unknown resolve_image", deploy("resolve_image", "sometimes"), "stack.resolve_image"),
                Arguments.of("with_registry_auth without registry_auth", deploy("with_registry_auth", true), "stack.with_registry_auth"),
                Arguments.of("with_registry_auth not a boolean", deploy("with_registry_auth", "yes"), "stack.with_registry_auth"),
                Arguments.of("registry_auth without a password", deploy("registry_auth", Map.of("username", "deployer")), "stack.registry_auth.password"),
                Arguments.of("environment key with a dash", deploy("environment", Map.of("MY-VAR", "1")), "stack.environment"),
                Arguments.of("environment key starting with a digit", deploy("environment", Map.of("1VAR", "1")), "stack.environment"),
                Arguments.of("environment value not a string", deploy("environment", Map.of("PORT", 80)), "stack.environment.PORT"),
                Arguments.of("environment as a list", deploy("environment", List.of("PORT=80")), "stack.environment"),
                Arguments.of("file with an empty path", deploy("files", Map.of("", "x")), "stack.files"),
                Arguments.of("file content not a string", deploy("files", Map.of("app.conf", 1)), "stack.files.app.conf"),
                Arguments.of("strategy not an object", deploy("strategy", "canary"), "stack.strategy"),
                Arguments.of("strategy without a type", strategy(Map.of()), "stack.strategy.type"),
                Arguments.of("unknown strategy type", strategy(Map.of("type", "big_bang")), "stack.strategy.type"),
                Arguments.of("unknown strategy field", strategy(Map.of("type", "canary", "speed", "fast")), "stack.strategy.speed"),
                Arguments.of("steps in a rolling strategy", strategy(Map.of("type", "rolling", "steps", List.of(Map.of("weight", 50)))), "stack.strategy.steps"),
                Arguments.of("steps in a blue-green strategy", strategy(Map.of("type", "blue_green", "steps", List.of(Map.of("weight", 50)))), "stack.strategy.steps"),
                Arguments.of("preview ports in a canary strategy", strategy(Map.of("type", "canary", "preview_ports", List.of())), "stack.strategy.preview_ports"),
                Arguments.of("monitor in a rolling strategy", strategy(Map.of("type", "rolling", "monitor", "30s")), "stack.strategy.monitor"),
                Arguments.of("progress deadline not a duration", strategy(Map.of("type", "rolling", "progress_deadline", "ten minutes")), "stack.strategy.progress_deadline"),
                Arguments.of("progress deadline as a number", strategy(Map.of("type", "rolling", "progress_deadline", 600)), "stack.strategy.progress_deadline"),
                Arguments.of("progress deadline under a second", strategy(Map.of("type", "rolling", "progress_deadline", "500ms")), "stack.strategy.progress_deadline"),
                Arguments.of("negative monitor", strategy(Map.of("type", "blue_green", "monitor", "-5s")), "stack.strategy.monitor"),
                Arguments.of("scale-down delay over a day", strategy(Map.of("type", "blue_green", "scale_down_delay", "25h")), "stack.strategy.scale_down_delay"),
                Arguments.of("auto_promote not a boolean", strategy(Map.of("type", "blue_green", "auto_promote", "yes")), "stack.strategy.auto_promote"),
                Arguments.of("services not a list", strategy(Map.of("type", "canary", "services", "web")), "stack.strategy.services"),
                Arguments.of("no steps", canary(List.of()), "stack.strategy.steps"),
                Arguments.of("steps as an object", strategy(Map.of("type", "canary", "steps", Map.of("weight", 50))), "stack.strategy.steps"),
                Arguments.of("steps not ascending", canary(List.of(Map.of("weight", 50), Map.of("weight", 25))), "stack.strategy.steps[1].weight"),
                Arguments.of("the same weight twice", canary(List.of(Map.of("weight", 50), Map.of("weight", 50))), "stack.strategy.steps[1].weight"),
                Arguments.of("weight zero", canary(List.of(Map.of("weight", 0))), "stack.strategy.steps[0].weight"),
                Arguments.of("weight over 100", canary(List.of(Map.of("weight", 101))), "stack.strategy.steps[0].weight"),
                Arguments.of("weight not whole", canary(List.of(Map.of("weight", 12.5))), "stack.strategy.steps[0].weight"),
                Arguments.of("step without a weight", canary(List.of(Map.of("pause", "10s"))), "stack.strategy.steps[0].weight"),
                Arguments.of("unknown step field", canary(List.of(Map.of("weight", 10, "replicas", 1))), "stack.strategy.steps[0].replicas"),
                Arguments.of("pause not a duration", canary(List.of(Map.of("weight", 10, "pause", "a while"))), "stack.strategy.steps[0].pause"),
                Arguments.of("pause over a day", canary(List.of(Map.of("weight", 10, "pause", "48h"))), "stack.strategy.steps[0].pause"),
                Arguments.of("analysis interval under 100ms", analysis(Map.of("interval", "50ms")), "stack.strategy.analysis.interval"),
                Arguments.of("negative failure limit", analysis(Map.of("max_task_failures", -1)), "stack.strategy.analysis.max_task_failures"),
                Arguments.of("restart limit not a number", analysis(Map.of("max_restarts", "few")), "stack.strategy.analysis.max_restarts"),
                Arguments.of("unknown analysis field", analysis(Map.of("latency", "100ms")), "stack.strategy.analysis.latency"),
                Arguments.of("probe without a port", analysis(Map.of("http", Map.of("path", "/"))), "stack.strategy.analysis.http.port"),
                Arguments.of("probe port zero", analysis(Map.of("http", Map.of("port", 0))), "stack.strategy.analysis.http.port"),
                Arguments.of("probe port over 65535", analysis(Map.of("http", Map.of("port", 65536))), "stack.strategy.analysis.http.port"),
                Arguments.of("probe path without a slash", analysis(Map.of("http", Map.of("port", 80, "path", "health"))), "stack.strategy.analysis.http.path"),
                Arguments.of("probe requests over 100", analysis(Map.of("http", Map.of("port", 80, "requests", 101))), "stack.strategy.analysis.http.requests"),
                Arguments.of("success rate over 1", analysis(Map.of("http", Map.of("port", 80, "min_success_rate", 1.5))), "stack.strategy.analysis.http.min_success_rate"),
                Arguments.of("probe timeout over 30s", analysis(Map.of("http", Map.of("port", 80, "timeout", "31s"))), "stack.strategy.analysis.http.timeout"),
                Arguments.of("preview ports as an object", blueGreen(Map.of("8080", 18080)), "stack.strategy.preview_ports"),
                Arguments.of("preview port as a number", blueGreen(List.of(18080)), "stack.strategy.preview_ports[0]"),
                Arguments.of("preview port without the published one", blueGreen(List.of(Map.of("preview", 18080))), "stack.strategy.preview_ports[0].published"),
                Arguments.of("preview port over 65535", blueGreen(List.of(Map.of("published", 8080, "preview", 70000))), "stack.strategy.preview_ports[0].preview"),
                Arguments.of("published port previewed twice", blueGreen(List.of(Map.of("published", 8080, "preview", 18080),
                        Map.of("published", 8080, "preview", 18081))), "stack.strategy.preview_ports[1].published"),
                Arguments.of("unknown preview port field", blueGreen(List.of(Map.of("published", 8080, "preview", 18080, "protocol", "udp"))), "stack.strategy.preview_ports[0].protocol"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeploys")
    void aDeployWithBadInputIsRefusedNamingTheFieldAndRecordsNothing(String why, String json, String field) {
        JsonNode problem = Refusals.problem(postDeploy(json), 400);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(Refusals.fields(problem)).contains(field);
        assertNothingRecordedOf("refused");
        assertOwnersStackUntouched();
    }

    @Test
    void everyFieldAtFaultIsNamedInOneAnswer() {
        Map<String, Object> stack = validDeploy();
        stack.put("name", "my shop");
        stack.put("replicas", 3);
        stack.put("strategy", Map.of("type", "canary", "steps", List.of(Map.of("weight", 50), Map.of("weight", 20))));
        JsonNode problem = Refusals.problem(postDeploy(stack), 400);
        assertThat(Refusals.fields(problem)).containsExactlyInAnyOrder("stack.name", "stack.replicas",
                "stack.strategy.steps[1].weight");
        assertOwnersStackUntouched();
    }

    @Test
    void aRefusedDeployNeverEchoesRegistryCredentialsOrFileContents() {
        Map<String, Object> stack = validDeploy();
        stack.put("name", "bad name");
        stack.put("registry_auth", Map.of("username", "deployer", "password", PLANTED_SECRET));
        stack.put("files", Map.of("db_password.txt", PLANTED_SECRET));
        stack.put("environment", Map.of("TOKEN", PLANTED_SECRET, "BAD-KEY", PLANTED_SECRET));
        String answer = postDeploy(stack).expectStatus().isBadRequest().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(answer).contains("stack.name").doesNotContain(PLANTED_SECRET);
        assertNothingRecordedOf("bad name");
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                Arguments.of("a new name", StackApi.update(StackApi.web(2, 1), Map.of("name", "renamed")), "stack.name"),
                Arguments.of("another cluster", StackApi.update(StackApi.web(2, 1), Map.of("cluster_id", NO_SUCH_ID)), "stack.cluster_id"),
                Arguments.of("missing compose", "{\"stack\": {\"prune\": true}}", "stack.compose"),
                Arguments.of("unknown strategy type", StackApi.update(StackApi.web(2, 1), Map.of("strategy", Map.of("type", "big_bang"))), "stack.strategy.type"),
                Arguments.of("no stack wrapper", "{\"compose\": \"services: {}\"}", "stack"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void anUpdateWithBadInputIsRefusedNamingTheFieldAndChangesNothing(String why, String json, String field) {
        JsonNode problem = Refusals.problem(owner.swarm.put("/stacks/" + stackId, null, json), 400);
        assertThat(Refusals.fields(problem)).contains(field);
        assertOwnersStackUntouched();
    }

    static Stream<Arguments> invalidRedeploys() {
        return Stream.of(
                Arguments.of("redeploy", "{\"deployment\": {\"strategy\": {\"type\": \"big_bang\"}}}", "deployment.strategy.type"),
                Arguments.of("redeploy", "{\"deployment\": {\"strategy\": {\"type\": \"canary\", \"steps\": [{\"weight\": 60}, {\"weight\": 30}]}}}", "deployment.strategy.steps[1].weight"),
                Arguments.of("redeploy", "{\"strategy\": {\"type\": \"canary\"}}", "deployment"),
                Arguments.of("rollback", "{\"deployment\": {\"replicas\": 2}}", "deployment.replicas"),
                Arguments.of("rollback", "{\"deployment\": {\"strategy\": {\"type\": \"rolling\", \"progress_deadline\": \"soon\"}}}", "deployment.strategy.progress_deadline"),
                Arguments.of("rollback", "{\"deployment\": ", "body"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidRedeploys")
    void aRedeployOrRollbackWithBadInputIsRefusedNamingTheFieldAndChangesNothing(String action, String json,
                                                                                String field) {
        JsonNode problem = Refusals.problem(owner.swarm.post("/deployments/" + deploymentId + "/" + action, json), 400);
        assertThat(Refusals.fields(problem)).contains(field);
        assertOwnersStackUntouched();
    }

    static Stream<Arguments> changesOfAClusterInMaintenance() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/stacks", StackApi.deploy(CLUSTER, "new", StackApi.web(1, 1), Map.of())),
                Arguments.of(HttpMethod.PUT, "/stacks/{stack}", StackApi.update(StackApi.web(2, 1), Map.of())),
                Arguments.of(HttpMethod.DELETE, "/stacks/{stack}", null),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/redeploy", null),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/retry", null));
    }

    /** A cluster in maintenance takes no deploy, and no removal: the maintenance must end first. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("changesOfAClusterInMaintenance")
    void aClusterInMaintenanceTakesNoDeployAndNoRemovalAndNothingIsRecorded(HttpMethod method, String path,
                                                                              String json) {
        String uri = SwarmApi.SWARM + path.replace("{stack}", maintainedStackId)
                .replace("{deployment}", maintainedDeploymentId);
        JsonNode problem = Refusals.problem(Refusals.call(owner.swarm.client, method, uri,
                json == null ? null : json.replace(CLUSTER, maintainedClusterId)), 409);
        assertThat(problem.path("code").asText()).isEqualTo("cluster_in_maintenance");
        assertThat(owner.footprint()).isEqualTo(ownersFootprint);
        JsonNode deployment = owner.deployment(maintainedDeploymentId);
        assertThat(deployment.path("attempt").asInt()).isEqualTo(1);
        assertThat(StackApi.timeline(deployment)).containsExactly("requested", "failed");
        assertThat(owner.stack(maintainedStackId).path("status").asText()).isNotEqualTo("removing");
    }

    @Test
    void aStrategyNamingAServiceTheComposeFileLacksIsRefusedNamingIt() {
        Map<String, Object> stack = validDeploy();
        stack.put("strategy", Map.of("type", "canary", "services", List.of("web", "db")));
        JsonNode problem = Refusals.problem(postDeploy(stack), 400);
        assertThat(Refusals.fields(problem)).containsExactly("stack.strategy.services[1]");
        assertNothingRecordedOf("refused");
    }

    /**
     * The revision a redeploy applies has no such service either: the stack refuses it (in an account of its own,
     * as the refusal is audited), and no deployment starts.
     */
    @Test
    void aRedeployWhoseStrategyNamesAServiceTheRevisionLacksIsARuleViolation() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String cluster = api.swarm.register("strategy-services", UNREACHABLE, Map.of());
        String deployment = api.deployStackUntil(cluster, "shop", StackApi.web(1, 1), Map.of(), "failed", FAILS)
                .path("deployment").path("id").asText();
        StackApi.Footprint before = api.footprint();

        JsonNode problem = Refusals.problem(api.swarm.post("/deployments/" + deployment + "/redeploy",
                "{\"deployment\": {\"strategy\": {\"type\": \"blue_green\", \"services\": [\"db\"]}}}"), 422);

        assertThat(problem.path("code").asText()).isEqualTo("unknown_strategy_service");
        assertThat(problem.path("detail").asText()).contains("db");
        api.assertOnlyRefusalAudited(before, "redeploy_deployment", deployment);
    }

    @Test
    void aDeployRetriedWithTheSameIdempotencyKeyStartsOneDeployment() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String cluster = api.swarm.register("idempotent", UNREACHABLE, Map.of());
        String body = StackApi.deploy(cluster, "shop", StackApi.web(1, 1), Map.of());

        String first = api.accepted(withKey(api, "/stacks", body, "deploy-42")).path("deployment").path("id").asText();
        String retried = api.accepted(withKey(api, "/stacks", body, "deploy-42")).path("deployment").path("id").asText();

        assertThat(retried).isEqualTo(first);
        assertThat(api.footprint().deployments()).isEqualTo(1);
    }

    /** A key identifies one request: reused on another stack, it must not give that stack the first one's deployment. */
    @Test
    void anIdempotencyKeyReusedOnAnotherStackNeverSharesItsDeployment() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String cluster = api.swarm.register("idempotent", UNREACHABLE, Map.of());

        JsonNode shop = api.accepted(withKey(api, "/stacks", StackApi.deploy(cluster, "shop", StackApi.web(1, 1),
                Map.of()), "deploy-42"));
        JsonNode blog = api.accepted(withKey(api, "/stacks", StackApi.deploy(cluster, "blog", StackApi.web(1, 1),
                Map.of()), "deploy-42"));

        String shopDeployment = shop.path("deployment").path("id").asText();
        String blogDeployment = blog.path("deployment").path("id").asText();
        assertThat(blogDeployment).isNotEqualTo(shopDeployment);
        assertThat(blog.path("deployment").path("stack_id").asText()).isEqualTo(blog.path("stack").path("id").asText());
        api.awaitPhase(shopDeployment, "failed", FAILS);
        api.awaitPhase(blogDeployment, "failed", FAILS);
        assertThat(api.stack(blog.path("stack").path("id").asText()).path("last_deployment_id").asText())
                .isEqualTo(blogDeployment);
        assertThat(api.footprint().deployments()).isEqualTo(2);
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/stacks?per_page=0", "per_page"),
                Arguments.of(HttpMethod.GET, "/stacks?page=zero", "page"),
                Arguments.of(HttpMethod.GET, "/deployments?phase=finished", "phase"),
                Arguments.of(HttpMethod.GET, "/deployments?per_page=101", "per_page"),
                Arguments.of(HttpMethod.POST, "/deployments/{deployment}/promote?full=maybe", "full"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidQueries")
    void badQueryParametersAreRefusedNamingTheParameter(HttpMethod method, String path, String parameter) {
        JsonNode problem = Refusals.problem(call(owner.swarm.client, method, path), 400);
        assertThat(Refusals.fields(problem)).containsExactly(parameter);
        assertOwnersStackUntouched();
    }

    @Test
    void aStreamResumedFromAnIdItNeverSentIsRefused() {
        JsonNode problem = Refusals.problem(owner.swarm.client.get().uri(SwarmApi.SWARM + "/deployments/stream")
                .header("Last-Event-ID", "yesterday").accept(MediaType.TEXT_EVENT_STREAM).exchange(), 400);
        assertThat(Refusals.fields(problem)).containsExactly("Last-Event-ID");
    }

    /** Whatever a refused request tried, the owner's stack, deployment, operations and activities are as they were. */
    private static void assertOwnersStackUntouched() {
        assertThat(owner.footprint()).isEqualTo(ownersFootprint);
        JsonNode stack = owner.stack(stackId);
        assertThat(stack.path("name").asText()).isEqualTo("shop");
        assertThat(stack.path("last_deployment_id").asText()).isEqualTo(deploymentId);
        assertThat(stack.path("active_deployment_id").isNull()).isTrue();
        JsonNode deployment = owner.deployment(deploymentId);
        assertThat(deployment.path("phase").asText()).isEqualTo("failed");
        assertThat(deployment.path("attempt").asInt()).isEqualTo(1);
        assertThat(StackApi.timeline(deployment)).containsExactly("requested", "failed");
    }

    /** No stack of that name, no deployment, no operation and no activity beyond the owner's own. */
    private static void assertNothingRecordedOf(String stackName) {
        assertThat(owner.footprint()).isEqualTo(ownersFootprint);
        Refusals.problem(owner.swarm.client.get().uri(SwarmApi.SWARM + "/stacks/" + StackIds.of(clusterId, stackName))
                .exchange(), 404);
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String path) {
        String uri = SwarmApi.SWARM + path.replace("{stack}", stackId).replace("{deployment}", deploymentId);
        String body = switch (method.name() + " " + path) {
            case "POST /stacks" -> StackApi.deploy(clusterId, "intruder", StackApi.web(1, 1), Map.of());
            case "PUT /stacks/{stack}" -> StackApi.update(StackApi.web(2, 1), Map.of());
            default -> null;
        };
        return Refusals.call(client, method, uri, body);
    }

    private static WebTestClient.ResponseSpec withKey(StackApi api, String path, String json, String key) {
        return api.swarm.client.post().uri(SwarmApi.SWARM + path).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** A valid deploy of stack {@code refused} to {@value #CLUSTER}, for a test to spoil. */
    private static Map<String, Object> validDeploy() {
        return new HashMap<>(Map.of("cluster_id", CLUSTER, "name", "refused", "compose", StackApi.web(1, 1)));
    }

    /** Deploys {@code stack} to the owner's cluster. */
    private static WebTestClient.ResponseSpec postDeploy(Map<String, Object> stack) {
        return postDeploy(SwarmApi.json(Map.of("stack", stack)));
    }

    private static WebTestClient.ResponseSpec postDeploy(String json) {
        return owner.swarm.post("/stacks", json.replace(CLUSTER, clusterId));
    }

    /** A deploy that is valid but for {@code field}. */
    private static String deploy(String field, Object value) {
        Map<String, Object> stack = validDeploy();
        stack.put(field, value);
        return SwarmApi.json(Map.of("stack", stack));
    }

    private static String without(String field) {
        Map<String, Object> stack = validDeploy();
        stack.remove(field);
        return SwarmApi.json(Map.of("stack", stack));
    }

    private static String strategy(Map<String, Object> strategy) {
        return deploy("strategy", strategy);
    }

    private static String canary(List<?> steps) {
        return strategy(Map.of("type", "canary", "steps", steps));
    }

    private static String analysis(Map<String, Object> analysis) {
        return strategy(Map.of("type", "canary", "analysis", analysis));
    }

    private static String blueGreen(Object previewPorts) {
        return strategy(Map.of("type", "blue_green", "preview_ports", previewPorts));
    }
}
