package org.quire.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.quire.api.DocumentTransform;
import org.quire.api.PluginSettings;
import org.quire.api.SiteInfo;
import org.quire.api.TransformContext;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.RenderedDocument.Reference;
import org.quire.core.RenderedDocument.TocEntry;
import org.quire.core.html.HtmlPolicy;
import org.quire.core.liquid.LiquidTranslator;
import org.quire.core.markdown.MarkdownPipeline;
import org.quire.core.markdown.NestingTooDeepException;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostMetadata;
import org.quire.core.source.PostReader;
import org.quire.core.source.PostSource;
import org.quire.core.text.TextStatistics;

/**
 * The content engine: turns a post source into a {@link RenderedDocument}. Reads front matter with Jekyll's
 * conventions, translates leftover Liquid, renders Markdown with the core GFM extensions and every active plugin's
 * extensions, applies the HTML policy, runs plugin transforms, and collects the table of contents, excerpt, word
 * count, references and diagnostics.
 *
 * <p>Never throws for bad input: problems become diagnostics. A plugin that throws is reported and the document is
 * rendered again without that plugin. Immutable and thread-safe; build one per site and plugin set.
 */
public final class ContentEngine {

    // Tags are matched as runs without '<' as well as '>': "[^>]*" would make a line of a million '<' quadratic.
    private static final Pattern IMG_SRC = Pattern.compile("<img\\b[^<>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"'][^<>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern A_HREF = Pattern.compile("<a\\b[^<>]*?\\bhref\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");

    private final SiteSettings site;
    private final PluginRegistry plugins;
    private final PostReader reader = new PostReader();
    private final LiquidTranslator liquid = new LiquidTranslator();
    private final HtmlPolicy htmlPolicy = new HtmlPolicy();
    /** Pipelines by the set of plugins left out after a failure; the empty set is the full pipeline. */
    private final Map<Set<String>, MarkdownPipeline> pipelines = new ConcurrentHashMap<>();

    private ContentEngine(SiteSettings site, PluginRegistry plugins) {
        this.site = site;
        this.plugins = plugins;
        pipelines.put(Set.of(), newPipeline(Set.of()));
    }

    public static ContentEngine create(SiteSettings site, PluginRegistry plugins) {
        return new ContentEngine(site, plugins);
    }

    /** An engine with no plugins and Jekyll's default site settings. */
    public static ContentEngine standalone() {
        return create(SiteSettings.defaults(), PluginRegistry.empty());
    }

    public SiteSettings site() {
        return site;
    }

    /** Reads front matter and file name only, without rendering: enough to list posts and compute their URLs. */
    public PostReader.Read read(PostSource source) {
        return reader.read(source, site);
    }

    public RenderedDocument render(PostSource source, RenderOptions options) {
        PostReader.Read read = reader.read(source, site);
        return render(source, read, options);
    }

    /**
     * Renders a text under the name its own front matter gives it: {@code nameFor} makes the name from a first read
     * of {@code provisional} (a stored post's file name comes from its date and slug). Reads the front matter once;
     * otherwise the same as {@code render(new PostSource(name, text), options)}.
     */
    public RenderedDocument renderRenamed(PostSource provisional, Function<PostMetadata, String> nameFor,
                                          RenderOptions options) {
        PostReader.Read read = reader.readRenamed(provisional, nameFor, site);
        return render(new PostSource(read.metadata().source(), provisional.text()), read, options);
    }

    private RenderedDocument render(PostSource source, PostReader.Read read, RenderOptions options) {
        Set<String> excluded = new TreeSet<>();
        List<Diagnostic> pluginFailures = new ArrayList<>();
        while (true) {
            try {
                List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
                diagnostics.addAll(pluginFailures);
                return renderWith(pipeline(excluded), excluded, source, read, options, diagnostics);
            } catch (NestingTooDeepException e) {
                throw e; // the text's fault, not a plugin's
            } catch (RuntimeException | StackOverflowError e) {
                // Leave out the plugin the stack trace points to; when it cannot be told, every plugin's syntax.
                Optional<ActivePlugin> culprit = plugins.culpritOf(e).filter(p -> !excluded.contains(p.id()));
                Set<String> exclude = culprit.map(p -> Set.of(p.id())).orElseGet(() -> allPluginIds(excluded));
                if (exclude.isEmpty() || excluded.containsAll(exclude)) {
                    throw new IllegalStateException("Rendering " + source.name() + " failed: " + e, e);
                }
                for (String id : exclude) {
                    if (excluded.add(id)) {
                        String message = "plugin '" + id + "' failed while rendering (" + e
                                + "); the page was rendered without its Markdown extensions";
                        pluginFailures.add(Diagnostic.error(source.name(), 0, Kind.PLUGIN_FAILED, message));
                        plugins.report(new PluginProblem(id, "render", source.name() + ": " + message, e));
                    }
                }
            }
        }
    }

    private Set<String> allPluginIds(Set<String> alreadyExcluded) {
        Set<String> ids = new TreeSet<>();
        for (ActivePlugin plugin : plugins.active()) {
            if (!plugin.markdownExtensions().isEmpty() && !alreadyExcluded.contains(plugin.id())) {
                ids.add(plugin.id());
            }
        }
        return ids;
    }

    private MarkdownPipeline pipeline(Set<String> excluded) {
        return pipelines.computeIfAbsent(Set.copyOf(excluded), this::newPipeline);
    }

    private MarkdownPipeline newPipeline(Set<String> excluded) {
        List<Extension> extensions = new ArrayList<>();
        for (ActivePlugin plugin : plugins.active()) {
            if (!excluded.contains(plugin.id())) {
                extensions.addAll(plugin.markdownExtensions());
            }
        }
        return new MarkdownPipeline(extensions);
    }

    private RenderedDocument renderWith(MarkdownPipeline pipeline, Set<String> excluded, PostSource source,
                                        PostReader.Read read, RenderOptions options, List<Diagnostic> diagnostics) {
        PostMetadata metadata = read.metadata();
        LiquidTranslator.Context liquidContext = new LiquidTranslator.Context(source.name(), metadata.bodyFirstLine(),
                site.config(), metadata.frontMatter(), options.links());
        LiquidTranslator.Result translated = liquid.translate(read.body(), liquidContext);
        diagnostics.addAll(translated.diagnostics());
        String body = translated.markdown();

        if (metadata.html()) {
            return renderHtmlPost(source, metadata, body, options, diagnostics);
        }

        Node document = pipeline.parse(body, metadata.bodyFirstLine());
        for (ActivePlugin plugin : plugins.active()) {
            for (DocumentTransform transform : plugin.documentTransforms()) {
                try {
                    transform.transformTree(document, transformContext(plugin, source, metadata, diagnostics));
                } catch (RuntimeException e) {
                    reportTransformFailure(plugin, source, "its syntax-tree transform", e, diagnostics);
                }
            }
        }

        List<TocEntry> toc = new ArrayList<>();
        Map<Heading, String> ids = MarkdownPipeline.headingIds(document);
        DocumentFacts facts = new DocumentFacts(ids, toc);
        document.accept(facts);

        String html = clean(pipeline.render(document), options, source, diagnostics);
        html = applyHtmlTransforms(html, source, metadata, diagnostics);

        Excerpt excerpt = excerpt(pipeline, document, body, metadata, options, source, diagnostics);
        return new RenderedDocument(metadata, html, excerpt.html(), excerpt.text(), toc, facts.words,
                TextStatistics.minutesFor(facts.words), facts.images(), facts.links(), diagnostics);
    }

    /** {@code .html} posts are kept as HTML, as Jekyll keeps them: Liquid and the HTML policy still apply. */
    private RenderedDocument renderHtmlPost(PostSource source, PostMetadata metadata, String body,
                                            RenderOptions options, List<Diagnostic> diagnostics) {
        String html = applyHtmlTransforms(clean(body, options, source, diagnostics), source, metadata, diagnostics);
        String text = TAG.matcher(html).replaceAll(" ");
        int words = TextStatistics.countWords(text);
        Map<String, Reference> images = new LinkedHashMap<>();
        Map<String, Reference> links = new LinkedHashMap<>();
        collectHtmlReferences(html, images, links);
        String firstParagraph = firstHtmlParagraph(html);
        return new RenderedDocument(metadata, html, firstParagraph, TAG.matcher(firstParagraph).replaceAll("").trim(),
                List.of(), words, TextStatistics.minutesFor(words), List.copyOf(images.values()),
                List.copyOf(links.values()), diagnostics);
    }

    private static String firstHtmlParagraph(String html) {
        Matcher m = Pattern.compile("<p\\b[^>]*>.*?</p>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(html);
        return m.find() ? m.group() : "";
    }

    private String clean(String html, RenderOptions options, PostSource source, List<Diagnostic> diagnostics) {
        HtmlPolicy.Result cleaned = htmlPolicy.apply(html, options.trust());
        if (!cleaned.removed().isEmpty()) {
            diagnostics.add(Diagnostic.warning(source.name(), 0, Kind.HTML_SANITISED,
                    "HTML not allowed for untrusted authors was removed: " + String.join(", ", cleaned.removed())));
        }
        return cleaned.html();
    }

    private String applyHtmlTransforms(String html, PostSource source, PostMetadata metadata,
                                       List<Diagnostic> diagnostics) {
        String result = html;
        for (ActivePlugin plugin : plugins.active()) {
            for (DocumentTransform transform : plugin.documentTransforms()) {
                try {
                    String transformed = transform.transformHtml(result,
                            transformContext(plugin, source, metadata, diagnostics));
                    if (transformed != null) {
                        result = transformed;
                    }
                } catch (RuntimeException e) {
                    reportTransformFailure(plugin, source, "its HTML transform", e, diagnostics);
                }
            }
        }
        return result;
    }

    private void reportTransformFailure(ActivePlugin plugin, PostSource source, String what, RuntimeException e,
                                        List<Diagnostic> diagnostics) {
        String message = "plugin '" + plugin.id() + "' failed in " + what + " (" + e + "); its change was skipped";
        diagnostics.add(Diagnostic.error(source.name(), 0, Kind.PLUGIN_FAILED, message));
        plugins.report(new PluginProblem(plugin.id(), "render", source.name() + ": " + message, e));
    }

    private record Excerpt(String html, String text) {
    }

    private Excerpt excerpt(MarkdownPipeline pipeline, Node document, String body, PostMetadata metadata,
                            RenderOptions options, PostSource source, List<Diagnostic> diagnostics) {
        String markdown = null;
        if (metadata.excerpt() != null && !metadata.excerpt().isBlank()) {
            markdown = metadata.excerpt();
        } else {
            Object postSeparator = metadata.frontMatter().get("excerpt_separator");
            String separator = postSeparator != null ? postSeparator.toString() : site.excerptSeparator();
            if (separator != null && !separator.isEmpty() && body.contains(separator)) {
                markdown = body.substring(0, body.indexOf(separator));
            }
        }
        Node excerptNode;
        if (markdown != null) {
            excerptNode = pipeline.parse(markdown, metadata.bodyFirstLine());
        } else {
            excerptNode = firstParagraph(document);
            if (excerptNode == null) {
                return new Excerpt("", "");
            }
        }
        String html = clean(pipeline.render(excerptNode), options, source, new ArrayList<>());
        PlainText text = new PlainText();
        excerptNode.accept(text);
        return new Excerpt(html, text.text.toString().trim());
    }

    private static Paragraph firstParagraph(Node document) {
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph paragraph) {
                return paragraph;
            }
        }
        return null;
    }

