package org.quire.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quire.core.RenderedDocument.TocEntry;
import org.quire.core.source.PostSource;

/** The post Quire was created from renders completely. */
class SeedPostTest {

    private static RenderedDocument rendered;
    private static Document html;

    @BeforeAll
    static void render() {
        PostSource source = PostSource.read(SharedFiles.root().resolve("seed"), SharedFiles.seedPost());
        rendered = ContentEngine.standalone().render(source, RenderOptions.trusted());
        html = Jsoup.parseBodyFragment(rendered.html());
    }

    @Test
    void frontMatterAndFileNameGiveTheMetadata() {
        assertThat(rendered.metadata().title()).isEqualTo("Review of AWS re:invent");
        assertThat(rendered.metadata().categories()).containsExactly("articles");
        assertThat(rendered.metadata().tags()).extracting(tag -> tag.name()).containsExactly("AWS");
        assertThat(rendered.metadata().date()).isEqualTo(ZonedDateTime.of(2017, 12, 29, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(rendered.metadata().slug()).isEqualTo("aws-reinvent");
        assertThat(rendered.metadata().layout()).isEqualTo("post");
        assertThat(rendered.metadata().description()).isEmpty();
        assertThat(rendered.metadata().permalink()).isEqualTo("/articles/2017/12/29/aws-reinvent.html");
    }

    @Test
    void everyServiceIsASecondLevelHeadingWithAnId() {
        List<Element> h2 = html.select("h2");
        assertThat(h2).extracting(Element::text).containsExactly("Amazon EKS", "AWS Fargate", "Amazon Aurora",
                "DynamoDB Global Tables", "AWS S3 As Data Lake", "Amazon Sagemaker", "总结");
        assertThat(h2).allSatisfy(h -> assertThat(h.id()).isNotBlank());
        assertThat(html.select("h2").last().id()).isEqualTo("总结");
        assertThat(html.select("h3")).hasSize(12);
    }

    @Test
    void tableOfContentsCarriesTheIdsOfTheHtml() {
        List<TocEntry> toc = rendered.tableOfContents();
        assertThat(toc).hasSize(19);
        for (TocEntry entry : toc) {
            Element heading = html.getElementById(entry.id());
            assertThat(heading).as("heading with id %s", entry.id()).isNotNull();
            assertThat(heading.tagName()).isEqualTo("h" + entry.level());
            assertThat(heading.text()).isEqualTo(entry.text());
        }
        assertThat(toc).filteredOn(e -> e.text().equals("优势")).extracting(TocEntry::id)
                .doesNotHaveDuplicates().hasSizeGreaterThan(1);
    }

    @Test
    void imagesAndListsSurvive() {
        assertThat(html.select("img")).hasSize(6);
        assertThat(rendered.images()).hasSize(6)
                .allSatisfy(image -> assertThat(image.target()).startsWith("/images/").endsWith(".jpg"));
        assertThat(html.select("ul")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(html.select("ul > li").eachText()).contains("完全托管和高可用", "无需管理集群");
        assertThat(html.select("strong").eachText()).contains("MySQL", "PostgreSQL");
    }

    @Test
    void readingTimeCountsChineseCharactersAsWords() {
        assertThat(rendered.words()).isBetween(1300, 1800);
        assertThat(rendered.readingMinutes()).isBetween(3, 8);
    }

    @Test
    void excerptIsTheFirstParagraph() {
        assertThat(rendered.excerptText()).isEqualTo("11月27日，我有幸参加了AWS re:invent大会。以下是我关注的一些AWS服务及个人看法，供参考。");
        assertThat(rendered.excerptHtml()).startsWith("<p>11月27日").endsWith("</p>\n");
    }

    @Test
    void rendersWithoutDiagnostics() {
        assertThat(rendered.diagnostics()).isEmpty();
    }
}
