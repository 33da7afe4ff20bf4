package org.quire.web.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.publicsite.PageCache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Signals between instances, with the other instance played by rows written straight into the shared table: what
 * this instance drops is written for the others, and what another instance writes is applied here within a poll.
 */
@QuarkusTest
class ClusterSignalsTest {

    @Inject
    PageCache pages;

    @Inject
    ClusterSignals cluster;

    @Inject
    PluginRuntime plugins;

    private static void fromAnotherInstance(ClusterSignals.Kind kind, String payload) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClusterSignal signal = new ClusterSignal();
            signal.kind = kind.name();
            signal.payload = payload;
            signal.origin = "another-instance";
            signal.createdAt = Instant.now();
            signal.persist();
        });
    }

    private static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aPageDroppedHereIsWrittenForTheOtherInstances() {
        pages.invalidatePath("/2017/12/29/somewhere/");

        ClusterSignal sent = QuarkusTransaction.requiringNew().call(() -> ClusterSignal
                .<ClusterSignal>find("origin = ?1 order by id desc", cluster.instance()).firstResult());
        assertThat(sent.kind).isEqualTo("PAGES");
        assertThat(sent.payload).isEqualTo("path\n/2017/12/29/somewhere/");
    }

    @Test
    void pagesAnotherInstanceDropsAreDroppedHereWithinASecond() throws Exception {
        given().get("/").then().statusCode(200);
        given().get("/archive/").then().statusCode(200);
        assertThat(pages.get("/")).isNotNull();

        fromAnotherInstance(ClusterSignals.Kind.PAGES, "path\n/");
        assertThat(within(1500, () -> pages.get("/") == null)).as("the home page dropped").isTrue();
        assertThat(pages.get("/archive/")).as("only what was named").isNotNull();

        fromAnotherInstance(ClusterSignals.Kind.PAGES, "all");
        assertThat(within(1500, () -> pages.size() == 0)).as("every page dropped").isTrue();
    }

    @Test
    void aPluginChangeElsewhereRebuildsThePluginsHere() throws Exception {
        long before = plugins.generation();
        fromAnotherInstance(ClusterSignals.Kind.PLUGINS, "rebuild");
        assertThat(within(2000, () -> plugins.generation() > before)).isTrue();
    }
}
