package org.quire.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermalinkPatternTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2017, 12, 29, 9, 5, 7, 0, ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "date                                  | /articles/aws/2017/12/29/aws-reinvent.html",
            "pretty                                | /articles/aws/2017/12/29/aws-reinvent/",
            "ordinal                               | /articles/aws/2017/363/aws-reinvent.html",
            "none                                  | /articles/aws/aws-reinvent.html",
            "weekdate                              | /articles/aws/2017/W52/Fri/aws-reinvent.html",
            "/news/:year/:month/:day/:title/       | /news/2017/12/29/aws-reinvent/",
            "/:year/:i_month/:i_day/:hour:minute:second-:slug | /2017/12/29/090507-aws-reinvent",
            "/:short_year/:short_month/:title      | /17/Dec/aws-reinvent",
    })
    void expandsJekyllPatterns(String pattern, String expected) {
        assertThat(PermalinkPattern.of(pattern).expand("aws-reinvent", DATE, List.of("Articles", "AWS", "articles")))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"date | /2017/12/29/云计算-入门.html", "pretty | /2017/12/29/云计算-入门/"})
    void keepsCjkSlugsAndDropsEmptyCategories(String pattern, String expected) {
        assertThat(PermalinkPattern.of(pattern).expand("云计算 入门", DATE, List.of())).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void refusesUnknownPlaceholdersNamingThem() {
        assertThatThrownBy(() -> PermalinkPattern.of("/:year/:bogus/")).hasMessageContaining("':bogus'");
        assertThatThrownBy(() -> PermalinkPattern.of("fancy")).hasMessageContaining("'fancy'");
    }
}
