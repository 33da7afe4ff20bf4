package org.quire.web.plugins.records;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.PluginRecords;
import org.quire.api.records.RecordCollection;
import org.quire.api.records.RecordConflictException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The host's plugin records (API 1.4): every plugin's collections in one table of the site's database, one
 * transaction per call unless the plugin asks for one around several. What a call commits is in the database, so
 * every instance reads it at once; nothing is cached here.
 */
@ApplicationScoped
public class HostRecords {

    private static final Logger LOG = Logger.getLogger(HostRecords.class);
    /** Rows indexed again per transaction when a collection's indexed fields change. */
    private static final int REINDEX_PAGE = 500;

    /** Set while a plugin's {@link PluginRecords#inOneTransaction} runs on this thread: its calls join it. */
    private static final ThreadLocal<Boolean> IN_BATCH = ThreadLocal.withInitial(() -> false);

    @Inject
    EntityManager entities;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quire.plugins.records.max-document-bytes", defaultValue = "65536")
    int maxDocumentBytes;

    @ConfigProperty(name = "quire.plugins.records.max-per-collection", defaultValue = "1000000")
    int maxPerCollection;

    private volatile Documents documents;

    /** The records service of one plugin, refusing it when the plugin declared no collection. */
    public PluginRecords recordsOf(PluginDescriptor descriptor) {
        if (!descriptor.uses(Capability.RECORDS)) {
            throw new IllegalStateException("Plugin '" + descriptor.id() + "' declares no collection of records:"
                    + " declare each in its descriptor (PluginDescriptor.Builder#collection) to use records()");
        }
        Map<String, RecordCollection> collections = new LinkedHashMap<>();
        for (CollectionDefinition definition : descriptor.collections()) {
            collections.put(definition.name(), new StoredCollection(this, descriptor.id(), definition,
                    maxPerCollection));
        }
        return new PluginRecords() {
            @Override
            public RecordCollection collection(String name) {
                RecordCollection collection = collections.get(name);
                if (collection == null) {
                    throw new IllegalArgumentException("Plugin '" + descriptor.id() + "' declares no collection '"
                            + name + "'" + (collections.isEmpty() ? "" : "; it declares "
                            + String.join(", ", collections.keySet())));
                }
                return collection;
            }

            @Override
            public <T> T inOneTransaction(Function<PluginRecords, T> work) {
                if (IN_BATCH.get()) {
                    return work.apply(this);
                }
                IN_BATCH.set(true);
                try {
                    return QuarkusTransaction.requiringNew().call(() -> work.apply(this));
                } finally {
                    IN_BATCH.remove();
                }
            }
        };
    }

    /**
     * Before a plugin starts: a collection whose indexed fields differ from those its rows were indexed by has its
     * documents indexed again, a page at a time.
     */
    public void indexAsDeclared(PluginDescriptor descriptor) {
        for (CollectionDefinition definition : descriptor.collections()) {
            StoredCollection collection = new StoredCollection(this, descriptor.id(), definition, maxPerCollection);
            String signature = collection.layout().signature();
            CollectionSlots known = QuarkusTransaction.requiringNew().call(() -> entities.find(CollectionSlots.class,
                    new CollectionSlots.Key(descriptor.id(), definition.name())));
            if (known != null && known.slots.equals(signature)) {
                continue;
            }
            long[] counts = reindex(descriptor.id(), definition.name(), collection.layout());
            QuarkusTransaction.requiringNew().run(() -> {
                CollectionSlots slots = entities.find(CollectionSlots.class,
                        new CollectionSlots.Key(descriptor.id(), definition.name()));
                boolean first = slots == null;
                if (first) {
                    slots = new CollectionSlots();
                    slots.pluginId = descriptor.id();
                    slots.collection = definition.name();
                }
                slots.slots = signature;
                slots.updatedAt = now();
                if (first) {
                    entities.persist(slots);
                }
            });
            if (counts[0] > 0) {
                LOG.infof("Plugin %s, collection %s: %d records indexed again by its declared fields (%s)%s",
                        descriptor.id(), definition.name(), counts[0], signature.isEmpty() ? "none" : signature,
                        counts[1] == 0 ? "" : "; " + counts[1] + " values did not fit their declared type and"
                                + " are not indexed");
            }
        }
    }

