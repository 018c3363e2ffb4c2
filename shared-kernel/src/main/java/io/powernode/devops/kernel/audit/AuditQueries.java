package io.powernode.devops.kernel.audit;

import io.powernode.devops.kernel.common.PageInfo;
import io.powernode.devops.kernel.common.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public final class AuditQueries {
    private AuditQueries() {
    }

    /** Newest first; null filters match everything. Answers {@link ActivityPage}. */
    public record ListActivities(String accountId, String targetId, String action, PageRequest page) {
    }

    public record ActivityView(String id, String accountId, String actorId, String actorType, String action,
                               String targetType, String targetId, Map<String, Object> parameters,
                               AuditEvents.Outcome outcome, String detail, Instant occurredAt,
                               String correlationId) {
    }

    public record ActivityPage(List<ActivityView> items, PageInfo page) {
    }
}
