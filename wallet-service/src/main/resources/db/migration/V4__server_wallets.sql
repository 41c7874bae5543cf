-- Server wallets (seed 001): one 2-of-2 secp256k1 threshold key per (organisation, user), held by two TSS nodes.

CREATE TABLE server_wallet (
    id                 UUID PRIMARY KEY,
    seq                BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id             TEXT   NOT NULL REFERENCES organization (id),
    user_id            TEXT   NOT NULL,
    status             TEXT   NOT NULL,
    node_ids           TEXT   NOT NULL,
    keygen_request_id  TEXT   NOT NULL UNIQUE,
    address            TEXT,
    public_key         TEXT,
    root_pubkey        TEXT,
    failure_reason     TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    UNIQUE (org_id, user_id)
);
CREATE INDEX server_wallet_by_address ON server_wallet (org_id, lower(address));

-- Every message signature asked for, and what the nodes answered.
CREATE TABLE server_wallet_signature (
    request_id     TEXT   PRIMARY KEY,
    wallet_id      UUID   NOT NULL REFERENCES server_wallet (id),
    message_hash   TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    signature      TEXT,
    failure_reason TEXT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- The nodes' latest report per key generation (both holders must agree on the key).
CREATE TABLE server_wallet_report (
    request_id  TEXT   NOT NULL,
    node_id     TEXT   NOT NULL,
    status      TEXT   NOT NULL,
    public_key  TEXT,
    root_pubkey TEXT,
    error       TEXT,
    PRIMARY KEY (request_id, node_id)
);