    private long[] reindex(String pluginId, String collection, SlotLayout layout) {
        long done = 0;
        long unfit = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<RecordRow> rows = QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                            "select r from RecordRow r where r.pluginId = :plugin and r.collection = :collection"
                                    + " and r.id > :after order by r.id", RecordRow.class)
                    .setParameter("plugin", pluginId).setParameter("collection", collection)
                    .setParameter("after", from).setMaxResults(REINDEX_PAGE).getResultList());
            if (rows.isEmpty()) {
                return new long[] {done, unfit};
            }
            long[] pageUnfit = {0};
            QuarkusTransaction.requiringNew().run(() -> {
                for (RecordRow row : rows) {
                    RecordRow slots = new RecordRow();
                    pageUnfit[0] += layout.refill(slots, documents().read(row.document));
                    // Only the slots: the document and its version are as they were.
                    entities.createQuery("update RecordRow r set r.s1 = :s1, r.s2 = :s2, r.s3 = :s3, r.s4 = :s4,"
                                    + " r.n1 = :n1, r.n2 = :n2, r.t1 = :t1, r.t2 = :t2 where r.id = :id")
                            .setParameter("s1", slots.s1).setParameter("s2", slots.s2).setParameter("s3", slots.s3)
                            .setParameter("s4", slots.s4).setParameter("n1", slots.n1).setParameter("n2", slots.n2)
                            .setParameter("t1", slots.t1).setParameter("t2", slots.t2).setParameter("id", row.id)
                            .executeUpdate();
                }
            });
            done += rows.size();
            unfit += pageUnfit[0];
            after = rows.get(rows.size() - 1).id;
        }
    }

    /** How many records each collection of the plugin holds, kept or not declared any more included. */
    public Map<String, Long> counts(String pluginId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        QuarkusTransaction.joiningExisting().call(() -> entities.createQuery("select r.collection, count(r) from"
                                + " RecordRow r where r.pluginId = :plugin group by r.collection order by r.collection",
                        Object[].class)
                .setParameter("plugin", pluginId).getResultList())
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** Deletes every record of the plugin (when it is removed and the administrator says so); the count. */
    public long deleteAll(String pluginId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int deleted = entities.createQuery("delete from RecordRow r where r.pluginId = :plugin")
                    .setParameter("plugin", pluginId).executeUpdate();
            entities.createQuery("delete from CollectionSlots c where c.pluginId = :plugin")
                    .setParameter("plugin", pluginId).executeUpdate();
            return (long) deleted;
        });
    }

    <T> T transaction(Supplier<T> work) {
        return IN_BATCH.get() ? work.get() : QuarkusTransaction.requiringNew().call(work::get);
    }

    boolean inBatch() {
        return IN_BATCH.get();
    }

    /**
     * Runs a change, turning what the database says when another transaction got there first (a unique key, a
     * lock it waited for too long) into the conflict the API promises.
     */
    <T> T conflictsAsRefusals(String where, String key, Supplier<T> change) {
        try {
            return change.get();
        } catch (RecordConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RecordConflictException conflict) {
                    throw conflict;
                }
                if (cause instanceof org.hibernate.exception.ConstraintViolationException
                        || cause instanceof org.hibernate.exception.LockAcquisitionException
                        || cause instanceof org.hibernate.PessimisticLockException
                        || cause instanceof jakarta.persistence.PessimisticLockException
                        || cause instanceof jakarta.persistence.LockTimeoutException) {
                    throw new RecordConflictException(where + ": record '" + key + "' was changed by another"
                            + " transaction at the same time; read it again", OptionalLong.empty());
                }
            }
            throw e;
        }
    }

    EntityManager entities() {
        return entities;
    }

    Documents documents() {
        Documents known = documents;
        if (known == null) {
            known = documents = new Documents(json, maxDocumentBytes);
        }
        return known;
    }

    /** To the microsecond: what every engine's timestamp column keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
