package org.quire.core.markdown;

import java.util.Set;

import org.commonmark.internal.inline.HtmlInlineParser;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Tried before commonmark's own parsers for {@code <}, to keep a line of a million {@code <} linear: commonmark
 * 0.28's autolink parser looks for the next {@code >} anywhere ahead for every {@code <}, so such a line took
 * quadratic time (commonmark-java issue 447). An autolink holds no space, {@code <} or line break before its
 * {@code >}: when the few characters after {@code <} show one is possible, commonmark's own parsers take it (their
 * scan ends at that near {@code >}). Otherwise only inline HTML is left, which commonmark's HTML parser tries
 * here; a {@code <} that starts neither is plain text, exactly as commonmark would have made it. Every construct
 * that starts with {@code <} needs a {@code >} somewhere after it, so once a scan shows there is none left in the
 * paragraph, every later {@code <} of it is text at once.
 */
final class LessThanInlineParser implements InlineContentParser {

    static final class Factory implements InlineContentParserFactory {

        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('<');
        }

        @Override
        public InlineContentParser create() {
            return new LessThanInlineParser();
        }
    }

    private final HtmlInlineParser html = new HtmlInlineParser();

    // One parser serves one paragraph, left to right (commonmark creates them per block).
    private boolean noGreaterThanAhead;
    private Position measuredFrom;
    private int toGreaterThan = -1;

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        scanner.next();
        Position afterLessThan = scanner.position();
        if (noGreaterThanAhead) {
            return text(afterLessThan);
        }
        char c = scanner.peek();
        while (c != Scanner.END && c != '>' && c != '<' && c > ' ') {
            scanner.next();
            c = scanner.peek();
        }
        scanner.setPosition(start);
        if (c == '>') {
            return ParsedInline.none(); // may be an autolink: commonmark's own parsers decide
        }
        ParsedInline tag = html.tryParse(state);
        if (tag != null) { // ParsedInline.none() is null
            return tag;
        }
        // Text. If no '>' is left at all, neither is any construct: the rest of the paragraph's '<' are text.
        noGreaterThanAhead = !greaterThanAhead(scanner, afterLessThan);
        scanner.setPosition(afterLessThan);
        return text(afterLessThan);
    }

    /**
     * Whether a {@code >} comes after {@code from}. The distance to the one found last is kept and counted down,
     * so each stretch of the paragraph is scanned about once however many {@code <} precede a {@code >}.
     */
    private boolean greaterThanAhead(Scanner scanner, Position from) {
        if (toGreaterThan >= 0) {
            int moved = scanner.getSource(measuredFrom, from).getContent().length();
            if (moved < toGreaterThan) {
                toGreaterThan -= moved;
                measuredFrom = from;
                return true;
            }
        }
        scanner.setPosition(from);
        int distance = 0;
        char c = scanner.peek();
        while (c != Scanner.END && c != '>') {
            scanner.next();
            distance++;
            c = scanner.peek();
        }
        measuredFrom = from;
        toGreaterThan = c == '>' ? distance : -1;
        return c == '>';
    }

    private static ParsedInline text(Position afterLessThan) {
        return ParsedInline.of(new Text("<"), afterLessThan);
    }
}
