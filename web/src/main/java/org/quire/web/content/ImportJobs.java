package org.quire.web.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.web.site.BackgroundJob;

/**
 * Imports of uploaded sites run in the background, one at a time, so the site keeps serving and the admin page
 * can show how far each one is. A job is unpacked safely before it is accepted; its folder is removed when it
 * ends. The latest jobs are remembered in this instance for their report.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final int REMEMBERED = 20;

    /** One import as the admin page shows it. */
    public static final class Job extends BackgroundJob<JekyllImport.Report> {
        public final String id;
        public final String fileName;

        Job(String id, String fileName, Instant startedAt) {
            super(startedAt, State.WAITING);
            this.id = id;
            this.fileName = fileName;
        }
    }

    @Inject
    JekyllImport importer;

    @Inject
    Clock clock;

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-import");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Unpacks the zip ({@link SafeZip}) and queues its import.
     *
     * @throws SafeZip.Refused          when the archive is unsafe (traversal, bomb, too large)
     * @throws IllegalArgumentException when it holds no Jekyll site
     */
    public Job start(Path zip, String fileName) throws IOException, SafeZip.Refused {
        return start(zip, fileName, JekyllImport.Options.DEFAULTS);
    }

    /** As {@link #start(Path, String)}, with the import's options (apply the site's settings on a later import). */
    public Job start(Path zip, String fileName, JekyllImport.Options options) throws IOException, SafeZip.Refused {
        Path folder = Files.createTempDirectory("quire-import-");
        Path root;
        try {
            root = unpack(zip, fileName, folder);
        } catch (IOException | RuntimeException | SafeZip.Refused e) {
            deleteTree(folder);
            throw e;
        }
        Job job = new Job(org.quire.web.accounts.Secrets.newToken().substring(0, 12), fileName, clock.instant());
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > REMEMBERED) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.execute(() -> run(job, root, folder, options));
        return job;
    }

    /**
     * Unpacks an uploaded site into {@code folder} with {@link SafeZip}'s limits.
     *
     * @return the site's root: the folder, or its one top folder
     * @throws IllegalArgumentException when the zip holds no Jekyll site, naming it
     */
    static Path unpack(Path zip, String fileName, Path folder) throws IOException, SafeZip.Refused {
        SafeZip.extract(zip, folder, SafeZip.Limits.defaults());
        Path root = SafeZip.siteRoot(folder);
        if (!hasPostFolder(root)) {
            throw new IllegalArgumentException("'" + fileName + "' holds no _posts or _drafts folder, at its top,"
                    + " in its one top folder or in a folder below (such as en/news/_posts): is it a Jekyll site?");
        }
        return root;
    }

    /** Whether a site has a post folder anywhere Jekyll might read one, as multi-language sites have below the top. */
    static boolean hasPostFolder(Path root) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(root, 6)) {
            return walk.anyMatch(p -> Files.isDirectory(p) && (p.getFileName().toString().equals("_posts")
                    || p.getFileName().toString().equals("_drafts")));
        }
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void run(Job job, Path root, Path folder, JekyllImport.Options options) {
        job.running();
        try {
            job.succeeded(importer.importSiteWithProgress(root, options, progress -> job.progress(progress.done(),
                    progress.total())), clock);
        } catch (IOException | RuntimeException e) {
            job.failed(e.getMessage() == null ? e.toString() : e.getMessage(), clock);
            LOG.warnf(e, "Import of %s failed", job.fileName);
        } finally {
            try {
                deleteTree(folder);
            } catch (IOException e) {
                LOG.warnf("Could not remove %s: %s", folder, e);
            }
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
