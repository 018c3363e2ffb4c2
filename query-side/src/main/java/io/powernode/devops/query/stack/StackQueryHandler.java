package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.powernode.devops.kernel.common.PageInfo;
import io.powernode.devops.kernel.stack.StackQueries.FindStack;
import io.powernode.devops.kernel.stack.StackQueries.ListStacks;
import io.powernode.devops.kernel.stack.StackViews.StackPage;
import io.powernode.devops.kernel.stack.StackViews.StackServiceView;
import io.powernode.devops.kernel.stack.StackViews.StackView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.AccountScope;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;
import static io.powernode.devops.query.stack.AppliedSequence.UPDATED_AT;
import static io.powernode.devops.query.stack.StackDocuments.*;

/**
 * Answers stack queries, always within one account, from two read models: the stacks the platform manages
 * ({@code stacks}) and the stacks Docker runs, found by the namespace label of their services (the swarm
 * inventory). A stack is in either or both: the CLI may have deployed it, the platform may have removed it.
 * <p>
 * A removed stack that no service names any more is not listed, but is still found by its id (with no services)
 * when the platform deployed it, so its deployments stay reachable from it. Another account's stack is answered
 * exactly like a missing one.
 */
@Component
public class StackQueryHandler {
    /** Shown while managed and not removed, or while being removed (a CLI stack included). */
    private static final Bson LISTED = Filters.or(
            Filters.and(Filters.ne(LATEST_REVISION, null), Filters.eq(REMOVED_AT, null)),
            Filters.ne(REMOVAL_ID, null));

    private final MongoCollection<Document> stacks;
    private final StackServices services;

    public StackQueryHandler(MongoDatabase database) {
        this.stacks = database.getCollection(ReadModelCollections.STACKS);
        this.services = new StackServices(database);
    }

    @QueryHandler
    public StackView handle(FindStack query) {
        String accountId = query.accountId();
        Document stack = stacks.find(AccountScope.of(accountId).where(Filters.eq(ID, query.stackId())).toFilter())
                .first();
        StackKey key = stack != null ? keyOf(stack) : discovered(accountId, query.stackId());
        if (key == null) {
            return null;
        }
        List<StackServiceView> running = services.of(accountId, List.of(key)).get(key);
        boolean kept = stack != null && (managed(stack) || removing(stack));
        if (running.isEmpty() && !kept) {
            return null;
        }
        return toView(accountId, key, stack, running);
    }

    /**
     * The union of the two sources is paged here rather than in the database: MongoDB's {@code $unionWith} is not
     * offered by the embedded server, and an account's stacks are few enough to hold their names. Only the page's
     * stacks are then read whole, with their services.
     */
    @QueryHandler
    public StackPage handle(ListStacks query) {
        String accountId = query.accountId();
        TreeSet<StackKey> listed = new TreeSet<>(StackKey.BY_NAME);
        stacks.find(AccountScope.of(accountId).whereEquals(CLUSTER_ID, query.clusterId()).where(LISTED).toFilter())
                .projection(Projections.include(CLUSTER_ID, NAME))
                .forEach(stack -> listed.add(keyOf(stack)));
        listed.addAll(services.discovered(accountId, query.clusterId()));

        List<StackKey> page = listed.stream().skip(query.page().offset()).limit(query.page().perPage()).toList();
        Map<StackKey, Document> managed = new HashMap<>();
        stacks.find(AccountScope.of(accountId).where(Filters.in(ID, page.stream().map(StackKey::id).toList()))
                        .toFilter())
                .forEach(stack -> managed.put(keyOf(stack), stack));
        Map<StackKey, List<StackServiceView>> running = services.of(accountId, page);
        return new StackPage(page.stream()
                .map(key -> toView(accountId, key, managed.get(key), running.get(key)))
                .toList(), PageInfo.of(query.page(), listed.size()));
    }

    /** A stack the platform has no document of is known by its name only: its id is searched among them. */
    private StackKey discovered(String accountId, String stackId) {
        return services.discovered(accountId, null).stream()
                .filter(key -> key.id().equals(stackId))
                .findFirst()
                .orElse(null);
    }

    /** @param stack the platform's document of the stack, or null for a stack only Docker knows */
    private static StackView toView(String accountId, StackKey key, Document stack, List<StackServiceView> running) {
        if (stack == null) {
            return new StackView(key.id(), accountId, key.clusterId(), key.name(), false,
                    StackStatus.of(false, false, false, null, running), null, null, null, null, null, Map.of(), running,
                    null, null);
        }
        String activeDeploymentId = activeDeploymentId(stack);
        return new StackView(stack.getString(ID), accountId, key.clusterId(), key.name(), managed(stack),
                StackStatus.of(removing(stack), activeDeploymentId != null, removed(stack),
                        lastDeploymentPhase(stack), running),
                stack.getInteger(LIVE_REVISION), stack.getInteger(LATEST_REVISION), activeDeploymentId,
                stack.getString(LAST_DEPLOYMENT_ID), lastDeploymentPhase(stack),
                Objects.requireNonNullElse(stringMap(stack, ACTIVE_SERVICES), Map.of()), running,
                instant(stack, CREATED_AT), instant(stack, UPDATED_AT));
    }

    private static StackKey keyOf(Document stack) {
        return new StackKey(stack.getString(CLUSTER_ID), stack.getString(NAME));
    }
}
