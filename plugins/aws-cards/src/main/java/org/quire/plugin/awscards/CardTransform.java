package org.quire.plugin.awscards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.quire.api.DocumentTransform;
import org.quire.api.SiteInfo;
import org.quire.api.TransformContext;
import org.quire.plugin.awscards.CardNodes.CardInfo;
import org.quire.plugin.awscards.CardNodes.CardNotice;
import org.quire.plugin.awscards.CardNodes.CardPart;
import org.quire.plugin.awscards.CardNodes.ExplicitFields;
import org.quire.plugin.awscards.CardNodes.ServiceCard;
import org.quire.plugin.awscards.CardNodes.ServiceMention;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds the three kinds of card in a post's syntax tree and replaces them with the plugin's nodes:
 * <ol>
 *   <li>automatic: a top-level section whose heading names a catalogued service, with its recognised subsections;</li>
 *   <li>explicit: a fenced block with the info string {@code aws-card}, its fields in YAML;</li>
 *   <li>inline: a link to {@code aws:<id>}, as {@code [EKS](aws:eks)} or {@code <aws:eks>}.</li>
 * </ol>
 * A document with none of them is left exactly as it was.
 */
final class CardTransform implements DocumentTransform {

    static final String BLOCK_INFO = "aws-card";
    static final String LINK_SCHEME = "aws:";
    static final String FRONT_MATTER_SWITCH = "aws_cards";
    private static final Set<String> BLOCK_FIELDS = Set.of("service", "feature", "rating", "pros", "cons", "verdict");

    private final AwsCardsPlugin plugin;

    CardTransform(AwsCardsPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public void transformTree(Node document, TransformContext context) {
        Catalogue catalogue = plugin.catalogue();
        Locale locale = locale(context);
        Map<String, String> labels = Labels.forLocale(locale);
        String servicePages = servicePages(context);
        Cards cards = new Cards(catalogue, locale, labels, servicePages, context);
        if (automaticCardsWanted(context)) {
            cards.wrapServiceSections(document);
        }
        cards.replaceBlocksAndMentions(document);
    }

    /** Fills in each card's catalogue part, now that the host's HTML policy is done with the author's HTML. */
    @Override
    public String transformHtml(String html, TransformContext context) {
        if (html.indexOf(AboutBlocks.MARKER) < 0) {
            return html;
        }
        return plugin.aboutBlocks().expand(html, locale(context), servicePages(context));
    }

    private String servicePages(TransformContext context) {
        return plugin.servicePagesEnabled()
                ? context.site().map(SiteInfo::basePath).orElse("") + AwsCardsPlugin.PAGES_ROOT : null;
    }

    private boolean automaticCardsWanted(TransformContext context) {
        Object flag = context.frontMatter().get(FRONT_MATTER_SWITCH);
        if (flag != null) {
            String value = flag.toString().strip().toLowerCase(Locale.ROOT);
            if (Set.of("true", "yes", "on").contains(value)) {
                return true;
            }
            if (Set.of("false", "no", "off").contains(value)) {
                return false;
            }
            context.report(0, "front-matter key '" + FRONT_MATTER_SWITCH + "' should be true or false, not '"
                    + flag + "'; the site setting applies");
        }
        return switch (plugin.automaticMode()) {
            case AwsCardsPlugin.AUTOMATIC_ALL -> true;
            case AwsCardsPlugin.AUTOMATIC_OFF -> false;
            default -> tags(context.frontMatter()).stream().anyMatch(plugin.automaticTag()::equalsIgnoreCase);
        };
    }

    private static List<String> tags(Map<String, Object> frontMatter) {
        Object tags = frontMatter.get("tags");
        List<String> result = new ArrayList<>();
        if (tags instanceof Collection<?> list) {
            list.forEach(tag -> result.add(String.valueOf(tag).strip()));
        } else if (tags != null) {
            // Jekyll splits a string of tags on spaces.
            for (String tag : tags.toString().split("\\s+")) {
                result.add(tag);
            }
        }
        return result;
    }

    private static Locale locale(TransformContext context) {
        Object lang = context.frontMatter().get("lang");
        if (lang != null && !lang.toString().isBlank()) {
            return Locale.forLanguageTag(lang.toString().strip());
        }
        return context.site().map(SiteInfo::locale).orElse(Locale.ENGLISH);
    }

    /** The work on one document. */
    private static final class Cards {
        private final Catalogue catalogue;
        private final Locale locale;
        private final Map<String, String> labels;
        private final String servicePages;
        private final TransformContext context;
        private int blockNumber;

        Cards(Catalogue catalogue, Locale locale, Map<String, String> labels, String servicePages,
              TransformContext context) {
            this.catalogue = catalogue;
            this.locale = locale;
            this.labels = labels;
            this.servicePages = servicePages;
            this.context = context;
        }

        /** Sections are the top level's: a heading and what follows it up to the next heading as high or higher. */
        void wrapServiceSections(Node document) {
            Node node = document.getFirstChild();
            while (node != null) {
                if (node instanceof Heading heading) {
                    Optional<Catalogue.HeadingMatch> match = catalogue.matchHeading(text(heading));
                    if (match.isPresent()) {
                        ServiceCard card = new ServiceCard(info(match.get().service(), match.get().feature()), null);
                        heading.insertBefore(card);
                        node = moveSection(heading, card);
                        groupParts(card, heading.getLevel());
                        continue;
                    }
                }
                node = node.getNext();
            }
        }

        /** Moves {@code heading} and its section into {@code into}; returns the node after the section. */
        private static Node moveSection(Heading heading, Node into) {
            Node cursor = heading;
            while (cursor != null && (cursor == heading || !endsSection(cursor, heading.getLevel()))) {
                Node next = cursor.getNext();
                into.appendChild(cursor);
                cursor = next;
            }
            return cursor;
        }

        private static boolean endsSection(Node node, int level) {
            return node instanceof Heading other && other.getLevel() <= level;
        }

        private void groupParts(ServiceCard card, int cardLevel) {
            Node node = card.getFirstChild().getNext();
            while (node != null) {
                if (node instanceof Heading heading && heading.getLevel() > cardLevel) {
                    Optional<PartKind> kind = PartKind.ofHeading(text(heading));
                    if (kind.isPresent()) {
                        CardPart part = new CardPart(kind.get());
                        heading.insertBefore(part);
                        node = moveSection(heading, part);
                        continue;
                    }
                }
                node = node.getNext();
            }
        }

        void replaceBlocksAndMentions(Node document) {
            List<FencedCodeBlock> blocks = new ArrayList<>();
            List<Link> mentions = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(FencedCodeBlock block) {
                    if (isCardBlock(block)) {
                        blocks.add(block);
                    }
                }

                @Override
                public void visit(Link link) {
                    if (link.getDestination() != null
                            && link.getDestination().regionMatches(true, 0, LINK_SCHEME, 0, LINK_SCHEME.length())) {
                        mentions.add(link);
                    }
                    visitChildren(link);
                }
            });
            for (FencedCodeBlock block : blocks) {
                replaceBlock(block, levelFor(block, document));
            }
            for (Link link : mentions) {
                replaceMention(link);
            }
        }

