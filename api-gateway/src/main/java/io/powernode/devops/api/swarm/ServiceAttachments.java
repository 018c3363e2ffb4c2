package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.ServiceSpec.Mount;
import io.powernode.devops.kernel.swarm.ServiceSpec.NetworkAttachment;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a service's tasks are given from outside the image: mounts, networks, published ports, secrets and
 * configs. Two items that would collide in a task (one mount point, one published port, one target file)
 * are refused here, as swarmkit would refuse them.
 */
final class ServiceAttachments {

    private static final int MAX_ITEMS = 100;
    private static final int MAX_NETWORKS = 20;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_ALIAS = 255;
    private static final int MAX_PORT = 65_535;
    private static final int MAX_FILE_MODE = 0777;
    private static final int MAX_FILE_NAME = 255;

    private static final List<String> MOUNT_TYPES = List.of("volume", "bind", "tmpfs");
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "sctp");
    private static final List<String> PUBLISH_MODES = List.of("ingress", "host");
    private static final Set<String> MOUNT_FIELDS = Set.of("type", "source", "target", "read_only");
    private static final Set<String> NETWORK_FIELDS = Set.of("network", "aliases");
    private static final Set<String> PORT_FIELDS = Set.of("target", "published", "protocol", "publish_mode");
    private static final Set<String> FILE_FIELDS = Set.of("name", "target", "uid", "gid", "mode");

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,10}");
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{1,3}");

    private ServiceAttachments() {
    }

    static List<Mount> mounts(JsonBody.Fields service) {
        List<JsonBody.Fields> items = service.objects("mounts", MAX_ITEMS, MOUNT_FIELDS);
        if (items == null) {
            return null;
        }
        List<Mount> mounts = new ArrayList<>();
        Map<String, Integer> targets = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonBody.Fields mount = items.get(i);
            String type = mount.has("type") ? mount.oneOf("type", MOUNT_TYPES) : "volume";
            String target = SwarmFields.absolutePath(mount, "target", true);
            String source = type == null ? null : switch (type) {
                case "bind" -> SwarmFields.absolutePath(mount, "source", true);
                // a volume mount without a source gets a new anonymous volume
                case "volume" -> SwarmFields.reference(mount, "source", false);
                default -> {
                    if (mount.has("source")) {
                        mount.reject("source", "must not be set for a tmpfs mount");
                    }
                    yield null;
                }
            };
            Boolean readOnly = mount.bool("read_only");
            if (target != null && unique(targets, target, i, mount, "target", "mounts")) {
                mounts.add(new Mount(type, source, target, Boolean.TRUE.equals(readOnly)));
            }
        }
        return mounts;
    }

    /** Items are a network's name or id, or {@code {"network", "aliases"}}. */
    static List<NetworkAttachment> networks(JsonBody.Fields service) {
        List<JsonBody.Fields> items = service.objects("networks", MAX_NETWORKS, NETWORK_FIELDS, "network");
        if (items == null) {
            return null;
        }
        List<NetworkAttachment> networks = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonBody.Fields network = items.get(i);
            String name = SwarmFields.reference(network, "network", true);
            List<String> aliases = aliases(network);
            if (name != null && unique(names, name, i, network, "network", "networks")) {
                networks.add(new NetworkAttachment(name, aliases));
            }
        }
        return networks;
    }

    /** As swarmkit: a published port once per protocol, and none through the routing mesh with dnsrr. */
    static List<PublishedPort> ports(JsonBody.Fields service, String endpointMode) {
        List<JsonBody.Fields> items = service.objects("ports", MAX_ITEMS, PORT_FIELDS);
        if (items == null) {
            return null;
        }
        List<PublishedPort> ports = new ArrayList<>();
        Map<String, Integer> published = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonBody.Fields port = items.get(i);
            Integer target = port.integer("target", 1, MAX_PORT, true);
            Integer publishedPort = port.integer("published", 1, MAX_PORT);
            String protocol = port.has("protocol") ? port.oneOf("protocol", PROTOCOLS) : "tcp";
            String publishMode = port.has("publish_mode") ? port.oneOf("publish_mode", PUBLISH_MODES) : "ingress";
            if ("dnsrr".equals(endpointMode) && "ingress".equals(publishMode)) {
                port.reject("publish_mode", "must be host when endpoint_mode is dnsrr: "
                        + "the routing mesh (ingress) needs a virtual IP");
                continue;
            }
            boolean free = publishedPort == null || protocol == null
                    || unique(published, publishedPort + "/" + protocol, i, port, "published", "ports");
            if (target != null && protocol != null && publishMode != null && free) {
                ports.add(new PublishedPort(target, publishedPort, protocol, publishMode));
            }
        }
        return ports;
    }

    /** Secrets appear as files under {@code /run/secrets/}, named by their target (by default the secret's name). */
    static List<FileReference> secrets(JsonBody.Fields service) {
        return files(service, "secrets", false);
    }

    /** Configs appear as files at an absolute target path (by default {@code /<name>}). */
    static List<FileReference> configs(JsonBody.Fields service) {
        return files(service, "configs", true);
    }

    private static List<FileReference> files(JsonBody.Fields service, String field, boolean absoluteTarget) {
        List<JsonBody.Fields> items = service.objects(field, MAX_ITEMS, FILE_FIELDS, "name");
        if (items == null) {
            return null;
        }
        List<FileReference> files = new ArrayList<>();
        Map<String, Integer> targets = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonBody.Fields file = items.get(i);
            String name = SwarmFields.objectName(file, "name", true);
            String target = absoluteTarget ? SwarmFields.absolutePath(file, "target", false) : secretFileName(file);
            String uid = numericId(file, "uid");
            String gid = numericId(file, "gid");
            Integer mode = fileMode(file);
            if (name == null || file.has("target") && target == null) {
                continue;
            }
            String effectiveTarget = target != null ? target : absoluteTarget ? "/" + name : name;
            if (unique(targets, effectiveTarget, i, file, target != null ? "target" : "name", field)) {
                files.add(new FileReference(name, target, uid, gid, mode));
            }
        }
        return files;
    }

    private static List<String> aliases(JsonBody.Fields network) {
        List<String> aliases = network.strings("aliases", MAX_ALIASES, MAX_ALIAS);
        if (aliases == null) {
            return null;
        }
        for (int i = 0; i < aliases.size(); i++) {
            if (!ALIAS.matcher(aliases.get(i)).matches()) {
                network.reject("aliases[" + i + "]", "must be a DNS name: letters, digits, '-', '_' or '.'");
            }
        }
        return aliases;
    }

    private static String secretFileName(JsonBody.Fields file) {
        String target = file.string("target", false, MAX_FILE_NAME);
        if (target != null && (target.isBlank() || target.startsWith("/") || target.equals("..")
                || target.startsWith("../") || target.contains("/../") || target.endsWith("/..")
                || target.chars().anyMatch(Character::isISOControl))) {
            file.reject("target", "must be a file name under /run/secrets/, e.g. db_password");
            return null;
        }
        return target;
    }

    /** A user or group id: Docker takes it as a string, a number is accepted too. */
    private static String numericId(JsonBody.Fields file, String name) {
        if (!file.has(name)) {
            return null;
        }
        if (!file.isString(name)) {
            Integer id = file.integer(name, 0, Integer.MAX_VALUE);
            return id == null ? null : id.toString();
        }
        String id = file.string(name, false);
        if (!NUMERIC_ID.matcher(id).matches()) {
            file.reject(name, "must be a numeric id, e.g. \"1000\"");
            return null;
        }
        return id;
    }

    /** Octal as a string ({@code "0440"}) or the number itself ({@code 288}). */
    private static Integer fileMode(JsonBody.Fields file) {
        if (!file.isString("mode")) {
            return file.integer("mode", 0, MAX_FILE_MODE);
        }
        String mode = file.string("mode", false);
        if (!OCTAL_MODE.matcher(mode).matches()) {
            file.reject("mode", "must be an octal file mode such as \"0440\"");
            return null;
        }
        return Integer.parseInt(mode, 8);
    }

    /** Records {@code key} for item {@code index}; false, with the field rejected, when an earlier item has it. */
    private static boolean unique(Map<String, Integer> seen, String key, int index, JsonBody.Fields item,
                                  String field, String list) {
        Integer earlier = seen.putIfAbsent(key, index);
        if (earlier != null) {
            item.reject(field, "collides with " + list + "[" + earlier + "]: both use " + key);
            return false;
        }
        return true;
    }
}
