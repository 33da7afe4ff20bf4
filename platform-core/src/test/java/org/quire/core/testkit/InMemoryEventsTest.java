package org.quire.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.SiteEvent;

/** The test kit keeps what a plugin publishes, by the host's rules, to hand to a plugin that hears it. */
class InMemoryEventsTest {

    @Test
    void publishedEventsAreCheckedAndKeptInOrder() {
        TestHost host = new TestHost();
        PluginContext context = host.contextFor(PluginDescriptor.builder("comments")
                .publishes("comments.approved").build(), getClass().getClassLoader());
        context.events().publish("comments.approved", "{\"comment\":\"c1\"}");
        context.events().publish("comments.approved", "{\"comment\":\"c2\"}");
        assertThat(host.publishedEvents("comments")).extracting(SiteEvent.PluginEvent::payload)
                .containsExactly("{\"comment\":\"c1\"}", "{\"comment\":\"c2\"}");
        assertThat(host.publishedEvents("comments").get(0).publisher()).isEqualTo("comments");

        assertThatThrownBy(() -> context.events().publish("comments.deleted", "{}"))
                .hasMessageContaining("the descriptor does not declare it; it publishes comments.approved");
        assertThatThrownBy(() -> context.events().publish("comments.approved", "\"text\""))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> host.contextFor(PluginDescriptor.builder("quiet").build(), null).events())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("declares no type of event");
    }
}
