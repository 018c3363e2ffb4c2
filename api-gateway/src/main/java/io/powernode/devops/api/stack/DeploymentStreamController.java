package io.powernode.devops.api.stack;

import io.powernode.devops.api.FeedStreams;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.stack.StackQueries.StreamDeploymentFeed;
import io.powernode.devops.kernel.stack.StackViews.DeploymentFeedEntry;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account's deployments as Server-Sent Events: every timeline entry (step completed, traffic weight updated,
 * analysis failed …) with the phase it leaves the deployment in, resumable with Last-Event-ID as the other feeds
 * are (see {@link FeedStreams}). {@code deployment_id} or {@code stack_id} narrows it to one deployment or stack.
 */
@RestController
class DeploymentStreamController {

    private final FeedStreams feeds;

    DeploymentStreamController(FeedStreams feeds) {
        this.feeds = feeds;
    }

    @GetMapping(path = DeploymentAnswers.DEPLOYMENTS + "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Map<String, Object>>> stream(@AuthenticationPrincipal Jwt jwt,
                                                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                                      @RequestParam(value = "last_event_id", required = false) String lastEventParam,
                                                      @RequestParam(value = "deployment_id", required = false) String deploymentId,
                                                      @RequestParam(value = "stack_id", required = false) String stackId) {
        String accountId = ApiCaller.of(jwt).accountId();
        return feeds.open(jwt, lastEventId, lastEventParam, new FeedStreams.Feed<>(
                after -> new StreamDeploymentFeed(accountId, after), DeploymentFeedEntry.class,
                DeploymentFeedEntry::position, DeploymentStreamController::event))
                .filter(event -> event.data() == null || matches(event.data(), "deployment_id", deploymentId)
                        && matches(event.data(), "stack_id", stackId));
    }

    private static boolean matches(Map<String, Object> data, String field, String wanted) {
        return wanted == null || wanted.equals(data.get(field));
    }

    private static ServerSentEvent<Map<String, Object>> event(DeploymentFeedEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("deployment_id", entry.deploymentId());
        data.put("stack_id", entry.stackId());
        data.put("phase", entry.phase());
        data.put("occurred_at", entry.occurredAt());
        data.put("change", entry.change());
        return FeedStreams.event(entry.position(), entry.eventType(), data);
    }
}
