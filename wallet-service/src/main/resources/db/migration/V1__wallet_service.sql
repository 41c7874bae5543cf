-- wallet-service: organisations, API keys, MPC vaults and wallets.
-- Every list is ordered by an internal identity column `seq` (the cursors' positions).

CREATE TABLE organization (
    id          TEXT PRIMARY KEY,
    biz_org_id  BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    name        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE api_key (
    api_key      TEXT PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id       TEXT   NOT NULL REFERENCES organization (id),
    name         TEXT   NOT NULL,
    curve_type   TEXT   NOT NULL,
    scopes       TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    callback_url TEXT,
    version      BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX api_key_by_org ON api_key (org_id, seq);

CREATE TABLE vault (
    id          UUID PRIMARY KEY,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id      TEXT   NOT NULL REFERENCES organization (id),
    name        TEXT   NOT NULL,
    vault_type  TEXT   NOT NULL,
    project_id  UUID,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX vault_by_org ON vault (org_id, vault_type, seq);

CREATE TABLE wallet (
    id                UUID PRIMARY KEY,
    seq               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id            TEXT    NOT NULL REFERENCES organization (id),
    vault_id          UUID    NOT NULL REFERENCES vault (id),
    name              TEXT    NOT NULL,
    wallet_type       TEXT    NOT NULL,
    wallet_subtype    TEXT    NOT NULL,
    enable_auto_sweep BOOLEAN NOT NULL,
    status            TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);
CREATE INDEX wallet_by_org ON wallet (org_id, status, seq);
CREATE INDEX wallet_by_vault ON wallet (vault_id, status, seq);
