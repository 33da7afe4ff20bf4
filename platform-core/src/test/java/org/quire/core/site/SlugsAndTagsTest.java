package org.quire.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsAndTagsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Review of AWS re:invent          | review-of-aws-re-invent",
            "  Hello,   World!  			 | hello-world",
            "云计算 入门                       | 云计算-入门",
            "Kubernetes 与 EKS：托管服务      | kubernetes-与-eks-托管服务",
            "東京のラーメン                    | 東京のラーメン",
            "한국어 제목                       | 한국어-제목",
            "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ          | fullwidth-abc",
            "Café naïve                        | café-naïve",
            "C++ & C#                          | c-c",
            "already-a-slug                    | already-a-slug",
            "!!!                               | ''",
    })
    void slugsAreUnicodeAware(String text, String slug) {
        assertThat(Slugs.slugify(text)).isEqualTo(slug);
    }

    @Test
    void aLongTextGivesASlugCutAtAWordWithinTheLimit() {
        assertThat(Slugs.slugify("Short title", 100)).isEqualTo("short-title");
        String cut = Slugs.slugify("word ".repeat(200), 100);
        assertThat(cut).hasSizeLessThanOrEqualTo(100).endsWith("word").doesNotEndWith("-");
        assertThat(Slugs.slugify("x".repeat(300), 100)).hasSize(100);
        // A character outside the Basic Multilingual Plane is never split in two.
        String extensionB = Slugs.slugify("\uD840\uDC00".repeat(120), 101);
        assertThat(extensionB.codePoints().allMatch(Character::isLetter)).isTrue();
        assertThat(extensionB.length()).isLessThanOrEqualTo(101);
    }

    @Test
    void tagIdentityIgnoresCaseAndWhitespace() {
        assertThat(new Tag("Nova").sameAs(new Tag("nova"))).isTrue();
        assertThat(new Tag(" Linux   initramfs ").sameAs(new Tag("linux initramfs"))).isTrue();
        assertThat(new Tag(" Linux   initramfs ").name()).isEqualTo("Linux initramfs");
        assertThat(new Tag("Linux initramfs").sameAs(new Tag("Linux-initramfs"))).isFalse();
        assertThat(new Tag("云计算").sameAs(new Tag("云计算 "))).isTrue();
        assertThat(new Tag("C++").sameAs(new Tag("c++"))).isTrue();
        assertThat(new Tag("C++").sameAs(new Tag("C"))).isFalse();
        assertThat(new Tag("ＡＷＳ").sameAs(new Tag("aws"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nova", "Linux initramfs", "云计算", "C++", "C#", "a/b", "100%", "what?", "日本語 タグ",
            "emoji 🚀", "dots.and-dashes_and~tilde", "plus+sign", "ümlaut"})
    void tagUrlFormIsOnePathSegmentThatRoundTrips(String name) {
        Tag tag = new Tag(name);
        String segment = tag.urlForm();
        assertThat(segment).matches("[A-Za-z0-9._~%-]+");
        URI uri = URI.create("https://example.org/tags/" + segment + "/");
        assertThat(uri.getRawPath()).isEqualTo("/tags/" + segment + "/");
        assertThat(Tag.fromUrlForm(segment).sameAs(tag)).isTrue();
        String decodedPath = uri.getPath();
        String decodedSegment = decodedPath.substring("/tags/".length(), decodedPath.length() - 1);
        assertThat(Tag.fromUrlForm(decodedSegment).sameAs(tag)).as("already decoded by the HTTP layer").isTrue();
    }

    @Test
    void urlFormsOfOneTagAreEqual() {
        assertThat(new Tag("Nova").urlForm()).isEqualTo(new Tag("nova").urlForm()).isEqualTo("nova");
        assertThat(new Tag("Linux initramfs").urlForm()).isEqualTo("linux%20initramfs");
        assertThat(new Tag("C++").urlForm()).isEqualTo("c%2B%2B");
        assertThat(new Tag("云计算").urlForm()).isEqualTo("%E4%BA%91%E8%AE%A1%E7%AE%97");
    }

    @Test
    void blankTagsAreRefused() {
        assertThatThrownBy(() -> new Tag("  \u3000 ")).hasMessageContaining("not whitespace");
    }
}
