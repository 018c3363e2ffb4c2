package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.SealedCredentials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code sync_targets} table. Plain SQL that H2 and PostgreSQL both run; writes go through the
 * JdbcTemplate so they join the transaction in which Axon stores the processor's tracking token.
 */
@Repository
public class SyncTargets {

    private static final RowMapper<SyncTarget> ROW = (rs, row) -> {
        String keyId = rs.getString("credentials_key_id");
        return new SyncTarget(rs.getString("endpoint_id"),
                EndpointKind.valueOf(rs.getString("kind")), rs.getString("account_id"), rs.getString("api_endpoint"),
                rs.getBoolean("tls_verify"),
                keyId == null ? null : new SealedCredentials(keyId, rs.getString("credentials_ciphertext")),
                rs.getInt("sync_interval_seconds"), rs.getBoolean("in_maintenance"));
    };

    private final JdbcTemplate jdbc;

    public SyncTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces: a replayed registration must not fail on its own earlier row. */
    public void save(SyncTarget target) {
        String keyId = target.credentials() == null ? null : target.credentials().keyId();
        String ciphertext = target.credentials() == null ? null : target.credentials().ciphertext();
        int updated = jdbc.update("UPDATE sync_targets SET account_id = ?, api_endpoint = ?, tls_verify = ?, "
                        + "credentials_key_id = ?, credentials_ciphertext = ?, sync_interval_seconds = ?, "
                        + "in_maintenance = ? WHERE endpoint_id = ?",
                target.accountId(), target.apiEndpoint(), target.tlsVerify(), keyId, ciphertext,
                target.syncIntervalSeconds(), target.inMaintenance(), target.endpointId());
        if (updated == 0) {
            jdbc.update("INSERT INTO sync_targets (endpoint_id, kind, account_id, api_endpoint, tls_verify, credentials_key_id, "
                            + "credentials_ciphertext, sync_interval_seconds, in_maintenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    target.endpointId(), target.kind().name(), target.accountId(), target.apiEndpoint(), target.tlsVerify(), keyId, ciphertext,
                    target.syncIntervalSeconds(), target.inMaintenance());
        }
    }

    public Optional<SyncTarget> find(String endpointId) {
        return jdbc.query("SELECT * FROM sync_targets WHERE endpoint_id = ?", ROW, endpointId).stream().findFirst();
    }

    public List<SyncTarget> findAll() {
        return jdbc.query("SELECT * FROM sync_targets ORDER BY endpoint_id", ROW);
    }

    /**
     * The daemon's time (timeNano) of the newest Docker event recorded for the host or cluster; empty before
     * the first.
     */
    public OptionalLong eventWatermark(String endpointId) {
        return jdbc.query("SELECT event_watermark FROM sync_targets WHERE endpoint_id = ?", (rs, row) -> {
            long timeNano = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(timeNano);
        }, endpointId).stream().findFirst().orElse(OptionalLong.empty());
    }

    /**
     * Only ever forward: a follower being replaced may still record an older event. Written from the event
     * stream, outside any transaction, so it commits at once.
     */
    public void advanceEventWatermark(String endpointId, long timeNano) {
        jdbc.update("UPDATE sync_targets SET event_watermark = ? WHERE endpoint_id = ? "
                + "AND (event_watermark IS NULL OR event_watermark < ?)", timeNano, endpointId, timeNano);
    }

    public void delete(String endpointId) {
        jdbc.update("DELETE FROM sync_targets WHERE endpoint_id = ?", endpointId);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM sync_targets");
    }
}
