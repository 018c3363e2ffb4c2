-- What the host sync scheduler needs per host, kept by the "host-sync-targets" event processor.
-- Credentials stay sealed exactly as the events carry them; only the Docker gateway opens them.
CREATE TABLE sync_targets (
    host_id                VARCHAR(255)  NOT NULL PRIMARY KEY,
    account_id             VARCHAR(255)  NOT NULL,
    api_endpoint           VARCHAR(2048) NOT NULL,
    tls_verify             BOOLEAN       NOT NULL,
    credentials_key_id     VARCHAR(255),
    credentials_ciphertext TEXT,
    sync_interval_seconds  INTEGER       NOT NULL,
    in_maintenance         BOOLEAN       NOT NULL
);
