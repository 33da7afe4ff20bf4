-- The editorial history of a post (issue #5): every change of status, who made it, when, and the reviewer's
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
