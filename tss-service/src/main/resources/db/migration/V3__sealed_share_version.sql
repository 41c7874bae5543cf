-- Sealed key shares carry a version in their AES-GCM associated data ("key_share:<key id>|v<version>"), raised on
-- every rewrite of the ciphertext (a freeze). key_share_version is the node's own record of the version it wrote
-- last: a share row restored from an older backup (e.g. from before a freeze) has an older version than that
-- record, or a ciphertext that does not open under it, and is refused. Version 0: sealed before versions existed
-- (associated data "key_share:<key id>"), rewritten as version 1 at the next rewrite.
ALTER TABLE key_share ADD COLUMN share_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE key_share_version (
    key_id  TEXT   PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO key_share_version (key_id, version) SELECT key_id, 0 FROM key_share;
