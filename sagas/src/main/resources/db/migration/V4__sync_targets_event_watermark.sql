-- The daemon's own time (Docker's timeNano) of the newest event recorded for the host. A follower started
-- after a platform restart, a pause or a reconnect asks the daemon for the events since then; NULL until the
-- first event is recorded, when a follower starts at the daemon's now.
ALTER TABLE sync_targets ADD COLUMN event_watermark BIGINT;
