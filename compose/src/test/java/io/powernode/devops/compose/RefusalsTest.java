package io.powernode.devops.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.compose.ComposeFixture.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of compose file the CLI refuses, refused with a problem naming the place: one row per refusal, with
 * the file, the path, line and column of the first problem, and a part of its message. Each was checked against
 * the CLI (docker stack config / deploy, 28.2).
 */
class RefusalsTest {

    private static final String WEB = "services:\n  web:\n    image: nginx\n";

    static Stream<Arguments> refusals() {
        return Stream.of(
                // the file as a whole
                arguments("not YAML", "services:\n  web: [\n", "", 3, 1, "invalid YAML"),
                arguments("not a mapping", "- a\n- b\n", "", 1, 1, "top-level object must be a mapping"),
                arguments("an empty file", "", "", null, null, "top-level object must be a mapping"),
                arguments("a key given twice", WEB + "    image: httpd\n", "services.web.image", 4, 5,
                        "mapping key \"image\" already defined at line 3"),
                arguments("a key that is not a string", "services:\n  1: {image: x}\n", "services.1", 2, 3,
                        "keys must be strings"),
                arguments("a merge of a scalar", "services:\n  web:\n    <<: nope\n    image: x\n", "services.web", 3, 9,
                        "map merge requires map or sequence of maps"),
                // version
                arguments("a version 2 file", "version: \"2.4\"\n" + WEB, "version", 1, 10, "unsupported Compose file version: 2.4"),
                arguments("a version the CLI does not know yet", "version: \"3.14\"\n" + WEB, "version", 1, 10, "unsupported Compose file version: 3.14"),
                arguments("a version given as a number", "version: 3.8\n" + WEB, "version", 1, 10, "version must be a string"),
                arguments("a key newer than the declared version", "version: \"3.6\"\n" + WEB + "    init: true\n",
                        "services.web.init", 5, 5, "needs a version 3.7 file or later; this one is 3.6"),
                arguments("the long port syntax before 3.2", "version: \"3.1\"\n" + WEB + "    ports:\n      - target: 80\n",
                        "services.web.ports[0]", 6, 9, "the long syntax of ports needs a version 3.2 file"),
                arguments("configs before 3.3", "version: \"3.2\"\n" + WEB + "configs: {}\n", "configs", 5, 1, "needs a version 3.3 file"),
                // keys docker stack deploy refuses
                arguments("extends", WEB + "    extends: base\n", "services.web.extends", 4, 5, "extends is not supported"),
                arguments("volumes_from", WEB + "    volumes_from: [db]\n", "services.web.volumes_from", 4, 5, "declare the volume at the top level"),
                arguments("mem_limit", WEB + "    mem_limit: 1g\n", "services.web.mem_limit", 4, 5, "deploy.resources.limits.memory"),
                arguments("cpu_shares", WEB + "    cpu_shares: 2\n", "services.web.cpu_shares", 4, 5, "deploy.resources.limits.cpus"),
                // the schema
                arguments("an unknown service key", WEB + "    imagee: nginx\n", "services.web.imagee", 4, 5,
                        "additional property imagee is not allowed"),
                arguments("an unknown top-level key", "servces: {}\n", "servces", 1, 1, "additional property servces is not allowed"),
                arguments("a boolean given as yes (YAML 1.2 reads a string)", WEB + "    tty: yes\n", "services.web.tty", 4, 10, "must be a boolean"),
                arguments("replicas as a string", WEB + "    deploy:\n      replicas: \"2\"\n", "services.web.deploy.replicas", 5, 17, "must be a integer"),
                arguments("a label value that is a boolean", WEB + "    labels:\n      a: true\n", "services.web.labels.a", 5, 10,
                        "must be a string, number or null"),
                arguments("an invalid service name", "services:\n  \"my web\": {image: x}\n", "services.my web", 2, 3, "is not a valid name"),
                arguments("an unknown update order", WEB + "    deploy:\n      update_config:\n        order: random\n",
                        "services.web.deploy.update_config.order", 6, 16, "must be one of start-first, stop-first"),
                arguments("a long volume without a type", WEB + "    volumes:\n      - source: data\n", "services.web.volumes[0]", 5, 9,
                        "missing required key type"),
                arguments("the same port twice", WEB + "    ports: [\"80:80\", \"80:80\"]\n", "services.web.ports", 4, 12, "must not hold the same item twice"),
                // interpolation
                arguments("a required variable not set", "services:\n  web:\n    image: ${IMAGE:?set the image}\n", "services.web.image", 3, 12,
                        "required variable IMAGE is missing a value: set the image"),
                arguments("an invalid substitution", "services:\n  web:\n    image: \"nginx:${\"\n", "services.web.image", 3, 12,
                        "invalid interpolation format"),
                arguments("a substituted number that is not one", "services:\n  web:\n    image: x\n    deploy:\n      replicas: ${N}\n",
                        "services.web.deploy.replicas", 5, 17, "must be an integer"),
                // conversion
                arguments("an undefined network", WEB + "    networks: [front]\n", "services.web.networks[0]", 4, 16, "undefined network \"front\""),
                arguments("an undefined volume", WEB + "    volumes: [\"data:/data\"]\n", "services.web.volumes[0]", 4, 15, "undefined volume \"data\""),
                arguments("an undefined secret", WEB + "    secrets: [key]\n", "services.web.secrets[0]", 4, 15, "undefined secret \"key\""),
                arguments("an undefined config", WEB + "    configs: [conf]\n", "services.web.configs[0]", 4, 15, "undefined config \"conf\""),
                arguments("a relative bind source", WEB + "    volumes: [\"./data:/data\"]\n", "services.web.volumes[0]", 4, 15,
                        "must be an absolute path"),
                arguments("a volume spec with an empty part", WEB + "    volumes: [\"/a::/b\"]\n", "services.web.volumes[0]", 4, 15,
                        "empty section between colons"),
                arguments("an invalid port", WEB + "    ports: [\"80:http\"]\n", "services.web.ports[0]", 4, 13, "Invalid containerPort: http"),
                arguments("mismatched port ranges", WEB + "    ports: [\"8000-8002:80-81\"]\n", "services.web.ports[0]", 4, 13,
                        "Invalid ranges specified for container and host Ports"),
                arguments("an unknown protocol", WEB + "    ports: [\"80/icmp\"]\n", "services.web.ports[0]", 4, 13, "Invalid proto: icmp"),
                arguments("an invalid duration", WEB + "    stop_grace_period: 10 seconds\n", "services.web.stop_grace_period", 4, 24,
                        "time: unknown unit \" seconds\""),
                arguments("an invalid memory size", WEB + "    deploy:\n      resources:\n        limits:\n          memory: lots\n",
                        "services.web.deploy.resources.limits.memory", 7, 19, "invalid size: 'lots'"),
                arguments("too precise a CPU count", WEB + "    deploy:\n      resources:\n        limits:\n          cpus: '0.0000000001'\n",
                        "services.web.deploy.resources.limits.cpus", 7, 17, "too precise"),
                arguments("replicas of a global service", WEB + "    deploy:\n      mode: global\n      replicas: 2\n",
                        "services.web.deploy.replicas", 6, 17, "replicas can only be used with replicated or replicated-job mode"),
                arguments("an unknown mode", WEB + "    deploy:\n      mode: daemon\n", "services.web.deploy.mode", 5, 13, "unknown mode: daemon"),
                arguments("an unknown legacy restart", WEB + "    restart: sometimes\n", "services.web.restart", 4, 14, "unknown policy 'sometimes'"),
                arguments("a health check both tested and disabled", WEB + "    healthcheck:\n      test: [CMD, x]\n      disable: true\n",
                        "services.web.healthcheck.disable", 6, 16, "test and disable can't be set at the same time"),
                arguments("two credential spec sources", WEB + "    credential_spec: {file: a, registry: b}\n", "services.web.credential_spec",
                        4, 22, "cannot specify both \"File\" and \"Registry\""),
                arguments("an unclosed quote in a command", WEB + "    command: echo \"hi\n", "services.web.command", 4, 14,
                        "EOF found when expecting closing quote"),
                arguments("two secrets at one target", WEB + "    secrets: [a, {source: b, target: a}]\nsecrets:\n  a: {external: true}\n  b: {external: true}\n",
                        "services.web.secrets[1]", 4, 18, "duplicate secret target for b not allowed"),
                arguments("an external volume with a driver", WEB + "volumes:\n  data: {external: true, driver: nfs}\n", "volumes.data.driver", 5, 34,
                        "conflicting parameters \"external\" and \"driver\""),
                arguments("external.name and name together", WEB + "networks:\n  n: {name: a, external: {name: b}}\n", "networks.n.name", 5, 13,
                        "network.external.name and network.name conflict"),
                arguments("a secret with a driver and a file", WEB + "secrets:\n  s: {driver: d, file: ./s}\n", "secrets.s.file", 5, 24,
                        "secret.driver and secret.file conflict"),
                arguments("a secret without content", WEB + "secrets:\n  s: {labels: [a=b]}\n", "secrets.s", 5, 6, "names no file"),
                arguments("a service without an image", "services:\n  web: {command: x}\n", "services.web", 2, 8, "has no image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesNamingThePlace(String refusal, String compose, String path, Integer line, Integer column, String message) {
        ComposeProblem first = problems(compose).get(0);

        assertThat(first.path()).as("path").isEqualTo(path);
        assertThat(first.line()).as("line").isEqualTo(line);
        assertThat(first.column()).as("column").isEqualTo(column);
        assertThat(first.message()).as("message").contains(message);
    }

    @Test
    void namesAFileThatWasNotSent() {
        List<ComposeProblem> problems = problems(WEB + "    env_file: web.env\nsecrets:\n  s:\n    file: ./s.txt\n", Map.of(), Map.of());

        assertThat(problems).extracting(ComposeProblem::path, ComposeProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("services.web.env_file", "the env file web.env was not sent with the compose file"),
                org.assertj.core.groups.Tuple.tuple("secrets.s.file", "the file ./s.txt that secret s reads was not sent with the compose file"));
    }

    @Test
    void reportsEveryProblemOfAStepInTheFilesOrder() {
        List<ComposeProblem> problems = problems(WEB + "    tty: 1\n    user: 2\n    foo: bar\n");

        assertThat(problems).extracting(ComposeProblem::path)
                .containsExactly("services.web.tty", "services.web.user", "services.web.foo");
    }

    @Test
    void namesABadLineOfAnEnvFile() {
        List<ComposeProblem> problems = problems(WEB + "    env_file: [a.env]\n", Map.of(), Map.of("a.env", "GOOD=1\nBAD KEY=2\n"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("services.web.env_file[0]");
            assertThat(problem.message()).isEqualTo("invalid env file (a.env): variable 'BAD KEY' contains whitespaces");
        });
    }
}
