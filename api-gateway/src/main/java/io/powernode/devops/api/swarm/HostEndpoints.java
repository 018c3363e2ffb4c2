package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.Queries;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostQueries.FindHost;
import io.powernode.devops.kernel.host.HostViews.HostView;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.EndpointConnection;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindEndpointConnection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How to reach a host the account registered, for a cluster that lives on it (registered on its endpoint, or a
 * swarm initialised there): its endpoint and still-sealed credentials, so the user never uploads them twice.
 */
@Component
class HostEndpoints {

    private final Queries queries;

    HostEndpoints(Queries queries) {
        this.queries = queries;
    }

    /** @param environment the host's, for a cluster that names none */
    record HostEndpoint(EndpointConnection connection, DeploymentEnvironment environment) {
    }

    /** @param field the request field naming the host, for the refusal when the account has no such host */
    Mono<HostEndpoint> of(String accountId, String hostId, String field) {
        Mono<HostEndpoint> unknown = Mono.error(() -> ApiProblem.unprocessable(field, "is not a host registered in this account"));
        return queries.ask(new FindHost(accountId, hostId), HostView.class)
                .flatMap(host -> queries.ask(new FindEndpointConnection(accountId, hostId), EndpointConnection.class)
                        .map(connection -> new HostEndpoint(connection, host.environment())))
                .switchIfEmpty(unknown);
    }
}
