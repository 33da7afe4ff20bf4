package org.quire.plugin.awscards;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quire.core.ContentEngine;
import org.quire.core.Diagnostic;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.source.PostSource;

/** The explicit {@code aws-card} block and the inline {@code aws:} mention, on any post, and their bad input. */
class ExplicitCardsAndMentionsTest {

    private final CardFixtures fixtures = new CardFixtures();

    @AfterEach
    void close() {
        fixtures.registry.close();
    }

    private static String post(String body) {
        return "---\ntitle: Notes\ndate: 2024-01-02\n---\n" + body;
    }

    @Test
    void anExplicitBlockRendersACardWithItsFields() {
        RenderedDocument document = fixtures.render("explicit.md", post("""
                ## Serverless notes

                Some context.

                ```aws-card lambda
                feature: Response streaming
                rating: 4
                pros:
                  - No servers to patch
                  - Pay per request
                cons: [Cold starts]
                verdict: Good glue <b>between</b> services.
                ```

                After the card.
                """));
        Document html = Jsoup.parseBodyFragment(document.html());
        Element card = html.selectFirst("section.aws-card.aws-service-lambda");
        assertThat(card).isNotNull();
        assertThat(card.selectFirst("h3").text()).isEqualTo("AWS Lambda");
        assertThat(card.select(".aws-card-feature").text()).isEqualTo("Response streaming");
        assertThat(card.select(".aws-card-rating").text()).isEqualTo("Rating ★★★★☆ 4 out of 5");
        assertThat(card.select(".aws-card-benefits li").eachText()).containsExactly("No servers to patch", "Pay per request");
        assertThat(card.select(".aws-card-drawbacks li").eachText()).containsExactly("Cold starts");
        // Field text is text: the author's markup is shown, never interpreted.
        assertThat(card.select(".aws-card-verdict p").last().text()).isEqualTo("Good glue <b>between</b> services.");
        assertThat(card.select(".aws-card-verdict b")).isEmpty();
        assertThat(document.tableOfContents()).extracting(RenderedDocument.TocEntry::text)
                .containsExactly("Serverless notes", "AWS Lambda");
        assertThat(html.select("p").last().text()).isEqualTo("After the card.");
        assertThat(document.diagnostics()).isEmpty();
    }

    @Test
    void theServiceMayBeAFieldAndAnyNameOfIt() {
        Document html = Jsoup.parseBodyFragment(fixtures.render("field.md", post("""
                ```aws-card
                service: Amazon Elastic Container Service for Kubernetes
                ```
                """)).html());
        assertThat(html.select("section.aws-card.aws-service-eks h2").text()).isEqualTo("Amazon EKS");
    }

