package org.quire.web.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.PluginRecord;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.plugins.records.HostRecords;
import org.quire.web.plugins.work.HostWork;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An installed plugin's background work (API 1.4), run by the host's poller: a task enqueued from an event runs
 * once (its key and done mark hold on a retry), recurring work runs every period, a failing task is kept as failed
 * with its error for the administrator and can be retried, work stops while the plugin is off and its queue goes
 * when it is removed.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
class PluginWorkInstallTest {

    @Inject
    HostRecords records;

    @Inject
    HostWork work;

    private static final PluginDescriptor TALLY = PluginDescriptor.builder("tally")
            .collection(CollectionDefinition.named("counts")).uses(Capability.WORK).build();

    private long count(String key) {
        return records.recordsOf(TALLY).collection("counts").get(key)
                .map(PluginRecord::document).map(d -> ((Number) d.get("n")).longValue()).orElse(0L);
    }

    private static <T> T waitFor(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
        T seen = value.get();
        for (int i = 0; i < 100 && !done.test(seen); i++) {
            Thread.sleep(100);
            seen = value.get();
        }
        return seen;
    }

    private static void publish(String title) {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = ((Number) author.given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", title, "body", "Words.")))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
    }

    @Test
    void anInstalledPluginsTasksRunRecurRetryStopWhenOffAndGoWithIt() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "tally.jar", tallyJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201)
                .body("uses.capabilities", hasItems("RECORDS", "WORK"));
        admin.given().post("/api/admin/plugins/tally/enable").then().statusCode(200).body("running", equalTo(true));
        try {
            publish("Counted " + UUID.randomUUID());
            assertThat(waitFor(() -> count("posts"), n -> n >= 1)).as("the task the event enqueued ran").isEqualTo(1);
            assertThat(waitFor(() -> count("ticks"), n -> n >= 2)).as("recurring work, once a second").isGreaterThanOrEqualTo(2);

            List<Map<String, Object>> failed = waitFor(() -> admin.given().get("/api/admin/plugins/tally/tasks")
                            .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                            .stream().filter(t -> t.get("state").equals("FAILED")).toList(), l -> !l.isEmpty());
            assertThat(failed).singleElement().satisfies(t -> {
                assertThat(t).containsEntry("name", "always-fails").containsEntry("attempts", 2);
                assertThat((String) t.get("lastError")).contains("IllegalStateException: upstream said no");
            });
            Number failedId = (Number) failed.get(0).get("id");
            admin.given().post("/api/admin/plugins/tally/tasks/" + failedId + "/retry").then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.not(equalTo("FAILED")));
            admin.given().post("/api/admin/plugins/tally/tasks/999999/retry").then().statusCode(404)
                    .body("error", containsString("Plugin 'tally' has no failed task 999999"));
            assertThat(count("posts")).as("run once, whatever the retries of other tasks").isEqualTo(1);

            assertThatThrownBy(() -> work.workOf(TALLY).enqueue("nope", "{}"))
                    .hasMessage("Plugin 'tally', task 'nope': the plugin declares no such task; it declares"
                            + " count-post, always-fails, tick");
            assertThatThrownBy(() -> work.workOf(TALLY).enqueue("count-post", "not json"))
                    .hasMessageContaining("Plugin 'tally', task 'count-post': the payload is not JSON");
            assertThatThrownBy(() -> work.workOf(PluginDescriptor.builder("idle").build()))
                    .hasMessageContaining("Plugin 'idle' does not declare the WORK capability");

            admin.given().post("/api/admin/plugins/tally/disable").then().statusCode(200);
            Thread.sleep(600); // a task taken just before may still finish
            long ticksWhenOff = count("ticks");
            Thread.sleep(2500);
            assertThat(count("ticks")).as("no work while the plugin is off").isEqualTo(ticksWhenOff);
        } finally {
            admin.given().delete("/api/admin/plugins/tally?records=delete").then().statusCode(204);
        }
        assertThat(work.tasks("tally")).as("its queue went with it").isEmpty();
    }

    /** Counts published posts in a task per post, ticks every second, and has a task that always fails. */
    private static byte[] tallyJar() {
        return new PluginJarBuilder().source("com.example.Tally", """
                package com.example;

                import java.time.Duration;
                import java.util.List;
                import java.util.Map;
                import org.quire.api.*;
                import org.quire.api.records.*;
                import org.quire.api.work.*;

                public final class Tally implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("tally").name("Tally").version("1.0")
                                .requiredApi("[1.4,2.0)").uses(Capability.WORK)
                                .collection(CollectionDefinition.named("counts")).build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                    }

                    private void increment(String key) {
                        RecordCollection counts = context.records().collection("counts");
                        long n = counts.get(key).map(r -> ((Number) r.document().get("n")).longValue()).orElse(0L);
                        counts.put(key, Map.of("n", n + 1));
                    }

                    @Override
                    public List<TaskDefinition> tasks() {
                        return List.of(
                                TaskDefinition.of("count-post", task -> {
                                    String done = "counted:" + task.payload();
                                    if (!context.work().isDone(done)) {
                                        increment("posts");
                                        context.work().markDone(done);
                                    }
                                }),
                                TaskDefinition.of("always-fails", task -> {
                                    throw new IllegalStateException("upstream said no");
                                }).maxAttempts(2),
                                TaskDefinition.of("tick", task -> increment("ticks")).recurring(Duration.ofSeconds(1)));
                    }

                    @Override
                    public void onEvent(SiteEvent event) {
                        if (event instanceof SiteEvent.PostPublished published) {
                            String id = published.post().id();
                            context.work().enqueue("count-post", "\\"" + id + "\\"", null, "post:" + id);
                            context.work().enqueue("always-fails", "{}", null, "fail:" + id);
                        }
                    }
                }
                """).service("com.example.Tally").build();
    }
}
