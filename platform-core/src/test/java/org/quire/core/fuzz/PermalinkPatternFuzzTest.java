package org.quire.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.quire.core.site.PermalinkPattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The permalink pattern against generated templates, slugs and categories: a template is either refused with a
 * message naming it, or every path it gives is a path of this site, never leaving the export's folder.
 */
class PermalinkPatternFuzzTest {

    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> pieces = Arbitraries.of("/", ":year", ":month", ":day", ":title", ":slug", ":categories",
                ":output_ext", ":i_day", ":short_month", ":week", ":unknown", "..", ".", "%2e%2e", "\\", "//",
                "posts", "-", ":", "~", " ", "é", "?", "#");
        return pieces.list().ofMinSize(0).ofMaxSize(12).map(list -> String.join("", list))
                .injectDuplicates(0.05).edgeCases(edges -> edges.add("/:categories/:title/"));
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.oneOf(Arbitraries.of("..", ".", "../..", "a/../../b", "%2E%2e", "..\\..", "/", ""),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Property(tries = 500)
    void everyPathStaysOnTheSite(@ForAll("templates") String template, @ForAll("segments") String slug,
                                 @ForAll("categoriesLists") List<String> categories,
                                 @ForAll @IntRange(min = 1, max = 9999) int year) {
        PermalinkPattern pattern;
        try {
            pattern = PermalinkPattern.of(template);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("permalink '" + template + "'");
            return;
        }
        String path = pattern.expand(slug, ZonedDateTime.of(year, 6, 15, 10, 30, 0, 0, ZoneOffset.UTC), categories);
        assertThat(path).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
        for (String segment : path.split("/")) {
            assertThat(segment.replaceAll("(?i)%2e", ".")).as("a segment of %s", path).isNotIn(".", "..");
        }
    }

    @Provide
    Arbitrary<List<String>> categoriesLists() {
        return segments().list().ofMaxSize(3);
    }

    @Property(tries = 500)
    void sitePathIsIdempotent(@ForAll("segments") String a, @ForAll("segments") String b) {
        String once = PermalinkPattern.sitePath(a + "/" + b);
        assertThat(PermalinkPattern.sitePath(once)).isEqualTo(once);
    }
}
