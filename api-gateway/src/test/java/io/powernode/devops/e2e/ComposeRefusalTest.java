package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.powernode.devops.e2e.SwarmApi.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compose file that cannot be deployed is refused with 400 naming where it is wrong — the line and column of a
 * YAML error, the key path of a compose error — and a file built to exhaust the parser (too large, too deep, an
 * alias bomb) is refused before it can. The file is converted before anything is recorded, so the cluster is
 * registered but unreachable: no stack, deployment, operation or activity may follow a refusal.
 */
class ComposeRefusalTest {

    private static final String STACK = "refused";
    /** Longer than any real conversion takes, far shorter than expanding a bomb would: the answer must come first. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private static StackApi api;
    private static String clusterId;
    private static StackApi.Footprint registered;

    @BeforeAll
    static void registerAnUnreachableCluster() {
        api = new StackApi(SwarmApi.freshAccount(SharedPlatform.get()));
        clusterId = api.swarm.register("compose-refusals", UNREACHABLE, Map.of());
        registered = api.footprint();
    }

    static Stream<Arguments> invalidYaml() {
        return Stream.of(
                Arguments.of("an unclosed flow sequence", "services:\n  web:\n    image: [powernode-test/web:1\n",
                        "stack.compose", 4, 1),
                Arguments.of("a tab in the indentation", "services:\n  web:\n\timage: powernode-test/web:1\n",
                        "stack.compose", 3, 1),
                Arguments.of("a key given twice", "services:\n  web:\n    image: powernode-test/web:1\n    image: powernode-test/web:2\n",
                        "stack.compose.services.web.image", 4, 5),
                Arguments.of("a service given twice", "services:\n  web:\n    image: powernode-test/web:1\n  web:\n    image: powernode-test/web:2\n",
                        "stack.compose.services.web", 4, 3),
                Arguments.of("a value less indented than its key", "services:\n  web:\n    image: powernode-test/web:1\n   replicas: 2\n",
                        "stack.compose", 4, 4),
                Arguments.of("an alias to no anchor", "services:\n  web:\n    image: *image\n",
                        "stack.compose", 3, 12),
                Arguments.of("a document that is no mapping", "- web\n- worker\n", "stack.compose", 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidYaml")
    void invalidYamlIsRefusedWithItsLineAndColumnAndRecordsNothing(String why, String compose, String field, int line,
                                                                   int column) {
        JsonNode problem = Refusals.problem(deploy(compose, Map.of()), 400);

        assertThat(Refusals.fields(problem)).contains(field);
        assertThat(Refusals.message(problem, field)).contains("(line " + line + ", column " + column + ")");
        assertNothingRecorded();
    }

    static Stream<Arguments> invalidCompose() {
        return Stream.of(
                Arguments.of("replicas that are no number", service("    deploy:\n      replicas: two\n"),
                        "stack.compose.services.web.deploy.replicas", "must be a integer"),
                Arguments.of("a key no service has", service("    colour: blue\n"),
                        "stack.compose.services.web.colour", "additional property colour is not allowed"),
                Arguments.of("a key no deploy section has", service("    deploy:\n      replica: 2\n"),
                        "stack.compose.services.web.deploy.replica", "additional property replica is not allowed"),
                Arguments.of("a version 2 file", "version: \"2.4\"\nservices:\n  web:\n    image: powernode-test/web:1\n",
                        "stack.compose.version", "2.4"),
                Arguments.of("a version that is no string", "version: 3.8\nservices:\n  web:\n    image: powernode-test/web:1\n",
                        "stack.compose.version", "must be a string"),
                Arguments.of("a service without an image", "services:\n  web:\n    deploy:\n      replicas: 1\n",
                        "stack.compose.services.web", "image"),
                Arguments.of("a secret no file declares", service("    secrets:\n      - db_password\n"),
                        "stack.compose.services.web.secrets[0]", "undefined secret"),
                Arguments.of("health check retries that are no number", service("    healthcheck:\n      retries: many\n"),
                        "stack.compose.services.web.healthcheck.retries", "must be a number"),
                Arguments.of("a variable that must be set", "services:\n  web:\n    image: powernode-test/web:${TAG:?give the tag}\n",
                        "stack.compose.services.web.image", "give the tag"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCompose")
    void aComposeFileInvalidAgainstTheSchemaIsRefusedNamingTheKeyAndRecordsNothing(String why, String compose,
                                                                                  String field, String message) {
        JsonNode problem = Refusals.problem(deploy(compose, Map.of()), 400);

        assertThat(Refusals.fields(problem)).contains(field);
        assertThat(Refusals.message(problem, field)).contains(message);
        assertNothingRecorded();
    }

    static Stream<Arguments> missingFiles() {
        return Stream.of(
                Arguments.of("a config", "configs:\n  app_config:\n    file: ./app.conf\n",
                        "stack.compose.configs.app_config.file"),
                Arguments.of("a secret", "secrets:\n  db_password:\n    file: ./db_password.txt\n",
                        "stack.compose.secrets.db_password.file"));
    }

    /** {@code docker stack deploy} reads the file next to the compose file; through the API it must be sent along. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFiles")
    void aFileTheComposeFileNamesButTheRequestLacksIsRefusedNamingTheKey(String what, String declaration,
                                                                         String field) {
        JsonNode problem = Refusals.problem(deploy(StackApi.web(1, 1) + declaration,
                Map.of("files", Map.of("other.txt", "not the one"))), 400);

        assertThat(Refusals.fields(problem)).containsExactly(field);
        assertNothingRecorded();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed() {
        String padding = ("# " + "x".repeat(98) + "\n").repeat(11 * 1024);
        JsonNode problem = Refusals.problem(deploy(StackApi.web(1, 1) + padding, Map.of()), 400);

        assertThat(Refusals.message(problem, "stack.compose")).contains("at most 1048576 are accepted");
        assertNothingRecorded();
    }

    /** The body is refused before it is read whole: the answer states the limit configured (2 MB in tests). */
    @Test
    void aRequestOverTheBodyLimitIsRefusedUnread() {
        String padding = ("# " + "x".repeat(98) + "\n").repeat(21 * 1024);
        JsonNode problem = Refusals.problem(deploy(StackApi.web(1, 1) + padding, Map.of()), 413);

        assertThat(problem.path("detail").asText()).endsWith("the limit of 2048 KiB");
        assertNothingRecorded();
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String deep = "x-deep: " + "[".repeat(200) + "]".repeat(200) + "\n";
        JsonNode problem = Refusals.problem(promptly(StackApi.web(1, 1) + deep), 400);

        assertThat(Refusals.fields(problem)).anyMatch(field -> field.startsWith("stack.compose"));
        assertNothingRecorded();
    }

