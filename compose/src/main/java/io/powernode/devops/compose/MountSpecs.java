package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A service's {@code volumes} as the CLI turns them into mounts. The short syntax
 * ({@code [source:]target[:options]}) is read into the long one: a source that looks like a path ({@code /},
 * {@code .}, {@code ~}) is a bind mount, any other a named volume. A named volume is the stack's
 * ({@code <stack>_<name>}, labelled, with the declared driver) unless declared external or given a name. A bind
 * source must be absolute: the CLI would resolve a relative one against the folder of the compose file, which
 * the platform does not have.
 */
final class MountSpecs {

    private static final Set<String> PROPAGATIONS = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");
    private static final String VOLUME = "volume";
    private static final String BIND = "bind";
    private static final String TMPFS = "tmpfs";

    private final StackNamespace namespace;
    private final Map<String, Declared> volumes;
    private final Function<String, String> environment;
    private final Problems problems;

    MountSpecs(StackNamespace namespace, Map<String, Declared> volumes, Function<String, String> environment,
               Problems problems) {
        this.namespace = namespace;
        this.volumes = volumes;
        this.environment = environment;
        this.problems = problems;
    }

    /** The {@code Mounts} of the container spec, in the file's order; null when the service mounts nothing. */
    ArrayNode mounts(JsonNode service, String servicePath) {
        JsonNode items = service.path("volumes");
        if (items.isEmpty()) {
            return null;
        }
        ArrayNode mounts = EngineJson.NODES.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            String path = ComposePath.item(ComposePath.key(servicePath, "volumes"), i);
            try {
                JsonNode volume = items.get(i).isObject() ? items.get(i) : shortSyntax(items.get(i).asText());
                mounts.add(mount(volume));
            } catch (IllegalArgumentException e) {
                problems.at(path, e.getMessage());
            }
        }
        return mounts;
    }

    /** {@code [source:]target[:ro|rw|nocopy|<propagation>,…]}, a Windows drive letter kept with its path. */
    static ObjectNode shortSyntax(String spec) {
        ObjectNode volume = EngineJson.object();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("invalid empty volume spec");
        }
        if (spec.length() <= 2) {
            volume.put("type", VOLUME);
            volume.put("target", spec);
            return volume;
        }
        StringBuilder buffer = new StringBuilder();
        int[] codePoints = spec.codePoints().toArray();
        for (int i = 0; i <= codePoints.length; i++) {
            boolean end = i == codePoints.length;
            int c = end ? 0 : codePoints[i];
            if (!end && c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0))) {
                buffer.appendCodePoint(c);
            } else if (end || c == ':') {
                try {
                    field(buffer.toString(), end, volume);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("invalid spec: " + spec + ": " + e.getMessage());
                }
                buffer.setLength(0);
            } else {
                buffer.appendCodePoint(c);
            }
        }
        String source = volume.path("source").asText("");
        volume.put("type", !source.isEmpty() && isFilePath(source) ? BIND : VOLUME);
        return volume;
    }

    private static void field(String text, boolean last, ObjectNode volume) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty section between colons");
        }
        boolean noSource = !volume.has("source");
        if (noSource && last) {
            volume.put("target", text);
        } else if (noSource) {
            volume.put("source", text);
        } else if (!volume.has("target")) {
            volume.put("target", text);
        } else if (!last) {
            throw new IllegalArgumentException("too many colons");
        } else {
            for (String option : text.split(",")) {
                switch (option) {
                    case "ro" -> volume.put("read_only", true);
                    case "rw" -> volume.put("read_only", false);
                    case "nocopy" -> volume.putObject(VOLUME).put("nocopy", true);
                    default -> {
                        if (PROPAGATIONS.contains(option)) {
                            volume.putObject(BIND).put("propagation", option);
                        }
                        // any other option (z, cached, …) is ignored, as by the CLI
                    }
                }
            }
        }
    }

    private static boolean isFilePath(String source) {
        char first = source.charAt(0);
        if (first == '.' || first == '/' || first == '~') {
            return true;
        }
        if (source.codePointCount(0, source.length()) == 1) {
            return false;
        }
        if (source.startsWith("\\\\")) {
            return true;
        }
        int second = source.offsetByCodePoints(0, 1);
        return source.charAt(second) == ':' && Character.isLetter(source.codePointAt(0));
    }

    private ObjectNode mount(JsonNode volume) {
        String type = ComposeValues.textOrEmpty(volume, "type");
        ObjectNode mount = EngineJson.object();
        mount.put("Type", type);
        EngineJson.text(mount, "Target", ComposeValues.text(volume, "target"));
        EngineJson.flag(mount, "ReadOnly", ComposeValues.flag(volume, "read_only"));
        EngineJson.text(mount, "Consistency", ComposeValues.text(volume, "consistency"));
        String source = ComposeValues.textOrEmpty(volume, "source");
        switch (type) {
            case VOLUME, "" -> {
                refuseOptions(volume, type, TMPFS, BIND);
                named(volume, source, mount);
            }
            case BIND -> {
                refuseOptions(volume, type, VOLUME, TMPFS);
                mount.put("Source", bindSource(source));
                propagation(volume, mount);
            }
            case TMPFS -> {
                if (!source.isEmpty()) {
                    throw new IllegalArgumentException("invalid tmpfs source, source must be empty");
                }
                refuseOptions(volume, type, BIND, VOLUME);
                if (volume.has(TMPFS)) {
                    ObjectNode tmpfs = mount.putObject("TmpfsOptions");
                    EngineJson.number(tmpfs, "SizeBytes", volume.path(TMPFS).path("size").asLong());
                }
            }
            case "npipe" -> {
                requireSource(source, type);
                refuseOptions(volume, type, VOLUME, TMPFS);
                mount.put("Source", source);
                propagation(volume, mount);
            }
            case "cluster" -> {
                requireSource(source, type);
                refuseOptions(volume, type, TMPFS, BIND, VOLUME);
                mount.put("Source", source.startsWith("group:") ? source : declared(source).dockerName(namespace));
                mount.putObject("ClusterOptions");
            }
            default -> throw new IllegalArgumentException("volume type must be volume, bind, tmpfs, npipe, or cluster");
        }
        return mount;
    }

    /** A named volume is the stack's own unless external; an anonymous one (no source) is the task's. */
    private void named(JsonNode volume, String source, ObjectNode mount) {
        if (source.isEmpty()) {
            return;
        }
        Declared declared = declared(source);
        mount.put("Source", declared.dockerName(namespace));
        ObjectNode options = mount.putObject("VolumeOptions");
        EngineJson.flag(options, "NoCopy", volume.path(VOLUME).path("nocopy").asBoolean(false));
        if (declared.external()) {
            return;
        }
        JsonNode definition = declared.definition();
        EngineJson.map(options, "Labels", namespace.labelled(ComposeValues.mapping(definition.get("labels"), false)));
        String driver = ComposeValues.textOrEmpty(definition, "driver");
        JsonNode driverOptions = definition.get("driver_opts");
        if (!driver.isEmpty() || driverOptions != null && !driverOptions.isNull()) {
            ObjectNode driverConfig = options.putObject("DriverConfig");
            EngineJson.text(driverConfig, "Name", driver);
            EngineJson.map(driverConfig, "Options", ComposeValues.mapping(driverOptions, false));
        }
    }

    private Declared declared(String source) {
        Declared declared = volumes.get(source);
        if (declared == null) {
            throw new IllegalArgumentException("undefined volume \"" + source + "\"");
        }
        return declared;
    }

    /** {@code ~} is the HOME of the environment given; a source that is still relative is refused. */
    private String bindSource(String source) {
        if (source.isEmpty()) {
            throw new IllegalArgumentException("invalid mount config for type \"bind\": field Source must not be empty");
        }
        String path = source;
        if (path.startsWith("~")) {
            String home = environment.apply("HOME");
            if (home == null) {
                throw new IllegalArgumentException("cannot expand '~' in " + source + ": the environment has no HOME");
            }
            path = home + path.substring(1);
        }
        boolean windows = path.matches("(?s)[A-Za-z]:[\\\\/].*") || path.startsWith("\\\\");
        if (!path.startsWith("/") && !windows) {
            throw new IllegalArgumentException("the source of a bind mount must be an absolute path, not " + source
                    + ": docker stack deploy resolves it against the compose file's folder, which the platform has not");
        }
        return path;
    }

    private static void propagation(JsonNode volume, ObjectNode mount) {
        if (volume.has(BIND)) {
            ObjectNode options = mount.putObject("BindOptions");
            EngineJson.text(options, "Propagation", ComposeValues.text(volume.get(BIND), "propagation"));
        }
    }

    private static void requireSource(String source, String type) {
        if (source.isEmpty()) {
            throw new IllegalArgumentException("invalid " + type + " source, source cannot be empty");
        }
    }

    private static void refuseOptions(JsonNode volume, String type, String... options) {
        for (String option : options) {
            if (volume.has(option)) {
                throw new IllegalArgumentException(option + " options are incompatible with type " + (type.isEmpty() ? VOLUME : type));
            }
        }
    }
}
