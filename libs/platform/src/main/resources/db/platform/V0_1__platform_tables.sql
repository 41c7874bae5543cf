-- Tables every service has (libs/platform): the transactional outbox, the idempotent-consumer inbox and the
-- Cobo Auth replay guard. Versions below 1 so that each service's own migrations (V1...) come after.

CREATE TABLE outbox_event (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    org_id       TEXT,
    sequence     BIGINT      NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   BIGINT      NOT NULL,
    published_at BIGINT,
    attempts     INT         NOT NULL DEFAULT 0
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

CREATE TABLE inbox_event (
    consumer     TEXT   NOT NULL,
    event_id     UUID   NOT NULL,
    processed_at BIGINT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE auth_nonce (
    api_key    TEXT   NOT NULL,
    nonce      TEXT   NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (api_key, nonce)
);
CREATE INDEX auth_nonce_expiry ON auth_nonce (expires_at);
