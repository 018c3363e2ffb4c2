package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The keys that came with a later 3.x version than 3.0, so that a file declaring an older version is refused the
 * keys its version lacks, as the CLI's schema for that version refuses them. Found by loading each key under
 * each version with the real CLI ({@code docker stack config}, 28.2). Patterns: {@code *} any key, {@code x-*} an extension key, {@code [object]} a
 * list item written as a mapping (the long syntax of ports and volumes).
 */
final class VersionedKeys {

    private record Gate(String pattern, int since) {
    }

    private static final List<Gate> GATES = List.of(
            new Gate("secrets", 1), new Gate("services.*.secrets", 1),
            new Gate("networks.*.attachable", 2), new Gate("services.*.deploy.endpoint_mode", 2),
            new Gate("services.*.ports.[object]", 2), new Gate("services.*.volumes.[object]", 2),
            new Gate("services.*.build.cache_from", 2),
            new Gate("configs", 3), new Gate("services.*.configs", 3), new Gate("services.*.credential_spec", 3),
            new Gate("services.*.deploy.placement.preferences", 3), new Gate("services.*.build.labels", 3),
            new Gate("x-*", 4), new Gate("volumes.*.name", 4), new Gate("services.*.deploy.update_config.order", 4),
            new Gate("services.*.healthcheck.start_period", 4), new Gate("services.*.build.network", 4),
            new Gate("services.*.build.target", 4),
            new Gate("networks.*.name", 5), new Gate("secrets.*.name", 5), new Gate("configs.*.name", 5),
            new Gate("services.*.isolation", 5), new Gate("services.*.build.shm_size", 5),
            new Gate("services.*.deploy.resources.reservations.generic_resources", 5),
            new Gate("services.*.volumes.[object].tmpfs", 6),
            new Gate("services.*.x-*", 7), new Gate("networks.*.x-*", 7), new Gate("volumes.*.x-*", 7),
            new Gate("secrets.*.x-*", 7), new Gate("configs.*.x-*", 7), new Gate("services.*.init", 7),
            new Gate("services.*.deploy.rollback_config", 7),
            new Gate("secrets.*.driver", 8), new Gate("secrets.*.driver_opts", 8),
            new Gate("secrets.*.template_driver", 8), new Gate("configs.*.template_driver", 8),
            new Gate("services.*.credential_spec.config", 8),
            new Gate("services.*.deploy.placement.max_replicas_per_node", 8),
            new Gate("services.*.deploy.resources.limits.pids", 9), new Gate("services.*.cgroupns_mode", 9),
            new Gate("services.*.build.extra_hosts", 9),
            new Gate("services.*.healthcheck.start_interval", 12),
            new Gate("services.*.oom_score_adj", 13), new Gate("services.*.networks.*.driver_opts", 13));

    private VersionedKeys() {
    }

    static void check(ObjectNode root, ComposeVersion version, Problems problems) {
        for (Gate gate : GATES) {
            if (version.minor() < gate.since()) {
                find(root, gate.pattern().split("\\."), 0, ComposePath.ROOT, (path, key) -> problems.atKey(path,
                        key + " needs a version 3." + gate.since() + " file or later; this one is " + version));
            }
        }
    }

    private interface Found {
        void at(String path, String key);
    }

    private static void find(JsonNode node, String[] segments, int index, String path, Found found) {
        String segment = segments[index];
        boolean last = index == segments.length - 1;
        if (segment.equals("[object]")) {
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                if (node.get(i).isObject()) {
                    visit(node.get(i), segments, index, ComposePath.item(path, i), "the long syntax of "
                            + segments[index - 1], last, found);
                }
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String key = field.getKey();
            boolean matches = segment.equals("*") || segment.equals(key)
                    || segment.equals("x-*") && key.startsWith("x-");
            if (matches) {
                visit(field.getValue(), segments, index, ComposePath.key(path, key), key, last, found);
            }
        }
    }

    private static void visit(JsonNode value, String[] segments, int index, String path, String key, boolean last,
                              Found found) {
        if (last) {
            found.at(path, key);
        } else {
            find(value, segments, index + 1, path, found);
        }
    }
}
