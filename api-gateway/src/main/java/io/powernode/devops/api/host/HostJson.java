package io.powernode.devops.api.host;

import io.powernode.devops.api.endpoint.SyncTimes;
import io.powernode.devops.kernel.host.HostViews.HostView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A host as the API shows it: every field of the spec, never credentials (only whether there are some). */
final class HostJson {

    private HostJson() {
    }

    static Map<String, Object> of(HostView host, Instant lastAnswered) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", host.id());
        json.put("name", host.name());
        json.put("api_endpoint", host.apiEndpoint());
        json.put("environment", host.environment());
        json.put("tls_verify", host.tlsVerify());
        json.put("has_tls_credentials", host.hasTlsCredentials());
        json.put("status", host.status());
        json.put("consecutive_failures", host.consecutiveFailures());
        json.put("last_synced_at", SyncTimes.latest(host.lastSyncedAt(), lastAnswered));
        json.put("last_error", host.lastError());
        json.put("docker_version", host.dockerVersion());
        json.put("api_version", host.apiVersion());
        json.put("os_type", host.osType());
        json.put("architecture", host.architecture());
        json.put("cpu_count", host.cpuCount());
        json.put("memory_bytes", host.memoryBytes());
        json.put("container_count", host.containerCount());
        json.put("image_count", host.imageCount());
        json.put("sync_interval_seconds", host.syncIntervalSeconds());
        json.put("version", host.version());
        json.put("created_at", host.createdAt());
        json.put("updated_at", host.updatedAt());
        return json;
    }
}
