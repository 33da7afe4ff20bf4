package org.quire.web.plugins.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.PluginDescriptor;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.PluginRecord;
import org.quire.api.records.PluginRecords;
import org.quire.api.records.RecordCollection;
import org.quire.api.records.RecordConflictException;
import org.quire.api.records.RecordLimitException;
import org.quire.api.records.RecordPage;
import org.quire.api.records.RecordQuery;
import org.quire.api.records.RecordQuery.Order;
import org.quire.web.DatabaseTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Plugin records on the database the run uses (H2 here; PostgreSQL and MariaDB in the integration profile):
 * versions that make one of two concurrent changes lose, queries by indexed fields with paging, limits refused
 * naming the plugin and collection, batches that commit together, and documents indexed again when a plugin
 * declares other fields.
 */
@QuarkusTest
class HostRecordsTest extends DatabaseTest {

    @Inject
    HostRecords host;

    private static final CollectionDefinition REACTIONS = CollectionDefinition.named("reactions")
            .indexString("post").indexTime("at").indexNumber("stars");

    private static PluginDescriptor plugin(CollectionDefinition... collections) {
        PluginDescriptor.Builder builder = PluginDescriptor.builder("rx-" + UUID.randomUUID().toString()
                .substring(0, 8));
        for (CollectionDefinition collection : collections) {
            builder.collection(collection);
        }
        return builder.build();
    }

    private RecordCollection reactions(PluginDescriptor plugin) {
        host.indexAsDeclared(plugin);
        return host.recordsOf(plugin).collection("reactions");
    }

