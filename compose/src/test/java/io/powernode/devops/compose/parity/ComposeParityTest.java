package io.powernode.devops.compose.parity;

import io.powernode.devops.compose.ComposeConverter;
import io.powernode.devops.compose.Conversion;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The converter against the real thing: each compose file is deployed by {@code docker stack deploy} (the CLI
 * 28 on the PATH) as {@code stackA}, and its conversion is created through the raw Engine API as {@code stackB}
 * on the same one-node swarm; the two must hold the same services, networks, secrets and configs, spec for spec,
 * once the stack names and ids are normalised. The stacks are deployed one after the other (each removed before
 * the next), since file-named objects and ingress ports cannot exist twice.
 */
@Tag("docker")
class ComposeParityTest {

    private static final String CLI_STACK = "stackA";
    private static final String PLATFORM_STACK = "stackB";
    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final Function<byte[], SealedValue> SEAL =
            content -> new SealedValue("parity", Base64.getEncoder().encodeToString(content));
    private static final Function<SealedValue, byte[]> OPEN = sealed -> Base64.getDecoder().decode(sealed.ciphertext());
    private static final Duration REMOVAL_TIMEOUT = Duration.ofSeconds(90);

    private static TestSwarm swarm;
    private static EngineApi api;
    private static DockerCli cli;

    /**
     * @param directory    the case's folder under {@code parity/}: its compose file and the files it reads
     * @param environment  the variables of the deploying environment, besides HOME
     * @param resolveImage the CLI's {@code --resolve-image}, or null for its default
     */
    record ParityCase(String directory, Map<String, String> environment, String resolveImage) {

        @Override
        public String toString() {
            return directory + (resolveImage == null ? " (default --resolve-image)" : " (--resolve-image " + resolveImage + ")");
        }
    }

    static Stream<ParityCase> cases() {
        return Stream.of(
                new ParityCase("voting-app", Map.of(), "never"),
                new ParityCase("voting-app", Map.of(), null),
                new ParityCase("all-options", Map.of("TAG", "1", "FROM_ENV", "from-environment",
                        "FROM_ENV_BARE", "bare-from-environment", "EMPTY", "empty-replaced",
                        "EMPTY_IN_FILE", "replaced-too"), "never"),
                new ParityCase("external-and-names", Map.of(), "never"),
                new ParityCase("edge-forms", Map.of(), "never"));
    }

    @BeforeAll
    static void startSwarm() {
        int cliVersion = new DockerCli("unix:///var/run/docker.sock").majorVersion();
        assumeTrue(cliVersion >= 28, "the converter follows docker CLI 28; the CLI on the PATH is " + cliVersion);
        swarm = TestSwarm.startNew(1, 0);
        api = new EngineApi(swarm.managerEndpoint());
        cli = new DockerCli(swarm.managerEndpoint());
        Map<String, String> environment = Map.of();
        cli.run(null, environment, null, "network", "create", "--driver", "overlay", "parity-outside");
        cli.run(null, environment, null, "network", "create", "--driver", "overlay", "parity-outside-two");
        cli.run(null, environment, "external secret", "secret", "create", "parity-external-secret", "-");
        cli.run(null, environment, "external config", "config", "create", "external_config", "-");
    }

    @AfterAll
    static void stopSwarm() {
        if (swarm != null) {
            swarm.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theConvertedPlanCreatesWhatTheCliCreates(ParityCase parity, @TempDir Path workDir) {
        Path source = caseFolder(parity.directory());
        copy(source, workDir);
        Map<String, String> environment = new HashMap<>(parity.environment());
        environment.put("HOME", workDir.toString());

        DockerCli.Output deployed = cli.run(workDir, environment, null, deployArguments(parity));
        StackSnapshot byCli = StackSnapshot.read(api, CLI_STACK);
        remove(CLI_STACK, environment);

        Conversion conversion = new ComposeConverter().convert(PLATFORM_STACK, read(source.resolve(COMPOSE_FILE)),
                environment, files(source), SEAL);
        new PlanDeployer(api, OPEN).create(conversion.plan());
        StackSnapshot byPlatform = StackSnapshot.read(api, PLATFORM_STACK);
        remove(PLATFORM_STACK, environment);

        System.out.printf("%s%nCLI stdout:%n%s%nCLI stderr:%n%s%nconverter warnings:%n%s%n", parity, deployed.out(),
                deployed.err(), String.join("\n", conversion.warnings()));
        assertThat(byCli.objects()).as("what the CLI created").isNotEmpty();
        assertThat(byPlatform.differencesFrom(byCli)).as("differences from the CLI's stack").isEmpty();
        assertThat(conversion.warnings()).as("the CLI's own warnings").containsAll(cliWarnings(deployed.err()));
    }

    private static String[] deployArguments(ParityCase parity) {
        List<String> arguments = parity.resolveImage() == null
                ? List.of("stack", "deploy", "-c", COMPOSE_FILE, CLI_STACK)
                : List.of("stack", "deploy", "--resolve-image", parity.resolveImage(), "-c", COMPOSE_FILE, CLI_STACK);
        return arguments.toArray(String[]::new);
    }

    /** The lines in which the CLI says it ignores keys, which the converter must say too. */
    private static List<String> cliWarnings(String stderr) {
        return stderr.lines().filter(line -> line.startsWith("Ignoring unsupported options:")).toList();
    }

    /** {@code docker stack rm}, then wait until nothing of the stack is left (networks go last, and slowly). */
    private static void remove(String stack, Map<String, String> environment) {
        cli.run(null, environment, null, "stack", "rm", "--detach=false", stack);
        String label = StackPlan.NAMESPACE_LABEL + "=" + stack;
        long deadline = System.nanoTime() + REMOVAL_TIMEOUT.toNanos();
        while (Stream.of("services", "networks", "secrets", "configs").anyMatch(kind -> api.listByLabel(kind, label).size() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(stack + " still holds objects after " + REMOVAL_TIMEOUT.toSeconds() + " s");
            }
            pause();
        }
    }

    /** Every file of the case but the compose file, by its path relative to the compose file. */
    private static Map<String, String> files(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().equals(COMPOSE_FILE))
                    .forEach(path -> files.put("./" + folder.relativize(path), read(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Path caseFolder(String name) {
        try {
            return Path.of(ComposeParityTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
