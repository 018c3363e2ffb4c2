package io.powernode.devops.query.stack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.stack.StackQueries.FindDeployment;
import io.powernode.devops.kernel.stack.StackQueries.ListDeployments;
import io.powernode.devops.kernel.stack.StackViews.DeploymentPage;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.stack.DeploymentDocuments.PHASE;
import static io.powernode.devops.query.stack.DeploymentDocuments.REQUESTED_AT;
import static io.powernode.devops.query.stack.DeploymentDocuments.STACK_ID;

/** Answers deployment queries from {@code deployments}, always within one account. */
@Component
public class DeploymentQueryHandler {
    private final MongoCollection<Document> deployments;

    public DeploymentQueryHandler(MongoDatabase database) {
        this.deployments = database.getCollection(ReadModelCollections.DEPLOYMENTS);
    }

    /** Another account's deployment is answered exactly like a missing one. */
    @QueryHandler
    public DeploymentView handle(FindDeployment query) {
        Document deployment = deployments.find(AccountScope.of(query.accountId())
                .where(Filters.eq(ID, query.deploymentId())).toFilter()).first();
        return deployment == null ? null : DeploymentDocuments.toView(deployment, true);
    }

    /** Newest first, by when they were asked for. */
    @QueryHandler
    public DeploymentPage handle(ListDeployments query) {
        var slice = PagedFind.find(deployments,
                AccountScope.of(query.accountId())
                        .whereEquals(CLUSTER_ID, query.clusterId())
                        .whereEquals(STACK_ID, query.stackId())
                        .whereEquals(PHASE, query.phase())
                        .toFilter(),
                Sorts.descending(REQUESTED_AT, ID), query.page(),
                deployment -> DeploymentDocuments.toView(deployment, false));
        return new DeploymentPage(slice.items(), slice.page());
    }
}
