package org.quire.web.media;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.quire.web.accounts.Account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored file: where it lives in the media store, its content hash and type. */
@Entity
@Table(name = "media_file")
public class MediaFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String path;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "original_name")
    public String originalName;

    @ManyToOne
    @JoinColumn(name = "uploaded_by")
    public Account uploadedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The library's description of the file, inserted as the alt text of an image. */
    @Column(name = "alt_text", length = 1000)
    public String altText;

    public static Optional<MediaFile> findByPath(String path) {
        return find("path", path).firstResultOptional();
    }
}
