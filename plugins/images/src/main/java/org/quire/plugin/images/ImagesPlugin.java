package org.quire.plugin.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.commonmark.Extension;
import org.quire.api.DocumentTransform;
import org.quire.api.EventDelivery;
import org.quire.api.MediaFilter;
import org.quire.api.MediaItem;
import org.quire.api.MediaRefusedException;
import org.quire.api.MediaStorage;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PluginSettings;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;
import org.quire.api.SiteEvent;

/**
 * Safe image processing, responsive variants and the img transform. See the module's README for what the host does
 * with {@link VariantMaker} on upload and how variants are served.
 *
 * <p>When the host reports a stored file ({@link SiteEvent.MediaStored}, delivered off the request thread), an
 * image among them is processed: its metadata removed in place if it still had any, its variants and its record
 * ({@link VariantPaths}) written beside it. Files the plugin writes itself, under {@code _…/}, are skipped, and a
 * file already processed at its current version is not processed again, so replacing a file with its clean copy
 * ends there.
 */
public final class ImagesPlugin implements QuirePlugin {

    public static final String ID = "images";

    static final String WIDTHS = "widths";
    static final String CONTENT_WIDTH = "content-width";
    static final String PLACEHOLDER_COLOUR = "placeholder-colour";
    static final String JPEG_QUALITY = "jpeg-quality";
    static final String MAX_MEGABYTES = "max-megabytes";
    static final String MAX_WIDTH = "max-width";
    static final String MAX_HEIGHT = "max-height";
    static final String MAX_MEGAPIXELS = "max-megapixels";
    static final int DEFAULT_CONTENT_WIDTH = 768;

