package org.quire.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per date form found in the corpora. Expected values are what Jekyll 4.3.1 gives
 * ({@code Time.parse(value).localtime} with the site's zone), checked with Ruby.
 */
class JekyllDateTest {

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            // YAML date
            "2016-07-19                     | UTC                 | 2016-07-19T00:00Z",
            // one-digit month or day
            "2019-12-3                      | UTC                 | 2019-12-03T00:00Z",
            // date and time without seconds, one-digit hour
            "2016-03-03 3:00                | UTC                 | 2016-03-03T03:00Z",
            // datetime, read in the site zone
            "2016-03-03 10:00:00            | America/Los_Angeles | 2016-03-03T10:00-08:00",
            // ISO with Z, shown in the site zone
            "2020-07-07T00:00:00.000Z       | America/Los_Angeles | 2020-07-06T17:00-07:00",
            // offset without colon
            "2019-01-02 10:00:00 -0400      | UTC                 | 2019-01-02T14:00Z",
            "2016-09-01 12:00:00 +0200      | America/Los_Angeles | 2016-09-01T03:00-07:00",
            // offset with colon, as a quoted ISO string
            "2019-09-04T10:00:00-04:00      | UTC                 | 2019-09-04T14:00Z",
            // three-digit offset: Ruby's Time.parse ignores it, so the time is the site zone's
            "2016-06-17 12:00-400           | UTC                 | 2016-06-17T12:00Z",
            // zone abbreviation
            "2016-10-18 10:00 EDT           | UTC                 | 2016-10-18T14:00Z",
            // an abbreviation Ruby does not know is ignored
            "2016-10-18 10:00 CET           | UTC                 | 2016-10-18T10:00Z",
            // month name
            "'June 23, 2020'                | UTC                 | 2020-06-23T00:00Z",
            "'Sept 3, 2019'                 | America/New_York    | 2019-09-03T00:00-04:00",
            // trailing words
            "2016-07-19 (optional)          | UTC                 | 2016-07-19T00:00Z",
            // a year between the time and the offset: the offset is not read
            "2023-01-29 18:30:22 2023 -0800 | America/Los_Angeles | 2023-01-29T18:30:22-08:00",
            "2023-01-29 18:30:22 2023 -0800 | UTC                 | 2023-01-29T18:30:22Z",
            // 12-hour clock
            "2016-06-17 12:00 pm EDT        | UTC                 | 2016-06-17T16:00Z",
            "2016-06-17 9:15 am             | UTC                 | 2016-06-17T09:15Z",
    })
    void readsEveryFormAsJekyllDoes(String value, String zone, String expected) {
        assertThat(JekyllDate.parse(value, ZoneId.of(zone)).orElseThrow().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2023-01-29 18:30:22 2023 -0800 | 2023 -0800",
            "2016-06-17 12:00-400           | -400",
            "2016-10-18 10:00 EDT           | ''",
            "2016-07-19 (optional)          | ''",
            "2019-01-02 10:00:00 -0400      | ''",
            "2016-06-17 9:15 am             | ''",
    })
    void saysWhatAfterTheTimeIsNotRead(String value, String ignored) {
        assertThat(JekyllDate.ignoredAfterTime(value)).isEqualTo(ignored.isEmpty()
                ? java.util.Optional.empty() : java.util.Optional.of(ignored));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"soon", "2016-13-01", "2016-06-32", "2016-06-00", "'Smarch 3, 2019'",
            "12/25/2019", "2016-06-30 23:60", "''"})
    void refusesWhatIsNotADate(String value) {
        assertThat(JekyllDate.parse(value, ZoneOffset.UTC)).isEmpty();
    }

    /** What Ruby's Time.parse printed for each value (Jekyll 4.3.1's Ruby, in UTC). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2016-06-31       | 2016-07-01T00:00Z",
            "2016-02-30       | 2016-03-01T00:00Z",
            "2016-02-31       | 2016-03-02T00:00Z",
            "June 31, 2016    | 2016-07-01T00:00Z",
            "2016-06-30 24:00 | 2016-07-01T00:00Z",
    })
    void rollsImpossibleDaysOverAsRubyDoes(String value, String expected) {
        assertThat(JekyllDate.parse(value, ZoneOffset.UTC)).hasValueSatisfying(
                date -> assertThat(date.toOffsetDateTime()).hasToString(expected));
    }

    @org.junit.jupiter.api.Test
    void anUnquotedYamlTimestampWithoutAZoneIsUtcAsInPsychAndAQuotedOneIsInTheSiteZone() {
        var newYork = java.time.ZoneId.of("America/New_York");
        var site = new org.quire.core.site.SiteSettings("", "", "", "", newYork, null, null, java.util.Map.of());
        var reader = new PostReader();
        assertThat(reader.read(new PostSource("_posts/2017-07-07-a.md", "---\ndate: 2017-07-07 09:30:00\n---\n"),
                site).metadata().date().toOffsetDateTime()).hasToString("2017-07-07T05:30-04:00");
        assertThat(reader.read(new PostSource("_posts/2017-07-07-a.md", "---\ndate: '2017-07-07 09:30:00'\n---\n"),
                site).metadata().date().toOffsetDateTime()).hasToString("2017-07-07T09:30-04:00");
        assertThat(reader.read(new PostSource("_posts/2017-07-07-a.md", "---\ndate: 2017-07-07 09:30\n---\n"),
                site).metadata().date().toOffsetDateTime()).hasToString("2017-07-07T09:30-04:00");
        assertThat(reader.read(new PostSource("_posts/2017-07-07-a.md", "---\ndate: 2017-07-07\n---\n"),
                site).metadata().date().toOffsetDateTime()).hasToString("2017-07-07T00:00-04:00");
    }
}
