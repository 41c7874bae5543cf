-- wallet-service: deposit addresses derived from the vault's root extended public keys, and the balance projection
-- fed by wallet.balance.updated.
--
-- Path scheme (all indices non-hardened, relative to the vault's root extended public key):
--   m/44/<coin type>/<account>/0/<index>
-- coin type per chain family: Bitcoin 0 (every Bitcoin network), EVM 60 (every EVM chain), TRON 195, Solana 501;
-- <account> = the wallet's number in its vault (wallet_hd_account), <index> = the wallet's counter for the family
-- (wallet_address_counter). Indices are allocated by UPDATE ... RETURNING in the transaction that inserts the
-- addresses: never reused, never skipped.

-- A vault's next wallet account number.
CREATE TABLE vault_hd_account_counter (
    vault_id      UUID   PRIMARY KEY REFERENCES vault (id),
    next_account  INT    NOT NULL CHECK (next_account >= 1)
);

-- A wallet's account number in its vault (allocated with its first address; stable) and its address batches.
CREATE TABLE wallet_hd_account (
    wallet_id       UUID   PRIMARY KEY REFERENCES wallet (id),
    vault_id        UUID   NOT NULL REFERENCES vault (id),
    account_index   INT    NOT NULL CHECK (account_index >= 0),
    -- the CloudEvents sequence of the wallet's last wallet.address.created event
    event_sequence  BIGINT NOT NULL DEFAULT 0,
    UNIQUE (vault_id, account_index)
);

-- A wallet's next address index per chain family (BITCOIN, EVM, TRON, SOLANA).
CREATE TABLE wallet_address_counter (
    wallet_id   UUID   NOT NULL REFERENCES wallet (id),
    family      TEXT   NOT NULL,
    -- the next unused index; indices stay below 2^31 (non-hardened)
    next_index  BIGINT NOT NULL CHECK (next_index >= 0 AND next_index <= 2147483648),
    PRIMARY KEY (wallet_id, family)
);

CREATE TABLE wallet_address (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         TEXT   NOT NULL REFERENCES organization (id),
    wallet_id      UUID   NOT NULL REFERENCES wallet (id),
    chain_id       TEXT   NOT NULL,
    family         TEXT   NOT NULL,
    address_index  INT    NOT NULL CHECK (address_index >= 0),
    address        TEXT   NOT NULL,
    encoding       TEXT   NOT NULL,
    path           TEXT   NOT NULL,
    pubkey         TEXT   NOT NULL,
    x_only_pubkey  TEXT,
    created_at     BIGINT NOT NULL,
    -- one address per index of a family: an index is never used twice
    UNIQUE (wallet_id, family, address_index),
    UNIQUE (chain_id, address)
);
CREATE INDEX wallet_address_by_wallet ON wallet_address (wallet_id, seq);
CREATE INDEX wallet_address_by_address ON wallet_address (wallet_id, lower(address));

-- The latest balance per (wallet, address, token) as wallet.balance.updated reported it; address '' = the
-- account-level balance of the wallet. An event applies only if its sequence is above the stored one.
CREATE TABLE wallet_balance (
    wallet_id        UUID    NOT NULL,
    address          TEXT    NOT NULL,
    token_id         TEXT    NOT NULL,
    seq              BIGINT  GENERATED ALWAYS AS IDENTITY UNIQUE,
    org_id           TEXT    NOT NULL,
    chain_id         TEXT    NOT NULL,
    total            NUMERIC NOT NULL CHECK (total >= 0),
    available        NUMERIC NOT NULL CHECK (available >= 0),
    locked           NUMERIC NOT NULL CHECK (locked >= 0),
    sequence         BIGINT  NOT NULL,
    event_timestamp  BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    PRIMARY KEY (wallet_id, address, token_id)
);
CREATE INDEX wallet_balance_by_address ON wallet_balance (wallet_id, address, seq);
