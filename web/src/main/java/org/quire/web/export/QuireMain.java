package org.quire.web.export;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.quire.web.content.JekyllImport;
import org.quire.web.content.JekyllImport.Outcome;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command line: no argument (or {@code serve}) runs the server; {@code export [--from-markdown] <folder>} writes the static site
 * to a folder; {@code import <folder>} moves a Jekyll site in and prints a report per post. Both show progress in
 * the terminal, then exit.
 */
@QuarkusMain
public class QuireMain implements QuarkusApplication {

    @Inject
    SiteExporter exporter;

    @Inject
    JekyllImport jekyllImport;

    @Inject
    org.quire.web.content.PostService posts;

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
        System.err.println("Unknown command '" + args[0] + "'; use serve (the default), export <folder> or import <folder>");
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
