package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import org.bson.Document;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.ConnectionDocument.*;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.instant;

/**
 * The {@code clusters} document: its own field names (beside {@code ConnectionDocument}'s) and its mapping to
 * {@link ClusterView}. Node and service counts are not stored: they are counted from the inventory when asked.
 */
final class ClusterDocuments {
    static final String MANAGER_ENDPOINT = "manager_endpoint";
    static final String SWARM_ID = "swarm_id";
    static final String AUTOLOCK_MANAGERS = "autolock_managers";
    static final String TASK_HISTORY_LIMIT = "task_history_limit";

    private ClusterDocuments() {
    }

    static ClusterView toView(Document cluster, ClusterCounts.Counts counts) {
        return new ClusterView(
                cluster.getString(ID),
                cluster.getString(ACCOUNT_ID),
                cluster.getString(NAME),
                cluster.getString(MANAGER_ENDPOINT),
                enumValue(cluster, ENVIRONMENT, DeploymentEnvironment.class),
                cluster.getBoolean(TLS_VERIFY, false),
                cluster.getBoolean(HAS_TLS_CREDENTIALS, false),
                enumValue(cluster, STATUS, ConnectionStatus.class),
                cluster.getInteger(CONSECUTIVE_FAILURES, 0),
                instant(cluster, LAST_SYNCED_AT),
                cluster.getString(LAST_ERROR),
                cluster.getString(SWARM_ID),
                cluster.getBoolean(AUTOLOCK_MANAGERS, false),
                cluster.getInteger(TASK_HISTORY_LIMIT, 0),
                counts.managers(),
                counts.workers(),
                counts.services(),
                cluster.getInteger(SYNC_INTERVAL_SECONDS, 0),
                cluster.getLong(VERSION),
                instant(cluster, CREATED_AT),
                instant(cluster, UPDATED_AT));
    }
}
