-- Quire schema, version 1. One file per engine (h2, postgresql, mariadb): types and collations differ, the
-- tables and constraints do not. Keep the three in step.
-- MariaDB: identifying columns use utf8mb4_bin, so uniqueness is byte for byte (no case or accent folding,
-- no trailing-space padding); times are stored in UTC as DATETIME(6).

CREATE TABLE site (
    id              BIGINT       NOT NULL PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    url             VARCHAR(500) NOT NULL,
    base_path       VARCHAR(200) NOT NULL,
    locale          VARCHAR(35)  NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    permalink       VARCHAR(200) NOT NULL,
    posts_per_page  INT          NOT NULL,
    version         BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    handle          VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    email           VARCHAR(320) COLLATE utf8mb4_bin,
    display_name    VARCHAR(200) NOT NULL,
    bio             LONGTEXT,
    avatar_path     VARCHAR(500),
    role            VARCHAR(20)  NOT NULL,
    password_hash   VARCHAR(100),
    can_sign_in     BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uk_account_handle UNIQUE (handle),
    CONSTRAINT uk_account_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE post (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug            VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    path            VARCHAR(700) COLLATE utf8mb4_bin NOT NULL,
    title           VARCHAR(500) NOT NULL,
    description     LONGTEXT,
    category        VARCHAR(200),
    status          VARCHAR(20)  NOT NULL,
    source          LONGTEXT       NOT NULL,
    html            LONGTEXT       NOT NULL,
    excerpt_html    LONGTEXT       NOT NULL,
    excerpt_text    LONGTEXT       NOT NULL,
    toc_json        LONGTEXT       NOT NULL,
    extra_json      LONGTEXT       NOT NULL,
    word_count      INT          NOT NULL,
    reading_minutes INT          NOT NULL,
    trusted_html    BOOLEAN      NOT NULL,
    published_at    DATETIME(6),
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    deleted_at      DATETIME(6),
    version         BIGINT       NOT NULL,
    CONSTRAINT uk_post_slug UNIQUE (slug),
    CONSTRAINT uk_post_path UNIQUE (path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_post_status_published ON post (status, published_at);

CREATE TABLE post_author (
    post_id         BIGINT NOT NULL,
    account_id      BIGINT NOT NULL,
    position        INT    NOT NULL,
    PRIMARY KEY (post_id, position),
    CONSTRAINT fk_post_author_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_author_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_post_author_account ON post_author (account_id);

CREATE TABLE tag (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    tag_key         VARCHAR(200) COLLATE utf8mb4_bin NOT NULL,
    name            VARCHAR(200) NOT NULL,
    url_form        VARCHAR(700) COLLATE utf8mb4_bin NOT NULL,
    description     LONGTEXT,
    cover_path      VARCHAR(500),
    version         BIGINT       NOT NULL,
    CONSTRAINT uk_tag_key UNIQUE (tag_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE post_tag (
    post_id         BIGINT NOT NULL,
    tag_id          BIGINT NOT NULL,
    position        INT    NOT NULL,
    PRIMARY KEY (post_id, position),
    CONSTRAINT fk_post_tag_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_post_tag_tag ON post_tag (tag_id);

CREATE TABLE revision (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    post_id         BIGINT       NOT NULL,
    number          INT          NOT NULL,
    title           VARCHAR(500) NOT NULL,
    source          LONGTEXT       NOT NULL,
    author_id       BIGINT,
    note            VARCHAR(1000),
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_revision_number UNIQUE (post_id, number),
    CONSTRAINT fk_revision_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_revision_author FOREIGN KEY (author_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE redirect (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    from_path       VARCHAR(700) COLLATE utf8mb4_bin NOT NULL,
    post_id         BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_redirect_from UNIQUE (from_path),
    CONSTRAINT fk_redirect_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE media_file (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    path            VARCHAR(700) COLLATE utf8mb4_bin NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    original_name   VARCHAR(500),
    uploaded_by     BIGINT,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_media_path UNIQUE (path),
    CONSTRAINT fk_media_uploader FOREIGN KEY (uploaded_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_media_sha256 ON media_file (sha256);

CREATE TABLE plugin_state (
    plugin_id       VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    enabled         BOOLEAN      NOT NULL,
    settings_json   LONGTEXT       NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