    private volatile PluginContext context;
    private volatile StorageImageLibrary library;
    private volatile Reprocessing reprocessing;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Images")
                .version("1.0.0")
                .requiredApi("[1.5,2.0)")
                // Its events are about its own caches (settings, media), and it ignores posts: none kept for it.
                .events(EventDelivery.EVERY_INSTANCE)
                .setting(SettingDefinition.of(WIDTHS, SettingType.STRING, "480, 960, 1600",
                        "Widths in pixels of the smaller copies made of each image (never wider than the image)"))
                .setting(SettingDefinition.of(CONTENT_WIDTH, SettingType.INTEGER,
                        Integer.toString(DEFAULT_CONTENT_WIDTH),
                        "Width in CSS pixels of the theme's content column, which tells browsers which copy to load"))
                .setting(SettingDefinition.of(PLACEHOLDER_COLOUR, SettingType.BOOLEAN, "true",
                        "Show an opaque image's average colour while it loads"))
                .setting(SettingDefinition.of(JPEG_QUALITY, SettingType.INTEGER, "85",
                        "JPEG quality of the smaller copies, from 50 to 100"))
                .setting(SettingDefinition.of(MAX_MEGABYTES, SettingType.INTEGER, "25",
                        "Largest image file accepted, in megabytes (MiB)"))
                .setting(SettingDefinition.of(MAX_WIDTH, SettingType.INTEGER, "16384",
                        "Widest image accepted, in pixels"))
                .setting(SettingDefinition.of(MAX_HEIGHT, SettingType.INTEGER, "16384",
                        "Tallest image accepted, in pixels"))
                .setting(SettingDefinition.of(MAX_MEGAPIXELS, SettingType.INTEGER, "40",
                        "Most pixels an image may have, in millions; decoding takes about 4 MB per million"))
                .build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
        this.library = new StorageImageLibrary(context.media());
        this.reprocessing = new Reprocessing(this::reprocess, () -> {
            library.forget();
            context.cache().invalidateAll();
        }, context.logger());
    }

    @Override
    public void close() {
        Reprocessing running = reprocessing;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public List<Extension> markdownExtensions() {
        return List.of(ImageFigures.extension());
    }

    @Override
    public List<DocumentTransform> documentTransforms() {
        PluginContext current = context;
        String mediaPrefix = current == null ? "/media/" : current.media().publicPath("");
        Reprocessing queue = reprocessing;
        return List.of(new ImgTransform(library, mediaPrefix, queue == null ? path -> { } : queue::request));
    }

    /**
     * Every image stored through the host is checked against the limits from its header (a decompression bomb is
     * refused before a pixel is decoded) and stored upright, without metadata; other files pass untouched.
     */
    @Override
    public List<MediaFilter> mediaFilters() {
        return List.of((path, contentType, content) -> {
            if (contentType == null || !contentType.startsWith("image/")) {
                return content;
            }
            try {
                return variantMaker().clean(path, content);
            } catch (ImageRejectedException e) {
                throw new MediaRefusedException(e.getMessage());
            }
        });
    }

    @Override
    public List<String> checkSetting(String key, String value) {
        try {
            switch (key) {
                case WIDTHS -> {
                    if (VariantSettings.parseWidths(value).isEmpty()) {
                        return List.of("Setting '" + WIDTHS + "': give at least one width, such as 480, 960, 1600");
                    }
                }
                case JPEG_QUALITY -> range(key, value, 50, 100);
                case CONTENT_WIDTH -> range(key, value, 100, 4000);
                case MAX_MEGABYTES -> range(key, value, 1, 2000);
                case MAX_WIDTH, MAX_HEIGHT -> range(key, value, 16, 65535);
                case MAX_MEGAPIXELS -> range(key, value, 1, 500);
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            return List.of("Setting '" + key + "': " + e.getMessage());
        }
        return List.of();
    }

    private static void range(String key, String value, long low, long high) {
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
        if (number < low || number > high) {
            throw new IllegalArgumentException(number + " is outside " + low + " to " + high);
        }
    }

    @Override
    public void onEvent(SiteEvent event) {
        PluginContext current = context;
        if (current == null) {
            return;
        }
        if (event instanceof SiteEvent.SettingsChanged changed && ID.equals(changed.pluginId())) {
            library.forget();
            current.cache().invalidateAll();
            // New widths: every image gets its copies remade in the background; pages name the old ones meanwhile.
            reprocessing.retryAll();
            try {
                for (MediaItem item : current.media().list("")) {
                    if (!VariantPaths.isReserved(item.path()) && item.contentType() != null
                            && item.contentType().startsWith("image/")) {
                        reprocessing.request(item.path());
                    }
                }
            } catch (IOException e) {
                current.logger().error("could not list the media library to remake image copies", e);
            }
        } else if (event instanceof SiteEvent.MediaDeleted deleted && !VariantPaths.isReserved(deleted.path())) {
            try {
                forget(deleted.path());
            } catch (IOException e) {
                current.logger().error("could not remove the variants of " + deleted.path(), e);
            }
        } else if (event instanceof SiteEvent.MediaStored stored && !VariantPaths.isReserved(stored.item().path())) {
            reprocessing.retry(stored.item().path());
            try {
                process(stored.item());
            } catch (IOException e) {
                current.logger().error("could not process image " + stored.item().path(), e);
            }
        }
    }

    /** Waits for the background remaking of copies to finish; for tests. */
    boolean awaitReprocessing(long seconds) throws InterruptedException {
        Reprocessing running = reprocessing;
        return running == null || running.awaitIdle(seconds);
    }

    /** The limits uploads are checked against, from the settings. */
    public ImageLimits limits() {
        return limits(context == null ? null : context.settings());
    }

    /** A variant maker with the current settings. */
    public VariantMaker variantMaker() {
        PluginSettings settings = context == null ? null : context.settings();
        VariantSettings variants = VariantSettings.DEFAULT;
        if (settings != null) {
            float quality = Math.max(50, Math.min(100, settings.getInt(JPEG_QUALITY))) / 100f;
            variants = new VariantSettings(VariantSettings.parseWidths(settings.get(WIDTHS)), quality,
                    VariantSettings.DEFAULT.fullQuality(), VariantSettings.DEFAULT.lqipWidth());
        }
        return new VariantMaker(limits(settings), variants);
    }

    static ImageLimits limits(PluginSettings settings) {
        if (settings == null) {
            return ImageLimits.DEFAULT;
        }
        return new ImageLimits(settings.getInt(MAX_MEGABYTES) * 1024L * 1024L, settings.getInt(MAX_WIDTH),
                settings.getInt(MAX_HEIGHT), settings.getInt(MAX_MEGAPIXELS) * 1_000_000L);
    }

    /** Processes a file a page found outdated, if it is still there; @return whether anything was written */
    private boolean reprocess(String path) throws IOException {
        Optional<MediaItem> item = context.media().describe(path);
        return item.isPresent() && process(item.get());
    }

    /**
     * Processes one stored file, if it is an image not yet processed at its current version with the copies the
     * settings ask for now. Copies at widths no longer wanted are removed once the new record names the others.
     *
     * @return whether anything was written
     */
    private boolean process(MediaItem item) throws IOException {
        MediaStorage media = context.media();
        String path = item.path();
        VariantMaker maker = variantMaker();
        if (item.size() > maker.inspector().limits().maxBytes()) {
            context.logger().warn(path + ": " + ImageInspector.bytes(item.size()) + " is over the image limit; "
                    + "no variants made");
            return false;
        }
        String version = StorageImageLibrary.version(item);
        Optional<StoredImage> known = recorded(media, path);
        if (known.isPresent() && known.get().version().equals(version) && known.get().current(
                VariantMaker.variantWidths(known.get().info(), maker.settings().widths()))) {
            return false;
        }
        byte[] bytes;
        Optional<InputStream> content = media.open(path);
        if (content.isEmpty()) {
            return false;
        }
        try (InputStream in = content.get()) {
            bytes = in.readAllBytes();
        }
        if (ImageInspector.detect(Arrays.copyOf(bytes, Math.min(bytes.length, ImageInspector.MAGIC_LENGTH)))
                .isEmpty()) {
            return false;
        }
        ProcessedImage image;
        try {
            image = maker.make(path, bytes);
        } catch (ImageRejectedException e) {
            context.logger().warn(e.getMessage() + "; it is served as stored, without variants");
            return false;
        }
        MediaItem current = item;
        if (!Arrays.equals(image.full().bytes(), bytes)) {
            current = media.store(path, new ByteArrayInputStream(image.full().bytes()), image.full().contentType());
        }
        for (Rendition variant : image.variants()) {
            media.store(variant.path(), new ByteArrayInputStream(variant.bytes()), variant.contentType());
        }
        media.store(VariantPaths.recordPath(path),
                new ByteArrayInputStream(ImageRecord.write(StorageImageLibrary.version(current), image)),
                "text/plain; charset=ISO-8859-1");
        library.forget();
        if (known.isPresent() && known.get().variantWidths() != null) {
            List<Integer> made = image.variants().stream().map(Rendition::width).toList();
            for (int width : known.get().variantWidths()) {
                if (!made.contains(width)) {
                    deleteVariants(media, path, width);
                }
            }
        }
        return true;
    }

    /** Removes the variants and the record made from a file that is gone. */
    private void forget(String path) throws IOException {
        MediaStorage media = context.media();
        java.util.Set<Integer> widths = new java.util.TreeSet<>(variantMaker().settings().widths());
        recorded(media, path).map(StoredImage::variantWidths).ifPresent(widths::addAll);
        for (int width : widths) {
            deleteVariants(media, path, width);
        }
        media.delete(VariantPaths.recordPath(path));
        library.forget();
    }

    private static void deleteVariants(MediaStorage media, String path, int width) throws IOException {
        // The variant keeps the original's path, plus a second extension when its format differs (WebP).
        for (MediaItem item : media.list("_w" + width + "/" + path)) {
            Optional<VariantPaths.Variant> variant = VariantPaths.parse(item.path());
            if (variant.isPresent() && variant.get().originalPath().equals(path)) {
                media.delete(item.path());
            }
        }
    }

    private static Optional<StoredImage> recorded(MediaStorage media, String path) throws IOException {
        Optional<InputStream> record = media.open(VariantPaths.recordPath(path));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = record.get()) {
            return Optional.ofNullable(ImageRecord.read(path, in.readNBytes(64 * 1024)));
        }
    }
}
