package org.quire.core.plugin.samples;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/** A Markdown extension: jemoji-style {@code :rocket:} shortcodes in text (never in code) become emoji. */
public final class EmojiShortcodesPlugin implements QuirePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-emoji").name("Emoji shortcodes").version("1.0").order(10).build();
    }

    @Override
    public List<Extension> markdownExtensions() {
        return List.of(EmojiExtension.create());
    }

    static final class EmojiExtension implements Parser.ParserExtension {
        private static final Pattern SHORTCODE = Pattern.compile(":([a-z_+-]+):");
        private static final Map<String, String> EMOJI = Map.of("rocket", "🚀", "tada", "🎉", "cloud", "☁️");

        private EmojiExtension() {
        }

        static Extension create() {
            return new EmojiExtension();
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.postProcessor(document -> {
                document.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text text) {
                        Matcher m = SHORTCODE.matcher(text.getLiteral());
                        StringBuilder out = new StringBuilder();
                        while (m.find()) {
                            m.appendReplacement(out, Matcher.quoteReplacement(EMOJI.getOrDefault(m.group(1), m.group())));
                        }
                        text.setLiteral(m.appendTail(out).toString());
                    }
                });
                return document;
            });
        }
    }

}
