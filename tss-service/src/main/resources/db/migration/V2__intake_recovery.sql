-- Issue 11: a reshare's new share records when this node told the others it stored it. At a restart, a PENDING share
-- never confirmed is discarded (no other node can have switched without this node's confirmation); a confirmed one
-- is settled from the other holders' reports (RestartRecovery, docs/mpc.md).
ALTER TABLE key_share ADD COLUMN confirmed_at BIGINT;

-- the requests a restarted node must settle
CREATE INDEX tss_request_status ON tss_request (status);
