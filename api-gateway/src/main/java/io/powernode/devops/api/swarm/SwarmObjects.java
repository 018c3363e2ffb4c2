package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.Queries;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmConfig;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmNetwork;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmNode;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmSecret;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmService;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmVolume;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumeView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One object of the account's swarm inventory by its Docker id, from the read model, or 404 when no cluster of
 * the account holds it. An object's view names its cluster, which is how a request addressed to a node or a
 * service finds the cluster to ask.
 */
@Component
class SwarmObjects {

    private final Queries queries;

    SwarmObjects(Queries queries) {
        this.queries = queries;
    }

    Mono<SwarmNodeView> node(String accountId, String id) {
        return require(new FindSwarmNode(accountId, id), SwarmNodeView.class, "node " + id);
    }

    Mono<SwarmServiceView> service(String accountId, String id) {
        return require(new FindSwarmService(accountId, id), SwarmServiceView.class, "service " + id);
    }

    Mono<SwarmSecretView> secret(String accountId, String id) {
        return require(new FindSwarmSecret(accountId, id), SwarmSecretView.class, "secret " + id);
    }

    Mono<SwarmConfigView> config(String accountId, String id) {
        return require(new FindSwarmConfig(accountId, id), SwarmConfigView.class, "config " + id);
    }

    Mono<SwarmNetworkView> network(String accountId, String id) {
        return require(new FindSwarmNetwork(accountId, id), SwarmNetworkView.class, "network " + id);
    }

    /** Volumes have no id, only a name per cluster. */
    Mono<SwarmVolumeView> volume(String accountId, String clusterId, String name) {
        return require(new FindSwarmVolume(accountId, clusterId, name), SwarmVolumeView.class, "volume " + name);
    }

    private <V> Mono<V> require(Object query, Class<V> type, String what) {
        return queries.ask(query, type).switchIfEmpty(Mono.error(() -> ApiProblem.notFound(what)));
    }
}
