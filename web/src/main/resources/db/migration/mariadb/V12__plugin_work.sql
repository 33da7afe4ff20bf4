-- Plugin work (issue #28): tasks a plugin enqueues, kept until they succeed or fail for good. An instance takes a
-- due task by changing its state in one UPDATE (state and lease in the WHERE), so one instance at a time runs it;
-- a lease that is not renewed (the instance died) lets another take it over. Done marks let a task run again skip
-- what it did; recurring work has one row per plugin and name whose next time is moved on by whoever runs it.
CREATE TABLE plugin_task (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plugin_id       VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    name            VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    payload         LONGTEXT      NOT NULL,
    idempotency_key VARCHAR(255) COLLATE utf8mb4_bin,
    state           VARCHAR(10)   NOT NULL,
    run_at          DATETIME(6)  NOT NULL,
    attempts        INT           NOT NULL,
    max_attempts    INT           NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     DATETIME(6),
    last_error      VARCHAR(2000),
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_plugin_task_key UNIQUE (plugin_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_plugin_task_due ON plugin_task (state, run_at);
CREATE INDEX ix_plugin_task_plugin ON plugin_task (plugin_id, state);

CREATE TABLE plugin_task_done (
    plugin_id       VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    done_key        VARCHAR(255) COLLATE utf8mb4_bin  NOT NULL,
    done_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (plugin_id, done_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_plugin_task_done_at ON plugin_task_done (done_at);

CREATE TABLE plugin_schedule (
    plugin_id       VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    name            VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    next_run_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (plugin_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
