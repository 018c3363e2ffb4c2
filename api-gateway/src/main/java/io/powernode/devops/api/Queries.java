package io.powernode.devops.api;

import io.powernode.devops.kernel.common.PageInfo;
import org.axonframework.extensions.reactor.queryhandling.gateway.ReactorQueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Asks the query bus from a request. Local query handlers run on the calling thread and read MongoDB with
 * a blocking driver, so the call is moved off Netty's event loop, which must never block.
 */
@Component
public class Queries {

    private final ReactorQueryGateway gateway;

    public Queries(ReactorQueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> ask(Object query, Class<R> answerType) {
        return gateway.query(query, answerType).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A list response from a query answering one page: the page's items under {@code name}, with the
     * pagination block (see {@link Paging#body}).
     */
    public <P> Mono<Map<String, Object>> page(String name, Object query, Class<P> pageType, Function<P, List<?>> items,
                                              Function<P, PageInfo> info) {
        return ask(query, pageType).map(page -> Paging.body(name, items.apply(page), info.apply(page)));
    }
}