    private TransformContext transformContext(ActivePlugin plugin, PostSource source, PostMetadata metadata,
                                              List<Diagnostic> diagnostics) {
        return new TransformContext() {
            @Override
            public String source() {
                return source.name();
            }

            @Override
            public String title() {
                return metadata.title();
            }

            @Override
            public Map<String, Object> frontMatter() {
                return metadata.frontMatter();
            }

            @Override
            public PluginSettings settings() {
                return plugin.context() == null ? null : plugin.context().settings();
            }

            @Override
            public Optional<SiteInfo> site() {
                return plugin.context() == null ? Optional.empty() : Optional.of(plugin.context().site().info());
            }

            @Override
            public void report(int line, String message) {
                diagnostics.add(Diagnostic.warning(source.name(), Math.max(0, line), Kind.PLUGIN_REPORT,
                        "plugin '" + plugin.id() + "': " + message));
            }
        };
    }

    private static void collectHtmlReferences(String html, Map<String, Reference> images, Map<String, Reference> links) {
        if (html.indexOf('<') < 0) {
            return;
        }
        Matcher img = IMG_SRC.matcher(html);
        while (img.find()) {
            Matcher alt = ALT.matcher(img.group());
            images.putIfAbsent(img.group(1), new Reference(img.group(1), alt.find() ? alt.group(1) : ""));
        }
        Matcher a = A_HREF.matcher(html);
        while (a.find()) {
            links.putIfAbsent(a.group(1), new Reference(a.group(1), ""));
        }
    }

