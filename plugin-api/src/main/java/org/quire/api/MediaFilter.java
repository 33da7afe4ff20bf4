package org.quire.api;

/**
 * Checks and cleans a file before the host stores it (an upload, an imported file): the images plugin refuses a
 * decompression bomb from its header and removes location and camera data, for example. Filters run in plugin
 * order, each given what the one before returned; the file is stored only if every filter accepts it.
 */
@FunctionalInterface
public interface MediaFilter {

    /**
     * @param path        where the file will be stored, relative to the media store; name it in messages
     * @param contentType the type the host found from the content, such as {@code image/jpeg}
     * @param content     the whole file
     * @return the bytes to store: {@code content} itself when nothing needs to change
     * @throws MediaRefusedException to refuse the file, with a message for the person who sent it
     */
    byte[] filter(String path, String contentType, byte[] content) throws MediaRefusedException;
}
