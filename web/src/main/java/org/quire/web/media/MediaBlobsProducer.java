package org.quire.web.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Picks where media bytes live from run-time configuration, so one build (or container image) serves from a local
 * folder or from S3: {@code quire.media.storage=filesystem} (default, {@code <data>/media/objects}) or {@code s3}
 * with {@code quire.media.s3.bucket} and {@code quire.media.s3.prefix}; the S3 client itself is configured through
 * {@code quarkus.s3.*} (region, credentials, endpoint override, path-style access).
 */
@ApplicationScoped
public class MediaBlobsProducer {

    private static final Logger LOG = Logger.getLogger(MediaBlobsProducer.class);

    @ConfigProperty(name = "quire.media.storage", defaultValue = "filesystem")
    String storage;

    @ConfigProperty(name = "quire.data-dir")
    String dataDir;

    @ConfigProperty(name = "quire.media.s3.bucket")
    Optional<String> bucket;

    @ConfigProperty(name = "quire.media.s3.prefix")
    Optional<String> prefix;

    /** Asked for only when the storage is S3, so a site on a folder never builds an S3 client. */
    @Inject
    Instance<S3Clients> s3Clients;

    @Produces
    @ApplicationScoped
    MediaBlobs blobs() {
        return switch (storage.strip()) {
            case "filesystem" -> new FileMediaBlobs(
                    Path.of(dataDir).toAbsolutePath().normalize().resolve("media").resolve("objects"));
            case "s3" -> {
                String name = bucket.map(String::strip).filter(b -> !b.isEmpty()).orElseThrow(() ->
                        new IllegalStateException("quire.media.storage=s3 needs quire.media.s3.bucket"
                                + " (QUIRE_MEDIA_S3_BUCKET): the bucket media files are kept in"));
                yield new S3MediaBlobs(s3Clients.get().client, name, prefix.map(String::strip).orElse(""));
            }
            default -> throw new IllegalStateException("quire.media.storage is '" + storage
                    + "'; it must be filesystem (a local folder) or s3 (an S3-compatible bucket)");
        };
    }

    /** A wrong bucket or endpoint stops the start with a message, rather than failing the first upload. */
    void checkAtStart(@Observes StartupEvent start, MediaBlobs blobs) {
        try {
            blobs.check();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("Media files are kept in %s", blobs.location());
    }

    /** Holds the S3 client, so that the client is only made when this bean is asked for. */
    @Dependent
    static class S3Clients {
        @Inject
        S3Client client;
    }
}
