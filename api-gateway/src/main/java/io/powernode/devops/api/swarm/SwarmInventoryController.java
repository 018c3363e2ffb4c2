package io.powernode.devops.api.swarm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmConfigs;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmEvents;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmNetworks;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmNodes;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmSecrets;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmServices;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmTasks;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmVolumes;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServicePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmTaskPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumePage;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ObjectKind;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ReadServiceLogs;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ServiceLogs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook's swarm read endpoints: the account's nodes, services, tasks, networks, volumes, secrets (metadata
 * only), configs and swarm events, each list optionally narrowed to one cluster; one object with Docker's own
 * inspection beside its read-model view; a service's logs.
 */
@RestController
@RequestMapping(SwarmPaths.BASE)
class SwarmInventoryController {

    private static final List<String> EVENT_TYPES = List.of("service", "node", "secret", "config", "network");
    private static final int MAX_TAIL = 10_000;
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Queries queries;
    private final SwarmObjects objects;
    private final SwarmLive live;
    private final ObjectMapper json;

    SwarmInventoryController(Queries queries, SwarmObjects objects, SwarmLive live, ObjectMapper json) {
        this.queries = queries;
        this.objects = objects;
        this.live = live;
        this.json = json;
    }

    @GetMapping("/nodes")
    Mono<Map<String, Object>> nodes(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        ListSwarmNodes query = new ListSwarmNodes(account(jwt), q.getFirst("cluster_id"),
                Paging.enumFilter(q, "role", NodeRole.class), Paging.enumFilter(q, "availability", NodeAvailability.class),
                Paging.from(q));
        return queries.page("nodes", query, SwarmNodePage.class, SwarmNodePage::items, SwarmNodePage::page);
    }

    @GetMapping("/services")
    Mono<Map<String, Object>> services(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        ListSwarmServices query = new ListSwarmServices(account(jwt), q.getFirst("cluster_id"), q.getFirst("stack"),
                Paging.from(q));
        return queries.page("services", query, SwarmServicePage.class, SwarmServicePage::items, SwarmServicePage::page);
    }

    @GetMapping("/tasks")
    Mono<Map<String, Object>> tasks(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        ListSwarmTasks query = new ListSwarmTasks(account(jwt), q.getFirst("cluster_id"), q.getFirst("service_id"),
                q.getFirst("node_id"), Paging.from(q));
        return queries.page("tasks", query, SwarmTaskPage.class, SwarmTaskPage::items, SwarmTaskPage::page);
    }

    @GetMapping("/networks")
    Mono<Map<String, Object>> networks(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("networks", new ListSwarmNetworks(account(jwt), q.getFirst("cluster_id"), Paging.from(q)),
                SwarmNetworkPage.class, SwarmNetworkPage::items, SwarmNetworkPage::page);
    }

    @GetMapping("/volumes")
    Mono<Map<String, Object>> volumes(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("volumes", new ListSwarmVolumes(account(jwt), q.getFirst("cluster_id"), Paging.from(q)),
                SwarmVolumePage.class, SwarmVolumePage::items, SwarmVolumePage::page);
    }

    @GetMapping("/secrets")
    Mono<Map<String, Object>> secrets(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("secrets", new ListSwarmSecrets(account(jwt), q.getFirst("cluster_id"), Paging.from(q)),
                SwarmSecretPage.class, SwarmSecretPage::items, SwarmSecretPage::page);
    }

    @GetMapping("/configs")
    Mono<Map<String, Object>> configs(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("configs", new ListSwarmConfigs(account(jwt), q.getFirst("cluster_id"), Paging.from(q)),
                SwarmConfigPage.class, SwarmConfigPage::items, SwarmConfigPage::page);
    }

    @GetMapping("/events")
    Mono<Map<String, Object>> events(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        ListSwarmEvents query = new ListSwarmEvents(account(jwt), q.getFirst("cluster_id"),
                Paging.oneOf(q, "type", EVENT_TYPES), Paging.from(q));
        return queries.page("events", query, SwarmEventPage.class, SwarmEventPage::items, SwarmEventPage::page);
    }

