package io.powernode.devops.api.swarm;

import io.powernode.devops.api.endpoint.SyncTimes;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A cluster as the API shows it: registration, connection and swarm settings, never credentials (only whether there are some). */
final class ClusterJson {

    private ClusterJson() {
    }

    /** @param lastAnswered when the sync process last reached the cluster, or null when it cannot say */
    static Map<String, Object> of(ClusterView cluster, Instant lastAnswered) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", cluster.id());
        json.put("name", cluster.name());
        json.put("manager_endpoint", cluster.managerEndpoint());
        json.put("environment", cluster.environment());
        json.put("tls_verify", cluster.tlsVerify());
        json.put("has_tls_credentials", cluster.hasTlsCredentials());
        json.put("status", cluster.status());
        json.put("consecutive_failures", cluster.consecutiveFailures());
        json.put("last_synced_at", SyncTimes.latest(cluster.lastSyncedAt(), lastAnswered));
        json.put("last_error", cluster.lastError());
        json.put("swarm_id", cluster.swarmId());
        json.put("autolock_managers", cluster.autolockManagers());
        json.put("task_history_limit", cluster.taskHistoryLimit());
        json.put("manager_count", cluster.managerCount());
        json.put("worker_count", cluster.workerCount());
        json.put("service_count", cluster.serviceCount());
        json.put("sync_interval_seconds", cluster.syncIntervalSeconds());
        json.put("version", cluster.version());
        json.put("created_at", cluster.createdAt());
        json.put("updated_at", cluster.updatedAt());
        return json;
    }
}
