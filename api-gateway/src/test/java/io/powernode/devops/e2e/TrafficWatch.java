package io.powernode.devops.e2e;

import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client of a published endpoint, as an external load balancer in front of the swarm sees it: a host-mode port
 * on every node (the guide's HAProxy across {@code node:8080}). Each round asks every node once and keeps which
 * answered what; a node that runs no task of the service refuses, which counts as no answer, not a wrong one.
 * Watching in the background shows what users got throughout a rollout.
 */
final class TrafficWatch implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** What the nodes answered in one round: the page bodies, trimmed, of those that answered. */
    record Round(List<String> answers) {
        boolean servedOnly(String body) {
            return !answers.isEmpty() && answers.stream().allMatch(body::equals);
        }
    }

    private final List<URI> endpoints;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final List<Round> rounds = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService watcher;

    TrafficWatch(TestSwarm swarm, int port) {
        this.endpoints = swarm.nodes().stream().map(SwarmNode::address)
                .map(address -> URI.create("http://" + address + ":" + port + "/")).toList();
    }

    /** One round now. */
    Round ask() {
        List<String> answers = new ArrayList<>();
        for (URI endpoint : endpoints) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    answers.add(response.body().trim());
                }
            } catch (java.io.IOException e) {
                // no task of the service on that node, or one not answering yet: no answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Round(answers);
    }

    /** Asks every {@code every} in the background until closed. */
    TrafficWatch start(Duration every) {
        watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> rounds.add(ask()), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    List<Round> rounds() {
        return List.copyOf(rounds);
    }

    /** Every distinct answer seen in the background rounds. */
    Set<String> everyAnswer() {
        Set<String> all = new TreeSet<>();
        rounds.forEach(round -> all.addAll(round.answers()));
        return all;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
