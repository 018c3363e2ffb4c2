package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** A live subscription to an account's feed ({@code GET /docker/hosts/stream}, {@code /swarm/clusters/stream}), collecting what it receives. */
final class FeedStream implements AutoCloseable {

    record Received(long id, String type, JsonNode data) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final Disposable subscription;

    private FeedStream(Platform platform, String path, String token, String lastEventId) {
        WebClient client = WebClient.builder().baseUrl(platform.baseUrl())
                .defaultHeader("Authorization", "Bearer " + token).build();
        subscription = client.get().uri(path)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .doOnNext(event -> opened.countDown())
                .filter(event -> event.id() != null)
                .subscribe(event -> received.add(new Received(Long.parseLong(event.id()), event.event(), event.data())));
    }

    /** Returns once the server has said the stream is open: from then on no change is missed. */
    private FeedStream awaitOpen() {
        try {
            if (!opened.await(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the stream did not open within 15 s");
            }
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static FeedStream open(Platform platform, HostApi api) {
        return open(platform, api, null);
    }

    static FeedStream open(Platform platform, HostApi api, String lastEventId) {
        return open(platform, Platform.API + "/hosts/stream", Platform.token(api.account, "alice", HostApi.READ), lastEventId);
    }

    /** Opens the feed at {@code path} (e.g. {@code /api/v1/devops/swarm/clusters/stream}) once the server says it is open. */
    static FeedStream open(Platform platform, String path, String token, String lastEventId) {
        return new FeedStream(platform, path, token, lastEventId).awaitOpen();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits for an event matching {@code test} and answers the first one. */
    Received await(String description, Predicate<Received> test, Duration within) {
        Awaitility.await(description).atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> received.stream().anyMatch(test));
        return received.stream().filter(test).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
