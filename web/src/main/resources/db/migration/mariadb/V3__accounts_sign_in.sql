-- Signing in (issue #4): accounts can be deactivated, linked to a single sign-on subject, and lock after repeated
-- failed sign-ins; sessions live in the database, so they survive a restart and are shared by every instance;
-- personal API tokens; one-time links for invitations and password resets. Tokens are stored only as SHA-256
-- hashes (hex).

ALTER TABLE account ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE account ADD COLUMN failed_sign_ins INT DEFAULT 0 NOT NULL;
-- The OpenID Connect subject ("sub") of an account that signs in through single sign-on.
ALTER TABLE account ADD COLUMN sso_subject VARCHAR(255) COLLATE utf8mb4_bin;
ALTER TABLE account ADD CONSTRAINT uk_account_sso_subject UNIQUE (sso_subject);
ALTER TABLE account ADD COLUMN locked_until DATETIME(6);

CREATE TABLE sign_in_session (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash      VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    account_id      BIGINT       NOT NULL,
    csrf_token      VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_seen_at    DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_sign_in_session_token UNIQUE (token_hash),
    CONSTRAINT fk_sign_in_session_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_sign_in_session_account ON sign_in_session (account_id);

CREATE TABLE api_token (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    token_hash      VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    token_prefix    VARCHAR(20)  NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6),
    last_used_at    DATETIME(6),
    revoked_at      DATETIME(6),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_api_token_account ON api_token (account_id);

CREATE TABLE account_link (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    purpose         VARCHAR(20)  NOT NULL,
    token_hash      VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    created_by      BIGINT,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    used_at         DATETIME(6),
    CONSTRAINT uk_account_link_token UNIQUE (token_hash),
    CONSTRAINT fk_account_link_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_account_link_creator FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
