package org.quire.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.api.Capability;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.mail.MailMessage;
import org.quire.api.mail.MailUnavailableException;
import org.quire.api.work.TaskDefinition;

/** The test kit keeps a plugin's mail, fails a task as a site without mail would, and checks the capability. */
class InMemoryMailTest {

    @Test
    void mailSentFromATaskIsKeptAndFailsTheTaskWhileMailIsOff() {
        TestHost host = new TestHost().mail(false);
        PluginDescriptor descriptor = PluginDescriptor.builder("welcomer")
                .uses(Capability.WORK).uses(Capability.MAIL).build();
        PluginContext context = host.contextFor(descriptor, getClass().getClassLoader());
        List<TaskDefinition> tasks = List.of(TaskDefinition.of("welcome", task -> context.mail()
                        .send(MailMessage.text(task.payload(), "Welcome", "Hello").withHeader("List-Id", "news")))
                .maxAttempts(1));
        org.quire.api.QuirePlugin plugin = new org.quire.api.QuirePlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<TaskDefinition> tasks() {
                return tasks;
            }
        };

        assertThat(context.mail().available()).isFalse();
        context.work().enqueue("welcome", "ann@example.org");
        host.runWork(plugin);
        assertThat(host.failedTasks("welcomer")).singleElement().asString()
                .contains(MailUnavailableException.class.getName());
        assertThat(host.sentMail("welcomer")).isEmpty();

        host.mail(true);
        context.work().enqueue("welcome", "bob@example.org");
        host.runWork(plugin);
        assertThat(host.sentMail("welcomer")).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("bob@example.org");
            assertThat(mail.headers()).containsEntry("List-Id", "news");
        });
        assertThatThrownBy(() -> host.contextFor(PluginDescriptor.builder("plain").build(), null).mail())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not declare the MAIL capability");
    }
}
