-- Two-factor sign-in (issue #27): a time-based one-time code (RFC 6238) after the password, for every account that
-- turns it on. The shared secret (Base32) is kept while it is being set up (pending) and once confirmed; the last
-- time step used stops a code being used twice. Recovery codes, each usable once, are stored only as salted
-- SHA-256 hashes. The site may require the second factor of administrators, or of editors and administrators.

ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64) COLLATE utf8mb4_bin;
ALTER TABLE account ADD COLUMN totp_pending_secret VARCHAR(64) COLLATE utf8mb4_bin;
ALTER TABLE account ADD COLUMN totp_enabled_at DATETIME(6);
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;

CREATE TABLE recovery_code (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    code_hash       VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    used_at         DATETIME(6),
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_recovery_code_account ON recovery_code (account_id);

ALTER TABLE site ADD COLUMN two_factor_required VARCHAR(20) DEFAULT 'nobody' NOT NULL;
