package org.quire.web.export;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.quire.web.content.JekyllImport;
import org.quire.web.content.JekyllImport.Outcome;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The command line: no argument (or {@code serve}) runs the server; {@code export [--from-markdown] <folder>} writes
 * the static site to a folder; {@code import <folder>} moves a Jekyll site in and prints a report per post;
 * {@code backup <file.zip>} writes everything into one archive and {@code restore <file.zip>} puts it back into an
 * empty instance. Each shows progress in the terminal, then exits. Started by {@link QuireCommandLine}.
 */
public class QuireMain implements QuarkusApplication {

    @Inject
    SiteExporter exporter;

    @Inject
    JekyllImport jekyllImport;


    @Inject
    org.quire.web.backup.Backups backups;

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0 || args[0].equals("serve")) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args[0].equals("export")) {
            boolean fromMarkdown = args.length == 3 && args[1].equals("--from-markdown");
            if (args.length != 2 && !fromMarkdown) {
                System.err.println("usage: quire export [--from-markdown] <folder>");
                return 2;
            }
            Path folder = Path.of(args[args.length - 1]).toAbsolutePath().normalize();
            ProgressBar bar = new ProgressBar("pages", 50);
            // With --from-markdown every post is rendered again from its Markdown first, as a static generator does.
            SiteExporter.Report report = fromMarkdown
                    ? exporter.exportFromMarkdown(folder, progress -> bar.show(progress.done(), progress.total()))
                    : exporter.export(folder, progress -> bar.show(progress.done(), progress.total()));
            bar.end();
            if (fromMarkdown) {
                System.out.printf("Rendered %d posts from Markdown in %d ms%n", report.rendered(),
                        report.renderMillis());
            }
            System.out.printf("Exported %d pages to %s: %d written, %d unchanged, %d media files%n", report.pages(),
                    folder, report.written(), report.unchanged(), report.mediaFiles());
            report.skipped().forEach(skip -> System.out.println("skipped " + skip));
            return 0;
        }
        if (args[0].equals("import")) {
            boolean applySiteSettings = args.length == 3 && args[1].equals("--apply-site-settings");
            if (args.length != 2 && !applySiteSettings) {
                System.err.println("usage: quire import [--apply-site-settings] <jekyll site folder>");
                return 2;
            }
            Path folder = Path.of(args[args.length - 1]).toAbsolutePath().normalize();
            ProgressBar bar = new ProgressBar("posts", 25);
            JekyllImport.Report report = jekyllImport.importSiteWithProgress(folder,
                    new JekyllImport.Options(applySiteSettings), progress -> bar.show(progress.done(), progress.total()));
            bar.end();
            report.siteMessages().forEach(System.out::println);
            report.settingsApplied().forEach(change -> System.out.println("site setting taken from _config.yml: "
                    + change));
            report.settingsDiffering().forEach(difference -> System.out.println("site setting kept (import with"
                    + " --apply-site-settings to take _config.yml's): " + difference));
            for (JekyllImport.PostResult post : report.posts()) {
                if (post.outcome() != Outcome.UNCHANGED || !post.messages().isEmpty()) {
                    System.out.printf("%-9s %s -> %s%n", post.outcome(), post.file(), post.path() == null ? "-" : post.path());
                    post.messages().forEach(message -> System.out.println("          " + message));
                }
            }
            long notPosts = report.count(Outcome.NOT_A_POST);
            System.out.printf("%d posts from %s: %d imported, %d updated, %d unchanged, %d failed; %d other files"
                            + " under the post folders are not posts%n", report.posts().size() - notPosts, folder,
                    report.count(Outcome.IMPORTED), report.count(Outcome.UPDATED), report.count(Outcome.UNCHANGED),
                    report.count(Outcome.FAILED), notPosts);
            return report.count(Outcome.FAILED) == 0 ? 0 : 1;
        }
        if (args[0].equals("backup") || args[0].equals("restore")) {
            if (args.length != 2) {
                System.err.println("usage: quire " + args[0] + " <file.zip>");
                return 2;
            }
            Path archive = Path.of(args[1]).toAbsolutePath().normalize();
            try {
                if (args[0].equals("backup")) {
                    org.quire.web.backup.Backups.Summary summary = backups.write(archive, System.out::println);
                    System.out.printf("Backed up %s rows and %d media objects to %s%n", summary.rows(),
                            summary.mediaObjects(), archive);
                } else {
                    org.quire.web.backup.Backups.Restored restored = backups.restore(archive, System.out::println);
                    System.out.printf("Restored %s (backed up by Quire %s at %s): %s rows, %d media objects%n",
                            restored.site(), restored.madeBy(), restored.madeAt(), restored.rows(),
                            restored.mediaObjects());
                }
                return 0;
            } catch (org.quire.web.backup.Backups.BackupException e) {
                System.err.println(args[0] + " failed: " + e.getMessage());
                return 1;
            }
        }
        System.err.println("Unknown command '" + args[0] + "'; use serve (the default), export <folder>,"
                + " import [--apply-site-settings] <folder>, backup <file.zip> or restore <file.zip>");
        return 2;
    }

    /**
     * Progress in the terminal: a bar on one line, redrawn every {@code every} items. Without a terminal (output
     * going to a log), a line at each tenth instead, so the log is not one line of thousands of redrawn bars.
     */
    static final class ProgressBar {

        private static final int WIDTH = 30;

        private final String unit;
        private final int every;
        private final boolean terminal = System.console() != null;
        private int tenthShown = -1;
        private boolean drawn;

        ProgressBar(String unit, int every) {
            this.unit = unit;
            this.every = every;
        }

        void show(int done, int total) {
            if (!terminal) {
                int tenth = total == 0 ? 10 : (int) (10L * done / total);
                if (tenth != tenthShown) {
                    tenthShown = tenth;
                    System.out.printf("%d/%d %s (%d%%)%n", done, total, unit, tenth * 10);
                }
                return;
            }
            if (done % every == 0 || done == total) {
                int filled = total == 0 ? WIDTH : WIDTH * done / total;
                System.out.printf("\r[%s%s] %d/%d %s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total,
                        unit);
                System.out.flush();
                drawn = true;
            }
        }

        /** Ends the bar's line, so that what follows starts on a line of its own. */
        void end() {
            if (drawn) {
                System.out.println();
            }
        }
    }
}
