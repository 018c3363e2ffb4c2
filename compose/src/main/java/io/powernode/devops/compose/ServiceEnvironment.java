package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A service's environment as the CLI builds it: the {@code env_file}s in order, then {@code environment} over
 * them. A variable given without a value ({@code - DEBUG}) or with an empty one takes its value from the
 * deploying environment when that has it; one the environment lacks stays without a value ({@code DEBUG} in the
 * spec, which Docker passes as unset). The result is sorted, as the CLI sorts it.
 */
final class ServiceEnvironment {

    private final Function<String, String> environment;
    private final ComposeFiles files;
    private final Problems problems;

    ServiceEnvironment(Function<String, String> environment, ComposeFiles files, Problems problems) {
        this.environment = environment;
        this.files = files;
        this.problems = problems;
    }

    /** {@code KEY=value} or {@code KEY}, sorted. */
    List<String> variables(JsonNode service, String servicePath) {
        Map<String, String> variables = new TreeMap<>();
        List<String> envFiles = ComposeValues.strings(service.get("env_file"));
        for (int i = 0; i < envFiles.size(); i++) {
            String file = envFiles.get(i);
            String path = service.path("env_file").isArray()
                    ? ComposePath.item(ComposePath.key(servicePath, "env_file"), i) : ComposePath.key(servicePath, "env_file");
            String content = files.read(file);
            if (content == null) {
                problems.at(path, "the env file " + file + " was not sent with the compose file");
                continue;
            }
            try {
                merge(variables, parse(content));
            } catch (IllegalArgumentException e) {
                problems.at(path, "invalid env file (" + file + "): " + e.getMessage());
            }
        }
        merge(variables, ComposeValues.mapping(service.get("environment"), true));
        List<String> spec = new ArrayList<>();
        variables.forEach((name, value) -> spec.add(value == null ? name : name + "=" + value));
        spec.sort(null);
        return spec;
    }

    private void merge(Map<String, String> variables, Map<String, String> given) {
        given.forEach((name, value) -> {
            String deploying = environment.apply(name);
            variables.put(name, (value == null || value.isEmpty()) && deploying != null ? deploying : value);
        });
    }

    /**
     * An env file: {@code KEY=value} lines taken as they are (no quotes, no interpolation), blank lines and
     * {@code #} comments skipped, a bare {@code KEY} looked up in the deploying environment and dropped when it
     * is not there.
     */
    private Map<String, String> parse(String content) {
        Map<String, String> variables = new TreeMap<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("no variable name on line '" + line + "'");
            }
            if (key.contains(" ") || key.contains("\t")) {
                throw new IllegalArgumentException("variable '" + key + "' contains whitespaces");
            }
            if (equals >= 0) {
                variables.put(key, line.substring(equals + 1));
            } else {
                String deploying = environment.apply(key);
                if (deploying != null) {
                    variables.put(key, deploying);
                }
            }
        }
        return variables;
    }
}
