package org.quire.web.mail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.mail.MailMessage;
import org.quire.api.mail.MailUnavailableException;
import org.quire.web.plugins.mail.PluginMailer;

import io.quarkus.test.junit.QuarkusTest;

/** Mail is off by default: a plugin that sends gets an error that says what to configure. */
@QuarkusTest
class MailOffTest {

    @Inject
    PluginMailer pluginMailer;

    @Test
    void sendingWhileMailIsOffIsRefusedNamingTheSettings() {
        var mail = pluginMailer.forPlugin(PluginDescriptor.builder("digest").uses(Capability.MAIL).build());
        org.assertj.core.api.Assertions.assertThat(mail.available()).isFalse();
        assertThatThrownBy(() -> mail.send(MailMessage.text("reader@example.test", "Hi", "Text")))
                .isInstanceOf(MailUnavailableException.class).hasMessageContaining("quire.mail.host")
                .hasMessageContaining("QUIRE_MAIL_FROM");
    }
}