    /** SwarmManager's inspect: the swarm's settings as last synced, and Docker's answer without its join tokens. */
    @GetMapping("/clusters/{id}/swarm")
    Mono<Map<String, Object>> swarm(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        String accountId = account(jwt);
        return queries.ask(new FindCluster(accountId, id), ClusterView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("cluster " + id)))
                .flatMap(cluster -> {
                    Map<String, Object> settings = new LinkedHashMap<>();
                    settings.put("swarm_id", cluster.swarmId());
                    settings.put("autolock_managers", cluster.autolockManagers());
                    settings.put("task_history_limit", cluster.taskHistoryLimit());
                    return live.withInspection(settings, accountId, id, ObjectKind.swarm, id);
                })
                .map(body -> Map.of("swarm", body));
    }

    @GetMapping("/nodes/{id}")
    Mono<Map<String, Object>> node(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        String accountId = account(jwt);
        return objects.node(accountId, id).flatMap(node -> inspected("node", node, accountId, node.clusterId(), ObjectKind.node, id));
    }

    @GetMapping("/services/{id}")
    Mono<Map<String, Object>> service(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        String accountId = account(jwt);
        return objects.service(accountId, id).flatMap(service -> inspected("service", service, accountId, service.clusterId(), ObjectKind.service, id));
    }

    @GetMapping("/secrets/{id}")
    Mono<Map<String, Object>> secret(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        String accountId = account(jwt);
        return objects.secret(accountId, id).flatMap(secret -> inspected("secret", secret, accountId, secret.clusterId(), ObjectKind.secret, id));
    }

    @GetMapping("/configs/{id}")
    Mono<Map<String, Object>> config(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        String accountId = account(jwt);
        return objects.config(accountId, id).flatMap(config -> inspected("config", config, accountId, config.clusterId(), ObjectKind.config, id));
    }

    @GetMapping("/networks/{id}")
    Mono<Map<String, Object>> network(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        String accountId = account(jwt);
        return objects.network(accountId, id).flatMap(network -> inspected("network", network, accountId, network.clusterId(), ObjectKind.network, id));
    }

    /** Volumes have no id, only a name per cluster: {@code ?cluster_id=} is required. */
    @GetMapping("/volumes/{name}")
    Mono<Map<String, Object>> volume(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                                     @RequestParam(value = "cluster_id", required = false) String clusterId) {
        String accountId = account(jwt);
        String cluster = requiredClusterId(clusterId);
        return objects.volume(accountId, cluster, name).flatMap(volume -> inspected("volume", volume, accountId, cluster, ObjectKind.volume, name));
    }

    /** @param tail the last lines to show ({@code all} or none: every line); @param since an instant, or e.g. {@code 10m} ago */
    @GetMapping("/services/{id}/logs")
    Mono<ServiceLogs> logs(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                           @RequestParam(value = "tail", required = false) String tail,
                           @RequestParam(value = "since", required = false) String since) {
        String accountId = account(jwt);
        Integer lines = tail(tail);
        Instant from = since(since);
        return objects.service(accountId, id).flatMap(service -> live.ask(
                        new ReadServiceLogs(accountId, service.clusterId(), id, lines, from), ServiceLogs.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("service " + id))));
    }

    static String requiredClusterId(String clusterId) {
        if (clusterId == null || clusterId.isBlank()) {
            throw ApiProblem.invalid("cluster_id", "is required: a volume is named per cluster");
        }
        return clusterId;
    }

    private Mono<Map<String, Object>> inspected(String name, Object view, String accountId, String clusterId,
                                                ObjectKind kind, String id) {
        Map<String, Object> object = json.convertValue(view, JSON_OBJECT);
        return live.withInspection(object, accountId, clusterId, kind, id).map(body -> Map.of(name, body));
    }

    private static Integer tail(String tail) {
        if (tail == null || tail.equals("all")) {
            return null;
        }
        try {
            int lines = Integer.parseInt(tail);
            if (lines >= 0 && lines <= MAX_TAIL) {
                return lines;
            }
        } catch (NumberFormatException ignored) {
            // answered below, like a number out of range
        }
        throw ApiProblem.invalid("tail", "must be all or a whole number from 0 to " + MAX_TAIL);
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        Matcher relative = RELATIVE.matcher(since);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration ago = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return Instant.now().minus(ago);
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("since", "must be an instant (2024-05-01T10:00:00Z) or a time ago (30s, 10m, 2h, 1d)");
        }
    }

    private static String account(Jwt jwt) {
        return ApiCaller.of(jwt).accountId();
    }
}
