-- transaction-service: watched addresses, transactions, the double-entry ledger and its balances, chain cursors.

-- Addresses wallet-service derived (wallet.address.created), each checked to derive from its root key and path.
CREATE TABLE watched_address (
    chain_id       TEXT   NOT NULL,
    address_key    TEXT   NOT NULL,   -- lookup form: lower-case hex on EVM chains
    address        TEXT   NOT NULL,   -- as shown to clients (EIP-55 on EVM chains)
    wallet_id      UUID   NOT NULL,
    org_id         TEXT   NOT NULL,
    vault_id       UUID   NOT NULL,
    wallet_type    TEXT   NOT NULL,
    wallet_subtype TEXT   NOT NULL,
    path           TEXT   NOT NULL,
    pubkey         TEXT   NOT NULL,
    root_pubkey    TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (chain_id, address_key)
);
CREATE INDEX watched_address_wallet ON watched_address (wallet_id);

-- Deposits and withdrawals. status / sub_status in their wire spelling.
CREATE TABLE txn (
    id                   UUID    PRIMARY KEY,
    seq                  BIGINT  GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id               TEXT    NOT NULL,
    wallet_id            UUID    NOT NULL,
    wallet_type          TEXT    NOT NULL,
    wallet_subtype       TEXT    NOT NULL,
    vault_id             UUID,
    type                 TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    sub_status           TEXT,
    failed_reason        TEXT,
    request_id           TEXT,
    chain_id             TEXT    NOT NULL,
    token_id             TEXT    NOT NULL,
    address              TEXT    NOT NULL,   -- ours: a deposit's receiving address, a withdrawal's source
    counterparty         TEXT    NOT NULL,   -- a deposit's sender, a withdrawal's destination
    amount               NUMERIC NOT NULL CHECK (amount > 0),
    tx_hash              TEXT,
    log_index            INT     NOT NULL DEFAULT -1,  -- ERC-20 deposits: the Transfer log; -1 for native value
    block_number         BIGINT,
    block_hash           TEXT,
    block_timestamp      BIGINT,
    confirmed_num        INT     NOT NULL DEFAULT 0,
    confirming_threshold INT     NOT NULL,
    lost_block_at        BIGINT,             -- the chain head when a reorg removed the deposit's block
    sequence             BIGINT  NOT NULL DEFAULT 0,   -- of the last event published
    created_timestamp    BIGINT  NOT NULL,
    updated_timestamp    BIGINT  NOT NULL
);
-- One deposit per (chain, transaction, log, receiving address), whatever the reorgs.
CREATE UNIQUE INDEX txn_deposit_identity ON txn (chain_id, tx_hash, log_index, address) WHERE type = 'Deposit';
CREATE UNIQUE INDEX txn_request_id ON txn (org_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX txn_open_deposits ON txn (chain_id) WHERE type = 'Deposit' AND status = 'Confirming';
CREATE INDEX txn_org_created ON txn (org_id, created_timestamp);

CREATE TABLE txn_timeline (
    txn_id             UUID   NOT NULL REFERENCES txn (id),
    status             TEXT   NOT NULL,
    finished_timestamp BIGINT NOT NULL,
    PRIMARY KEY (txn_id, status)
);

-- Double-entry ledger: every movement is a set of rows summing to zero per token. Accounts:
--   addr:<wallet>:<address>:available | addr:<wallet>:<address>:locked   (ours)
--   external:<chain>                                                      (the rest of the chain)
--   fee:<chain>                                                           (fees paid to the chain)
CREATE TABLE ledger_entry (
    id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txn_id     UUID    NOT NULL REFERENCES txn (id),
    account    TEXT    NOT NULL,
    token_id   TEXT    NOT NULL,
    amount     NUMERIC NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX ledger_entry_txn ON ledger_entry (txn_id);

-- Balances derived from the ledger, per (wallet, address, token); never negative.
CREATE TABLE balance (
    wallet_id  UUID    NOT NULL,
    address    TEXT    NOT NULL,
    token_id   TEXT    NOT NULL,
    org_id     TEXT    NOT NULL,
    chain_id   TEXT    NOT NULL,
    total      NUMERIC NOT NULL CHECK (total >= 0),
    available  NUMERIC NOT NULL CHECK (available >= 0),
    locked     NUMERIC NOT NULL CHECK (locked >= 0),
    sequence   BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    PRIMARY KEY (wallet_id, address, token_id),
    CHECK (total = available + locked)
);

-- The blocks each chain follower processed (the last ones, for reorg detection); the highest is the cursor.
CREATE TABLE chain_block (
    chain_id    TEXT   NOT NULL,
    number      BIGINT NOT NULL,
    hash        TEXT   NOT NULL,
    parent_hash TEXT   NOT NULL,
    timestamp   BIGINT NOT NULL,
    PRIMARY KEY (chain_id, number)
);