    private static Map<String, Object> doc(Object... pairs) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            document.put((String) pairs[i], pairs[i + 1]);
        }
        return document;
    }

    @Test
    void aRecordIsInsertedReadReplacedAtItsVersionAndDeleted() {
        RecordCollection reactions = reactions(plugin(REACTIONS));
        PluginRecord first = reactions.insert("r1", doc("post", "p1", "stars", 4, "tags", List.of("a", "b"),
                "by", Map.of("name", "Ann")));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.createdAt()).isEqualTo(first.updatedAt());
        assertThat(reactions.get("r1").orElseThrow().document())
                .isEqualTo(doc("post", "p1", "stars", 4, "tags", List.of("a", "b"), "by", Map.of("name", "Ann")));
        assertThatThrownBy(() -> reactions.insert("r1", doc()))
                .isInstanceOf(RecordConflictException.class)
                .hasMessageContaining("collection 'reactions': record 'r1' exists already (version 1)");

        PluginRecord second = reactions.replace("r1", 1, doc("post", "p1", "stars", 5));
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        RecordConflictException stale = org.junit.jupiter.api.Assertions.assertThrows(RecordConflictException.class,
                () -> reactions.replace("r1", 1, doc("stars", 1)));
        assertThat(stale).hasMessageContaining("record 'r1' is at version 2, not at version 1 as expected");
        assertThat(stale.currentVersion()).hasValue(2);
        assertThat(reactions.get("r1").orElseThrow().document()).containsEntry("stars", 5);

        assertThat(reactions.put("r1", doc("stars", 3)).version()).isEqualTo(3);
        assertThat(reactions.put("r2", doc("stars", 2)).version()).isEqualTo(1);
        assertThatThrownBy(() -> reactions.delete("r1", 2)).isInstanceOf(RecordConflictException.class);
        assertThat(reactions.get("r1")).isPresent();
        assertThat(reactions.delete("r1", 3)).isTrue();
        assertThat(reactions.delete("r1")).isFalse();
        assertThat(reactions.delete("r2")).isTrue();
        assertThat(reactions.get("r2")).isEmpty();
        assertThatThrownBy(() -> reactions.replace("r2", 1, doc()))
                .isInstanceOf(RecordConflictException.class).hasMessageContaining("record 'r2' is gone");
    }

    @Test
    void ofConcurrentChangesFromOneVersionExactlyOneWins() throws Exception {
        RecordCollection reactions = reactions(plugin(REACTIONS));
        reactions.insert("count", doc("stars", 0));
        int writers = 6;
        List<String> replaced = race(writers, i -> reactions.replace("count", 1, doc("stars", i)).version() + "");
        assertThat(replaced).as("outcomes").filteredOn(o -> o.equals("2")).hasSize(1);
        assertThat(replaced).filteredOn(o -> o.startsWith("conflict")).hasSize(writers - 1);
        assertThat(reactions.get("count").orElseThrow().version()).isEqualTo(2);

        List<String> inserted = race(writers, i -> reactions.insert("new", doc("stars", i)).version() + "");
        assertThat(inserted).filteredOn(o -> o.equals("1")).hasSize(1);
        assertThat(inserted).filteredOn(o -> o.startsWith("conflict")).hasSize(writers - 1);

        // put retries past a conflict: every one of them lands, one version after another.
        List<String> put = race(writers, i -> reactions.put("counter", doc("stars", i)).version() + "");
        assertThat(put).doesNotContain("conflict").containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
    }

    /** Runs the change on as many threads at once; each outcome is what it returned or "conflict: …". */
    private static List<String> race(int threads, java.util.function.IntFunction<String> change) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<String> task = () -> {
                    start.await();
                    try {
                        return change.apply(n);
                    } catch (RecordConflictException e) {
                        return "conflict: " + e.getMessage();
                    }
                };
                outcomes.add(pool.submit(task));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordsAreFoundByIndexedFieldsInOrderAPageAtATime() {
        RecordCollection reactions = reactions(plugin(REACTIONS));
        Instant base = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            reactions.insert(String.format("k%02d", i), doc("post", i % 3 == 0 ? "p-a" : "p-b",
                    "at", base.plusSeconds(3600L * i).toString(), "stars", i % 5));
        }
        reactions.insert("no-time", doc("post", "p-a"));
        reactions.insert("upper", doc("post", "P-A", "at", base.toString()));

        RecordQuery ofA = RecordQuery.all().where("post", "p-a");
        assertThat(reactions.count(ofA)).as("equality is exact: P-A is another post").isEqualTo(11);
        RecordPage newest = reactions.find(ofA.orderBy("at", Order.NEWEST_FIRST).limit(4));
        assertThat(keys(newest)).containsExactly("k27", "k24", "k21", "k18");
        assertThat(newest.total()).isEqualTo(11);
        assertThat(newest.hasMore()).isTrue();
        RecordPage last = reactions.find(ofA.orderBy("at", Order.NEWEST_FIRST).limit(4).offset(8));
        assertThat(keys(last)).as("a record without the field comes last").containsExactly("k03", "k00", "no-time");
        assertThat(last.hasMore()).isFalse();
        assertThat(keys(reactions.find(ofA.orderBy("at", Order.OLDEST_FIRST).limit(2))))
                .containsExactly("k00", "k03");

        RecordQuery window = RecordQuery.all().from("at", base.plusSeconds(3600 * 10))
                .before("at", Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(keys(reactions.find(window))).containsExactly("k10", "k11", "k12", "k13", "k14");
        assertThat(keys(reactions.find(RecordQuery.all().where("stars", 4).from("stars", 0.5)
                .orderByKey(Order.DESCENDING)))).containsExactly("k29", "k24", "k19", "k14", "k09", "k04");
        assertThat(reactions.count(RecordQuery.all())).isEqualTo(32);

        assertThatThrownBy(() -> reactions.find(RecordQuery.all().where("author", "ann")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collection 'reactions' indexes no field 'author'; it indexes post, stars, at");
        assertThatThrownBy(() -> reactions.find(RecordQuery.all().where("stars", "many")))
                .hasMessageContaining("the query: field 'stars' is indexed as number but holds the text 'many'");
    }

    private static List<String> keys(RecordPage page) {
        return page.records().stream().map(PluginRecord::key).toList();
    }

    @Test
    void whatPassesALimitOrIsNoJsonValueIsRefusedNamingThePluginAndCollection() {
        PluginDescriptor plugin = plugin(REACTIONS, CollectionDefinition.named("small").maxRecords(2));
        host.indexAsDeclared(plugin);
        PluginRecords records = host.recordsOf(plugin);
        RecordCollection reactions = records.collection("reactions");
        String where = "Plugin '" + plugin.id() + "', collection 'reactions'";

        assertThatThrownBy(() -> reactions.insert("big", doc("text", "x".repeat(70_000))))
                .isInstanceOf(RecordLimitException.class)
                .hasMessage(where + ", record 'big': the document is 70011 bytes of JSON; a record holds at most"
                        + " 65536 (quire.plugins.records.max-document-bytes)");
        assertThatThrownBy(() -> reactions.insert("long", doc("post", "p".repeat(256))))
                .isInstanceOf(RecordLimitException.class)
                .hasMessage(where + ", record 'long': field 'post' holds 256 characters; an indexed string holds at"
                        + " most 255");
        assertThatThrownBy(() -> reactions.insert("k".repeat(256), doc()))
                .isInstanceOf(RecordLimitException.class).hasMessageContaining("keys hold at most 255");
        assertThatThrownBy(() -> reactions.insert("typed", doc("stars", "five")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(where + ", record 'typed': field 'stars' is indexed as number but holds the text 'five'");
        assertThatThrownBy(() -> reactions.insert("time", doc("at", "yesterday")))
                .hasMessageContaining("field 'at' is indexed as time but holds 'yesterday', which is not an ISO-8601"
                        + " time");
        assertThatThrownBy(() -> reactions.insert("instant", doc("when", Map.of("start", Instant.EPOCH))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'when.start' holds a java.time.Instant; a document holds JSON values only");
        assertThat(reactions.count(RecordQuery.all())).as("nothing refused was stored").isZero();

        RecordCollection small = records.collection("small");
        small.insert("one", doc());
        small.insert("two", doc());
        assertThatThrownBy(() -> small.insert("three", doc()))
                .isInstanceOf(RecordLimitException.class)
                .hasMessage("Plugin '" + plugin.id() + "', collection 'small' holds 2 records, as many as it may"
                        + " (its declared maxRecords is 2)");
        assertThat(small.put("two", doc("again", true)).version()).as("a change within the limit").isEqualTo(2);

        assertThatThrownBy(() -> records.collection("comments"))
                .hasMessage("Plugin '" + plugin.id() + "' declares no collection 'comments'; it declares reactions,"
                        + " small");
        assertThatThrownBy(() -> host.recordsOf(PluginDescriptor.builder("no-records").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Plugin 'no-records' declares no collection of records");
    }

    @Test
    void aBatchCommitsTogetherOrNotAtAll() {
        PluginDescriptor plugin = plugin(REACTIONS);
        RecordCollection reactions = reactions(plugin);
        PluginRecords records = host.recordsOf(plugin);
        assertThatThrownBy(() -> records.inOneTransaction(batch -> {
            batch.collection("reactions").insert("a", doc("stars", 1));
            batch.collection("reactions").insert("b", doc("stars", 2));
            throw new IllegalStateException("the plugin changed its mind");
        })).hasMessage("the plugin changed its mind");
        assertThat(reactions.count(RecordQuery.all())).isZero();

        int stored = records.inOneTransaction(batch -> {
            RecordCollection inBatch = batch.collection("reactions");
            inBatch.insert("a", doc("stars", 1));
            inBatch.replace("a", 1, doc("stars", 2));
            inBatch.insert("b", doc("stars", 3));
            return (int) inBatch.count(RecordQuery.all().from("stars", 2));
        });
        assertThat(stored).isEqualTo(2);
        assertThat(reactions.get("a").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aPluginThatIndexesOtherFieldsHasItsDocumentsIndexedAgainAtItsNextStart() {
        PluginDescriptor before = plugin(CollectionDefinition.named("reactions").indexString("post"));
        RecordCollection old = reactions(before);
        old.insert("r1", doc("post", "p1", "author", "ann", "stars", 3));
        old.insert("r2", doc("post", "p2", "author", "bob", "stars", "many"));

        PluginDescriptor after = PluginDescriptor.builder(before.id()).collection(CollectionDefinition
                .named("reactions").indexString("author").indexString("post").indexNumber("stars")).build();
        RecordCollection now = reactions(after);
        assertThat(keys(now.find(RecordQuery.all().where("author", "bob")))).containsExactly("r2");
        assertThat(keys(now.find(RecordQuery.all().where("post", "p1")))).containsExactly("r1");
        assertThat(keys(now.find(RecordQuery.all().from("stars", 1)))).as("'many' is not a number").containsExactly("r1");
        assertThat(now.get("r1").orElseThrow().version()).as("the document did not change").isEqualTo(1);

        assertThat(host.counts(before.id())).containsExactly(Map.entry("reactions", 2L));
        assertThat(host.deleteAll(before.id())).isEqualTo(2);
        assertThat(host.counts(before.id())).isEmpty();
    }
}
