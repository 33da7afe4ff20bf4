package org.quire.example.guestbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.api.Page;
import org.quire.api.http.OutboundRefusedException;
import org.quire.api.http.OutboundRequest;
import org.quire.api.http.OutboundResponse;
import org.quire.api.input.InputAnswer;
import org.quire.api.input.InputRoute;
import org.quire.api.input.ReaderInput;
import org.quire.api.mail.MailMessage;
import org.quire.core.testkit.TestHost;

/** The guestbook through the test kit alone: signing, the page, the event, and the daily summary's effects. */
class GuestbookPluginTest {

    private static final String WEBHOOK = "https://hooks.slack.com/services/T0/B0/secret";

    private TestHost host;
    private GuestbookPlugin plugin;
    private InputRoute sign;

    @BeforeEach
    void start() {
        host = new TestHost();
        host.set(GuestbookPlugin.ID, GuestbookPlugin.OWNER, "owner@example.org");
        host.set(GuestbookPlugin.ID, GuestbookPlugin.WEBHOOK, WEBHOOK);
        plugin = new GuestbookPlugin();
        plugin.start(host.contextFor(plugin.descriptor(), GuestbookPlugin.class.getClassLoader()));
        sign = plugin.inputRoutes().get(0);
    }

    private static ReaderInput form(Map<String, String> fields, boolean automated) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        fields.forEach((name, value) -> form.put(name, List.of(value)));
        return new ReaderInput(SignRoute.PATH, "application/x-www-form-urlencoded", form, null, Optional.empty(),
                "192.0.2.7", "test", "en", automated, Instant.now().minusSeconds(60));
    }

    private static OutboundResponse answer(int status) {
        return new OutboundResponse(status, Map.of(), "ok".getBytes(StandardCharsets.UTF_8), URI.create(WEBHOOK));
    }

    private Document page() {
        Page page = plugin.routes().get(0).render("/guestbook/").orElseThrow();
        return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aReaderSignsAndThePageShowsTheEntryEscapedWhileOtherPluginsHearOfIt() {
        InputAnswer answer = sign.accept(form(Map.of("name", "Ann", "message", "Hello <script>alert(1)</script>"),
                false));
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo("/guestbook/?signed");

        Document page = page();
        assertThat(page.select(".guestbook-entries li")).singleElement().satisfies(entry -> {
            assertThat(entry.text()).contains("Ann").contains("Hello <script>alert(1)</script>");
            assertThat(entry.select("script")).isEmpty();
        });
        assertThat(page.select("form[action=/guestbook/sign] input[name=quire_website]")).hasSize(1);
        assertThat(host.invalidated()).contains("/guestbook/");
        assertThat(host.publishedEvents(GuestbookPlugin.ID)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("guestbook.signed");
            assertThat(event.payload()).contains("\"name\":\"Ann\"");
        });
    }

    @Test
    void aRobotIsThankedAndNothingIsKeptWhileBadFieldsAreNamed() {
        assertThat(sign.accept(form(Map.of("name", "Bot", "message", "buy"), true)).status()).isEqualTo(303);
        assertThat(page().select(".guestbook-entries li")).isEmpty();
        assertThat(host.publishedEvents(GuestbookPlugin.ID)).isEmpty();

        assertThatThrownBy(() -> sign.accept(form(Map.of("name", "Ann"), false)))
                .hasMessage("Field 'message': write a few words");
        assertThatThrownBy(() -> sign.accept(form(Map.of("name", "A".repeat(81), "message", "hi"), false)))
                .hasMessage("Field 'name': at most 80 characters");
        assertThat(plugin.checkSetting(GuestbookPlugin.OWNER, "nobody")).singleElement().asString()
                .contains("Setting 'owner'");
        assertThat(plugin.checkSetting(GuestbookPlugin.WEBHOOK, "https://evil.example/hook")).singleElement()
                .asString().contains("Setting 'webhook'");
    }

    @Test
    void theDailySummaryMailsTheOwnerAndTellsTheWebhookOnceEvenWhenTheWebhookFailsFirst() {
        sign.accept(form(Map.of("name", "Ann", "message", "First!"), false));
        sign.accept(form(Map.of("name", "Bob", "message", "Second."), false));
        AtomicInteger calls = new AtomicInteger();
        host.answer("https://hooks.slack.com/", request -> answer(calls.incrementAndGet() == 1 ? 500 : 200));

        host.runWork(plugin);

        assertThat(host.failedTasks(GuestbookPlugin.ID)).isEmpty();
        List<MailMessage> mail = host.sentMail(GuestbookPlugin.ID);
        assertThat(mail).as("mailed once, though the run was tried again").singleElement().satisfies(sent -> {
            assertThat(sent.to()).containsExactly("owner@example.org");
            assertThat(sent.subject()).isEqualTo("Guestbook: 2 new");
            assertThat(sent.text()).contains("Ann").contains("First!").contains("Bob");
        });
        List<OutboundRequest> hooks = host.sentRequests(GuestbookPlugin.ID);
        assertThat(hooks).hasSize(2);
        assertThat(new String(hooks.get(1).body(), StandardCharsets.UTF_8)).startsWith("{\"text\":\"2 new in the guestbook");

        host.runWork(plugin);
        assertThat(host.sentMail(GuestbookPlugin.ID)).as("nothing new since").hasSize(1);
    }

    @Test
    void withoutMailTheSummaryStillReachesTheWebhookAndOnlyDeclaredHostsAreCalled() throws Exception {
        host.mail(false);
        host.answer("https://hooks.slack.com/", request -> answer(200));
        sign.accept(form(Map.of("name", "Ann", "message", "Hi"), false));
        host.runWork(plugin);
        assertThat(host.sentMail(GuestbookPlugin.ID)).isEmpty();
        assertThat(host.sentRequests(GuestbookPlugin.ID)).hasSize(1);
        assertThat(host.log()).anySatisfy(line -> assertThat(line).contains("no mail configured"));

        assertThatThrownBy(() -> host.contextFor(plugin.descriptor(), null).http()
                .send(OutboundRequest.get("https://example.org/")))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("may not call example.org");
    }
}
