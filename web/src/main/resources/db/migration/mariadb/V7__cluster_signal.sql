-- Signals between instances behind a load balancer (pages to drop, plugins changed): each instance polls for rows
-- it did not write. Rows older than an hour are deleted.
CREATE TABLE cluster_signal (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    payload         LONGTEXT      NOT NULL,
    origin          VARCHAR(64)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_cluster_signal_created ON cluster_signal (created_at);