        private static boolean isCardBlock(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            return info.equals(BLOCK_INFO) || info.startsWith(BLOCK_INFO + " ");
        }

        /** One below the last heading before the block, so the card's heading fits the outline. */
        private static int levelFor(Node block, Node document) {
            int[] level = {1};
            boolean[] done = {false};
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    if (!done[0]) {
                        level[0] = heading.getLevel();
                    }
                }

                @Override
                public void visit(FencedCodeBlock visited) {
                    if (visited == block) {
                        done[0] = true;
                    }
                }
            });
            return Math.min(6, level[0] + 1);
        }

        private void replaceBlock(FencedCodeBlock block, int headingLevel) {
            blockNumber++;
            String where = BLOCK_INFO + " block " + blockNumber;
            String literal = block.getLiteral() == null ? "" : block.getLiteral();
            String inlineId = block.getInfo().strip().substring(BLOCK_INFO.length()).strip();
            Map<String, Object> fields;
            try {
                fields = readFields(literal);
            } catch (BlockProblem problem) {
                notice(block, where + ": " + problem.getMessage(), literal);
                return;
            }
            Set<String> unknown = new TreeSet<>(fields.keySet());
            unknown.removeAll(BLOCK_FIELDS);
            if (!unknown.isEmpty()) {
                notice(block, where + ": unknown field '" + unknown.iterator().next() + "'; known fields: "
                        + String.join(", ", new TreeSet<>(BLOCK_FIELDS)), literal);
                return;
            }
            String id = fields.get("service") != null ? fields.get("service").toString().strip() : inlineId;
            if (id.isEmpty()) {
                notice(block, where + ": name the service, as in ```" + BLOCK_INFO + " eks``` or a field "
                        + "'service: eks'", literal);
                return;
            }
            Optional<AwsService> service = catalogue.find(id);
            if (service.isEmpty()) {
                notice(block, where + ": " + unknownService(id), literal);
                return;
            }
            Integer rating = null;
            Object ratingValue = fields.get("rating");
            if (ratingValue != null) {
                String text = ratingValue.toString().strip();
                if (!text.matches("[1-5]")) {
                    notice(block, where + ": field 'rating' must be a whole number from 1 to 5, not '" + text + "'",
                            literal);
                    return;
                }
                rating = Integer.valueOf(text);
            }
            List<String> pros;
            List<String> cons;
            try {
                pros = textList(fields.get("pros"), "pros");
                cons = textList(fields.get("cons"), "cons");
            } catch (BlockProblem problem) {
                notice(block, where + ": " + problem.getMessage(), literal);
                return;
            }
            Object verdict = fields.get("verdict");
            Object feature = fields.get("feature");
            ServiceCard card = new ServiceCard(info(service.get(), feature == null ? "" : feature.toString().strip()),
                    new ExplicitFields(rating, pros, cons, verdict == null ? null : verdict.toString().strip()));
            Heading heading = new Heading();
            heading.setLevel(headingLevel);
            heading.appendChild(new Text(service.get().shortName()));
            card.appendChild(heading);
            block.insertBefore(card);
            block.unlink();
        }

        private Map<String, Object> readFields(String literal) {
            if (literal.isBlank()) {
                return Map.of();
            }
            Object loaded;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setMaxAliasesForCollections(10);
                loaded = new Yaml(new SafeConstructor(options)).load(literal);
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
                throw new BlockProblem("not valid YAML at line " + line + " of the block: " + e.getProblem());
            } catch (YAMLException e) {
                throw new BlockProblem("not valid YAML: " + e.getMessage());
            }
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new BlockProblem("expected fields such as 'verdict: …' and 'pros:' with a list, one per line");
            }
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> fields.put(String.valueOf(key), value));
            return fields;
        }

        private static List<String> textList(Object value, String field) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof Collection<?> items) {
                List<String> texts = new ArrayList<>();
                for (Object item : items) {
                    if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                        throw new BlockProblem("field '" + field + "' must be a list of lines of text");
                    }
                    texts.add(String.valueOf(item).strip());
                }
                return texts;
            }
            return List.of(value.toString().strip());
        }

        private void replaceMention(Link link) {
            String id = link.getDestination().substring(LINK_SCHEME.length()).strip();
            Optional<AwsService> service = catalogue.find(id);
            ServiceMention mention;
            if (service.isEmpty()) {
                String message = unknownService(id);
                context.report(0, "link " + link.getDestination() + ": " + message);
                mention = new ServiceMention(null, null, message);
            } else {
                String description = service.get().description(locale);
                mention = new ServiceMention(service.get(), servicePages == null
                        ? service.get().docs() : servicePages + service.get().id() + "/",
                        description == null ? service.get().name() : description);
            }
            boolean autolink = link.getFirstChild() instanceof Text text && text.getNext() == null
                    && text.getLiteral().equals(link.getDestination());
            if (autolink || link.getFirstChild() == null) {
                mention.appendChild(new Text(service.map(AwsService::shortName).orElse(id)));
            } else {
                Node child = link.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    mention.appendChild(child);
                    child = next;
                }
            }
            link.insertBefore(mention);
            link.unlink();
        }

        private String unknownService(String id) {
            List<String> suggestions = catalogue.suggestionsFor(id);
            return "unknown AWS service '" + id + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.stream()
                    .map(s -> "'" + s + "'").toList()) + "?");
        }

        private void notice(FencedCodeBlock block, String message, String literal) {
            context.report(0, message);
            block.insertBefore(new CardNotice(labels.get("notice") + ":", message, literal));
            block.unlink();
        }

        private CardInfo info(AwsService service, String feature) {
            Category category = catalogue.category(service.category())
                    .orElse(new Category(service.category(), service.category(), service.category()));
            return new CardInfo(service, category, feature, labels);
        }

        private static String text(Heading heading) {
            StringBuilder text = new StringBuilder();
            heading.accept(new AbstractVisitor() {
                @Override
                public void visit(Text node) {
                    text.append(node.getLiteral());
                }

                @Override
                public void visit(Code node) {
                    text.append(node.getLiteral());
                }
            });
            return text.toString().strip();
        }
    }

    /** A problem with an explicit block's text, shown in its notice. */
    private static final class BlockProblem extends RuntimeException {
        BlockProblem(String message) {
            super(message, null, false, false);
        }
    }
}
