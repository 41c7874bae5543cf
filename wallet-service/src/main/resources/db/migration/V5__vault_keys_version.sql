-- The version of a vault's key state as published on wallet.vaults (the event sequence).
ALTER TABLE vault ADD COLUMN keys_version BIGINT NOT NULL DEFAULT 0;
