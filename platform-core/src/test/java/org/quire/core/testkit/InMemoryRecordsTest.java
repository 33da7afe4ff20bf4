package org.quire.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.PluginRecord;
import org.quire.api.records.RecordCollection;
import org.quire.api.records.RecordConflictException;
import org.quire.api.records.RecordLimitException;
import org.quire.api.records.RecordQuery;
import org.quire.api.records.RecordQuery.Order;

/** The test kit's records keep the host's rules, so a plugin's tests without Quarkus mean what they say. */
class InMemoryRecordsTest {

    private final TestHost host = new TestHost();
    private final PluginDescriptor guestbook = PluginDescriptor.builder("guestbook")
            .collection(CollectionDefinition.named("entries").indexString("post").indexTime("at").maxRecords(5))
            .build();

    private RecordCollection entries() {
        PluginContext context = host.contextFor(guestbook, getClass().getClassLoader());
        return context.records().collection("entries");
    }

    @Test
    void versionsConflictsAndLimitsAreTheHosts() {
        RecordCollection entries = entries();
        PluginRecord first = entries.insert("e1", Map.of("post", "p1", "text", "Hello"));
        assertThat(first.version()).isEqualTo(1);
        assertThatThrownBy(() -> entries.insert("e1", Map.of())).isInstanceOf(RecordConflictException.class);
        assertThat(entries.replace("e1", 1, Map.of("post", "p1", "text", "Hi")).version()).isEqualTo(2);
        assertThatThrownBy(() -> entries.replace("e1", 1, Map.of())).isInstanceOf(RecordConflictException.class)
                .hasMessageContaining("record 'e1' is at version 2, not at version 1");
        assertThat(entries().get("e1").orElseThrow().document()).as("kept across contexts, as in the database")
                .containsEntry("text", "Hi");
        assertThatThrownBy(() -> entries.insert("e2", Map.of("post", 7))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'post' is indexed as string");
        assertThatThrownBy(() -> entries.insert("e2", Map.of("at", Instant.EPOCH.toString(), "x", new Object())))
                .hasMessageContaining("field 'x' holds a java.lang.Object; a document holds JSON values only");
        for (int i = 2; i <= 5; i++) {
            entries.insert("e" + i, Map.of());
        }
        assertThatThrownBy(() -> entries.insert("e6", Map.of())).isInstanceOf(RecordLimitException.class)
                .hasMessageContaining("collection 'entries' holds 5 records");
        assertThatThrownBy(() -> host.contextFor(PluginDescriptor.builder("plain").build(), null).records())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void queriesOrderByFieldWithRecordsLackingItLastThenByKey() {
        RecordCollection entries = entries();
        entries.insert("a", Map.of("post", "p", "at", "2026-12-01T10:00:00Z"));
        entries.insert("b", Map.of("post", "p"));
        entries.insert("c", Map.of("post", "p", "at", "2026-12-02T10:00:00+01:00"));
        entries.insert("d", Map.of("post", "q", "at", "2026-12-03T10:00:00Z"));
        RecordQuery ofP = RecordQuery.all().where("post", "p");
        assertThat(keys(entries.find(ofP.orderBy("at", Order.NEWEST_FIRST)).records())).containsExactly("c", "a", "b");
        assertThat(keys(entries.find(ofP.orderBy("at", Order.OLDEST_FIRST)).records())).containsExactly("a", "c", "b");
        assertThat(keys(entries.find(RecordQuery.all().from("at", Instant.parse("2026-12-02T00:00:00Z"))
                .orderByKey(Order.DESCENDING)).records())).containsExactly("d", "c");
        assertThat(entries.find(ofP.limit(2).offset(1)).hasMore()).isFalse();
        assertThat(entries.count(ofP)).isEqualTo(3);
    }

    @Test
    void aBatchThatThrowsLeavesNothing() {
        RecordCollection entries = entries();
        PluginContext context = host.contextFor(guestbook, getClass().getClassLoader());
        assertThatThrownBy(() -> context.records().inOneTransaction(batch -> {
            batch.collection("entries").insert("x", Map.of());
            throw new IllegalStateException("no");
        })).hasMessage("no");
        assertThat(entries.get("x")).isEmpty();
        assertThat(host.records("guestbook")).isPresent();
    }

    private static List<String> keys(List<PluginRecord> records) {
        return records.stream().map(PluginRecord::key).toList();
    }
}
