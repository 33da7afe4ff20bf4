package org.quire.web.plugins.records;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One plugin record as stored: its document as JSON and its indexed fields copied into typed slots. */
@Entity
@Table(name = "plugin_record")
public class RecordRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plugin_id", nullable = false, length = 64)
    public String pluginId;

    @Column(name = "collection_name", nullable = false, length = 64)
    public String collection;

    @Column(name = "record_key", nullable = false, length = 255)
    public String key;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String document;

    /** Hibernate checks it at every update and delete, so of two changes from one version only one commits. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String s1;
    public String s2;
    public String s3;
    public String s4;
    public Double n1;
    public Double n2;
    public Instant t1;
    public Instant t2;
}
