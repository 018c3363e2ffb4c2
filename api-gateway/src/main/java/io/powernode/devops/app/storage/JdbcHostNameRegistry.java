package io.powernode.devops.app.storage;

import io.powernode.devops.command.host.HostNameRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Host-name claims in the SQL store. The command bus runs each command in a transaction on the same
 * DataSource as the event store, so a claim and the event that needs it commit or roll back together.
 */
@Component
public class JdbcHostNameRegistry implements HostNameRegistry {

    private final JdbcTemplate jdbc;

    public JdbcHostNameRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String accountId, String name, String hostId) {
        String key = key(name);
        List<String> holders = jdbc.queryForList(
                "SELECT host_id FROM host_name_claims WHERE account_id = ? AND name_key = ?", String.class, accountId, key);
        if (holders.contains(hostId)) {
            return;
        }
        if (!holders.isEmpty()) {
            throw HostNameRegistry.nameTaken(name);
        }
        try {
            jdbc.update("INSERT INTO host_name_claims (account_id, name_key, host_id) VALUES (?, ?, ?)", accountId, key, hostId);
        } catch (DuplicateKeyException raced) {
            throw HostNameRegistry.nameTaken(name);
        }
    }

    @Override
    public void release(String accountId, String name, String hostId) {
        jdbc.update("DELETE FROM host_name_claims WHERE account_id = ? AND name_key = ? AND host_id = ?",
                accountId, key(name), hostId);
    }

    private static String key(String name) {
        return HostNameRegistry.uniquenessKey(name);
    }
}
