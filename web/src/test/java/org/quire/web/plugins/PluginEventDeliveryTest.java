package org.quire.web.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.quire.api.PluginDescriptor;
import org.quire.api.SiteEvent;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.RecordQuery;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.cluster.ClusterSignal;
import org.quire.web.cluster.ClusterSignals;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;
import org.quire.web.plugins.records.HostRecords;
import org.quire.web.plugins.testplugin.TagIndexTestPlugin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Where plugins hear of posts (API 1.5): a plugin written for 1.4 hears once per cluster, through events kept in
 * the change's own transaction (a change that rolls back is never announced) and delivered at least once (a handler
 * that throws gets the event again); a plugin hearing on every instance also hears of changes another instance
 * signals.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
class PluginEventDeliveryTest {

    private static final PluginDescriptor HERALD = PluginDescriptor.builder("herald")
            .collection(CollectionDefinition.named("heard").indexString("post")).build();

    @Inject
    HostRecords records;

    @Inject
    PostService posts;

    @Inject
    EntityManager entities;

    @Inject
    ClusterSignals cluster;

    @Inject
    PluginEvents events;

    private long heard(String postId) {
        return records.recordsOf(HERALD).collection("heard").count(RecordQuery.all().where("post", postId));
    }

    private static long waitFor(LongSupplier value, long expected) throws InterruptedException {
        long seen = value.getAsLong();
        for (int i = 0; i < 100 && seen < expected; i++) {
            Thread.sleep(100);
            seen = value.getAsLong();
        }
        return seen;
    }

    private Post draft(String title) {
        return QuarkusTransaction.requiringNew().call(() -> posts.create("---\ntitle: " + title + "\nslug: "
                + UUID.randomUUID() + "\n---\nBody\n", null, PostStatus.DRAFT, null).post());
    }

