package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.e2e.SwarmApi.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers are refused on every swarm endpoint (401 without a valid token, 403 without the permission — the
 * manage one for every change and for the join-token and unlock-key reads — and 404 for another account's
 * cluster or object), and bad input gets a 400 problem naming the field and changes nothing.
 */
class SwarmApiRefusalTest {

    private static final String NO_SUCH_OBJECT = "no-such-object-0123456789";
    private static final String PLANTED_SECRET = "planted-s3cret-value-7f3a";

    private static Platform platform;
    private static SwarmApi owner;
    private static String clusterId;

    @BeforeAll
    static void registerACluster() {
        platform = SharedPlatform.get();
        owner = SwarmApi.freshAccount(platform);
        clusterId = owner.register("refusal-target", UNREACHABLE, Map.of());
    }

    /** What an endpoint needs: read, manage, or manage even to read (the join tokens, the unlock key). */
    enum Needs { READ, MANAGE, MANAGE_TO_READ }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/clusters", Needs.READ),
                Arguments.of(HttpMethod.POST, "/clusters", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/clusters/stream", Needs.READ),
                Arguments.of(HttpMethod.GET, "/clusters/{cluster}", Needs.READ),
                Arguments.of(HttpMethod.PUT, "/clusters/{cluster}", Needs.MANAGE),
                Arguments.of(HttpMethod.DELETE, "/clusters/{cluster}", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/maintenance", Needs.MANAGE),
                Arguments.of(HttpMethod.DELETE, "/clusters/{cluster}/maintenance", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/record_success", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/clusters/{cluster}/health", Needs.READ),
                Arguments.of(HttpMethod.GET, "/clusters/{cluster}/swarm", Needs.READ),
                Arguments.of(HttpMethod.GET, "/clusters/{cluster}/join_tokens", Needs.MANAGE_TO_READ),
                Arguments.of(HttpMethod.GET, "/clusters/{cluster}/unlock_key", Needs.MANAGE_TO_READ),
                Arguments.of(HttpMethod.POST, "/clusters/init", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/join", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/leave", Needs.MANAGE),
                Arguments.of(HttpMethod.PUT, "/clusters/{cluster}/swarm", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/join_tokens/rotate", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/unlock_key/rotate", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/operations", Needs.READ),
                Arguments.of(HttpMethod.GET, "/operations/{object}", Needs.READ),
                Arguments.of(HttpMethod.GET, "/nodes", Needs.READ),
                Arguments.of(HttpMethod.GET, "/nodes/{object}", Needs.READ),
                Arguments.of(HttpMethod.POST, "/nodes/{object}/availability", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/nodes/{object}/labels", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/nodes/{object}/promote", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/nodes/{object}/demote", Needs.MANAGE),
                Arguments.of(HttpMethod.DELETE, "/nodes/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/services", Needs.READ),
                Arguments.of(HttpMethod.POST, "/services", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/services/{object}", Needs.READ),
                Arguments.of(HttpMethod.PUT, "/services/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/services/{object}/scale", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/services/{object}/rollback", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/services/{object}/logs", Needs.READ),
                Arguments.of(HttpMethod.DELETE, "/services/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/tasks", Needs.READ),
                Arguments.of(HttpMethod.GET, "/secrets", Needs.READ),
                Arguments.of(HttpMethod.POST, "/secrets", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/secrets/{object}", Needs.READ),
                Arguments.of(HttpMethod.PUT, "/secrets/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.POST, "/secrets/{object}/rotate", Needs.MANAGE),
                Arguments.of(HttpMethod.DELETE, "/secrets/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/configs", Needs.READ),
                Arguments.of(HttpMethod.POST, "/configs", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/configs/{object}", Needs.READ),
                Arguments.of(HttpMethod.POST, "/configs/{object}/rotate", Needs.MANAGE),
                Arguments.of(HttpMethod.DELETE, "/configs/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/networks", Needs.READ),
                Arguments.of(HttpMethod.POST, "/networks", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/networks/{object}", Needs.READ),
                Arguments.of(HttpMethod.DELETE, "/networks/{object}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/volumes", Needs.READ),
                Arguments.of(HttpMethod.POST, "/volumes", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/volumes/{object}?cluster_id={cluster}", Needs.READ),
                Arguments.of(HttpMethod.DELETE, "/volumes/{object}?cluster_id={cluster}", Needs.MANAGE),
                Arguments.of(HttpMethod.GET, "/events", Needs.READ));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointRefusesCallersWithoutAValidToken(HttpMethod method, String path, Needs needs) {
        for (WebTestClient caller : Refusals.withoutValidToken(platform, owner.account, SwarmApi.READ, SwarmApi.MANAGE)) {
            Refusals.problem(call(caller, method, uri(path)), 401);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointRefusesCallersWithoutThePermission(HttpMethod method, String path, Needs needs) {
        String uri = uri(path);
        // the host permissions are no swarm permissions
        call(platform.as(owner.account, "bob", HostApi.READ, HostApi.MANAGE), method, uri).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        if (needs != Needs.READ) {
            call(platform.as(owner.account, "bob", SwarmApi.READ), method, uri).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        }
        assertOwnersClusterUntouched();
    }

    static Stream<Arguments> clusterEndpoints() {
        return endpoints().filter(arguments -> ((String) arguments.get()[1]).contains("{cluster}")
                && !((String) arguments.get()[1]).contains("{object}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clusterEndpoints")
    void anotherAccountsClusterIsNotFoundAndUnchanged(HttpMethod method, String path, Needs needs) {
        WebTestClient stranger = platform.as("acct-stranger", "mallory", SwarmApi.READ, SwarmApi.MANAGE);
        call(stranger, method, uri(path)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        assertOwnersClusterUntouched();
    }

    static Stream<Arguments> objectEndpoints() {
        return endpoints().filter(arguments -> ((String) arguments.get()[1]).contains("{object}"));
    }

    /** Another account's object is answered exactly as one that does not exist. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("objectEndpoints")
    void anObjectNoClusterOfTheAccountHoldsIsNotFound(HttpMethod method, String path, Needs needs) {
        call(owner.client, method, uri(path)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        assertOwnersClusterUntouched();
    }

    @Test
    void listsNeverShowAnotherAccountsClusters() {
        JsonNode strangers = new SwarmApi(platform, "acct-stranger").get("/clusters");
        assertThat(strangers.path("clusters").findValuesAsText("id")).doesNotContain(clusterId);
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                Arguments.of("missing name", "{\"cluster\": {\"manager_endpoint\": \"tcp://127.0.0.1:1\", \"environment\": \"staging\"}}", "cluster.name"),
                Arguments.of("blank name", body("name", "  "), "cluster.name"),
                Arguments.of("missing endpoint", "{\"cluster\": {\"name\": \"n\", \"environment\": \"staging\"}}", "cluster.manager_endpoint"),
                Arguments.of("the host's field name", body("api_endpoint", UNREACHABLE), "cluster.api_endpoint"),
                Arguments.of("unsupported scheme", body("manager_endpoint", "ftp://10.0.0.1"), "cluster.manager_endpoint"),
                Arguments.of("endpoint with a path", body("manager_endpoint", "tcp://127.0.0.1:2375/v1.41"), "cluster.manager_endpoint"),
                Arguments.of("unknown environment", body("environment", "qa"), "cluster.environment"),
                Arguments.of("interval too short", body("sync_interval_seconds", 29), "cluster.sync_interval_seconds"),
                Arguments.of("tls_verify not boolean", body("tls_verify", "yes"), "cluster.tls_verify"),
                Arguments.of("key that is not PEM", body("tls_credentials", Map.of("cert", "nope", "key", "nope")), "cluster.tls_credentials.cert"),
                Arguments.of("tls_verify without a CA", "{\"cluster\": {\"name\": \"n\", \"manager_endpoint\": \"https://127.0.0.1:2376\", \"environment\": \"staging\", \"tls_verify\": true}}", "cluster.tls_credentials"),
                Arguments.of("host_id and an endpoint", "{\"cluster\": {\"name\": \"n\", \"host_id\": \"h-1\", \"manager_endpoint\": \"tcp://127.0.0.1:1\"}}", "cluster.manager_endpoint"),
                Arguments.of("host_id and credentials", "{\"cluster\": {\"name\": \"n\", \"host_id\": \"h-1\", \"tls_credentials\": {\"ca\": \"x\"}}}", "cluster.tls_credentials"),
                Arguments.of("blank host_id", "{\"cluster\": {\"name\": \"n\", \"host_id\": \" \"}}", "cluster.host_id"),
                Arguments.of("host_id without a name", "{\"cluster\": {\"host_id\": \"h-1\"}}", "cluster.name"),
                Arguments.of("no cluster wrapper", "{\"name\": \"n\"}", "cluster"),
                Arguments.of("malformed JSON", "{\"cluster\": {\"name\": ", "body"));
    }

    private static String body(String field, Object value) {
        Map<String, Object> cluster = new HashMap<>(Map.of("name", "valid-name", "manager_endpoint", UNREACHABLE,
                "environment", "staging"));
        cluster.put(field, value);
        return SwarmApi.body(cluster);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void registrationWithBadInputIsRefusedNamingTheFieldAndStoresNothing(String why, String json, String field) {
        SwarmApi api = SwarmApi.freshAccount(platform);
        api.post("/clusters", json)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        assertNothingStored(api);
    }

    @Test
    void registrationOnAHostTheAccountDoesNotHaveIsRefusedNamingTheField() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String strangersHost = owner.hosts.register("owners-host", "tcp://127.0.0.1:3", Map.of());
        api.post("/clusters", "{\"cluster\": {\"name\": \"n\", \"host_id\": \"" + strangersHost + "\"}}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cluster.host_id");
        assertNothingStored(api);
    }

    @Test
    void updateWithBadInputChangesNothing() {
        owner.put("/clusters/" + clusterId, null, "{\"cluster\": {\"sync_interval_seconds\": 5, \"environment\": \"moon\", \"host_id\": \"h\"}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
        owner.put("/clusters/" + clusterId, "version-7", "{\"cluster\": {\"environment\": \"production\"}}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
        assertOwnersClusterUntouched();
    }

    static Stream<Arguments> invalidOperationBodies() {
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/clusters/init", "{\"cluster\": {\"name\": \"n\", \"environment\": \"staging\"}}", "cluster.host_id"),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/join", "{\"join\": {\"role\": \"worker\"}}", "join.host_id"),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/leave", "{\"leave\": {\"host_id\": \"h-1\", \"force\": \"yes\"}}", "leave.force"),
                Arguments.of(HttpMethod.PUT, "/clusters/{cluster}/swarm", "{\"swarm\": {\"task_history_limit\": -1}}", "swarm.task_history_limit"),
                Arguments.of(HttpMethod.POST, "/clusters/{cluster}/join_tokens/rotate", "{\"rotate\": {\"worker\": false}}", "rotate"),
                Arguments.of(HttpMethod.POST, "/services", "{\"service\": {\"cluster_id\": \"{cluster}\", \"name\": \"web\"}}", "service.image"),
                Arguments.of(HttpMethod.POST, "/secrets", "{\"secret\": {\"cluster_id\": \"{cluster}\", \"name\": \"db password\", \"value\": \"" + PLANTED_SECRET + "\"}}", "secret.name"),
                Arguments.of(HttpMethod.POST, "/configs", "{\"config\": {\"cluster_id\": \"{cluster}\", \"name\": \"app.conf\", \"data\": \"x=1\", \"template_driver\": \"jinja\"}}", "config.template_driver"),
                Arguments.of(HttpMethod.POST, "/networks", "{\"network\": {\"cluster_id\": \"{cluster}\", \"name\": \"backend\", \"driver\": \"bridge\", \"encrypted\": true}}", "network.encrypted"),
                Arguments.of(HttpMethod.POST, "/volumes", "{\"volume\": {\"cluster_id\": \"{cluster}\"}}", "volume.name"));
    }

    /** Checked against the account's cluster first, then the body: a bad body names its field and sends nothing. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidOperationBodies")
    void operationsWithBadInputAreRefusedNamingTheFieldAndSendNothing(HttpMethod method, String path, String json,
                                                                       String field) {
        long activitiesBefore = owner.activityCount();
        String answer = owner.client.method(method).uri(uri(path)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.replace("{cluster}", clusterId)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).contains("\"field\":\"" + field + "\"").doesNotContain(PLANTED_SECRET);
        assertThat(owner.activityCount()).isEqualTo(activitiesBefore);
        assertOwnersClusterUntouched();
    }

    @Test
    void aSwarmInitialisedOnAHostTheAccountDoesNotHaveIsRefusedNamingTheField() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String strangersHost = owner.hosts.register("owners-manager", "tcp://127.0.0.1:4", Map.of());
        api.post("/clusters/init", "{\"cluster\": {\"name\": \"n\", \"host_id\": \"" + strangersHost
                        + "\", \"environment\": \"staging\"}}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cluster.host_id");
        assertNothingStored(api);
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("/clusters?status=sleeping", "status"),
                Arguments.of("/clusters?environment=moon", "environment"),
                Arguments.of("/clusters?per_page=0", "per_page"),
                Arguments.of("/clusters?page=zero", "page"),
                Arguments.of("/operations?status=done", "status"),
                Arguments.of("/nodes?role=boss", "role"),
                Arguments.of("/nodes?availability=asleep", "availability"),
                Arguments.of("/services?per_page=101", "per_page"),
                Arguments.of("/events?type=planet", "type"),
                Arguments.of("/volumes/data", "cluster_id"),
                Arguments.of("/services/any/logs?tail=-1", "tail"),
                Arguments.of("/services/any/logs?since=yesterday", "since"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void badQueryParametersAreRefusedNamingTheParameter(String path, String parameter) {
        owner.client.get().uri(SwarmApi.SWARM + path).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
    }

    @Test
    void aMaintenanceReasonBeyondFiveHundredCharactersIsRefused() {
        owner.post("/clusters/" + clusterId + "/maintenance?reason=" + "x".repeat(501), "")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertOwnersClusterUntouched();
    }

    @Test
    void aStreamResumedFromAnIdItNeverSentIsRefused() {
        owner.client.get().uri(SwarmApi.SWARM + "/clusters/stream").header("Last-Event-ID", "yesterday")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
    }

    /**
     * What a stranger or a bad request tried to change is as registered. (The version is no guide: the
     * cluster's own failing syncs advance it.)
     */
    private static void assertOwnersClusterUntouched() {
        JsonNode cluster = owner.cluster(clusterId);
        assertThat(cluster.path("name").asText()).isEqualTo("refusal-target");
        assertThat(cluster.path("environment").asText()).isEqualTo("development");
        assertThat(cluster.path("sync_interval_seconds").asInt()).isEqualTo(60);
        assertThat(cluster.path("status").asText()).isNotEqualTo("maintenance");
    }

    private static void assertNothingStored(SwarmApi api) {
        assertThat(api.clusterCount()).isZero();
        assertThat(api.activities(null)).isEmpty();
    }

    private static String uri(String path) {
        return SwarmApi.SWARM + path.replace("{cluster}", clusterId).replace("{object}", NO_SUCH_OBJECT);
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"cluster\": {\"environment\": \"production\"}}").exchange();
        }
        return request.exchange();
    }
}
