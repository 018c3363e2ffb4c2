package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field kinds that recur across the swarm API's bodies (ids, Docker's object names, labels, paths), each
 * read with the rule Docker itself applies, so a request Docker would refuse is refused here with a message
 * that names the field, before it becomes an operation.
 */
public final class SwarmFields {

    static final int MAX_LABELS = 100;
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_LABEL_VALUE = 4096;
    static final int MAX_PATH = 4096;

    private static final int MAX_ID = 100;
    private static final int MAX_SERVICE_NAME = 63;
    private static final int MAX_OBJECT_NAME = 64;
    private static final int MAX_REFERENCE = 255;
    private static final int MAX_ENV = 500;
    private static final int MAX_ENV_VALUE = 32_768;
    private static final int QUOTED_KEY = 40;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** swarmkit's rule for service and network names: a DNS name component. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?");
    /** swarmkit's rule for secret and config names. */
    private static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?");
    /** The engine's rule for volume names (at least two characters); also fits any name or id of a network. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]+");

    private SwarmFields() {
    }

    /** The id of a resource of this platform (a cluster, a host). */
    public static String id(JsonBody.Fields fields, String name, boolean required) {
        return matching(fields, name, required, ID, MAX_ID,
                "must be an id: up to " + MAX_ID + " letters, digits, '.', '_' or '-'");
    }

    /** A service's or a network's name, which Docker also makes a DNS name. */
    static String serviceName(JsonBody.Fields fields, String name, boolean required) {
        return matching(fields, name, required, SERVICE_NAME, MAX_SERVICE_NAME, "must be 1 to " + MAX_SERVICE_NAME
                + " letters, digits, '-' or '_', starting and ending with a letter or digit");
    }

    /** A secret's or a config's name. */
    static String objectName(JsonBody.Fields fields, String name, boolean required) {
        return matching(fields, name, required, OBJECT_NAME, MAX_OBJECT_NAME, "must be 1 to " + MAX_OBJECT_NAME
                + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }

    /** A volume's name, or the name or id of a network a service attaches to. */
    static String reference(JsonBody.Fields fields, String name, boolean required) {
        return matching(fields, name, required, REFERENCE, MAX_REFERENCE, "must be 2 to " + MAX_REFERENCE
                + " letters, digits, '-', '_' or '.', starting with a letter or digit");
    }

    /** An absolute path inside a container or on a node. */
    static String absolutePath(JsonBody.Fields fields, String name, boolean required) {
        String path = fields.string(name, required, MAX_PATH);
        if (path != null && (!path.startsWith("/") || path.chars().anyMatch(Character::isISOControl))) {
            fields.reject(name, "must be an absolute path, e.g. /data");
            return null;
        }
        return path;
    }

    /** Labels on a Docker object: keys Docker's CLI could also set, values of bounded length. */
    static Map<String, String> labels(JsonBody.Fields fields, String name) {
        return fields.stringMap(name, MAX_LABELS, MAX_LABEL_VALUE, SwarmFields::keyProblem);
    }

    /** Environment variables: values are kept as given, a key is a name that {@code KEY=value} can carry. */
    static Map<String, String> env(JsonBody.Fields fields, String name) {
        return fields.stringMap(name, MAX_ENV, MAX_ENV_VALUE, SwarmFields::keyProblem);
    }

    /**
     * What is wrong with a label, option or variable key, or null: the CLI's {@code key=value} form and the
     * placement constraints ({@code node.labels.key==value}) cannot carry spaces or '=' in a key.
     */
    static String keyProblem(String key) {
        boolean valid = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.indexOf('=') < 0
                && key.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        return valid ? null : "key \"" + quotable(key) + "\" must be 1 to " + MAX_KEY_LENGTH
                + " characters without spaces, '=' or control characters";
    }

    private static String matching(JsonBody.Fields fields, String name, boolean required, Pattern rule, int maxLength,
                                   String problem) {
        String value = fields.string(name, required);
        if (value != null && (value.length() > maxLength || !rule.matcher(value).matches())) {
            fields.reject(name, problem);
            return null;
        }
        return value;
    }

    /** Enough of a key to recognise it, and nothing that would garble a message. */
    private static String quotable(String key) {
        String printable = key.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= QUOTED_KEY ? printable : printable.substring(0, QUOTED_KEY) + "…";
    }
}
