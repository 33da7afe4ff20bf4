package org.quire.plugin.images;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.quire.api.MediaItem;
import org.quire.api.MediaStorage;

/**
 * An {@link ImageLibrary} over the host's media store. For each image it asks the store for the file's description
 * (size and time, which give its version), then reads the record {@link VariantMaker}'s output left beside it; an
 * image without a current record is inspected from its header (a few kilobytes read, nothing decoded). Answers are
 * remembered per path until the file's version changes, so a page with many images costs one description each.
 *
 * <p>Thread-safe.
 */
public final class StorageImageLibrary implements ImageLibrary {

    private static final int REMEMBERED = 4096;
    /** The file is already stored, so only its dimensions are wanted here: no limit applies. */
    private static final ImageInspector INSPECTOR = new ImageInspector(
            new ImageLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE));

    private final MediaStorage storage;
    private final Map<String, StoredImage> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredImage> eldest) {
            return size() > REMEMBERED;
        }
    };

    public StorageImageLibrary(MediaStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The version of a stored file: it changes when the file is replaced. */
    public static String version(MediaItem item) {
        long time = item.modified() == null ? 0 : item.modified().toEpochMilli();
        return Long.toString(item.size(), 36) + Long.toString(time, 36);
    }

    @Override
    public Optional<StoredImage> find(String path) throws IOException {
        Optional<MediaItem> item = storage.describe(path);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        String version = version(item.get());
        synchronized (remembered) {
            StoredImage known = remembered.get(path);
            if (known != null && known.version().equals(version)) {
                return Optional.of(known);
            }
        }
        StoredImage image = fromRecord(path, version);
        if (image == null) {
            image = inspect(path, version, item.get());
        }
        synchronized (remembered) {
            remembered.put(path, image);
        }
        return Optional.of(image);
    }

    /** Forgets what was learnt, after settings change or when the host replaced files behind its back. */
    public void forget() {
        synchronized (remembered) {
            remembered.clear();
        }
    }

    private StoredImage fromRecord(String path, String version) throws IOException {
        Optional<InputStream> record = storage.open(VariantPaths.recordPath(path));
        if (record.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = record.get()) {
            bytes = in.readNBytes(64 * 1024);
        }
        StoredImage image = ImageRecord.read(path, bytes);
        return image != null && image.version().equals(version) ? image : null;
    }

    private StoredImage inspect(String path, String version, MediaItem item) throws IOException {
        Optional<InputStream> content = storage.open(path);
        if (content.isEmpty()) {
            return new StoredImage(path, version, null, null, null);
        }
        try (InputStream in = content.get()) {
            ImageInfo info = INSPECTOR.inspect(path, in, item.size());
            boolean rotated = info.orientation() != 1 && info.type() != ImageType.WEBP;
            ImageInfo served = rotated ? new ImageInfo(info.type(), info.displayWidth(), info.displayHeight(), 1,
                    info.animated(), info.alpha()) : info;
            return new StoredImage(path, version, served, null, null);
        } catch (ImageRejectedException e) {
            return new StoredImage(path, version, null, null, null);
        }
    }
}
