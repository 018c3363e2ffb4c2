package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmOperations;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** The swarm operations users asked for, newest first, and where each stands: what a 202 points to. */
@RestController
@RequestMapping(SwarmOperations.BASE)
class OperationController {

    private static final List<String> STATUSES = List.of(SwarmOperationView.REQUESTED, SwarmOperationView.RUNNING,
            SwarmOperationView.SUCCEEDED, SwarmOperationView.FAILED);

    private final Queries queries;

    OperationController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> query) {
        ListSwarmOperations list = new ListSwarmOperations(ApiCaller.of(jwt).accountId(), query.getFirst("cluster_id"),
                Paging.oneOf(query, "status", STATUSES), Paging.from(query));
        return queries.ask(list, SwarmOperationPage.class).map(page -> Paging.body("operations",
                page.items().stream().map(OperationJson::of).toList(), page.page()));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return queries.ask(new FindSwarmOperation(ApiCaller.of(jwt).accountId(), id), SwarmOperationView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("operation " + id)))
                .map(operation -> Map.of("operation", OperationJson.of(operation)));
    }
}
