package io.powernode.devops.query.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.HostViews.HostView;
import org.bson.Document;

import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.ConnectionDocument.*;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.instant;

/** The {@code hosts} document: its own field names (beside {@code ConnectionDocument}'s) and its mapping to {@link HostView}. */
final class HostDocuments {
    static final String API_ENDPOINT = "api_endpoint";
    static final String DOCKER_VERSION = "docker_version";
    static final String API_VERSION = "api_version";
    static final String OS_TYPE = "os_type";
    static final String ARCHITECTURE = "architecture";
    static final String CPU_COUNT = "cpu_count";
    static final String MEMORY_BYTES = "memory_bytes";
    static final String CONTAINER_COUNT = "container_count";
    static final String IMAGE_COUNT = "image_count";

    private HostDocuments() {
    }

    static HostView toView(Document host) {
        return new HostView(
                host.getString(ID),
                host.getString(ACCOUNT_ID),
                host.getString(NAME),
                host.getString(API_ENDPOINT),
                enumValue(host, ENVIRONMENT, DeploymentEnvironment.class),
                host.getBoolean(TLS_VERIFY, false),
                host.getBoolean(HAS_TLS_CREDENTIALS, false),
                enumValue(host, STATUS, ConnectionStatus.class),
                host.getInteger(CONSECUTIVE_FAILURES, 0),
                instant(host, LAST_SYNCED_AT),
                host.getString(LAST_ERROR),
                host.getString(DOCKER_VERSION),
                host.getString(API_VERSION),
                host.getString(OS_TYPE),
                host.getString(ARCHITECTURE),
                host.getInteger(CPU_COUNT),
                host.getLong(MEMORY_BYTES),
                host.getInteger(CONTAINER_COUNT, 0),
                host.getInteger(IMAGE_COUNT, 0),
                host.getInteger(SYNC_INTERVAL_SECONDS, 0),
                host.getLong(VERSION),
                instant(host, CREATED_AT),
                instant(host, UPDATED_AT));
    }
}
