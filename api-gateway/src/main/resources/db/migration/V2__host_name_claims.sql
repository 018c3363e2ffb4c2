-- Host names are unique per account. The claim is written by the command handler inside the same
-- transaction that appends the HostRegistered event, so two concurrent registrations cannot both win.
CREATE TABLE host_name_claims (
    account_id VARCHAR(255) NOT NULL,
    name_key   VARCHAR(255) NOT NULL,
    host_id    VARCHAR(255) NOT NULL,
    PRIMARY KEY (account_id, name_key)
);
