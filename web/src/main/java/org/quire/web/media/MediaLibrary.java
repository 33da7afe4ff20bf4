package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.SiteEvent;
import org.quire.web.content.ContentException;
import org.quire.web.content.Post;
import org.quire.web.plugins.PluginRuntime;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The media library as people see it: the files people and imports stored (not what plugins made from them, which
 * live under folders starting with {@code _}), where each is used, the files posts refer to that are missing, and
 * deleting a file only when no post uses it (or when told to anyway).
 */
@ApplicationScoped
public class MediaLibrary {

    /** A reference to the media library in a post's text: {@code /media/} and the path, up to a delimiter. */
    private static final Pattern REFERENCE = Pattern.compile("/media/([^\\s)\"'<>?#]+)");

    @Inject
    MediaStore store;

    @Inject
    PluginRuntime plugins;

    public record Usage(long postId, String title, String path) {
    }

    public record Entry(String path, String contentType, long size, String altText, Integer width, Integer height,
                        String uploadedBy, java.time.Instant createdAt, List<Usage> usedBy) {
    }

    public record Page(List<Entry> entries, int page, int size, long total) {
    }

    public record Broken(String path, List<Usage> usedBy) {
    }

    /** Files whose path or original name contains {@code query}, newest first. */
    public Page list(String query, int page, int size) {
        Map<String, List<Usage>> referenced = references();
        return QuarkusTransaction.requiringNew().call(() -> {
            String like = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_")) + "%";
            // Escaped with '!': a backslash would escape the literal's closing quote on MariaDB.
            String where = "path not like '!_%' escape '!' and (lower(path) like ?1 escape '!'"
                    + " or lower(coalesce(originalName, '')) like ?1 escape '!')";
            long total = MediaFile.count(where, like);
            List<MediaFile> files = MediaFile.<MediaFile>find(where + " order by createdAt desc, id desc", like)
                    .page(page - 1, size).list();
            List<Entry> entries = new ArrayList<>();
            for (MediaFile file : files) {
                int[] dimensions = dimensions(file);
                entries.add(new Entry(file.path, file.contentType, file.sizeBytes, file.altText,
                        dimensions == null ? null : dimensions[0], dimensions == null ? null : dimensions[1],
                        file.uploadedBy == null ? null : file.uploadedBy.handle, file.createdAt,
                        referenced.getOrDefault(file.path, List.of())));
            }
            return new Page(entries, page, size, total);
        });
    }

    /** The posts (not in the bin) whose text refers to the file. */
    public List<Usage> usedBy(String path) {
        return references().getOrDefault(path, List.of());
    }

    /** Files the library should have because posts refer to them, but does not; with the posts. */
    public List<Broken> broken() {
        Map<String, List<Usage>> referenced = references();
        Set<String> known = QuarkusTransaction.requiringNew().call(() -> new java.util.HashSet<>(Post
                .getEntityManager().createQuery("select f.path from MediaFile f", String.class).getResultList()));
        List<Broken> report = new ArrayList<>();
        referenced.forEach((path, usedBy) -> {
            if (!known.contains(path)) {
                report.add(new Broken(path, usedBy));
            }
        });
        return report;
    }

    /**
     * Every media path the posts (not in the bin) refer to, with the posts, read from their texts in one pass.
     * A post's text is a large object the databases cannot search with LIKE, hence the pass; a reference table
     * kept at each save would make this a query once libraries grow large.
     */
    private Map<String, List<Usage>> references() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Usage>> byPath = new TreeMap<>();
            try (var rows = Post.getEntityManager().createQuery("select p.id, p.title, p.path, p.source from Post p"
                    + " where p.deletedAt is null order by p.title", Object[].class).getResultStream()) {
                rows.forEach(row -> {
                    String source = (String) row[3];
                    if (source != null && source.contains("/media/")) {
                        for (String path : references(source)) {
                            byPath.computeIfAbsent(path, k -> new ArrayList<>())
                                    .add(new Usage((Long) row[0], (String) row[1], (String) row[2]));
                        }
                    }
                });
            }
            return byPath;
        });
    }

    public void describe(String path, String altText) {
        QuarkusTransaction.requiringNew().run(() -> {
            MediaFile file = existing(path);
            String text = altText == null ? null : altText.strip();
            if (text != null && text.length() > 1000) {
                throw new ContentException(ContentException.Reason.INVALID, "altText",
                        "Alt text has at most 1000 characters (this one has " + text.length() + ")");
            }
            file.altText = text == null || text.isEmpty() ? null : text;
        });
    }

    /**
     * Deletes a file and, through the plugins, what was made from it.
     *
     * @param force delete even though posts use it (they will show the missing-image placeholder)
     */
    public void delete(String path, boolean force) throws IOException {
        QuarkusTransaction.requiringNew().run(() -> existing(path));
        List<Usage> users = usedBy(path);
        if (!users.isEmpty() && !force) {
            throw new ContentException(ContentException.Reason.CONFLICT, "path", "'" + path + "' is used by "
                    + users.size() + (users.size() == 1 ? " post" : " posts") + " ("
                    + String.join(", ", users.stream().limit(3).map(u -> "'" + u.title() + "'").toList())
                    + (users.size() > 3 ? ", …" : "") + "); delete it anyway only if those posts may show it missing");
        }
        store.delete(path);
        plugins.registry().dispatch(new SiteEvent.MediaDeleted(path));
    }

    public String uploaderHandle(String path) {
        return QuarkusTransaction.requiringNew().call(() -> MediaFile.findByPath(path)
                .map(f -> f.uploadedBy == null ? null : f.uploadedBy.handle).orElse(null));
    }

    public Optional<MediaFile> find(String path) {
        return QuarkusTransaction.requiringNew().call(() -> MediaFile.findByPath(path));
    }

    private static MediaFile existing(String path) {
        return MediaFile.findByPath(path).orElseThrow(() -> new ContentException(ContentException.Reason.NOT_FOUND,
                "path", "The media library has no file '" + path + "'"));
    }

    static Set<String> references(String text) {
        Set<String> paths = new java.util.LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            String path = matcher.group(1);
            if (!path.startsWith("_")) {
                paths.add(java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return paths;
    }

    /** Width and height read from the image's header (nothing decoded), or null for other files. */
    private int[] dimensions(MediaFile file) {
        if (!file.contentType.startsWith("image/")) {
            return null;
        }
        try (InputStream bytes = store.open(file);
             ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
