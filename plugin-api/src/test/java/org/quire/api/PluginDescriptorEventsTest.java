package org.quire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a descriptor says about events (API 1.5): where it hears, what it publishes, what it hears of others. */
class PluginDescriptorEventsTest {

    @Test
    void aPluginPublishesOnlyTypesInItsOwnNameAndHearsTypesPatternsOrAll() {
        PluginDescriptor comments = PluginDescriptor.builder("comments").publishes("comments.approved",
                "comments.reply-received").hears("newsletter.*", "activitypub.reply-received").build();
        assertThat(comments.publishes("comments.approved")).isTrue();
        assertThat(comments.publishes("comments.deleted")).isFalse();
        assertThat(comments.hears("newsletter.confirmed")).isTrue();
        assertThat(comments.hears("newsletters.confirmed")).as("a pattern stops at its plugin's id").isFalse();
        assertThat(comments.hears("activitypub.reply-received")).isTrue();
        assertThat(comments.hears("activitypub.follow")).isFalse();
        assertThat(PluginDescriptor.builder("webhooks").hears("*").build().hears("anything.at-all")).isTrue();

        assertThatThrownBy(() -> PluginDescriptor.builder("comments").publishes("newsletter.confirmed").build())
                .hasMessageContaining("Plugin 'comments' declares it publishes 'newsletter.confirmed'");
        assertThatThrownBy(() -> PluginDescriptor.builder("comments").publishes("comments").build())
                .hasMessageContaining("a dot and a name");
        assertThatThrownBy(() -> PluginDescriptor.builder("comments").publishes("comments.a..").build())
                .hasMessageContaining("declares it publishes 'comments.a..'");
        assertThat(PluginDescriptor.builder("comments").publishes("comments.reply.received").build()
                .publishes("comments.reply.received")).isTrue();
        assertThatThrownBy(() -> PluginDescriptor.builder("comments").hears("News.*").build())
                .hasMessageContaining("declares it hears 'News.*'");
    }

    @Test
    void eventsArriveOncePerClusterUnlessTheDescriptorSaysEveryInstanceAndOldConstructorsStillWork() {
        assertThat(PluginDescriptor.builder("a").build().events()).isEqualTo(EventDelivery.ONCE_PER_CLUSTER);
        assertThat(PluginDescriptor.builder("a").events(EventDelivery.EVERY_INSTANCE).build().events())
                .isEqualTo(EventDelivery.EVERY_INSTANCE);
        ApiVersionRange range = ApiVersionRange.parse("[1.0,2.0)");
        PluginDescriptor of13 = new PluginDescriptor("old", "Old", "1", range, 100, List.of());
        PluginDescriptor of14 = new PluginDescriptor("old", "Old", "1", range, 100, List.of(), Set.of(), List.of(),
                List.of());
        assertThat(of13).isEqualTo(of14);
        assertThat(of14.events()).isEqualTo(EventDelivery.ONCE_PER_CLUSTER);
        assertThat(of14.publishes()).isEmpty();
        assertThat(of14.hears()).isEmpty();
    }
}