    /** Plain text of a subtree, for excerpts. */
    private static final class PlainText extends AbstractVisitor {
        final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(org.commonmark.node.SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
            visitChildren(paragraph);
        }
    }

    /** One walk over the tree for the table of contents, the word count and the references. */
    private static final class DocumentFacts extends AbstractVisitor {
        private final Map<Heading, String> ids;
        private final List<TocEntry> toc;
        private final Map<String, Reference> images = new LinkedHashMap<>();
        private final Map<String, Reference> links = new LinkedHashMap<>();
        int words;

        DocumentFacts(Map<Heading, String> ids, List<TocEntry> toc) {
            this.ids = ids;
            this.toc = toc;
        }

        List<Reference> images() {
            return List.copyOf(images.values());
        }

        List<Reference> links() {
            return List.copyOf(links.values());
        }

        @Override
        public void visit(Heading heading) {
            toc.add(new TocEntry(heading.getLevel(), ids.get(heading), MarkdownPipeline.headingText(heading)));
            visitChildren(heading);
        }

        @Override
        public void visit(Text text) {
            words += TextStatistics.countWords(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            words += TextStatistics.countWords(code.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock block) {
            // code is skimmed, not read: it does not count towards reading time
        }

        @Override
        public void visit(IndentedCodeBlock block) {
        }

        @Override
        public void visit(Image image) {
            PlainText alt = new PlainText();
            image.accept(alt);
            images.putIfAbsent(image.getDestination(), new Reference(image.getDestination(), alt.text.toString()));
        }

        @Override
        public void visit(Link link) {
            PlainText text = new PlainText();
            link.accept(text);
            links.putIfAbsent(link.getDestination(), new Reference(link.getDestination(), text.text.toString()));
            visitChildren(link);
        }

        @Override
        public void visit(HtmlBlock block) {
            String literal = block.getLiteral();
            collectHtmlReferences(literal, images, links);
            // Comments and scripts are not read; the text between tags is.
            if (!literal.startsWith("<!--") && !literal.regionMatches(true, 0, "<script", 0, 7)) {
                words += TextStatistics.countWords(TAG.matcher(literal).replaceAll(" "));
            }
        }

        @Override
        public void visit(HtmlInline inline) {
            collectHtmlReferences(inline.getLiteral(), images, links);
        }
    }
}
