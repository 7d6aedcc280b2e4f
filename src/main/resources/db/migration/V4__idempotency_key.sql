-- Idempotency-Key (docs/api.md): the first successful answer to a POST, kept for 24 hours so that a retry with
-- the same key gets that answer again instead of a second effect. The row is inserted in the same transaction as
-- the request's effect and filled with the answer before COMMIT: either both are committed, and a retry replays,
-- or neither, and a retry executes. Keys are global (not per project); the request hash binds a key to one
-- method, path, query and body.

CREATE TABLE idempotency_key (
    idempotency_key varchar(255) PRIMARY KEY CHECK (idempotency_key ~ '^[ -~]+$'),
    -- SHA-256 (hex) of method, path, query and body.
    request_hash    char(64)     NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    -- The answer; null only inside the transaction that claimed the key, never once committed.
    status          smallint     CHECK (status BETWEEN 200 AND 299),
    content_type    text,
    location        text,
    etag            text,
    body            text
);

-- Expired keys are deleted by created_at.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
