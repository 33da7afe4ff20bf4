-- Plugin records (issue #28): each plugin keeps documents (JSON) by key in collections it declares, with a version
-- for optimistic updates. The fields a collection declares as indexed are copied into typed slots (s1-s4 text,
-- n1-n2 numbers, t1-t2 times) so queries by them use an index; plugin_collection remembers which field fills which
-- slot, so a plugin that changes its declaration has its documents indexed again. Keys and indexed text compare
-- exactly (case counts) on every engine.
CREATE TABLE plugin_record (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plugin_id       VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    collection_name VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    record_key      VARCHAR(255) COLLATE utf8mb4_bin  NOT NULL,
    document        LONGTEXT      NOT NULL,
    version         BIGINT        NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    s1              VARCHAR(255) COLLATE utf8mb4_bin,
    s2              VARCHAR(255) COLLATE utf8mb4_bin,
    s3              VARCHAR(255) COLLATE utf8mb4_bin,
    s4              VARCHAR(255) COLLATE utf8mb4_bin,
    n1              DOUBLE,
    n2              DOUBLE,
    t1              DATETIME(6),
    t2              DATETIME(6),
    CONSTRAINT uq_plugin_record_key UNIQUE (plugin_id, collection_name, record_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_plugin_record_s1 ON plugin_record (plugin_id, collection_name, s1);
CREATE INDEX ix_plugin_record_s2 ON plugin_record (plugin_id, collection_name, s2);
CREATE INDEX ix_plugin_record_s3 ON plugin_record (plugin_id, collection_name, s3);
CREATE INDEX ix_plugin_record_s4 ON plugin_record (plugin_id, collection_name, s4);
CREATE INDEX ix_plugin_record_n1 ON plugin_record (plugin_id, collection_name, n1);
CREATE INDEX ix_plugin_record_n2 ON plugin_record (plugin_id, collection_name, n2);
CREATE INDEX ix_plugin_record_t1 ON plugin_record (plugin_id, collection_name, t1);
CREATE INDEX ix_plugin_record_t2 ON plugin_record (plugin_id, collection_name, t2);

CREATE TABLE plugin_collection (
    plugin_id       VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    collection_name VARCHAR(64) COLLATE utf8mb4_bin   NOT NULL,
    slots           VARCHAR(2000) NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (plugin_id, collection_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