    @Test
    void anUnknownServiceGivesAVisibleNoticeAndADiagnosticNeverABrokenPage() {
        RenderedDocument document = fixtures.render("unknown.md", post("""
                Intro.

                ```aws-card ekss
                verdict: typo
                ```

                Outro.
                """));
        Document html = Jsoup.parseBodyFragment(document.html());
        Element notice = html.selectFirst("div.aws-card-notice");
        assertThat(notice.text()).contains("aws-card block 1: unknown AWS service 'ekss'; did you mean 'eks'?");
        assertThat(notice.select("pre code").text()).isEqualTo("verdict: typo");
        assertThat(html.select("p").eachText()).contains("Intro.", "Outro.");
        assertThat(document.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnostic.Kind.PLUGIN_REPORT);
            assertThat(d.source()).isEqualTo("unknown.md");
            assertThat(d.message()).contains("aws-cards").contains("unknown AWS service 'ekss'");
        });
    }

    @Test
    void badFieldsAreNamedInTheNotice() {
        assertThat(notice("```aws-card s3\nrating: 7\n```\n")).contains("field 'rating' must be a whole number from 1 to 5, not '7'");
        assertThat(notice("```aws-card s3\nprice: 3\n```\n")).contains("unknown field 'price'; known fields: cons, feature, pros, rating, service, verdict");
        assertThat(notice("```aws-card s3\npros: [a\n```\n")).contains("not valid YAML at line");
        assertThat(notice("```aws-card\nverdict: fine\n```\n")).contains("name the service");
        assertThat(notice("```aws-card s3\n- just a list\n```\n")).contains("expected fields");
        assertThat(notice("```aws-card s3\npros:\n  - {a: b}\n```\n")).contains("field 'pros' must be a list of lines of text");
    }

    private String notice(String markdown) {
        RenderedDocument document = fixtures.render("bad.md", post(markdown));
        assertThat(document.diagnostics()).hasSize(1);
        return Jsoup.parseBodyFragment(document.html()).select("div.aws-card-notice p").text();
    }

    @Test
    void inlineMentionsLinkToTheServicePageWithTheDescriptionAsTooltip() {
        RenderedDocument document = fixtures.render("mention.md", post(
                "We moved to [Fargate](aws:fargate) and <aws:dynamodb>, then **[the *queue*](aws:SQS)**.\n"));
        Document html = Jsoup.parseBodyFragment(document.html());
        assertThat(html.select("a.aws-mention").eachAttr("href")).containsExactly("/aws/fargate/", "/aws/dynamodb/", "/aws/sqs/");
        assertThat(html.select("a.aws-mention").eachText()).containsExactly("Fargate", "Amazon DynamoDB", "the queue");
        assertThat(html.select("a.aws-mention em").text()).isEqualTo("queue");
        assertThat(html.select("a.aws-mention").first().attr("title")).isNotBlank();
        assertThat(html.select("a.aws-mention").first().classNames()).contains("aws-service-fargate");
        assertThat(document.diagnostics()).isEmpty();
    }

    @Test
    void anUnknownMentionKeepsItsTextAndIsReported() {
        RenderedDocument document = fixtures.render("mention.md", post("Try [Lamda](aws:lamda) today.\n"));
        Document html = Jsoup.parseBodyFragment(document.html());
        Element unknown = html.selectFirst("span.aws-mention-unknown");
        assertThat(unknown.text()).isEqualTo("Lamda");
        assertThat(unknown.attr("title")).isEqualTo("unknown AWS service 'lamda'; did you mean 'lambda'?");
        assertThat(html.select("p").text()).isEqualTo("Try Lamda today.");
        assertThat(document.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("link aws:lamda: unknown AWS service 'lamda'"));
    }

    @Test
    void onAPlainCommonMarkRendererBothSyntaxesStayReadable() {
        String markdown = post("See [EKS](aws:eks).\n\n```aws-card eks\nverdict: Solid.\n```\n");
        RenderedDocument plain = ContentEngine.standalone().render(new PostSource("plain.md", markdown),
                RenderOptions.untrusted());
        Document html = Jsoup.parseBodyFragment(plain.html());
        assertThat(html.select("p").first().text()).isEqualTo("See EKS.");
        assertThat(html.select("pre code.language-aws-card").text()).isEqualTo("verdict: Solid.");
    }

    @Test
    void explicitSyntaxWorksWhereAutomaticCardsAreOff() {
        CardFixtures off = new CardFixtures(AwsCardsPlugin.AUTOMATIC, AwsCardsPlugin.AUTOMATIC_OFF);
        try {
            Document html = Jsoup.parseBodyFragment(off.render("x.md", post(
                    "## Amazon EKS\n\nText.\n\n```aws-card eks\n```\n\nSee <aws:eks>.\n")).html());
            assertThat(html.select("section.aws-card")).hasSize(1);
            assertThat(html.select("section.aws-card h3").text()).isEqualTo("Amazon EKS");
            assertThat(html.select("a.aws-mention")).hasSize(1);
        } finally {
            off.registry.close();
        }
    }
}
