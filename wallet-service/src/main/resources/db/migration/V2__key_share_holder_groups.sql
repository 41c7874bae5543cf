-- wallet-service: key share holder groups, their holders and keys, TSS requests and the nodes' reports on them,
-- and the vault's root extended public keys (set when its Main Group's keys are generated).

ALTER TABLE vault ADD COLUMN root_pubkey_secp256k1 TEXT;
ALTER TABLE vault ADD COLUMN root_pubkey_ed25519 TEXT;

CREATE TABLE key_share_holder_group (
    id            UUID PRIMARY KEY,
    seq           BIGINT  GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id        TEXT    NOT NULL REFERENCES organization (id),
    vault_id      UUID    NOT NULL REFERENCES vault (id),
    group_type    TEXT    NOT NULL,
    participants  INT     NOT NULL,
    threshold     INT     NOT NULL,
    status        TEXT    NOT NULL,
    deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE INDEX key_share_holder_group_by_vault ON key_share_holder_group (vault_id, deleted, seq);
-- At most one Main Group per vault that is New or Valid (the service checks it first, under a vault lock).
CREATE UNIQUE INDEX key_share_holder_group_one_main ON key_share_holder_group (vault_id)
    WHERE group_type = 'MAIN_GROUP' AND status IN ('NEW', 'VALID') AND NOT deleted;

CREATE TABLE key_share_holder (
    id           UUID PRIMARY KEY,
    seq          BIGINT  GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id       TEXT    NOT NULL REFERENCES organization (id),
    vault_id     UUID    NOT NULL REFERENCES vault (id),
    group_id     UUID    NOT NULL REFERENCES key_share_holder_group (id),
    position     INT     NOT NULL,
    tss_node_id  TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    holder_type  TEXT    NOT NULL,
    signer       BOOLEAN NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    UNIQUE (group_id, position),
    UNIQUE (group_id, tss_node_id)
);
CREATE INDEX key_share_holder_by_vault ON key_share_holder (vault_id, seq);

-- tss_key_share_groups of a group: one sharing per curve, as the nodes reported it.
CREATE TABLE tss_key_share_group (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id     UUID   NOT NULL REFERENCES key_share_holder_group (id),
    curve        TEXT   NOT NULL,
    key_id       TEXT   NOT NULL,
    public_key   TEXT   NOT NULL,
    root_pubkey  TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    UNIQUE (group_id, curve)
);

CREATE TABLE tss_request (
    id               TEXT PRIMARY KEY,
    seq              BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id           TEXT   NOT NULL REFERENCES organization (id),
    vault_id         UUID   NOT NULL REFERENCES vault (id),
    request_type     TEXT   NOT NULL,
    target_group_id  UUID   NOT NULL REFERENCES key_share_holder_group (id),
    source_group_id  UUID   REFERENCES key_share_holder_group (id),
    -- comma-separated node ids: the source group's dealers (KeyGenFromKeyGroup)
    source_node_ids  TEXT,
    -- comma-separated node ids whose reports count: the target's holders (and the dealers of a reshare)
    participant_ids  TEXT   NOT NULL,
    status           TEXT   NOT NULL,
    description      TEXT,
    -- why it failed; kept here and in the log, not on the wire (the reference has no such field)
    failure_reason   TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX tss_request_by_target ON tss_request (target_group_id, seq);
CREATE INDEX tss_request_by_source ON tss_request (source_group_id, seq);
-- Never two undecided requests for one target group.
CREATE UNIQUE INDEX tss_request_one_active ON tss_request (target_group_id)
    WHERE status IN ('PENDING_KEY_HOLDER_CONFIRMATION', 'KEY_GENERATING', 'MPC_PROCESSING');

-- Each holder's latest report on a request (tss.results).
CREATE TABLE tss_request_report (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   TEXT   NOT NULL REFERENCES tss_request (id),
    node_id      TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    error        TEXT,
    -- JSON array of TssResult.Key as reported
    keys_json    TEXT,
    reported_at  BIGINT NOT NULL,
    UNIQUE (request_id, node_id)
);
