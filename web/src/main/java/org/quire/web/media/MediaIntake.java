package org.quire.web.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.MediaItem;
import org.quire.api.MediaRefusedException;
import org.quire.api.SiteEvent;
import org.quire.web.accounts.Account;
import org.quire.web.plugins.PluginRuntime;

/**
 * How a file comes into the media store from outside (an upload, an import): every plugin's media filter checks and
 * cleans it first, then it is stored, then plugins hear of it before the caller hands out its URL, so what they
 * make beside it (the images plugin's variants) exists by then.
 */
@ApplicationScoped
public class MediaIntake {

    @Inject
    MediaStore store;

    @Inject
    PluginRuntime plugins;

    /**
     * @param contentType the type found from the content
     * @throws MediaRefusedException when a plugin refuses the file; its message names the file and the reason
     */
    public MediaItem take(String path, byte[] content, String contentType, String originalName, Account by)
            throws MediaRefusedException, IOException {
        java.util.Optional<String> cutShort = MediaCompleteness.problem(content, contentType);
        if (cutShort.isPresent()) {
            throw new MediaRefusedException("The file '" + path + "' " + cutShort.get());
        }
        byte[] filtered = plugins.registry().filterMedia(path, contentType, content);
        MediaItem item = store.store(path, new ByteArrayInputStream(filtered), contentType, originalName, by);
        plugins.registry().dispatch(new SiteEvent.MediaStored(item));
        return item;
    }
}
