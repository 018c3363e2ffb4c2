package io.powernode.devops.sync;

import io.powernode.devops.kernel.swarm.SwarmLiveQueries.EndpointConnection;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindEndpointConnection;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * How the platform reaches a registered host or cluster, from {@code sync_targets}: the one place that holds
 * every endpoint's connection details, credentials still sealed.
 */
@Component
public class EndpointConnections {

    private final SyncTargets targets;

    public EndpointConnections(SyncTargets targets) {
        this.targets = targets;
    }

    /** @return null when no such host or cluster is known, or it belongs to another account */
    @QueryHandler
    public EndpointConnection handle(FindEndpointConnection query) {
        return targets.find(query.endpointId())
                .filter(target -> target.accountId().equals(query.accountId()))
                .map(target -> new EndpointConnection(target.endpointId(), target.apiEndpoint(), target.tlsVerify(),
                        target.credentials()))
                .orElse(null);
    }
}
