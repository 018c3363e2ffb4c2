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

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a 400 problem naming the field and changes nothing; strangers are refused on every
 * endpoint (401 without a valid token, 403 without the permission, 404 for another account's host).
 */
class HostApiRefusalTest {

    /** Nothing answers on port 1 of loopback: the host stays pending, which is all these tests need. */
    private static final String UNREACHABLE = "tcp://127.0.0.1:1";

    private static Platform platform;
    private static HostApi owner;
    private static String hostId;

    @BeforeAll
    static void registerAHost() {
        platform = SharedPlatform.get();
        owner = HostApi.freshAccount(platform);
        hostId = owner.register("refusal-target", UNREACHABLE, Map.of());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("missing name", "{\"host\": {\"api_endpoint\": \"tcp://127.0.0.1:1\", \"environment\": \"staging\"}}", "host.name"),
                Arguments.of("blank name", body("name", "  "), "host.name"),
                Arguments.of("name not a string", body("name", 42), "host.name"),
                Arguments.of("missing endpoint", "{\"host\": {\"name\": \"n\", \"environment\": \"staging\"}}", "host.api_endpoint"),
                Arguments.of("unsupported scheme", body("api_endpoint", "ftp://10.0.0.1"), "host.api_endpoint"),
                Arguments.of("endpoint with a path", body("api_endpoint", "tcp://127.0.0.1:2375/v1.41"), "host.api_endpoint"),
                Arguments.of("unknown environment", body("environment", "qa"), "host.environment"),
                Arguments.of("interval too short", body("sync_interval_seconds", 29), "host.sync_interval_seconds"),
                Arguments.of("interval too long", body("sync_interval_seconds", 3601), "host.sync_interval_seconds"),
                Arguments.of("interval not whole", body("sync_interval_seconds", 60.5), "host.sync_interval_seconds"),
                Arguments.of("tls_verify not boolean", body("tls_verify", "yes"), "host.tls_verify"),
                Arguments.of("unknown field", body("password", "x"), "host.password"),
                Arguments.of("key that is not PEM", body("tls_credentials", Map.of("cert", "nope", "key", "nope")), "host.tls_credentials.cert"),
                Arguments.of("tls_verify without a CA", "{\"host\": {\"name\": \"n\", \"api_endpoint\": \"https://127.0.0.1:2376\", \"environment\": \"staging\", \"tls_verify\": true}}", "host.tls_credentials"),
                Arguments.of("no host wrapper", "{\"name\": \"n\"}", "host"),
                Arguments.of("malformed JSON", "{\"host\": {\"name\": ", "body"));
    }

    private static String body(String field, Object value) {
        Map<String, Object> host = new java.util.HashMap<>(Map.of("name", "valid-name", "api_endpoint", UNREACHABLE,
                "environment", "staging"));
        host.put(field, value);
        return HostApi.body(host);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void registrationWithBadInputIsRefusedNamingTheFieldAndStoresNothing(String why, String json, String field) {
        HostApi api = HostApi.freshAccount(platform);
        api.post("/hosts", json)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        assertNothingStored(api);
    }

    @Test
    void aDeploymentMayRefuseEndpointsOnItsOwnMachine() {
        try (Platform shared = Platform.start(Map.of("powernode.hosts.allowed-endpoint-schemes", "tcp,https"))) {
            HostApi api = HostApi.freshAccount(shared);
            api.post("/hosts", HostApi.body(Map.of("name", "sneaky", "api_endpoint", "unix:///var/run/docker.sock",
                            "environment", "production")))
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("host.api_endpoint");
            api.register("remote", UNREACHABLE, Map.of());
        }
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        HostApi api = HostApi.freshAccount(platform);
        String huge = body("name", "x".repeat(3 * 1024 * 1024));
        api.post("/hosts", huge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        assertNothingStored(api);
    }

    @Test
    void duplicateNameInOneAccountIsAConflictButAnotherAccountMayUseIt() {
        owner.post("/hosts", HostApi.body(Map.of("name", "Refusal-Target", "api_endpoint", UNREACHABLE, "environment", "custom")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.code").isEqualTo("host_name_taken");
        assertThat(owner.get("/hosts").path("pagination").path("total_count").asInt()).isEqualTo(1);

        HostApi other = HostApi.freshAccount(platform);
        other.register("refusal-target", UNREACHABLE, Map.of());
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyCreatesOneHost() {
        HostApi api = HostApi.freshAccount(platform);
        String body = HostApi.body(Map.of("name", "once", "api_endpoint", UNREACHABLE, "environment", "staging"));
        String first = api.client.post().uri(Platform.API + "/hosts").header("Idempotency-Key", "deploy-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("host").path("id").asText();
        String retried = api.client.post().uri(Platform.API + "/hosts").header("Idempotency-Key", "deploy-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("host").path("id").asText();

        assertThat(retried).isEqualTo(first);
        assertThat(api.get("/hosts").path("pagination").path("total_count").asInt()).isEqualTo(1);
        assertThat(api.get("/activities?host_id=" + first).path("activities")).hasSize(1);
    }

    @Test
    void updateWithBadInputChangesNothing() {
        owner.client.put().uri(Platform.API + "/hosts/" + hostId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"host\": {\"sync_interval_seconds\": 5, \"environment\": \"moon\"}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        assertOwnersHostUntouched();
    }

    @Test
    void staleIfMatchIsAConflict() {
        owner.client.put().uri(Platform.API + "/hosts/" + hostId).header("If-Match", "\"999999\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"host\": {\"environment\": \"production\"}}")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("stale_version");
    }

    @Test
    void endingMaintenanceOfAHostNotInMaintenanceIsADomainRuleViolation() {
        owner.client.delete().uri(Platform.API + "/hosts/" + hostId + "/maintenance").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("host_not_in_maintenance");
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/hosts", false),
                Arguments.of(HttpMethod.POST, "/hosts", true),
                Arguments.of(HttpMethod.GET, "/hosts/{id}", false),
                Arguments.of(HttpMethod.PUT, "/hosts/{id}", true),
                Arguments.of(HttpMethod.DELETE, "/hosts/{id}", true),
                Arguments.of(HttpMethod.POST, "/hosts/{id}/maintenance", true),
                Arguments.of(HttpMethod.DELETE, "/hosts/{id}/maintenance", true),
                Arguments.of(HttpMethod.POST, "/hosts/{id}/record_success", true),
                Arguments.of(HttpMethod.GET, "/hosts/stream", false),
                Arguments.of(HttpMethod.GET, "/containers", false),
                Arguments.of(HttpMethod.GET, "/images", false),
                Arguments.of(HttpMethod.GET, "/networks", false),
                Arguments.of(HttpMethod.GET, "/volumes", false),
                Arguments.of(HttpMethod.GET, "/events", false),
                Arguments.of(HttpMethod.GET, "/activities", false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointRefusesCallersWithoutAValidToken(HttpMethod method, String path, boolean writes) {
        String uri = Platform.API + path.replace("{id}", hostId);
        for (WebTestClient caller : Refusals.withoutValidToken(platform, owner.account, HostApi.READ, HostApi.MANAGE)) {
            Refusals.problem(call(caller, method, uri), 401);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointRefusesCallersWithoutThePermission(HttpMethod method, String path, boolean writes) {
        String uri = Platform.API + path.replace("{id}", hostId);
        call(platform.as(owner.account, "bob", "swarm.clusters.read"), method, uri).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        if (writes) {
            call(platform.as(owner.account, "bob", HostApi.READ), method, uri).expectStatus().isForbidden().expectBody().returnResult();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anotherAccountsHostIsNotFoundAndUnchanged(HttpMethod method, String path, boolean writes) {
        if (!path.contains("{id}")) {
            return;
        }
        WebTestClient stranger = platform.as("acct-stranger", "mallory", HostApi.READ, HostApi.MANAGE);
        call(stranger, method, Platform.API + path.replace("{id}", hostId)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        assertOwnersHostUntouched();
    }

    /**
     * What a stranger or a bad request tried to change is as registered. (The version is no guide: the host's
     * own failing syncs advance it.)
     */
    private static void assertOwnersHostUntouched() {
        JsonNode host = owner.host(hostId);
        assertThat(host.path("environment").asText()).isEqualTo("development");
        assertThat(host.path("sync_interval_seconds").asInt()).isEqualTo(60);
        assertThat(host.path("status").asText()).isIn("pending", "error");
    }

    @Test
    void listsNeverShowAnotherAccountsHosts() {
        JsonNode strangers = new HostApi(platform, "acct-stranger").get("/hosts");
        assertThat(strangers.path("hosts").findValuesAsText("id")).doesNotContain(hostId);
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"host\": {\"environment\": \"production\"}}").exchange();
        }
        return request.exchange();
    }

    private static void assertNothingStored(HostApi api) {
        assertThat(api.get("/hosts").path("pagination").path("total_count").asInt()).isZero();
        assertThat(api.get("/activities").path("pagination").path("total_count").asInt()).isZero();
    }
}
