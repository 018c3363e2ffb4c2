package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.stack.StackViews.StackServiceView;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.inventory.InventoryKind;
import io.powernode.devops.query.mongo.AccountScope;
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
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;

/**
 * The Docker side of stacks, from the swarm services read model that the swarm inventory projection keeps: which
 * stacks exist (a service's namespace label names its stack, as {@code docker stack ls} finds them) and which
 * services each one runs, with the part a rollout gave them. The field names are those that projection writes.
 */
final class StackServices {
    /** The rollout's label of a service it created or changed; absent on the service that serves. */
    static final String ROLE_LABEL = "io.powernode.rollout.role";
    /** The rollout's label naming the compose service a service runs, whatever its Docker name. */
    static final String COMPOSE_SERVICE_LABEL = "io.powernode.stack.service";
    static final String ACTIVE = "active";

    private static final String STACK = "stack";
    private static final String MODE = "mode";
    private static final String IMAGE = "image";
    private static final String DESIRED_REPLICAS = "desired_replicas";
    private static final String RUNNING_TASKS = "running_tasks";
    private static final String UPDATE_STATE = "update_state";
    private static final String UPDATE_MESSAGE = "update_message";

    private final MongoCollection<Document> services;

    StackServices(MongoDatabase database) {
        this.services = database.getCollection(ReadModelCollections.SWARM_SERVICES);
    }

    /** Every stack some service of the account (in the cluster, when one is named) carries the label of. */
    Set<StackKey> discovered(String accountId, String clusterIdOrNull) {
        var labelled = AccountScope.of(accountId).whereEquals(CLUSTER_ID, clusterIdOrNull)
                .where(Filters.ne(STACK, null)).toFilter();
        return services.aggregate(List.of(Aggregates.match(labelled),
                        Aggregates.group(new Document(CLUSTER_ID, "$" + CLUSTER_ID).append(STACK, "$" + STACK))))
                .map(group -> {
                    Document key = group.get("_id", Document.class);
                    return new StackKey(key.getString(CLUSTER_ID), key.getString(STACK));
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
                .where(Filters.in(STACK, stacks.stream().map(StackKey::name).collect(Collectors.toSet())))
                .toFilter();
        for (Document service : services.find(inStacks).sort(Sorts.ascending(InventoryKind.NAME))) {
            String stack = service.getString(STACK);
            List<StackServiceView> views = byStack.get(new StackKey(service.getString(CLUSTER_ID), stack));
            if (views != null) {
                views.add(toView(service, stack));
            }
        }
        return byStack;
    }

    /**
     * Plain stack services carry no rollout label (CLI parity): they serve, and their compose service is their
     * name without the stack's prefix. What a rollout created or changed says both in its labels.
     */
    private static StackServiceView toView(Document service, String stack) {
        Map<String, String> labels = Objects.requireNonNullElse(stringMap(service, InventoryKind.LABELS), Map.of());
        String name = service.getString(InventoryKind.NAME);
        String prefix = stack + "_";
        String composeService = labels.getOrDefault(COMPOSE_SERVICE_LABEL,
                name.startsWith(prefix) ? name.substring(prefix.length()) : name);
        return new StackServiceView(
                service.getString(InventoryKind.ID),
                name,
                composeService,
                labels.getOrDefault(ROLE_LABEL, ACTIVE),
                enumValue(service, MODE, ServiceMode.class),
                service.getString(IMAGE),
                service.getInteger(DESIRED_REPLICAS),
                service.getInteger(RUNNING_TASKS, 0),
                service.getString(UPDATE_STATE),
                service.getString(UPDATE_MESSAGE));
    }
}
