package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.stack.StackViews.StackServiceView;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.inventory.InventoryKind;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.swarm.SwarmInventoryKinds;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;

/**
 * The Docker side of stacks, from the swarm services read model that the swarm inventory projection keeps: which
 * stacks exist (a service's namespace label names its stack, as {@code docker stack ls} finds them) and which
 * services each one runs, with the part a rollout gave them.
 */
final class StackServices {
    static final String ACTIVE = "active";

    private final MongoCollection<Document> services;

    StackServices(MongoDatabase database) {
        this.services = database.getCollection(ReadModelCollections.SWARM_SERVICES);
    }

    /** Every stack some service of the account (in the cluster, when one is named) carries the label of. */
    Set<StackKey> discovered(String accountId, String clusterIdOrNull) {
        var labelled = AccountScope.of(accountId).whereEquals(CLUSTER_ID, clusterIdOrNull)
                .where(Filters.ne(SwarmInventoryKinds.STACK, null)).toFilter();
        return services.aggregate(List.of(Aggregates.match(labelled),
                        Aggregates.group(new Document(CLUSTER_ID, "$" + CLUSTER_ID).append(SwarmInventoryKinds.STACK, "$" + SwarmInventoryKinds.STACK))))
                .map(group -> {
                    Document key = group.get("_id", Document.class);
                    return new StackKey(key.getString(CLUSTER_ID), key.getString(SwarmInventoryKinds.STACK));
                })
                .into(new HashSet<>());
    }

    /** The services of each of {@code stacks}, by name; a stack with none maps to an empty list. */
    Map<StackKey, List<StackServiceView>> of(String accountId, Collection<StackKey> stacks) {
        Map<StackKey, List<StackServiceView>> byStack = new LinkedHashMap<>();
        stacks.forEach(stack -> byStack.put(stack, new ArrayList<>()));
        if (stacks.isEmpty()) {
            return byStack;
        }
        var inStacks = AccountScope.of(accountId)
                .where(Filters.in(CLUSTER_ID, stacks.stream().map(StackKey::clusterId).collect(Collectors.toSet())))
                .where(Filters.in(SwarmInventoryKinds.STACK, stacks.stream().map(StackKey::name).collect(Collectors.toSet())))
                .toFilter();
        for (Document service : services.find(inStacks).sort(Sorts.ascending(InventoryKind.NAME))) {
            String stack = service.getString(SwarmInventoryKinds.STACK);
            List<StackServiceView> views = byStack.get(new StackKey(service.getString(CLUSTER_ID), stack));
            if (views != null) {
                views.add(toView(service));
            }
        }
        return byStack;
    }

    /**
     * Plain stack services carry no rollout label (CLI parity): they serve, and their compose service is their
     * name without the stack's prefix. What a rollout created or changed says both in its labels.
     */
    private static StackServiceView toView(Document document) {
        SwarmServiceView service = SwarmInventoryKinds.SERVICES.toView().apply(document);
        Map<String, String> labels = Objects.requireNonNullElse(service.labels(), Map.of());
        String prefix = service.stack() + "_";
        String composeService = labels.getOrDefault(RolloutLabels.COMPOSE_SERVICE,
                service.name().startsWith(prefix) ? service.name().substring(prefix.length()) : service.name());
        return new StackServiceView(service.id(), service.name(), composeService,
                labels.getOrDefault(RolloutLabels.ROLE, ACTIVE), service.mode(), service.image(),
                service.desiredReplicas(), service.runningTasks(), service.updateState(), service.updateMessage());
    }
}
