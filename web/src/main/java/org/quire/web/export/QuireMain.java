package org.quire.web.export;

import java.nio.file.Path;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command line: no argument (or {@code serve}) runs the server; {@code export <folder>} writes the static site
 * to a folder with a progress line in the terminal, then exits.
 */
@QuarkusMain
public class QuireMain implements QuarkusApplication {

    @Inject
    SiteExporter exporter;

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0 || args[0].equals("serve")) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args[0].equals("export")) {
            if (args.length != 2) {
                System.err.println("usage: quire export <folder>");
                return 2;
            }
            Path folder = Path.of(args[1]).toAbsolutePath().normalize();
            SiteExporter.Report report = exporter.export(folder, progress -> {
                if (progress.done() % 50 == 0 || progress.done() == progress.total()) {
                    int width = 30;
                    int filled = progress.total() == 0 ? width : width * progress.done() / progress.total();
                    System.out.printf("\r[%s%s] %d/%d pages", "#".repeat(filled), " ".repeat(width - filled),
                            progress.done(), progress.total());
                    System.out.flush();
                }
            });
            System.out.printf("%nExported %d pages to %s: %d written, %d unchanged, %d media files%n", report.pages(),
                    folder, report.written(), report.unchanged(), report.mediaFiles());
            report.skipped().forEach(skip -> System.out.println("skipped " + skip));
            return 0;
        }
        System.err.println("Unknown command '" + args[0] + "'; use serve (the default) or export <folder>");
        return 2;
    }
}
