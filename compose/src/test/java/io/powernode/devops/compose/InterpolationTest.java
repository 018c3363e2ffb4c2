package io.powernode.devops.compose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.powernode.devops.compose.ComposeFixture.convert;
import static io.powernode.devops.compose.ComposeFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ${VAR}} substitution as the CLI's template does it, with SET=value, EMPTY= and UNSET unset. */
class InterpolationTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("SET", "value", "EMPTY", "");

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "$SET|value", "${SET}|value", "a${SET}b|avalueb", "$$SET|$SET", "$$|$",
            "${UNSET:-d}|d", "${EMPTY:-d}|d", "${SET:-d}|value",
            "${UNSET-d}|d", "${EMPTY-d}|``", "${SET-d}|value",
            "${EMPTY?x}|``", "${SET:?x}|value", "$UNSET|``", "${set}|``",
            "$UNSET-after spaces|after spaces", "${UNSET:-a b}|a b"})
    void substitutes(String template, String value) {
        assertThat(service(convert("services:\n  web:\n    image: x\n    hostname: \"" + template + "\"\n", ENVIRONMENT, Map.of()), "web")
                .at("/TaskTemplate/ContainerSpec/Hostname").asText()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "deploy:\\n      replicas: ${N}|N=3|/Mode/Replicated/Replicas|3",
            "tty: ${T}|T=yes|/TaskTemplate/ContainerSpec/TTY|true",
            "read_only: ${T}|T=off|/TaskTemplate/ContainerSpec/ReadOnly|",
            "deploy:\\n      update_config:\\n        max_failure_ratio: ${R}|R=0.25|/UpdateConfig/MaxFailureRatio|0.25",
            "ports:\\n      - target: ${P}\\n        published: ${P}|P=80|/EndpointSpec/Ports/0/PublishedPort|80"})
    void castsASubstitutedNumberOrBoolean(String keys, String variable, String pointer, String value) {
        String[] assignment = variable.split("=");
        var spec = service(convert("services:\n  web:\n    image: x\n    " + keys.replace("\\n", "\n") + "\n",
                Map.of(assignment[0], assignment[1]), Map.of()), "web");

        assertThat(spec.at(pointer).asText()).isEqualTo(value == null ? "" : value);
    }
}
