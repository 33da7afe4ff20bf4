package org.quire.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextStatisticsTest {

    @ParameterizedTest(name = "{0}: {2} words")
    @CsvSource(delimiter = '|', value = {
            "English                 | The quick brown fox jumps over the lazy dog.       | 9",
            "contractions, hyphens   | Don't re-invent the wheel.                         | 4",
            "Chinese                 | 我有幸参加了大会。                                   | 8",
            "Chinese punctuation     | 优势，工作原理；常见案例！                            | 10",
            "Japanese kana and kanji | 東京でラーメンを食べました。                          | 13",
            "Korean hangul           | 한국어 문장입니다                                     | 8",
            "mixed Chinese, English  | 借助 Amazon EKS, AWS 可以为您管理升级。               | 13",
            "numbers                 | Version 3.14 was released in 2024                  | 6",
            "thousands                | 1,340 Chinese characters                           | 3",
            "accents                 | Café naïve résumé                                  | 3",
            "empty                   | ''                                                 | 0",
    })
    void countsWords(String description, String text, int words) {
        assertThat(TextStatistics.countWords(text)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} words → {1} min")
    @CsvSource({"0, 0", "1, 1", "200, 1", "375, 2", "1520, 6", "2500, 10"})
    void readingTimeRoundsToWholeMinutes(int words, int minutes) {
        assertThat(TextStatistics.minutesFor(words)).isEqualTo(minutes);
    }

    @ParameterizedTest
    @CsvSource({"一, true", "カ, true", "ひ, true", "한, true", "a, false", "1, false", "。, false"})
    void knowsWhichScriptsCountPerCharacter(String character, boolean perCharacter) {
        assertThat(TextStatistics.isIdeographicWord(character.codePointAt(0))).isEqualTo(perCharacter);
    }
}
