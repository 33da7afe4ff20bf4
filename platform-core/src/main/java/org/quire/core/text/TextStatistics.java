package org.quire.core.text;

/**
 * Word count and reading time that are right for Chinese, Japanese and Korean as well as for alphabetic scripts:
 * each Han, Hiragana, Katakana or Hangul character counts as one word (those scripts do not separate words with
 * spaces), and each run of other letters or digits counts as one word. Punctuation counts as nothing.
 *
 * @param words          the word count
 * @param readingMinutes whole minutes at {@link #WORDS_PER_MINUTE}, at least 1 for any text
 */
public record TextStatistics(int words, int readingMinutes) {

    /**
     * Reading speed. 250 words a minute is the usual figure for English prose; for CJK text, where every character
     * counts as a word, it is close to the 250-300 characters a minute measured for Chinese readers of technical
     * text, so one figure serves mixed posts.
     */
    public static final int WORDS_PER_MINUTE = 250;

    public static TextStatistics of(CharSequence text) {
        int words = countWords(text);
        return new TextStatistics(words, minutesFor(words));
    }

    public static int minutesFor(int words) {
        return words == 0 ? 0 : Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
    }

    public static int countWords(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        int previous = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 128) {
                // ASCII, most of every post: no code point or script lookups.
                i++;
                boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (letterOrDigit) {
                    if (!inWord) {
                        words++;
                        inWord = true;
                    }
                } else if (!(inWord && (isWordJoiner(c, text, i) || isNumberSeparator(c, previous, text, i)))) {
                    inWord = false;
                }
                previous = c;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            boolean joins = inWord && isWordJoiner(cp, text, i);
            previous = cp;
            if (isIdeographicWord(cp)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp) || joins) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && isInWordMark(cp)) {
                // combining marks and the like stay inside the word
            } else {
                inWord = false;
            }
        }
        return words;
    }

    /** Apostrophes and hyphens between letters join a word: {@code don't}, {@code re-invent}. */
    private static boolean isWordJoiner(int cp, CharSequence text, int next) {
        if (cp != '\'' && cp != '\u2019' && cp != '-') {
            return false;
        }
        return next < text.length() && Character.isLetterOrDigit(Character.codePointAt(text, next))
                && !isIdeographicWord(Character.codePointAt(text, next));
    }

    /** A point or comma between digits keeps a number one word: {@code 3.14}, {@code 1,340}. */
    private static boolean isNumberSeparator(int cp, int previous, CharSequence text, int next) {
        return (cp == '.' || cp == ',') && Character.isDigit(previous) && next < text.length()
                && Character.isDigit(Character.codePointAt(text, next));
    }

    private static boolean isInWordMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Han, Hiragana, Katakana and Hangul characters, each of which counts as a word. */
    public static boolean isIdeographicWord(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        // The common blocks first (CJK ideographs, kana, hangul syllables): no script table lookup.
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA)
                || (cp >= 0xAC00 && cp <= 0xD7A3)) {
            return true;
        }
        if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFF65) {
            return false; // CJK punctuation and full-width forms
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
