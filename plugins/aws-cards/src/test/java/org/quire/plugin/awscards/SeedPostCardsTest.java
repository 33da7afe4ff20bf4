package org.quire.plugin.awscards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quire.core.ContentEngine;
import org.quire.core.Diagnostic;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.RenderedDocument.TocEntry;
import org.quire.core.source.PostSource;

/** The acceptance post: the shared seed post, as its author wrote it, becomes six service cards. */
class SeedPostCardsTest {

    private final CardFixtures fixtures = new CardFixtures();

    @AfterEach
    void close() {
        fixtures.registry.close();
    }

    private RenderedDocument seed() {
        return fixtures.render(CardFixtures.SEED_NAME, CardFixtures.seedPost());
    }

    @Test
    void sixCardsInOrderWithDynamoDbsFeatureLine() {
        Document html = Jsoup.parseBodyFragment(seed().html());
        List<Element> cards = html.select("section.aws-card");
        assertThat(cards).extracting(c -> c.classNames().stream().filter(n -> n.startsWith("aws-service-"))
                        .findFirst().orElseThrow())
                .containsExactly("aws-service-eks", "aws-service-fargate", "aws-service-aurora",
                        "aws-service-dynamodb", "aws-service-s3", "aws-service-sagemaker");
        assertThat(cards).extracting(c -> c.selectFirst("h2").text()).containsExactly("Amazon EKS", "AWS Fargate",
                "Amazon Aurora", "DynamoDB Global Tables", "AWS S3 As Data Lake", "Amazon Sagemaker");
        assertThat(cards.get(3).select(".aws-card-feature").text()).isEqualTo("Global Tables");
        assertThat(cards.get(4).select(".aws-card-feature").text()).isEqualTo("As Data Lake");
        assertThat(cards.get(0).select(".aws-card-feature")).isEmpty();
        assertThat(cards.get(0).select(".aws-card-name").text()).isEqualTo("Amazon Elastic Kubernetes Service");
        assertThat(cards.get(0).select(".aws-card-badge").text()).isEqualTo("EKS");
        assertThat(cards.get(0).select(".aws-card-links a").eachAttr("href"))
                .containsExactly("/aws/eks/", "https://docs.aws.amazon.com/eks/");
    }

    @Test
    void theSummaryStaysAPlainSectionAfterTheCards() {
        Document html = Jsoup.parseBodyFragment(seed().html());
        Element summary = html.select("h2").stream().filter(h -> h.text().equals("总结")).findFirst().orElseThrow();
        assertThat(summary.parent().tagName()).isEqualTo("body");
        assertThat(summary.closest("section")).isNull();
        // Its paragraphs follow it outside any card.
        assertThat(summary.nextElementSibling().tagName()).isEqualTo("p");
        assertThat(summary.nextElementSibling().text()).startsWith("此次AWS re:invent");
    }

