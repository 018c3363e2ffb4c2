package io.powernode.devops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The typed readers: durations as Go writes them, sizes as Docker reads them, lists and maps with their paths. */
class JsonBodyFieldsTest {

    private final JsonBody body = new JsonBody(new ObjectMapper());

    @ParameterizedTest
    @CsvSource({"10s, PT10S", "1m30s, PT1M30S", "500ms, PT0.5S", "1.5h, PT1H30M", "2h45m, PT2H45M", "0, PT0S",
            "1us, PT0.000001S", "1µs, PT0.000001S", "100ns, PT0.0000001S", ".5s, PT0.5S", "+3s, PT3S", "1m0.5s, PT1M0.5S"})
    void durationsAreReadAsGoWritesThem(String text, String expected) {
        JsonBody.Fields fields = open("\"d\": \"" + text + "\"");

        assertThat(fields.duration("d")).isEqualTo(Duration.parse(expected));
        fields.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "s", "-1s", "1 s", "1d", "", "1.s5", "PT10S", "10S", "1e3s", "."})
    void otherDurationsAreRefused(String text) {
        JsonBody.Fields fields = open("\"d\": \"" + text + "\"");

        assertThat(fields.duration("d")).isNull();
        assertRefused(fields, "x.d");
    }

    @ParameterizedTest
    @CsvSource({"\"512M\", 536870912", "\"1g\", 1073741824", "\"64MiB\", 67108864", "\"1.5k\", 1536", "4096, 4096",
            "\"2 GB\", 2147483648", "\"100b\", 100", "\"100\", 100"})
    void sizesAreReadWithDockersBinaryUnits(String json, long bytes) {
        JsonBody.Fields fields = open("\"m\": " + json);

        assertThat(fields.byteSize("m", 0, Long.MAX_VALUE)).isEqualTo(bytes);
        fields.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"512X\"", "\"-1\"", "\"M\"", "1.5", "true", "\"99999999999P\""})
    void otherSizesAreRefused(String json) {
        JsonBody.Fields fields = open("\"m\": " + json);

        assertThat(fields.byteSize("m", 0, Long.MAX_VALUE)).isNull();
        assertRefused(fields, "x.m");
    }

    @Test
    void aSizeOutOfBoundsSaysTheBoundInBytesAndRoundUnits() {
        JsonBody.Fields fields = open("\"m\": \"1M\"");

        fields.byteSize("m", 4L * 1024 * 1024, Long.MAX_VALUE);

        ApiProblem problem = catchThrowableOfType(ApiProblem.class, fields::done);
        assertThat(problem.errors().get(0).message()).isEqualTo("must be at least 4194304 bytes (4 MiB)");
    }

    @Test
    void decimalsAreNumbersOrNumericStrings() {
        JsonBody.Fields fields = open("\"a\": 0.5, \"b\": \"0.25\", \"c\": \"half\", \"d\": 2");

        assertThat(fields.decimal("a", BigDecimal.ZERO, BigDecimal.ONE)).isEqualByComparingTo("0.5");
        assertThat(fields.decimal("b", BigDecimal.ZERO, BigDecimal.ONE)).isEqualByComparingTo("0.25");
        assertThat(fields.decimal("c", BigDecimal.ZERO, BigDecimal.ONE)).isNull();
        assertThat(fields.decimal("d", BigDecimal.ZERO, BigDecimal.ONE)).isNull();
        assertRefused(fields, "x.c", "x.d");
    }

    @Test
    void listItemsAreNamedByTheirIndex() {
        JsonBody.Fields fields = open("\"s\": [\"a\", 1, \"b\"], \"o\": [{\"k\": 1}, {\"k\": \"v\", \"z\": 0}]");

        assertThat(fields.strings("s", 10, 10)).isNull();
        List<JsonBody.Fields> items = fields.objects("o", 10, Set.of("k"));
        assertThat(items).hasSize(2);
        items.forEach(item -> item.string("k", true));
        assertRefused(fields, "x.s[1]", "x.o[0].k", "x.o[1].z");
    }

    @Test
    void aShorthandItemIsItsOwnField() {
        JsonBody.Fields fields = open("\"n\": [\"front\", {\"name\": \"back\", \"alias\": \"b\"}, 3]");

        List<JsonBody.Fields> items = fields.objects("n", 10, Set.of("name", "alias"), "name");

        assertThat(items).extracting(item -> item.string("name", true)).containsExactly("front", "back");
        items.get(0).reject("name", "is taken");
        assertRefused(fields, "x.n[0]", "x.n[2]");
    }

    @Test
    void mapsKeepTheirOrderAndNameTheirFaults() {
        JsonBody.Fields fields = open("\"m\": {\"b\": \"1\", \"a\": \"2\"}, \"bad\": {\"k\": 1, \"no\": \"x\"}");

        assertThat(fields.stringMap("m", 10, 10, key -> null)).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
        assertThat(fields.stringMap("bad", 10, 10, key -> key.equals("no") ? "key \"no\" is not allowed" : null)).isNull();
        assertRefused(fields, "x.bad.k", "x.bad");
    }

    @Test
    void sizeLimitsAreEnforced() {
        JsonBody.Fields fields = open("\"s\": [\"a\", \"b\", \"c\"], \"t\": \"abcdef\", \"m\": {\"a\": \"1\", \"b\": \"2\"}");

        assertThat(fields.strings("s", 2, 10)).isNull();
        assertThat(fields.string("t", true, 5)).isNull();
        assertThat(fields.stringMap("m", 1, 10, key -> null)).isNull();
        assertRefused(fields, "x.s", "x.t", "x.m");
    }

    @Test
    void enumsAndChoicesNameTheirValues() {
        JsonBody.Fields fields = open("\"e\": \"production\", \"f\": \"qa\", \"c\": \"udp\", \"d\": \"icmp\"");

        assertThat(fields.oneOf("e", io.powernode.devops.kernel.common.DeploymentEnvironment.class, true))
                .isEqualTo(io.powernode.devops.kernel.common.DeploymentEnvironment.production);
        assertThat(fields.oneOf("f", io.powernode.devops.kernel.common.DeploymentEnvironment.class, true)).isNull();
        assertThat(fields.oneOf("c", List.of("tcp", "udp"))).isEqualTo("udp");
        assertThat(fields.oneOf("d", List.of("tcp", "udp"))).isNull();
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, fields::done);
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::message)
                .containsExactly("must be one of [staging, production, development, custom]", "must be one of [tcp, udp]");
    }

    @Test
    void printableTextIsTrimmedAndBounded() {
        JsonBody.Fields fields = open("\"a\": \"  name \", \"b\": \"   \", \"c\": \"x\\u0007y\"");

        assertThat(fields.printable("a", 10, true)).isEqualTo("name");
        assertThat(fields.printable("b", 10, true)).isNull();
        assertThat(fields.printable("c", 10, true)).isNull();
        assertRefused(fields, "x.b", "x.c");
    }

    private JsonBody.Fields open(String fields) {
        return body.open("{\"x\": {" + fields + "}}", "x", Set.of("d", "m", "a", "b", "c", "e", "f", "s", "o", "n", "t", "bad"));
    }

    private static void assertRefused(JsonBody.Fields fields, String... paths) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, fields::done);
        assertThat(problem).isNotNull();
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactlyInAnyOrder(paths);
    }
}
