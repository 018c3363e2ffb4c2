package io.powernode.devops.kernel.audit;

import java.time.Instant;
import java.util.Map;

/** The activity audit: one record for every user-initiated command, whatever its outcome. */
public final class AuditEvents {
    private AuditEvents() {
    }

    public enum Outcome { succeeded, rejected, failed }

    /**
     * @param parameters what the user asked for, with every secret replaced by a marker
     * @param detail     why it was rejected or failed; null on success
     */
    public record ActivityRecorded(String activityId, String accountId, String actorId, String actorType,
                                   String action, String targetType, String targetId,
                                   Map<String, Object> parameters, Outcome outcome, String detail,
                                   Instant occurredAt, String correlationId) {
    }
}
