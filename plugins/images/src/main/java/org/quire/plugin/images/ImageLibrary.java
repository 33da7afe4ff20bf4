package org.quire.plugin.images;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the img transform learns what the media library holds. {@link StorageImageLibrary} answers from the
 * host's {@link org.quire.api.MediaStorage} alone; a host that keeps image dimensions in its database may offer a
 * faster one.
 */
public interface ImageLibrary {

    /**
     * @param path a path in the media store, such as {@code 2026/11/photo.jpg}
     * @return empty when no file is stored there
     * @throws IOException when the store cannot be asked
     */
    Optional<StoredImage> find(String path) throws IOException;
}
