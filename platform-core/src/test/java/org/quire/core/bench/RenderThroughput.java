package org.quire.core.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.quire.core.ContentEngine;
import org.quire.core.RenderOptions;
import org.quire.core.site.JekyllConfig;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;

/**
 * Parse + render throughput on one thread: the Quire engine (trusted and untrusted HTML) beside raw commonmark-java
 * with the same six GFM extensions on the same files, so both are measured in one run on one machine.
 *
 * <p>Usage: {@code RenderThroughput SECONDS CORPUS...}, each corpus a directory holding {@code _posts/} (and
 * optionally {@code _config.yml}), or several such directories joined with {@code +} to measure them as one set
 * (each post rendered with its own site's settings). Prints one row per corpus and contender: MB/s of source
 * (UTF-8) and posts/s, the median of five timed rounds after a warm-up. When built-in plugins are on the class
 * path (bench/render.sh puts them there), the engine is measured again with all of them enabled.
 */
public final class RenderThroughput {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws IOException {
        double secondsPerRound = Double.parseDouble(args[0]);
        // The built-in plugins when bench/render.sh puts them on the class path; aws-cards makes a card of every
        // service section, not only in posts tagged AWS, so the plugins' work is measured on every post.
        org.quire.core.testkit.TestHost host = new org.quire.core.testkit.TestHost()
                .set("aws-cards", "automatic-cards", "all");
        org.quire.core.plugin.PluginRegistry builtIns = org.quire.core.plugin.PluginRegistry.builder()
                .discover(RenderThroughput.class.getClassLoader()).contexts(host).build();
        String pluginIds = String.join(",", builtIns.active().stream().map(p -> p.id()).toList());
        System.out.println("# plugins found on the class path: " + (pluginIds.isEmpty() ? "none" : pluginIds));
        System.out.printf(Locale.ROOT, "%-22s %-24s %6s %9s %10s %10s%n", "corpus", "contender", "posts", "MB", "MB/s", "posts/s");
        for (int i = 1; i < args.length; i++) {
            List<PostSource> sources = new ArrayList<>();
            java.util.Map<PostSource, ContentEngine> engines = new java.util.IdentityHashMap<>();
            java.util.Map<PostSource, ContentEngine> withPlugins = new java.util.IdentityHashMap<>();
            List<String> names = new ArrayList<>();
            for (String dir : args[i].split("\\+")) {
                Path root = Path.of(dir);
                Path config = root.resolve("_config.yml");
                SiteSettings site = Files.exists(config) ? JekyllConfig.read(config) : SiteSettings.defaults();
                ContentEngine engine = ContentEngine.create(site, org.quire.core.plugin.PluginRegistry.empty());
                ContentEngine pluginEngine = ContentEngine.create(site, builtIns);
                for (PostSource source : read(root)) {
                    sources.add(source);
                    engines.put(source, engine);
                    withPlugins.put(source, pluginEngine);
                }
                names.add(root.getFileName().toString());
            }
            long bytes = sources.stream().mapToLong(s -> s.text().getBytes(StandardCharsets.UTF_8).length).sum();
            String name = String.join("+", names);

            List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                    AutolinkExtension.create(), TaskListItemsExtension.create(), FootnotesExtension.create(),
                    HeadingAnchorExtension.create());
            Parser parser = Parser.builder().extensions(extensions).build();
            HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();

            report(name, "commonmark-java (raw)", sources, bytes, secondsPerRound,
                    source -> renderer.render(parser.parse(source.text())).length());
            report(name, "quire (trusted)", sources, bytes, secondsPerRound,
                    source -> engines.get(source).render(source, RenderOptions.trusted()).html().length());
            report(name, "quire (untrusted)", sources, bytes, secondsPerRound,
                    source -> engines.get(source).render(source, RenderOptions.untrusted()).html().length());
            if (!builtIns.active().isEmpty()) {
                report(name, "quire+plugins (trusted)", sources, bytes, secondsPerRound,
                        source -> withPlugins.get(source).render(source, RenderOptions.trusted()).html().length());
                report(name, "quire+plugins (untrusted)", sources, bytes, secondsPerRound,
                        source -> withPlugins.get(source).render(source, RenderOptions.untrusted()).html().length());
            }
        }
    }

    private interface Renderer {
        int render(PostSource source);
    }

    private static void report(String corpus, String contender, List<PostSource> sources, long bytes,
                               double secondsPerRound, Renderer renderer) {
        long sink = 0;
        long warmUpEnd = System.nanoTime() + (long) (secondsPerRound * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            for (PostSource source : sources) {
                sink += renderer.render(source);
            }
        }
        double[] postsPerSecond = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long rendered = 0;
            long start = System.nanoTime();
            long end = start + (long) (secondsPerRound * 1e9);
            long now;
            do {
                for (PostSource source : sources) {
                    sink += renderer.render(source);
                }
                rendered += sources.size();
                now = System.nanoTime();
            } while (now < end);
            postsPerSecond[round] = rendered / ((now - start) / 1e9);
        }
        java.util.Arrays.sort(postsPerSecond);
        double median = postsPerSecond[ROUNDS / 2];
        double megabytesPerSecond = median * bytes / sources.size() / 1e6;
        System.out.printf(Locale.ROOT, "%-22s %-24s %6d %9.2f %10.1f %10.0f%n", corpus, contender, sources.size(),
                bytes / 1e6, megabytesPerSecond, median);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static List<PostSource> read(Path root) throws IOException {
        List<PostSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("_posts"))) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> sources.add(PostSource.read(root, file)));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(root + "/_posts holds no posts");
        }
        return sources;
    }
}
