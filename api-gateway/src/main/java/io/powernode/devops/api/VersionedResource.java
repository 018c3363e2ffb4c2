package io.powernode.devops.api;

import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.kernel.common.PageInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A kind of resource users change through commands that answer its aggregate version, and read from its read
 * model: the answers every write and read of it gives. A write answers once the read model shows its effect
 * (with the fresh resource and its ETag), or 202 with what the read model shows when it lags past the bounded
 * wait. Built by {@link VersionedResources}.
 *
 * @param <V> the read model's view of one resource
 */
public final class VersionedResource<V> {

    /**
     * @param name      the resource's JSON key and its name in messages, e.g. {@code host}
     * @param plural    the key of list responses, e.g. {@code hosts}
     * @param basePath  where the resources live, e.g. {@code /api/v1/devops/docker/hosts}
     * @param find      the view of one resource of an account (account id, resource id), empty when it has none
     * @param versionOf the aggregate version a view shows
     * @param json      the API's JSON for some views, in their order (one call per response, so extra lookups batch)
     */
    public record Shape<V>(String name, String plural, String basePath, BiFunction<String, String, Mono<V>> find,
                           ToLongFunction<V> versionOf, Function<List<V>, Mono<List<Map<String, Object>>>> json) {
    }

    private final Shape<V> shape;
    private final AuditedCommands commands;
    private final ReadModelWait wait;

    VersionedResource(Shape<V> shape, AuditedCommands commands, ReadModelWait wait) {
        this.shape = shape;
        this.commands = commands;
        this.wait = wait;
    }

    public Mono<V> find(String accountId, String id) {
        return shape.find().apply(accountId, id);
    }

    /** The resource, or 404 (also when it belongs to another account). */
    public Mono<V> require(String accountId, String id) {
        return find(accountId, id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound(shape.name() + " " + id)));
    }

    /** 200 with the resource and its version as ETag, or 404. */
    public Mono<ResponseEntity<Map<String, Object>>> show(String accountId, String id) {
        return require(accountId, id).flatMap(view -> body(view)
                .map(json -> ResponseEntity.ok().eTag(etag(view)).body(json)));
    }

    /** A list response: the page's resources under the plural name, with the pagination block. */
    public Mono<Map<String, Object>> page(List<V> views, PageInfo page) {
        return shape.json().apply(views).map(items -> Paging.body(shape.plural(), items, page));
    }

    /**
     * Creates the resource {@code id} (see {@link StableIds}): 201 with it. A retried request with the same
     * Idempotency-Key finds what the first one created and answers 200 with it, sending nothing.
     */
    public Mono<ResponseEntity<Map<String, Object>>> create(RequestContext context, String id, Activity activity,
                                                            Object command) {
        Mono<ResponseEntity<Map<String, Object>>> created = commands.send(context, activity, command)
                .then(respond(context, id, 0L, HttpStatus.CREATED));
        if (context.idempotencyKey() == null) {
            return created;
        }
        return find(context.accountId(), id)
                .flatMap(existing -> respond(context, id, 0L, HttpStatus.OK))
                .switchIfEmpty(created);
    }

    /** Sends a command on an existing resource that answers its new version, then answers 200 with the resource as of that version. */
    public Mono<ResponseEntity<Map<String, Object>>> change(RequestContext context, String id, Activity activity,
                                                            Object command) {
        return commands.send(context, activity, command)
                .map(version -> ((Number) version).longValue())
                .defaultIfEmpty(0L)
                .flatMap(version -> respond(context, id, version, HttpStatus.OK));
    }

    /** 204 once the read model no longer shows the resource, 202 if it still does after the bounded wait. */
    public Mono<ResponseEntity<Void>> remove(RequestContext context, String id, Activity activity, Object command) {
        return commands.send(context, activity, command)
                .then(wait.awaitGone(() -> find(context.accountId(), id)))
                .map(gone -> gone ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build());
    }

    private Mono<ResponseEntity<Map<String, Object>>> respond(RequestContext context, String id, long version,
                                                              HttpStatus status) {
        URI location = URI.create(shape.basePath() + "/" + id);
        return wait.awaitVersion(() -> find(context.accountId(), id), shape.versionOf(), version)
                .flatMap(fresh -> body(fresh.view()).map(json -> ResponseEntity
                        .status(fresh.current() ? status : HttpStatus.ACCEPTED)
                        .location(location).eTag(etag(fresh.view())).body(json)))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                        .body(Map.of(shape.name(), Map.of("id", id))));
    }

    private Mono<Map<String, Object>> body(V view) {
        return shape.json().apply(List.of(view)).map(json -> Map.of(shape.name(), json.get(0)));
    }

    private String etag(V view) {
        return Versions.etag(shape.versionOf().applyAsLong(view));
    }
}
