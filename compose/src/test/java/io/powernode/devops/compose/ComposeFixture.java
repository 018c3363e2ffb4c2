package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Converting compose text in tests: stack {@code shop}, secrets "sealed" as base64 so tests can read them back. */
final class ComposeFixture {

    static final String STACK = "shop";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeFixture() {
    }

    static Conversion convert(String compose) {
        return convert(compose, Map.of(), Map.of());
    }

    static Conversion convert(String compose, Map<String, String> environment, Map<String, String> files) {
        return new ComposeConverter().convert(STACK, compose, environment, files,
                content -> new SealedValue("test", Base64.getEncoder().encodeToString(content)));
    }

    /** The ServiceSpec of compose service {@code service}. */
    static JsonNode service(Conversion conversion, String service) {
        StackPlan.ServicePlan plan = conversion.plan().service(service);
        if (plan == null) {
            throw new AssertionError("no service " + service + " in " + conversion.plan().services());
        }
        return json(plan.spec());
    }

    /**
     * The spec of service {@code web} with image {@code nginx:1} and the given keys, in a file that also declares
     * a volume {@code data}; numbers re-read so that JSON equality ignores int versus long.
     */
    static JsonNode web(String serviceYaml) {
        return json(service(convert("services:\n  web:\n    image: nginx:1\n" + indent(serviceYaml)
                + "volumes:\n  data:\n"), "web").toString());
    }

    static String indent(String yaml) {
        return yaml.isEmpty() ? "" : yaml.lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
    }

    static List<ComposeProblem> problems(String compose) {
        return problems(compose, Map.of(), Map.of());
    }

    static List<ComposeProblem> problems(String compose, Map<String, String> environment, Map<String, String> files) {
        List<ComposeProblem>[] found = new List[1];
        assertThatThrownBy(() -> convert(compose, environment, files))
                .isInstanceOfSatisfying(ComposeInvalid.class, invalid -> found[0] = invalid.problems());
        return found[0];
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
