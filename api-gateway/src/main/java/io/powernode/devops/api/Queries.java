package io.powernode.devops.api;

import org.axonframework.extensions.reactor.queryhandling.gateway.ReactorQueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
}
