-- Outbox delivery state (libs/platform, issue 11): the relay keeps the order per key, retries a failed row with a
-- backoff and dead-letters a row the broker keeps refusing; published rows and old inbox rows are purged after the
-- retention. Version 0.2 sorts before every service's own migrations, so databases made before it apply it out of
-- order (quarkus.flyway.out-of-order=true in the platform defaults).

ALTER TABLE outbox_event ADD COLUMN last_error TEXT;
-- earliest time (ms) of the next attempt after a failed one; null = now
ALTER TABLE outbox_event ADD COLUMN next_attempt_at BIGINT;
-- set when the row is given up on: it is never sent again and holds every later row of its key
ALTER TABLE outbox_event ADD COLUMN dead_lettered_at BIGINT;

-- the relay's look-up of an earlier unsent row of the same key
CREATE INDEX outbox_event_unpublished_key ON outbox_event (event_key, seq) WHERE published_at IS NULL;
-- the retention purge
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX inbox_event_processed ON inbox_event (processed_at);
