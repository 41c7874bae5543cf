-- A TSS node's own tables. Every secret column holds AES-256-GCM ciphertext under the node's key-encryption key.

-- The node's long-lived secrets: identity (Ed25519), encryption (X25519), callback (RSA) and aux-setup keys.
CREATE TABLE node_secret (
    name       TEXT   PRIMARY KEY,
    sealed     BYTEA  NOT NULL,
    created_at BIGINT NOT NULL
);

-- One row per TSS request this node took part in: idempotency by request id, and what it reported.
CREATE TABLE tss_request (
    request_id   TEXT   PRIMARY KEY,
    request_type TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    error        TEXT,
    request      TEXT   NOT NULL,
    result       TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- Key shares. A root key (curve + public key) has one ACTIVE sharing at a time; a reshare writes the new sharing as
-- PENDING and switches only after every new holder confirmed it stored its share.
CREATE TABLE key_share (
    key_id       TEXT   PRIMARY KEY,
    curve        TEXT   NOT NULL,
    public_key   TEXT   NOT NULL,
    root_pubkey  TEXT   NOT NULL,
    group_id     TEXT   NOT NULL,
    threshold    INT    NOT NULL,
    node_ids     TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    frozen       TEXT,
    sealed_share BYTEA  NOT NULL,
    request_id   TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX key_share_root ON key_share (root_pubkey, status);