    private long keptEventsFor(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery("select t.payload from TaskRow t"
                        + " where t.pluginId = 'herald' and t.name = 'quire.event'", String.class).getResultStream()
                .filter(payload -> payload.contains("\"post\":" + postId + ",")).count());
    }

    @Test
    void aPluginOfApi14HearsOncePerClusterAtLeastOnceAndNeverOfARolledBackChange() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "herald.jar", heraldJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201)
                .body("uses.events", org.hamcrest.Matchers.equalTo("ONCE_PER_CLUSTER"));
        admin.given().post("/api/admin/plugins/herald/enable").then().statusCode(200);
        try {
            Post calm = draft("Calm");
            QuarkusTransaction.requiringNew().run(() -> posts.publish(calm.id));
            assertThat(waitFor(() -> heard(String.valueOf(calm.id)), 1)).as("delivered").isEqualTo(1);

            Post flaky = draft("Flaky");
            QuarkusTransaction.requiringNew().run(() -> posts.publish(flaky.id));
            assertThat(waitFor(() -> heard(String.valueOf(flaky.id)), 1))
                    .as("the handler threw the first time and heard it again").isEqualTo(1);
            assertThat(records.recordsOf(HERALD).collection("heard").get("threw-" + flaky.id)).isPresent();

            Post undone = draft("Undone");
            assertThat(keptEventsFor(undone.id)).as("a draft's save is no event").isZero();
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                posts.publish(undone.id);
                assertThat(keptEventsFor(undone.id)).as("not yet committed, so not visible outside").isZero();
                throw new IllegalStateException("the change fails after publishing");
            })).isInstanceOf(RuntimeException.class);
            assertThat(keptEventsFor(undone.id)).as("gone with the rollback").isZero();
            Thread.sleep(1500);
            assertThat(heard(String.valueOf(undone.id))).isZero();
            assertThat(heard(String.valueOf(calm.id))).as("still once").isEqualTo(1);
        } finally {
            admin.given().delete("/api/admin/plugins/herald?records=delete").then().statusCode(204);
        }
    }

    @Test
    void aPluginHearingOnEveryInstanceHearsWhatAnotherInstanceSignals() throws Exception {
        Post post = draft("Elsewhere");
        QuarkusTransaction.requiringNew().run(() -> posts.publish(post.id));
        events.drain();
        TagIndexTestPlugin.EVENTS.clear();
        QuarkusTransaction.requiringNew().run(() -> {
            ClusterSignal signal = new ClusterSignal();
            signal.kind = ClusterSignals.Kind.EVENTS.name();
            signal.payload = "{\"post\":" + post.id + ",\"kind\":\"PUBLISHED\",\"previousPath\":null}";
            signal.origin = "another-instance";
            signal.createdAt = Instant.now();
            signal.persist();
        });
        assertThat(waitFor(() -> TagIndexTestPlugin.EVENTS.stream().filter(e -> e instanceof SiteEvent.PostPublished p
                && p.post().id().equals(String.valueOf(post.id))).count(), 1)).as("heard here").isEqualTo(1);

        QuarkusTransaction.requiringNew().run(() -> posts.unpublish(post.id));
        List<ClusterSignal> sent = QuarkusTransaction.requiringNew().call(() -> ClusterSignal
                .<ClusterSignal>find("origin = ?1 and kind = 'EVENTS' order by id desc", cluster.instance()).page(0, 1)
                .list());
        assertThat(sent).as("the change made here is signalled to the others").singleElement()
                .satisfies(s -> assertThat(s.payload).contains("\"post\":" + post.id).contains("UNPUBLISHED"));
    }

    @Inject
    PluginEventPublisher publisher;

    private static final PluginDescriptor LISTENER = PluginDescriptor.builder("listener")
            .collection(CollectionDefinition.named("heard").indexString("type")).build();

    private long listenerHeard(String type) {
        return records.recordsOf(LISTENER).collection("heard").count(RecordQuery.all().where("type", type));
    }

    @Test
    void aPluginsEventReachesThePluginsThatHearItsTypeAndNoOther() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "crier.jar", crierJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201)
                .body("uses.publishes", org.hamcrest.Matchers.contains("crier.noticed"));
        admin.given().multiPart("file", "listener.jar", listenerJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201)
                .body("uses.hears", org.hamcrest.Matchers.hasItem("crier.*"));
        admin.given().post("/api/admin/plugins/crier/enable").then().statusCode(200);
        admin.given().post("/api/admin/plugins/listener/enable").then().statusCode(200);
        try {
            admin.given().get("/admin/plugins").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("Publishes events for other plugins: crier.noticed"))
                    .body(org.hamcrest.Matchers.containsString("Hears other plugins&#39; events: crier.*"));
            Post post = draft("Cried");
            QuarkusTransaction.requiringNew().run(() -> posts.publish(post.id));
            assertThat(waitFor(() -> listenerHeard("crier.noticed"), 1)).as("the listener heard the crier")
                    .isEqualTo(1);
            PluginDescriptor crier = PluginDescriptor.builder("crier").publishes("crier.noticed").build();
            assertThatThrownBy(() -> publisher.forPlugin(crier).publish("crier.shouted", "{}"))
                    .hasMessage("Plugin 'crier', event 'crier.shouted': the descriptor does not declare it;"
                            + " it publishes crier.noticed");
            assertThatThrownBy(() -> publisher.forPlugin(crier).publish("crier.noticed", "[1]"))
                    .hasMessageContaining("the payload is not a JSON object");
            assertThatThrownBy(() -> publisher.forPlugin(LISTENER).publish("listener.x", "{}"))
                    .hasMessageContaining("declares no type of event it publishes");
            publisher.forPlugin(crier).publish("crier.noticed", "{\"post\":\"by hand\"}");
            assertThat(waitFor(() -> listenerHeard("crier.noticed"), 2)).isEqualTo(2);
            Thread.sleep(2000); // two echoes were published: time for them to be delivered, were they to be
            assertThat(listenerHeard("listener.echo")).as("a plugin does not hear its own events").isZero();
        } finally {
            admin.given().delete("/api/admin/plugins/crier?records=delete").then().statusCode(204);
            admin.given().delete("/api/admin/plugins/listener?records=delete").then().statusCode(204);
        }
    }

    /** Announces each published post as crier.noticed, with the post's id. */
    private static byte[] crierJar() {
        return new PluginJarBuilder().source("com.example.Crier", """
                package com.example;

                import org.quire.api.*;

                public final class Crier implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("crier").name("Crier").version("1.0")
                                .requiredApi("[1.5,2.0)").publishes("crier.noticed").build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                    }

                    @Override
                    public void onEvent(SiteEvent event) {
                        if (event instanceof SiteEvent.PostPublished published) {
                            context.events().publish("crier.noticed", "{\\"post\\":\\"" + published.post().id() + "\\"}");
                        }
                    }
                }
                """).service("com.example.Crier").build();
    }

    /** Keeps each crier event it hears, and publishes one of its own that it must not hear back. */
    private static byte[] listenerJar() {
        return new PluginJarBuilder().source("com.example.Listener", """
                package com.example;

                import java.util.Map;
                import java.util.UUID;
                import org.quire.api.*;
                import org.quire.api.records.*;

                public final class Listener implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("listener").name("Listener").version("1.0")
                                .requiredApi("[1.5,2.0)").hears("crier.*", "listener.echo")
                                .publishes("listener.echo")
                                .collection(CollectionDefinition.named("heard").indexString("type")).build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                    }

                    @Override
                    public void onEvent(SiteEvent event) {
                        if (event instanceof SiteEvent.PluginEvent heard) {
                            context.records().collection("heard").put(UUID.randomUUID().toString(),
                                    Map.of("type", heard.type(), "from", heard.publisher(), "payload", heard.payload()));
                            if (heard.type().startsWith("crier.")) {
                                context.events().publish("listener.echo", "{}");
                            }
                        }
                    }
                }
                """).service("com.example.Listener").build();
    }

    /** Of API 1.4, before EventDelivery: hears events the way it always did, and throws once for a post titled Flaky. */
    private static byte[] heraldJar() {
        return new PluginJarBuilder().source("com.example.Herald", """
                package com.example;

                import java.util.Map;
                import java.util.UUID;
                import org.quire.api.*;
                import org.quire.api.records.*;

                public final class Herald implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("herald").name("Herald").version("1.0")
                                .requiredApi("[1.4,2.0)")
                                .collection(CollectionDefinition.named("heard").indexString("post")).build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                    }

                    @Override
                    public void onEvent(SiteEvent event) {
                        if (event instanceof SiteEvent.PostPublished published) {
                            RecordCollection heard = context.records().collection("heard");
                            String id = published.post().id();
                            if (published.post().title().equals("Flaky") && heard.get("threw-" + id).isEmpty()) {
                                heard.put("threw-" + id, Map.of("post", "threw"));
                                throw new IllegalStateException("the first delivery fails");
                            }
                            heard.put(UUID.randomUUID().toString(), Map.of("post", id));
                        }
                    }
                }
                """).service("com.example.Herald").build();
    }
}
