package io.powernode.devops.swarm;

import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** What the test web images answer on a host-mode port of the swarm's nodes: {@code v1}, {@code v2}, or nothing. */
final class WebPages {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WebPages() {
    }

    /** The page at {@code http://<node>:<port>/}, or "-" when nothing answers there. */
    static String at(SwarmNode node, int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + node.address() + ":" + port + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "-";
        } catch (IOException e) {
            return "-";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-";
        }
    }

    /** The pages every node answers on the port, nodes where nothing answers left out. */
    static Set<String> served(TestSwarm swarm, int port) {
        Set<String> pages = new TreeSet<>();
        swarm.nodes().forEach(node -> pages.add(at(node, port)));
        pages.remove("-");
        return pages;
    }
}
