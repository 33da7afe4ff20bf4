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
 * {@code >}, which this parser checks in the few characters it takes; when that fails, only inline HTML is left to
 * try, and a {@code <} that starts neither is plain text, exactly as commonmark would have made it.
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

    // What an earlier '<' of this paragraph proved is not ahead (one parser serves one paragraph, left to right).
    private boolean noGreaterThanAhead;
    private boolean noCommentEndAhead;
    private boolean noCdataEndAhead;
    private boolean noInstructionEndAhead;

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        scanner.next();
        Position afterLessThan = scanner.position();
        if (noGreaterThanAhead) {
            return text(afterLessThan);
        }
        char next = scanner.peek();
        if (next == '?' || next == '!') {
            // A processing instruction, comment, CDATA section or declaration: each runs to its own end marker,
            // and once one is missing it is missing for every later '<' of the paragraph too.
            scanner.next();
            Runnable noEndAhead;
            if (next == '?') {
                noEndAhead = () -> noInstructionEndAhead = true;
            } else if (scanner.next("--")) {
                noEndAhead = () -> noCommentEndAhead = true;
            } else if (scanner.next("[CDATA[")) {
                noEndAhead = () -> noCdataEndAhead = true;
            } else if (Character.isLetter(scanner.peek())) {
                noEndAhead = () -> noGreaterThanAhead = true;
            } else {
                return text(afterLessThan);
            }
            boolean known = next == '?' ? noInstructionEndAhead
                    : scanner.peekPreviousCodePoint() == '-' ? noCommentEndAhead
                    : scanner.peekPreviousCodePoint() == '[' ? noCdataEndAhead : false;
            if (known) {
                return text(afterLessThan);
            }
            scanner.setPosition(start);
            ParsedInline construct = html.tryParse(state);
            if (construct != null) { // ParsedInline.none() is null
                return construct;
            }
            noEndAhead.run();
            return text(afterLessThan);
        }
        char c = next;
        while (c != Scanner.END && c != '>' && c != '<' && c > ' ') {
            scanner.next();
            c = scanner.peek();
        }
        scanner.setPosition(start);
        if (c == '>') {
            return ParsedInline.none(); // may be an autolink: its '>' is close, so commonmark's scan is short
        }
        ParsedInline tag = html.tryParse(state);
        if (tag != null) {
            return tag;
        }
        return text(afterLessThan);
    }

    private static ParsedInline text(Position afterLessThan) {
        return ParsedInline.of(new Text("<"), afterLessThan);
    }
}
