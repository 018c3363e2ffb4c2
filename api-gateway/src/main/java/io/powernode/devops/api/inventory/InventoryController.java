package io.powernode.devops.api.inventory;

import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.audit.AuditQueries.ActivityPage;
import io.powernode.devops.kernel.audit.AuditQueries.ListActivities;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostQueries.ListContainers;
import io.powernode.devops.kernel.host.HostQueries.ListDockerEvents;
import io.powernode.devops.kernel.host.HostQueries.ListImages;
import io.powernode.devops.kernel.host.HostQueries.ListNetworks;
import io.powernode.devops.kernel.host.HostQueries.ListVolumes;
import io.powernode.devops.kernel.host.HostViews.ContainerPage;
import io.powernode.devops.kernel.host.HostViews.DockerEventPage;
import io.powernode.devops.kernel.host.HostViews.ImagePage;
import io.powernode.devops.kernel.host.HostViews.NetworkPage;
import io.powernode.devops.kernel.host.HostViews.VolumePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** The runbook's read endpoints over the fleet's inventory, Docker events and the activity audit. */
@RestController
@RequestMapping("/api/v1/devops/docker")
class InventoryController {

    private static final List<String> CONTAINER_STATES =
            List.of("created", "running", "paused", "restarting", "removing", "exited", "dead");
    private static final List<String> EVENT_TYPES =
            List.of("container", "image", "network", "volume", "daemon", "plugin", "service", "node", "secret", "config");
    private static final List<String> SEVERITIES = List.of("info", "warning", "error");

    private final Queries queries;

    InventoryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/containers")
    Mono<Map<String, Object>> containers(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        ListContainers query = new ListContainers(account(jwt), q.getFirst("host_id"),
                Paging.oneOf(q, "state", CONTAINER_STATES), Paging.from(q));
        return queries.page("containers", query, ContainerPage.class, ContainerPage::items, ContainerPage::page);
    }

    @GetMapping("/images")
    Mono<Map<String, Object>> images(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("images", new ListImages(account(jwt), q.getFirst("host_id"), Paging.from(q)),
                ImagePage.class, ImagePage::items, ImagePage::page);
    }

    @GetMapping("/networks")
    Mono<Map<String, Object>> networks(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("networks", new ListNetworks(account(jwt), q.getFirst("host_id"), Paging.from(q)),
                NetworkPage.class, NetworkPage::items, NetworkPage::page);
    }

    @GetMapping("/volumes")
    Mono<Map<String, Object>> volumes(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        return queries.page("volumes", new ListVolumes(account(jwt), q.getFirst("host_id"), Paging.from(q)),
                VolumePage.class, VolumePage::items, VolumePage::page);
    }

    @GetMapping("/events")
    Mono<Map<String, Object>> events(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        PageRequest page = Paging.from(q);
        ListDockerEvents query = new ListDockerEvents(account(jwt), q.getFirst("host_id"),
                Paging.oneOf(q, "type", EVENT_TYPES), Paging.oneOf(q, "severity", SEVERITIES), page);
        return queries.page("events", query, DockerEventPage.class, DockerEventPage::items, DockerEventPage::page);
    }

    @GetMapping("/activities")
    Mono<Map<String, Object>> activities(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> q) {
        // host_id, like the other read endpoints; target_id, for targets that are not hosts
        String target = q.getFirst("target_id") != null ? q.getFirst("target_id") : q.getFirst("host_id");
        ListActivities query = new ListActivities(account(jwt), target, q.getFirst("action"), Paging.from(q));
        return queries.page("activities", query, ActivityPage.class, ActivityPage::items, ActivityPage::page);
    }

    private static String account(Jwt jwt) {
        return ApiCaller.of(jwt).accountId();
    }
}
