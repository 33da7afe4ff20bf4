-- Editorial work on posts (issue #5). post_event: every change of status, who made it, when, and the reviewer's
-- comment when a post is sent back.

CREATE TABLE post_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id         BIGINT       NOT NULL,
    account_id      BIGINT,
    kind            VARCHAR(20)  NOT NULL,
    from_status     VARCHAR(20)  NOT NULL,
    to_status       VARCHAR(20)  NOT NULL,
    publish_at      DATETIME(6),
    comment         LONGTEXT,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_post_event_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_post_event_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_post_event_post ON post_event (post_id);

-- autosave: the text someone is typing, kept apart from the revisions (one row per post and person), so saving
-- every few seconds never floods the history; a real save clears it.
CREATE TABLE autosave (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id         BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    source          LONGTEXT         NOT NULL,
    base_version    BIGINT       NOT NULL,
    saved_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_autosave_post_account UNIQUE (post_id, account_id),
    CONSTRAINT fk_autosave_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_autosave_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
