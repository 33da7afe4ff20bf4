package org.quire.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.api.ApiVersionRange;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.mail.MailMessage;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.plugins.mail.PluginMailer;
import org.quire.web.site.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With mail configured, invitations and password resets are mailed with their link, and plugins that declared
 * mail send through the host. Quarkus keeps the mails in its mock mailbox here; {@code SmtpDeliveryTest} sends them
 * to a real SMTP server.
 */
@QuarkusTest
@TestProfile(MailConfiguredTest.WithMail.class)
class MailConfiguredTest {

    public static class WithMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.mail.host", "smtp.example.test", "quire.mail.from", "news@example.org");
        }
    }

    @Inject
    MockMailbox mailbox;

    @Inject
    PluginMailer pluginMailer;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void anInvitationIsMailedWithItsLinkOnTheSitesAddress() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String handle = "mailed-" + UUID.randomUUID().toString().substring(0, 6);
        String email = handle + "@example.test";
        String link = admin.given().contentType("application/json")
                .body("{\"handle\":\"" + handle + "\",\"email\":\"" + email + "\",\"displayName\":\"Ivy\",\"role\":\"editor\"}")
                .post("/api/admin/users").then().statusCode(201).body("mailed", equalTo(true))
                .body("mailProblem", nullValue()).extract().path("link");

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);
        String siteUrl = QuarkusTransaction.requiringNew().call(() -> Site.get().url);
        String title = QuarkusTransaction.requiringNew().call(() -> Site.get().title);
        assertThat(mail.getFrom()).endsWith("<news@example.org>");
        assertThat(mail.getSubject()).contains(title);
        assertThat(mail.getText()).contains("Hello Ivy").contains("as an editor").contains(siteUrl + link);
    }

    @Test
    void aPasswordResetIsMailedToTheAccount() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        var author = TestAccounts.create(Role.AUTHOR);
        String link = admin.given().contentType("application/json").post("/api/admin/users/" + author.id + "/password-reset").then().statusCode(200)
                .body("mailed", equalTo(true)).extract().path("link");
        List<Mail> mails = mailbox.getMailsSentTo(author.email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getText()).contains(link).contains(author.handle);
    }

    @Test
    void aPluginThatDeclaredMailSendsFromTheSiteAndIsNamedInAHeader() {
        PluginDescriptor mailing = PluginDescriptor.builder("digest").requiredApi("[1.5,2.0)")
                .uses(Capability.MAIL).build();
        var mail = pluginMailer.forPlugin(mailing);
        assertThat(mail.available()).isTrue();
        mail.send(MailMessage.text("reader@example.test", "Your digest", "Three new posts.")
                .withHeader("List-Unsubscribe", "<https://example.org/unsubscribe?k=1>"));

        Mail sent = mailbox.getMailsSentTo("reader@example.test").get(0);
        assertThat(sent.getFrom()).endsWith("<news@example.org>");
        assertThat(sent.getHeaders()).containsEntry("X-Quire-Plugin", List.of("digest"))
                .containsEntry("List-Unsubscribe", List.of("<https://example.org/unsubscribe?k=1>"));

        PluginDescriptor silent = new PluginDescriptor("silent", "Silent", "1", ApiVersionRange.parse("[1.0,2.0)"),
                100, List.of());
        assertThatThrownBy(() -> pluginMailer.forPlugin(silent)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'silent'").hasMessageContaining("Capability.MAIL");
    }

    @Test
    void theSenderNameIsTheSiteTitleWithoutWhatWouldBreakTheAddress() {
        assertThat(OutgoingMail.sender("Ann's \"Notes\" <on, things>", "news@example.org"))
                .isEqualTo("Ann's Notes on things <news@example.org>");
        assertThat(OutgoingMail.sender("  ", "news@example.org")).isEqualTo("news@example.org");
        assertThat(OutgoingMail.sender("技术博客", "news@example.org")).isEqualTo("技术博客 <news@example.org>");
    }
}
