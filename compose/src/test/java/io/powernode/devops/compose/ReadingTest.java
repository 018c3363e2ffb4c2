package io.powernode.devops.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.Map;

import static io.powernode.devops.compose.ComposeFixture.convert;
import static io.powernode.devops.compose.ComposeFixture.service;
import static io.powernode.devops.compose.ComposeFixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the YAML as the CLI's go-yaml v3 reads it, safely: how scalars are typed (checked with
 * {@code docker stack config}), merge keys, several documents, and the limits that stop a hostile file.
 */
class ReadingTest {

    @ParameterizedTest(name = "{0} is the label value {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "yes|yes", "off|off", "0x10|16", "010|8", "0o10|8", "0b101|5", "1_000|1000", "+12|12",
            "1e3|1000", "1e6|1e+06", "123456789.0|1.23456789e+08", "0.000012|1.2e-05", ".5|0.5", "-0|0", "1.|1",
            "12345678901234567890|12345678901234567890", "190:20:30|190:20:30", "08|8", "'010'|010",
            "2001-12-14|2001-12-14 00:00:00 +0000 UTC", "2001-12-14T21:59:43.10Z|2001-12-14 21:59:43.1 +0000 UTC",
            "!!str 12|12", "!!binary aGVsbG8=|hello", "!custom x|x", "~|''"})
    void typesScalarsAsGoYamlThenSpellsThemAsGo(String yaml, String label) {
        assertThat(web("labels:\n  v: " + yaml).at("/TaskTemplate/ContainerSpec/Labels/v").asText()).isEqualTo(label.equals("''") ? "" : label);
    }

    @Test
    void appliesMergeKeysWithExplicitKeysThenEarlierMergesWinning() {
        Conversion conversion = convert("""
                x-a: &a {image: a, hostname: from-a, user: from-a}
                x-b: &b {image: b, hostname: from-b, working_dir: /from-b}
                services:
                  web:
                    <<: [*a, *b]
                    user: explicit
                """);

        var container = service(conversion, "web").at("/TaskTemplate/ContainerSpec");
        assertThat(container.get("Image").asText()).isEqualTo("a");
        assertThat(container.get("Hostname").asText()).isEqualTo("from-a");
        assertThat(container.get("User").asText()).isEqualTo("explicit");
        assertThat(container.get("Dir").asText()).isEqualTo("/from-b");
    }

    @Test
    void readsOnlyTheFirstDocumentAndSaysSo() {
        Conversion conversion = convert("services:\n  web: {image: a}\n---\nservices:\n  other: {image: b}\n");

        assertThat(conversion.plan().services()).extracting(plan -> plan.service()).containsExactly("web");
        assertThat(conversion.warnings()).containsExactly(
                "The file holds 2 YAML documents: only the first is read, as docker stack deploy reads it");
    }

    @Test
    void stopsAFileThatExpandsAliasesWithoutEnd() {
        StringBuilder laughs = new StringBuilder("x-0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            laughs.append("x-").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
        }

        assertThatThrownBy(() -> convert(laughs + "services: {}\n"))
                .isInstanceOfSatisfying(ComposeInvalid.class, invalid ->
                        assertThat(invalid.problems().get(0).message()).contains("aliases"));
    }

    @Test
    void acceptsAServiceTemplateMergedIntoManyServices() {
        StringBuilder compose = new StringBuilder("""
                x-defaults: &defaults
                  image: nginx
                  labels: {a: "1", b: "2", c: "3"}
                  deploy: {replicas: 2, resources: {limits: {cpus: "0.5", memory: 64M}}, restart_policy: {condition: any}}
                services:
                """);
        for (int i = 0; i < 400; i++) {
            compose.append("  s").append(i).append(": {<<: *defaults}\n");
        }

        assertThat(convert(compose.toString()).plan().services()).hasSize(400);
    }

    @Test
    void stopsAFileNestedTooDeep() {
        String deep = "x-deep: " + "[".repeat(40) + "]".repeat(40) + "\nservices: {}\n";

        assertThatThrownBy(() -> new ComposeConverter(new ComposeLimits(10_000, 32, 100, 10))
                .convert("shop", deep, Map.of(), Map.of(), bytes -> null))
                .isInstanceOf(ComposeInvalid.class).hasMessageContaining("Nesting Depth");
    }

    @Test
    void stopsAFileTooLargeOrWithTooManyServicesBeforeReadingIt() {
        ComposeConverter small = new ComposeConverter(new ComposeLimits(64, 32, 100, 2));

        assertThatThrownBy(() -> small.convert("shop", "x-pad: \"" + "a".repeat(100) + "\"\n", Map.of(), Map.of(), bytes -> null))
                .isInstanceOf(ComposeInvalid.class).hasMessageContaining("at most 64 are accepted");
        assertThatThrownBy(() -> small.convert("shop", "services: {a: {}, b: {}, c: {}}\n", Map.of(), Map.of(), bytes -> null))
                .isInstanceOfSatisfying(ComposeInvalid.class, invalid ->
                        assertThat(invalid.problems()).singleElement().extracting(ComposeProblem::message)
                                .isEqualTo("the file declares 3 services; at most 2 are accepted"));
    }

    @Test
    void refusesATagNamingAClass() {
        assertThatThrownBy(() -> convert("services:\n  web:\n    image: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://x\"]]\n"))
                .isInstanceOfSatisfying(ComposeInvalid.class, invalid -> assertThat(invalid.problems()).singleElement()
                        .extracting(ComposeProblem::message).asString().contains("Global tag is not allowed"));
    }
}
