-- Withdrawals: what was asked (for request_id repeats), the reservation, the EVM transaction built, signed and sent.
ALTER TABLE txn
    ADD COLUMN request_fingerprint      TEXT,
    ADD COLUMN description              TEXT,
    ADD COLUMN fee_token_id             TEXT,
    ADD COLUMN reserved_fee             NUMERIC,  -- fee token, whole units, locked at intake (gas_limit × max fee)
    ADD COLUMN gas_limit                NUMERIC,
    ADD COLUMN max_fee_per_gas          NUMERIC,  -- wei
    ADD COLUMN max_priority_fee_per_gas NUMERIC,  -- wei
    ADD COLUMN nonce                    BIGINT,
    ADD COLUMN path                     TEXT,     -- the source address's path below root_pubkey
    ADD COLUMN root_pubkey              TEXT,
    ADD COLUMN signer_group_id          TEXT,
    ADD COLUMN sign_request_id          TEXT,
    ADD COLUMN sign_attempt             INT NOT NULL DEFAULT 0,
    ADD COLUMN unsigned_raw_tx          TEXT,
    ADD COLUMN raw_tx                   TEXT,     -- stored before it is broadcast; rebroadcast as these bytes
    ADD COLUMN broadcast_at             BIGINT,
    ADD COLUMN gas_used                 NUMERIC,
    ADD COLUMN effective_gas_price      NUMERIC,
    ADD COLUMN fee_used                 NUMERIC;
CREATE UNIQUE INDEX txn_sign_request ON txn (sign_request_id) WHERE sign_request_id IS NOT NULL;
CREATE INDEX txn_open_withdrawals ON txn (chain_id, status) WHERE type = 'Withdrawal';

-- The next nonce of each of our EVM addresses, allocated under the row lock.
CREATE TABLE evm_nonce (
    chain_id    TEXT   NOT NULL,
    address_key TEXT   NOT NULL,
    next_nonce  BIGINT NOT NULL,
    PRIMARY KEY (chain_id, address_key)
);