    /**
     * "Billion laughs": ten levels of anchors, each naming the one before ten times, would expand to 10^10 values.
     * The answer comes promptly, and the platform goes on serving.
     */
    @Test
    void anAliasBombIsRefusedPromptlyAndThePlatformGoesOnServing() {
        StringBuilder bomb = new StringBuilder("x-lol0: &lol0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*lol" + (level - 1);
            bomb.append("x-lol").append(level).append(": &lol").append(level).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(i -> previous).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        JsonNode problem = Refusals.problem(promptly(StackApi.web(1, 1) + bomb), 400);

        assertThat(Refusals.fields(problem)).anyMatch(field -> field.startsWith("stack.compose"));
        assertThat(problem.path("errors").toString()).containsAnyOf("alias", "aliases");
        assertNothingRecorded();
        assertThat(api.swarm.cluster(clusterId).path("name").asText()).isEqualTo("compose-refusals");
    }

    @Test
    void moreAliasesThanTheLimitAreRefused() {
        String manyAliases = "x-anchor: &one {a: 1}\nx-uses:\n" + "  - *one\n".repeat(1001);
        JsonNode problem = Refusals.problem(promptly(StackApi.web(1, 1) + manyAliases), 400);

        assertThat(Refusals.fields(problem)).anyMatch(field -> field.startsWith("stack.compose"));
        assertNothingRecorded();
    }

    @Test
    void moreServicesThanTheLimitAreRefused() {
        String services = "services:\n" + IntStream.range(0, 501)
                .mapToObj(i -> "  s" + i + ":\n    image: powernode-test/web:1\n").collect(Collectors.joining());
        JsonNode problem = Refusals.problem(deploy(services, Map.of()), 400);

        assertThat(Refusals.message(problem, "stack.compose.services")).contains("at most 500");
        assertNothingRecorded();
    }

    /** On a real swarm, an invalid file leaves the swarm's stacks as they were. */
    @Test
    void anInvalidFileChangesNothingOnARealSwarm() {
        TestSwarm swarm = TestSwarm.shared();
        StackApi onSwarm = new StackApi(SwarmApi.freshAccount(SharedPlatform.get()));
        String swarmClusterId = onSwarm.swarm.registerConnected("compose-refusals", swarm.managerEndpoint());
        String stacksBefore = swarm.leader().docker("stack", "ls", "--format", "{{.Name}} {{.Services}}");
        long activitiesBefore = onSwarm.swarm.activityCount();

        Refusals.problem(onSwarm.swarm.post("/stacks", StackApi.deploy(swarmClusterId, STACK,
                service("    deploy:\n      replicas: two\n"), Map.of())), 400);

        assertThat(swarm.leader().docker("stack", "ls", "--format", "{{.Name}} {{.Services}}")).isEqualTo(stacksBefore);
        // the stacks the swarm already runs are the sync's to list; nothing may be the platform's own
        StackApi.Footprint after = onSwarm.footprint();
        assertThat(after.deployments()).isZero();
        assertThat(after.operations()).isZero();
        assertThat(after.activities()).isEqualTo(activitiesBefore);
    }

    /** The web service of the test image, with {@code more} of its keys. */
    private static String service(String more) {
        return "version: \"3.9\"\nservices:\n  web:\n    image: powernode-test/web:1\n" + more;
    }

    private static WebTestClient.ResponseSpec deploy(String compose, Map<String, Object> more) {
        return api.swarm.post("/stacks", StackApi.deploy(clusterId, STACK, compose, more));
    }

    /** Deployed by a client that gives up after {@link #PROMPTLY}: a parser expanding the file would not answer in time. */
    private static WebTestClient.ResponseSpec promptly(String compose) {
        return api.swarm.client.mutate().responseTimeout(PROMPTLY).build().post().uri(SwarmApi.SWARM + "/stacks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(StackApi.deploy(clusterId, STACK, compose, Map.of())).exchange();
    }

    private static void assertNothingRecorded() {
        assertThat(api.footprint()).isEqualTo(registered);
        Refusals.problem(api.swarm.client.get().uri(SwarmApi.SWARM + "/stacks/" + StackIds.of(clusterId, STACK))
                .exchange(), 404);
    }
}
