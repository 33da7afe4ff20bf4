package org.quire.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A plugin's mail is refused, naming the field, before anything could inject headers or reach too many people. */
class MailMessageTest {

    @Test
    void aWellFormedMailKeepsItsPartsAndCopiesAreIndependent() {
        MailMessage mail = MailMessage.text("ann@example.org", "Weekly digest", "Hello")
                .withHtml("<p>Hello</p>").withReplyTo("editor@example.org")
                .withHeader("List-Unsubscribe", "<https://example.org/u/1>");
        assertThat(mail.to()).containsExactly("ann@example.org");
        assertThat(mail.html()).isEqualTo("<p>Hello</p>");
        assertThat(mail.replyTo()).isEqualTo("editor@example.org");
        assertThat(mail.headers()).containsExactly(Map.entry("List-Unsubscribe", "<https://example.org/u/1>"));
        assertThatThrownBy(() -> mail.headers().put("X-Other", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void addressesSubjectsAndHeadersThatCouldSmuggleAnotherMailAreRefused() {
        assertThatThrownBy(() -> MailMessage.text("ann@example.org\r\nBcc: all@example.org", "Hi", ""))
                .hasMessageContaining("Field 'to'");
        assertThatThrownBy(() -> MailMessage.text("not an address", "Hi", "")).hasMessageContaining("Field 'to'");
        assertThatThrownBy(() -> MailMessage.text("ann@example.org", "Hi\nBcc: all@example.org", ""))
                .hasMessageContaining("Field 'subject'");
        assertThatThrownBy(() -> MailMessage.text("ann@example.org", " ", "")).hasMessageContaining("Field 'subject'");
        MailMessage mail = MailMessage.text("ann@example.org", "Hi", "");
        assertThatThrownBy(() -> mail.withHeader("From", "boss@example.org"))
                .hasMessageContaining("the host sets From");
        assertThatThrownBy(() -> mail.withHeader("Content-Type", "text/evil")).hasMessageContaining("the host sets");
        assertThatThrownBy(() -> mail.withHeader("X-Quire-Plugin", "other")).hasMessageContaining("the host sets");
        assertThatThrownBy(() -> mail.withHeader("Bad Name", "1")).hasMessageContaining("not a header name");
        assertThatThrownBy(() -> mail.withHeader("X-Note", "a\r\nBcc: x@example.org"))
                .hasMessageContaining("must be one line");
        assertThatThrownBy(() -> mail.withReplyTo("nobody")).hasMessageContaining("Field 'replyTo'");
        assertThatThrownBy(() -> new MailMessage(List.of("ann@example.org"), "Hi", null, null, null, null))
                .hasMessageContaining("Field 'text'");
    }

    @Test
    void aMailReachesAtMostFiftyAddressesAndAMillionCharacters() {
        List<String> many = Collections.nCopies(MailMessage.MAX_RECIPIENTS + 1, "ann@example.org");
        assertThatThrownBy(() -> new MailMessage(many, "Hi", "", null, null, null)).hasMessageContaining("not 51");
        assertThatThrownBy(() -> new MailMessage(List.of(), "Hi", "", null, null, null)).hasMessageContaining("not 0");
        String half = "x".repeat(MailMessage.MAX_BODY_CHARS / 2 + 1);
        assertThatThrownBy(() -> MailMessage.text("ann@example.org", "Hi", half).withHtml(half))
                .hasMessageContaining("Fields 'text' and 'html'");
    }
}
