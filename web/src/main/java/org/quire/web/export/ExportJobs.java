package org.quire.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.web.site.BackgroundJob;

/**
 * The static export started from the admin page: one at a time, in the background (the site keeps serving), into
 * the export folder ({@code quire.export.dir}, default {@code <data>/export/site}), which the page offers as a zip.
 * Files whose bytes did not change are not rewritten, so a second export after one edit touches only the pages that
 * show it.
 */
@ApplicationScoped
public class ExportJobs {

    private static final Logger LOG = Logger.getLogger(ExportJobs.class);

    /** One export as the admin page shows it. */
    public static final class Job extends BackgroundJob<SiteExporter.Report> {
        public final boolean fromMarkdown;

        Job(Instant startedAt, boolean fromMarkdown) {
            super(startedAt, State.RUNNING);
            this.fromMarkdown = fromMarkdown;
        }
    }

    @Inject
    SiteExporter exporter;


    @Inject
    Clock clock;

    private final Path folder;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-export");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Job latest;

    public ExportJobs(@ConfigProperty(name = "quire.data-dir") String dataDir,
                      @ConfigProperty(name = "quire.export.dir") Optional<String> exportDir) {
        this.folder = exportDir.map(Path::of).orElse(Path.of(dataDir).resolve("export").resolve("site"))
                .toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /**
     * Starts an export, or answers the one running.
     *
     * @param fromMarkdown render every post from its Markdown first (after a theme or plugin change)
     */
    public synchronized Job start(boolean fromMarkdown) {
        Job running = latest;
        if (running != null && !running.finished()) {
            return running;
        }
        Job job = new Job(clock.instant(), fromMarkdown);
        latest = job;
        runner.execute(() -> run(job));
        return job;
    }

    public Optional<Job> latest() {
        return Optional.ofNullable(latest);
    }

    private void run(Job job) {
        try {
            java.util.function.Consumer<SiteExporter.Progress> progress =
                    done -> job.progress(done.done(), done.total());
            job.succeeded(job.fromMarkdown ? exporter.exportFromMarkdown(folder, progress)
                    : exporter.export(folder, progress), clock);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "The export into %s failed", folder);
            job.failed("The export into " + folder + " failed: " + e.getMessage(), clock);
        }
    }

    /** Whether a finished export is there to download. */
    public boolean hasExport() {
        Job job = latest;
        return Files.isDirectory(folder) && (job == null || job.finished());
    }

    /** Writes the export folder as a zip, entries in path order. */
    public void zip(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
