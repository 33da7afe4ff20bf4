package org.quire.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.mail.MailMessage;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.plugins.mail.PluginMailer;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Mail reaches a real SMTP server ({@link SmtpServer}): an invitation with its link, and a plugin's mail. */
@QuarkusTest
@Tag("smtp")
@TestProfile(SmtpDeliveryTest.ToRealServer.class)
class SmtpDeliveryTest {

    public static class ToRealServer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpServer.class));
        }
    }

    @Inject
    PluginMailer pluginMailer;

    @Test
    void anInvitationArrivesWithTheLinkThatSetsThePassword() throws Exception {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String handle = "smtp-" + UUID.randomUUID().toString().substring(0, 6);
        String email = handle + "@example.test";
        String link = admin.given().contentType("application/json")
                .body("{\"handle\":\"" + handle + "\",\"email\":\"" + email + "\",\"displayName\":\"Sam\",\"role\":\"author\"}")
                .post("/api/admin/users").then().statusCode(201).body("mailed", equalTo(true)).extract().path("link");

        String message = awaitMessageTo(email);
        String siteUrl = QuarkusTransaction.requiringNew().call(() -> Site.get().url);
        assertThat(message).containsIgnoringCase("From: ").contains("<news@example.org>");
        assertThat(decoded(message)).contains("Hello Sam").contains(siteUrl + link);
    }

    @Test
    void aPluginsMailArrivesWithItsHeaders() throws Exception {
        var mail = pluginMailer.forPlugin(PluginDescriptor.builder("digest").uses(Capability.MAIL).build());
        mail.send(MailMessage.text("reader@example.test", "Drei neue Beiträge", "Über drei neue Beiträge.")
                .withHeader("List-Unsubscribe", "<https://example.org/u?k=1>"));
        String message = awaitMessageTo("reader@example.test");
        assertThat(message).contains("X-Quire-Plugin: digest").contains("List-Unsubscribe: <https://example.org/u?k=1>");
        assertThat(decoded(message)).contains("Über drei neue Beiträge.");
    }

    private static String awaitMessageTo(String address) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (String message : SmtpServer.messages()) {
                if (message.contains(address)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address + " reached the SMTP server; it has "
                + SmtpServer.messages().size() + " messages");
    }

    /** The message with quoted-printable soft breaks and escapes undone, as a mail reader shows its text. */
    private static String decoded(String message) {
        String joined = message.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
