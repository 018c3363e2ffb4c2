package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmOperations;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.swarm.SwarmOperationDocuments.REQUESTED_AT;
import static io.powernode.devops.query.swarm.SwarmOperationDocuments.STATUS;

/** Answers swarm operation queries from {@code swarm_operations}, always within one account. */
@Component
public class SwarmOperationQueryHandler {
    private final MongoCollection<Document> operations;

    public SwarmOperationQueryHandler(MongoDatabase database) {
        this.operations = database.getCollection(ReadModelCollections.SWARM_OPERATIONS);
    }

    /** Another account's operation is answered exactly like a missing one. */
    @QueryHandler
    public SwarmOperationView handle(FindSwarmOperation query) {
        Document operation = operations.find(AccountScope.of(query.accountId())
                .where(Filters.eq(ID, query.operationId())).toFilter()).first();
        return operation == null ? null : SwarmOperationDocuments.toView(operation);
    }

    /** Newest first, by when they were requested. */
    @QueryHandler
    public SwarmOperationPage handle(ListSwarmOperations query) {
        var slice = PagedFind.find(operations,
                AccountScope.of(query.accountId())
                        .whereEquals(CLUSTER_ID, query.clusterId())
                        .whereEquals(STATUS, query.status())
                        .toFilter(),
                Sorts.descending(REQUESTED_AT, ID), query.page(), SwarmOperationDocuments::toView);
        return new SwarmOperationPage(slice.items(), slice.page());
    }
}
