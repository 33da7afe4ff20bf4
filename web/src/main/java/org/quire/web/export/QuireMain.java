package org.quire.web.export;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.quire.web.content.JekyllImport;
import org.quire.web.content.JekyllImport.Outcome;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command line: no argument (or {@code serve}) runs the server; {@code export [--from-markdown] <folder>} writes
 * the static site to a folder; {@code import <folder>} moves a Jekyll site in and prints a report per post;
 * {@code backup <file.zip>} writes everything into one archive and {@code restore <file.zip>} puts it back into an
 * empty instance. Each shows progress in the terminal, then exits.
 */
@QuarkusMain
public class QuireMain implements QuarkusApplication {

    @Inject
    SiteExporter exporter;

    @Inject
    JekyllImport jekyllImport;

    @Inject
    org.quire.web.content.PostService posts;

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
            if (fromMarkdown) {
                // Every post rendered again from its Markdown first, as a static generator does on each build.
                long started = System.nanoTime();
                int rendered = posts.rerenderAll();
                System.out.printf("Rendered %d posts from Markdown in %d ms%n", rendered,
                        (System.nanoTime() - started) / 1_000_000);
            }
            SiteExporter.Report report = exporter.export(folder, progress -> {
                if (progress.done() % 50 == 0 || progress.done() == progress.total()) {
                    printBar(progress.done(), progress.total(), "pages");
                }
            });
            System.out.printf("%nExported %d pages to %s: %d written, %d unchanged, %d media files%n", report.pages(),
                    folder, report.written(), report.unchanged(), report.mediaFiles());
            report.skipped().forEach(skip -> System.out.println("skipped " + skip));
            return 0;
        }
        if (args[0].equals("import")) {
            if (args.length != 2) {
                System.err.println("usage: quire import <jekyll site folder>");
                return 2;
            }
            Path folder = Path.of(args[1]).toAbsolutePath().normalize();
            JekyllImport.Report report = jekyllImport.importSiteWithProgress(folder, progress -> {
                if (progress.done() % 25 == 0 || progress.done() == progress.total()) {
                    printBar(progress.done(), progress.total(), "posts");
                }
            });
            System.out.println();
            report.siteMessages().forEach(System.out::println);
            for (JekyllImport.PostResult post : report.posts()) {
                if (post.outcome() != Outcome.UNCHANGED || !post.messages().isEmpty()) {
                    System.out.printf("%-9s %s -> %s%n", post.outcome(), post.file(), post.path() == null ? "-" : post.path());
                    post.messages().forEach(message -> System.out.println("          " + message));
                }
            }
            System.out.printf("%d posts from %s: %d imported, %d updated, %d unchanged, %d failed%n",
                    report.posts().size(), folder, report.count(Outcome.IMPORTED), report.count(Outcome.UPDATED),
                    report.count(Outcome.UNCHANGED), report.count(Outcome.FAILED));
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
                + " import <folder>, backup <file.zip> or restore <file.zip>");
        return 2;
    }

    /** A progress bar on one terminal line, redrawn in place. */
    private static void printBar(int done, int total, String unit) {
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        System.out.printf("\r[%s%s] %d/%d %s", "#".repeat(filled), " ".repeat(width - filled), done, total, unit);
        System.out.flush();
    }
}