    @Test
    void benefitListsAndVerdictsAreMarkedAsSuch() {
        Document html = Jsoup.parseBodyFragment(seed().html());
        List<Element> benefits = html.select("section.aws-card .aws-card-benefits");
        assertThat(benefits).extracting(b -> b.closest("section").className().split(" ")[1])
                .containsExactly("aws-service-eks", "aws-service-fargate", "aws-service-aurora",
                        "aws-service-sagemaker");
        assertThat(benefits).allSatisfy(b -> {
            assertThat(b.selectFirst("h3").text()).isEqualTo("优势");
            assertThat(b.select("ul > li")).isNotEmpty();
        });
        assertThat(benefits.get(0).select("li").eachText()).containsExactly("完全托管和高可用", "和其他AWS服务高度集成",
                "自动升级和patch", "和社区工具完全兼容");
        List<Element> verdicts = html.select("section.aws-card .aws-card-verdict");
        assertThat(verdicts).extracting(v -> v.closest("section").className().split(" ")[1])
                .containsExactly("aws-service-eks", "aws-service-fargate", "aws-service-aurora", "aws-service-s3");
        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.selectFirst("h3").text()).isEqualTo("观感");
            assertThat(v.select("p")).isNotEmpty();
        });
        assertThat(verdicts.get(0).select("p").text()).startsWith("借助EKS，我们可在云上实现完全托管的Kubernetes集群");
        assertThat(html.select(".aws-card-how-it-works h3").eachText()).containsExactly("工作原理", "工作原理", "工作原理");
        assertThat(html.select(".aws-card-use-cases h3").eachText()).containsExactly("常见案例");
    }

    @Test
    void theSixImagesStayInsideTheirCards() {
        Document html = Jsoup.parseBodyFragment(seed().html());
        assertThat(html.select("img")).hasSize(6).allSatisfy(img -> assertThat(img.closest("section.aws-card")).isNotNull());
        assertThat(html.select("section.aws-service-s3 img").eachAttr("src"))
                .containsExactly("/images/15129813924127.jpg", "/images/15129784028843.jpg");
    }

    @Test
    void headingIdsAndTheTableOfContentsStillAgree() {
        RenderedDocument document = seed();
        Document html = Jsoup.parseBodyFragment(document.html());
        assertThat(document.tableOfContents()).filteredOn(e -> e.level() == 2).extracting(TocEntry::text)
                .containsExactly("Amazon EKS", "AWS Fargate", "Amazon Aurora", "DynamoDB Global Tables",
                        "AWS S3 As Data Lake", "Amazon Sagemaker", "总结");
        for (TocEntry entry : document.tableOfContents()) {
            Element heading = html.getElementById(entry.id());
            assertThat(heading).as("heading for %s", entry).isNotNull();
            assertThat(heading.text()).isEqualTo(entry.text());
        }
        assertThat(document.images()).hasSize(6);
    }

    @Test
    void cardsSurviveTheUntrustedHtmlPolicyUntouched() {
        RenderedDocument untrusted = seed();
        RenderedDocument trusted = fixtures.engine.render(new PostSource(CardFixtures.SEED_NAME,
                CardFixtures.seedPost()), RenderOptions.trusted());
        // The sanitiser re-serialises what it keeps, so compare the parsed trees rather than the bytes.
        assertThat(Jsoup.parseBodyFragment(untrusted.html()).body().html())
                .isEqualTo(Jsoup.parseBodyFragment(trusted.html()).body().html());
        assertThat(untrusted.diagnostics()).extracting(Diagnostic::kind)
                .doesNotContain(Diagnostic.Kind.HTML_SANITISED, Diagnostic.Kind.PLUGIN_FAILED, Diagnostic.Kind.PLUGIN_REPORT);
    }

    @Test
    void aChineseSiteGetsChineseDescriptionsAndLabels() {
        RenderedDocument document = fixtures.render(CardFixtures.SEED_NAME,
                CardFixtures.seedPost().replace("tags: [AWS]", "tags: [AWS]\nlang: zh-CN"));
        Document html = Jsoup.parseBodyFragment(document.html());
        Element eks = html.selectFirst("section.aws-service-eks");
        assertThat(eks.select(".aws-card-links a").eachText()).containsExactly("关于 Amazon EKS 的文章", "官方文档");
        assertThat(eks.select(".aws-card-category").text()).isEqualTo("容器");
        assertThat(eks.select(".aws-card-description").text()).matches(".*\\p{IsHan}.*");
    }

    @Test
    void withoutTheAwsTagOrWithTheSwitchOffThereAreNoAutomaticCards() {
        String untagged = CardFixtures.seedPost().replace("tags: [AWS]", "tags: [Cloud]");
        assertThat(fixtures.render("untagged.md", untagged).html()).doesNotContain("aws-card");
        String switchedOff = CardFixtures.seedPost().replace("tags: [AWS]", "tags: [AWS]\naws_cards: false");
        assertThat(fixtures.render("off.md", switchedOff).html()).doesNotContain("aws-card");
        String switchedOn = untagged.replace("tags: [Cloud]", "tags: [Cloud]\naws_cards: true");
        assertThat(Jsoup.parseBodyFragment(fixtures.render("on.md", switchedOn).html()).select("section.aws-card"))
                .hasSize(6);
        ContentEngine plain = ContentEngine.standalone();
        assertThat(fixtures.render("untagged.md", untagged).html())
                .isEqualTo(plain.render(new PostSource("untagged.md", untagged), RenderOptions.untrusted()).html());
    }

    @Test
    void theSiteSettingTurnsAutomaticCardsOnForEveryPostOrOff() {
        String untagged = CardFixtures.seedPost().replace("tags: [AWS]", "tags: [Cloud]");
        CardFixtures all = new CardFixtures(AwsCardsPlugin.AUTOMATIC, AwsCardsPlugin.AUTOMATIC_ALL);
        CardFixtures off = new CardFixtures(AwsCardsPlugin.AUTOMATIC, AwsCardsPlugin.AUTOMATIC_OFF);
        CardFixtures otherTag = new CardFixtures(AwsCardsPlugin.AUTOMATIC_TAG, "cloud");
        try {
            assertThat(Jsoup.parseBodyFragment(all.render("a.md", untagged).html()).select("section.aws-card")).hasSize(6);
            assertThat(off.render("b.md", CardFixtures.seedPost()).html()).doesNotContain("aws-card");
            assertThat(Jsoup.parseBodyFragment(otherTag.render("c.md", untagged).html()).select("section.aws-card")).hasSize(6);
        } finally {
            all.registry.close();
            off.registry.close();
            otherTag.registry.close();
        }
    }
}
