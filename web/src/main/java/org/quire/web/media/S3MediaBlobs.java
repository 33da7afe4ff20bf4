package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media bytes in an S3-compatible bucket, as objects {@code <prefix>objects/ab/abcdef…}, so every instance behind
 * a load balancer serves the same files. An object is written whole by one PUT, so no reader sees half of it.
 * Errors from the store become {@link IOException}s that name the bucket and the key.
 */
final class S3MediaBlobs implements MediaBlobs {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3MediaBlobs(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public void check() throws IOException {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("Media storage " + location() + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void keep(String hash, Path file, String contentType) throws IOException {
        String key = key(hash);
        try {
            if (exists(key)) {
                return;
            }
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    @Override
    public InputStream open(String hash) throws IOException {
        String key = key(hash);
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException("s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<Path> localFile(String hash) {
        return Optional.empty();
    }

    @Override
    public void delete(String hash) throws IOException {
        String key = key(hash);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    private boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String key(String hash) {
        return prefix + "objects/" + hash.substring(0, 2) + "/" + hash;
    }

    private IOException failure(String action, String key, SdkException e) {
        return new IOException("Cannot " + action + " s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
}
