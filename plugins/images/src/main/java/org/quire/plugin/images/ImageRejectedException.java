package org.quire.plugin.images;

/**
 * An image Quire will not accept or cannot process. The message names the file, what is wrong and what would be
 * accepted, and is meant to be shown to the person who uploaded it as it is.
 */
public final class ImageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;

    public ImageRejectedException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ImageRejectedException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file name or path the message names. */
    public String file() {
        return file;
    }
}
