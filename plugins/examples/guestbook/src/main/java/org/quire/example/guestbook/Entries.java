package org.quire.example.guestbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.quire.api.PluginContext;
import org.quire.api.records.PluginRecord;
import org.quire.api.records.RecordQuery;

/** The signatures, as records of the plugin's {@code entries} collection, indexed by when they were written. */
final class Entries {

    static final String COLLECTION = "entries";
    static final int SHOWN = 50;

    /** One signature as the page and the summary show it. */
    record Entry(String key, String name, String message, Instant at) {

        static Entry of(PluginRecord record) {
            Map<String, Object> document = record.document();
            return new Entry(record.key(), (String) document.get("name"), (String) document.get("message"),
                    Instant.parse((String) document.get("at")));
        }
    }

    private final PluginContext context;

    Entries(PluginContext context) {
        this.context = context;
    }

    /**
     * Keeps a signature and tells plugins that hear {@code guestbook.signed}, in one transaction (an event is never
     * announced for an entry that was not kept, nor an entry kept unannounced); the page shows it from then on.
     */
    Entry sign(String name, String message, Instant at) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", name);
        document.put("message", message);
        document.put("at", at.toString());
        Entry entry = context.records().inOneTransaction(records -> {
            Entry kept = Entry.of(records.collection(COLLECTION).insert(UUID.randomUUID().toString(), document));
            context.events().publish("guestbook.signed", "{\"entry\":" + Json.string(kept.key()) + ",\"name\":"
                    + Json.string(kept.name()) + ",\"at\":" + Json.string(kept.at().toString()) + "}");
            return kept;
        });
        context.cache().invalidatePath("/guestbook/");
        return entry;
    }

    List<Entry> latest(int most) {
        return context.records().collection(COLLECTION)
                .find(RecordQuery.all().orderBy("at", RecordQuery.Order.DESCENDING).limit(most))
                .records().stream().map(Entry::of).toList();
    }

    /** Those written from {@code since} (inclusive) to {@code until} (exclusive), oldest first. */
    List<Entry> between(Instant since, Instant until, int most) {
        return context.records().collection(COLLECTION)
                .find(RecordQuery.all().from("at", since).before("at", until)
                        .orderBy("at", RecordQuery.Order.ASCENDING).limit(most))
                .records().stream().map(Entry::of).toList();
    }

    long countBetween(Instant since, Instant until) {
        return context.records().collection(COLLECTION).count(RecordQuery.all().from("at", since).before("at", until));
    }
}
