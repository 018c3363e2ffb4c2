package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.compose.parity.DockerCli;
import io.powernode.devops.compose.parity.EngineApi;
import io.powernode.devops.compose.parity.StackSnapshot;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The parity requirement through the whole platform: a compose file deployed by {@code docker stack deploy}
 * and the same file deployed by {@code POST /swarm/stacks} leave the swarm holding the same services, networks,
 * secrets and configs, spec for spec, once the stack names are normalised ({@link StackSnapshot}). The compose
 * module's parity test checks the converter alone on the raw Engine API; this one checks what the request, the
 * recorded revision, the rollout and the Docker gateway make of the same files (that test's own), image resolution
 * and updates of existing services included.
 * <p>
 * The two stacks run one after the other, each removed before the next: objects a file names itself and published
 * ingress ports cannot exist twice. While each runs, {@code docker stack ls} lists it and so does the platform, the
 * CLI's as a stack the platform does not manage.
 */
class StackParityTest {

    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final String NEVER = "never";
    private static final String COMPLETED = "completed";
    private static final Duration ENDED = Duration.ofMinutes(3);
    private static final Duration SEEN = Duration.ofSeconds(60);
    /**
     * Networks go last when a stack is removed, and slowly: a node lists one until its tasks' containers let go of
     * it, after their stop grace period (the voting app's visualizer has 1m30s, which its sleep, as PID 1 deaf to
     * SIGTERM, uses up).
     */
    private static final Duration GONE = Duration.ofMinutes(3);
    /** A paragraph of the CLI's list of deprecated keys: {@code container_name: Setting the container name …}. */
    private static final Pattern DEPRECATED_KEY = Pattern.compile("([a-z_]+): ");

    private static TestSwarm swarm;
    private static StackApi stacks;
    private static String clusterId;
    private static EngineApi engine;
    private static DockerCli cli;

    /**
     * One deploy of a stack, as both the CLI and the API take it.
     *
     * @param environment  what the CLI's process environment holds, and so the request's {@code environment}
     * @param files        the files the compose file reads, by their path as it names them
     * @param resolveImage {@code --resolve-image} and {@code resolve_image}; null for their default (always)
     */
    record Deploy(String compose, Map<String, String> environment, Map<String, String> files, String resolveImage) {
    }

    /**
     * A compose file of the compose module's parity cases, and how the platform's deployment of it ends.
     *
     * @param folder the case's folder beside {@link StackSnapshot}
     * @param files  the files the compose file reads, relative to it
     * @param why    why it ends as it does when that is not {@code completed}: why its tasks cannot run
     */
    record ParityCase(String folder, Map<String, String> environment, List<String> files, String resolveImage,
                      String endsIn, String why) {

        static ParityCase completing(String folder, Map<String, String> environment, List<String> files) {
            return new ParityCase(folder, environment, files, NEVER, COMPLETED, null);
        }

        static ParityCase degrading(String folder, Map<String, String> environment, List<String> files, String why) {
            return new ParityCase(folder, environment, files, NEVER, "degraded", why);
        }

        /** The same, deployed without a {@code --resolve-image} (so both ask a registry, which none answers here). */
        ParityCase resolvingImagesByDefault() {
            return new ParityCase(folder, environment, files, null, endsIn, why);
        }

        Deploy deploy() {
            Map<String, String> named = new LinkedHashMap<>();
            files.forEach(path -> named.put("./" + path, read(path)));
            return new Deploy(read(COMPOSE_FILE), environment, named, resolveImage);
        }

        private String read(String path) {
            try (InputStream in = StackSnapshot.class.getResourceAsStream(folder + "/" + path)) {
                if (in == null) {
                    throw new IllegalStateException("no parity file " + folder + "/" + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return folder + (resolveImage == null ? " (default resolve-image)" : "") + ": " + endsIn
                    + (why == null ? "" : ", as " + why);
        }
    }

    /** What a stack holds once deployed, and what its deployer warned of. */
    private record Deployed(StackSnapshot snapshot, List<String> warnings) {
    }

    static List<ParityCase> cases() {
        ParityCase votingApp = ParityCase.degrading("voting-app", Map.of(), List.of(),
                "the guide's images are swapped for bare busybox, whose command (sh) ends at once");
        return List.of(
                votingApp,
                votingApp.resolvingImagesByDefault(),
                ParityCase.degrading("all-options", Map.of("TAG", "1", "FROM_ENV", "from-environment",
                                "FROM_ENV_BARE", "bare-from-environment", "EMPTY", "empty-replaced",
                                "EMPTY_IN_FILE", "replaced-too"),
                        List.of("app.env", "config/app.yml", "config/templated.txt", "secrets/api_key.txt",
                                "secrets/db_password.txt"),
                        "api binds /var/log with rshared propagation, which a node's / does not allow, and"
                                + " worker reserves a gpu no node offers"),
                ParityCase.completing("edge-forms", Map.of(), List.of()),
                ParityCase.completing("external-and-names", Map.of(), List.of("named-secret.txt", "named.conf")));
    }

    @BeforeAll
    static void registerTheSharedSwarm() {
        swarm = TestSwarm.shared();
        SwarmApi api = SwarmApi.freshAccount(SharedPlatform.get());
        clusterId = api.registerConnected("parity-swarm", swarm.managerEndpoint());
        stacks = new StackApi(api);
        engine = new EngineApi(swarm.managerEndpoint());
        cli = new DockerCli(swarm.managerEndpoint());
        // what external-and-names expects to find; its external volume Docker creates when a task mounts it
        swarm.leader().docker("network", "create", "--driver", "overlay", "parity-outside");
        swarm.leader().docker("network", "create", "--driver", "overlay", "parity-outside-two");
        cli.run(null, Map.of(), "external secret", "secret", "create", "parity-external-secret", "-");
        cli.run(null, Map.of(), "external config", "config", "create", "external_config", "-");
    }

    @AfterAll
    static void removeTheExternalObjects() {
        swarm.leader().docker("network", "rm", "parity-outside", "parity-outside-two");
        swarm.leader().docker("secret", "rm", "parity-external-secret");
        swarm.leader().docker("config", "rm", "external_config");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thePlatformDeploysAComposeFileExactlyAsDockersCliDoes(ParityCase parity, @TempDir Path workDir) {
        String suffix = StackDeployTest.shortId();

        Deployed byCli = deployedByTheCli(List.of(parity.deploy()), workDir, "cli-" + suffix);
        Deployed byPlatform = deployedByThePlatform(List.of(parity.deploy()), parity.endsIn(), "pn-" + suffix);

        assertThat(byCli.snapshot().objects()).as("what the CLI created").isNotEmpty();
        assertThat(byPlatform.snapshot().differencesFrom(byCli.snapshot())).as("differences from the CLI's stack")
                .isEmpty();
        assertThat(byCli.warnings()).as("the CLI's warnings of ignored keys").allSatisfy(warning ->
                assertThat(byPlatform.warnings()).anySatisfy(said -> assertThat(said).startsWith(warning)));
    }

    /** The guide's voting app on the web image, then its vote and result tiers moved to the next release. */
    @Test
    void thePlatformUpdatesAStackExactlyAsDockersCliDoes(@TempDir Path workDir) {
        String suffix = StackDeployTest.shortId();
        String v1 = StackDeployTest.compose("voting-app.yml");
        List<Deploy> deploys = List.of(new Deploy(v1, Map.of(), Map.of(), null),
                new Deploy(v1.replace("powernode-test/web:1", "powernode-test/web:2"), Map.of(), Map.of(), null));

        Deployed byCli = deployedByTheCli(deploys, workDir, "cli-" + suffix);
        Deployed byPlatform = deployedByThePlatform(deploys, COMPLETED, "pn-" + suffix);

        assertThat(byCli.snapshot().objects()).as("what the CLI created").isNotEmpty();
        assertThat(byPlatform.snapshot().differencesFrom(byCli.snapshot())).as("differences from the CLI's stack")
                .isEmpty();
    }

    /** Each {@code docker stack deploy} in turn, the stack seen by the CLI and the platform, then {@code docker stack rm}. */
    private static Deployed deployedByTheCli(List<Deploy> deploys, Path workDir, String stack) {
        // the CLI keeps its configuration there; no compose file reads it
        Map<String, String> home = Map.of("HOME", workDir.toString());
        List<String> warnings = new ArrayList<>();
        try {
            for (Deploy deploy : deploys) {
                deploy.files().forEach((path, content) -> write(workDir.resolve(path), content));
                write(workDir.resolve(COMPOSE_FILE), deploy.compose());
                Map<String, String> environment = new HashMap<>(deploy.environment());
                environment.putAll(home);
                List<String> arguments = new ArrayList<>(List.of("stack", "deploy"));
                if (deploy.resolveImage() != null) {
                    arguments.addAll(List.of("--resolve-image", deploy.resolveImage()));
                }
                arguments.addAll(List.of("-c", COMPOSE_FILE, stack));
                warnings = ignoredKeys(cli.run(workDir, environment, null, arguments.toArray(String[]::new)).err());
            }
            StackSnapshot snapshot = StackSnapshot.read(engine, stack);
            assertListedByBoth(stack, false);
            return new Deployed(snapshot, warnings);
        } finally {
            cli.run(null, home, null, "stack", "rm", "--detach=false", stack);
            awaitGone(stack);
        }
    }

    /**
     * What the CLI says it ignores, as each of the platform's warnings of it begins: the line of unsupported keys,
     * and per deprecated key (which the CLI lists under a heading, one {@code key: why} a paragraph) the start of
     * the platform's own sentence for it.
     */
    private static List<String> ignoredKeys(String stderr) {
        List<String> ignored = new ArrayList<>();
        boolean deprecated = false;
        for (String line : stderr.lines().filter(line -> !line.isBlank()).toList()) {
            Matcher key = DEPRECATED_KEY.matcher(line);
            if (line.startsWith("Ignoring unsupported options:")) {
                ignored.add(line);
            } else if (line.equals("Ignoring deprecated options:")) {
                deprecated = true;
            } else if (deprecated && key.lookingAt()) {
                ignored.add("Ignoring deprecated option " + key.group(1));
            } else {
                deprecated = false;
            }
        }
        return ignored;
    }

    /**
     * {@code POST /swarm/stacks}, then {@code PUT /swarm/stacks/:id} for each further deploy, each followed until its
     * deployment ends; the stack seen by both, then removed by the platform.
     */
    private static Deployed deployedByThePlatform(List<Deploy> deploys, String endsIn, String stack) {
        String stackId = null;
        List<String> warnings = List.of();
        try {
            for (Deploy deploy : deploys) {
                Map<String, Object> request = request(deploy, endsIn);
                JsonNode accepted = stackId == null ? stacks.deployStack(clusterId, stack, deploy.compose(), request)
                        : stacks.updateStack(stackId, deploy.compose(), request);
                stackId = accepted.path("stack").path("id").asText();
                warnings = StackApi.entries(accepted.path("warnings")).stream().map(JsonNode::asText).toList();
                stacks.awaitPhase(StackApi.deploymentId(accepted), endsIn, ENDED);
            }
            StackSnapshot snapshot = StackSnapshot.read(engine, stack);
            assertListedByBoth(stack, true);
            return new Deployed(snapshot, warnings);
        } finally {
            if (stackId != null) {
                stacks.remove(stackId);
            }
            awaitGone(stack);
        }
    }

    private static Map<String, Object> request(Deploy deploy, String endsIn) {
        Map<String, Object> request = new HashMap<>(Map.of("environment", deploy.environment(),
                "files", deploy.files()));
        if (deploy.resolveImage() != null) {
            request.put("resolve_image", deploy.resolveImage());
        }
        if (!COMPLETED.equals(endsIn)) {
            // tasks that cannot run never converge: the default deadline of ten minutes would be waited out
            request.put("strategy", Map.of("type", "rolling", "progress_deadline", "20s"));
        }
        return request;
    }

    private static void assertListedByBoth(String stack, boolean managed) {
        assertThat(swarm.leader().docker("stack", "ls", "--format", "{{.Name}}").lines()).as("docker stack ls")
                .contains(stack);
        assertThat(stacks.awaitListed(clusterId, stack, SEEN).path("managed").asBoolean())
                .as("%s listed by the platform as managed", stack).isEqualTo(managed);
    }

    private static void awaitGone(String stack) {
        await(stack + " removed").atMost(GONE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(StackSnapshot.read(engine, stack).objects().keySet()).as("what is left of " + stack).isEmpty());
    }

    private static void write(Path path, String content) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
