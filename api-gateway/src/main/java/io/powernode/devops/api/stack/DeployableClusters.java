package io.powernode.devops.api.stack;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.Queries;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The cluster a request that changes a stack acts on — a deploy, a redeploy, a rollback, a retry, a removal, a
 * promote, resume or abort of a rollout. It must be the account's (another account's is not found) and take changes:
 * a cluster in maintenance refuses every swarm operation, so a request accepted then would only fail later, leaving
 * a failed deployment or removal behind. It is refused at once instead, with nothing converted or recorded.
 */
@Component
class DeployableClusters {

    private final Queries queries;

    DeployableClusters(Queries queries) {
        this.queries = queries;
    }

    Mono<ClusterView> require(String accountId, String clusterId) {
        return queries.ask(new FindCluster(accountId, clusterId), ClusterView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("cluster " + clusterId)))
                .flatMap(cluster -> cluster.status() == ConnectionStatus.maintenance
                        ? Mono.error(DomainError.conflict("cluster_in_maintenance", null, "The cluster is in"
                        + " maintenance; end the maintenance before changing what runs on it"))
                        : Mono.just(cluster));
    }
}
