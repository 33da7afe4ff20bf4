package org.quire.web.plugins.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.PluginRecord;
import org.quire.api.records.RecordCollection;
import org.quire.api.records.RecordConflictException;
import org.quire.api.records.RecordLimitException;
import org.quire.api.records.RecordPage;
import org.quire.api.records.RecordQuery;

/**
 * One collection of a plugin's records in the database. A version is compared and raised in the UPDATE or DELETE
 * itself ({@code where version = expected}), so the database decides which of two concurrent changes wins, on
 * every engine and across instances.
 */
final class StoredCollection implements RecordCollection {

    private static final int LONGEST_KEY = 255;

    private final HostRecords host;
    private final String pluginId;
    private final CollectionDefinition definition;
    private final SlotLayout layout;
    private final int maxRecords;
    private final String where;

    StoredCollection(HostRecords host, String pluginId, CollectionDefinition definition, int hostCeiling) {
        this.host = host;
        this.pluginId = pluginId;
        this.definition = definition;
        this.where = "Plugin '" + pluginId + "', collection '" + definition.name() + "'";
        this.layout = new SlotLayout(where, definition);
        this.maxRecords = Math.min(definition.maxRecords(), hostCeiling);
    }

    SlotLayout layout() {
        return layout;
    }

    @Override
    public CollectionDefinition definition() {
        return definition;
    }

    @Override
    public Optional<PluginRecord> get(String key) {
        checkKey(key);
        return host.transaction(() -> row(key).map(this::record));
    }

    @Override
    public PluginRecord insert(String key, Map<String, ?> document) {
        checkKey(key);
        String text = host.documents().write(where + ", record '" + key + "'", document);
        return host.conflictsAsRefusals(where, key, () -> host.transaction(() -> {
            if (row(key).isPresent()) {
                throw taken(key);
            }
            long held = count(RecordQuery.all());
            if (held >= maxRecords) {
                throw new RecordLimitException(where + " holds " + held + " records, as many as it may ("
                        + (maxRecords == definition.maxRecords() ? "its declared maxRecords"
                        : "quire.plugins.records.max-per-collection") + " is " + maxRecords + ")");
            }
            RecordRow row = new RecordRow();
            row.pluginId = pluginId;
            row.collection = definition.name();
            row.key = key;
            row.document = text;
            row.version = 1;
            row.createdAt = row.updatedAt = host.now();
            layout.fill(row, document, key);
            EntityManager entities = host.entities();
            entities.persist(row);
            entities.flush();
            return record(row);
        }));
    }

    @Override
    public PluginRecord put(String key, Map<String, ?> document) {
        checkKey(key);
        String text = host.documents().write(where + ", record '" + key + "'", document);
        RecordRow slots = new RecordRow();
        layout.fill(slots, document, key);
        // One UPDATE raising whatever version is there, so concurrent puts never conflict; an insert only when
        // there was none, and when another instance inserted it meanwhile, the UPDATE again.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<PluginRecord> updated = host.conflictsAsRefusals(where, key, () -> host.transaction(() -> {
                if (update(key, text, slots, null) == 0) {
                    return Optional.<PluginRecord>empty();
                }
                return row(key).map(this::record);
            }));
            if (updated.isPresent()) {
                return updated.get();
            }
            try {
                return insert(key, document);
            } catch (RecordConflictException insertedMeanwhile) {
                if (host.inBatch()) {
                    throw insertedMeanwhile;
                }
            }
        }
        throw new RecordConflictException(where + ": record '" + key + "' kept being inserted and deleted while"
                + " it was put; try again", OptionalLong.empty());
    }

    /** Changes the row's document and slots, at {@code expectedVersion} or (null) whatever version it is at. */
    private int update(String key, String text, RecordRow slots, Long expectedVersion) {
        EntityManager entities = host.entities();
        jakarta.persistence.Query update = entities.createQuery("update RecordRow r set r.document = :document,"
                        + " r.version = r.version + 1, r.updatedAt = :now, r.s1 = :s1, r.s2 = :s2, r.s3 = :s3,"
                        + " r.s4 = :s4, r.n1 = :n1, r.n2 = :n2, r.t1 = :t1, r.t2 = :t2"
                        + " where r.pluginId = :plugin and r.collection = :collection and r.key = :key"
                        + (expectedVersion == null ? "" : " and r.version = :expected"))
                .setParameter("document", text).setParameter("now", host.now())
                .setParameter("s1", slots.s1).setParameter("s2", slots.s2).setParameter("s3", slots.s3)
                .setParameter("s4", slots.s4).setParameter("n1", slots.n1).setParameter("n2", slots.n2)
                .setParameter("t1", slots.t1).setParameter("t2", slots.t2)
                .setParameter("plugin", pluginId).setParameter("collection", definition.name())
                .setParameter("key", key);
        if (expectedVersion != null) {
            update.setParameter("expected", expectedVersion);
        }
        int changed = update.executeUpdate();
        // The update went past the persistence context: forget what it holds, so a read sees the change.
        entities.clear();
        return changed;
    }

    @Override
    public PluginRecord replace(String key, long expectedVersion, Map<String, ?> document) {
        checkKey(key);
        String text = host.documents().write(where + ", record '" + key + "'", document);
        RecordRow slots = new RecordRow();
        layout.fill(slots, document, key);
        return host.conflictsAsRefusals(where, key, () -> host.transaction(() -> {
            if (update(key, text, slots, expectedVersion) == 0) {
                throw notAt(key, expectedVersion);
            }
            return row(key).map(this::record).orElseThrow();
        }));
    }

    @Override
    public boolean delete(String key) {
        checkKey(key);
        return host.transaction(() -> deleteWhere(key, null) > 0);
    }

    @Override
    public boolean delete(String key, long expectedVersion) {
        checkKey(key);
        return host.conflictsAsRefusals(where, key, () -> host.transaction(() -> {
            if (deleteWhere(key, expectedVersion) > 0) {
                return true;
            }
            if (row(key).isPresent()) {
                throw notAt(key, expectedVersion);
            }
            return false;
        }));
    }

    @Override
    public RecordPage find(RecordQuery query) {
        return host.transaction(() -> {
            long total = count(query);
            TypedQuery<RecordRow> rows = select("select r from RecordRow r", query, true, RecordRow.class)
                    .setFirstResult(query.offset()).setMaxResults(query.limit());
            List<PluginRecord> records = new ArrayList<>();
            rows.getResultList().forEach(row -> records.add(record(row)));
            return new RecordPage(records, total, query.offset());
        });
    }

    @Override
    public long count(RecordQuery query) {
        return host.transaction(() -> select("select count(r) from RecordRow r", query, false, Long.class)
                .getSingleResult());
    }

    private <T> TypedQuery<T> select(String select, RecordQuery query, boolean ordered, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select)
                .append(" where r.pluginId = :plugin and r.collection = :collection");
        List<Object> values = new ArrayList<>();
        for (RecordQuery.Condition condition : query.conditions()) {
            SlotLayout.Slot slot = layout.slot(condition.field());
            values.add(layout.value(slot, condition.value(), "the query"));
            jpql.append(" and r.").append(slot.column()).append(switch (condition.operator()) {
                case EQUALS -> " = ";
                case AT_LEAST -> " >= ";
                case BELOW -> " < ";
            }).append(":v").append(values.size());
        }
        if (ordered) {
            String direction = query.order() == RecordQuery.Order.ASCENDING ? " asc" : " desc";
            jpql.append(" order by ");
            if (query.orderField() != null) {
                // Records without the field come last either way, as the API promises, on every engine.
                jpql.append("r.").append(layout.slot(query.orderField()).column()).append(direction)
                        .append(" nulls last, ");
            }
            jpql.append("r.key").append(direction);
        }
        TypedQuery<T> typed = host.entities().createQuery(jpql.toString(), type)
                .setParameter("plugin", pluginId).setParameter("collection", definition.name());
        for (int i = 0; i < values.size(); i++) {
            typed.setParameter("v" + (i + 1), values.get(i));
        }
        return typed;
    }

    private int deleteWhere(String key, Long expectedVersion) {
        EntityManager entities = host.entities();
        jakarta.persistence.Query delete = entities.createQuery("delete from RecordRow r where r.pluginId = :plugin"
                        + " and r.collection = :collection and r.key = :key"
                        + (expectedVersion == null ? "" : " and r.version = :expected"))
                .setParameter("plugin", pluginId).setParameter("collection", definition.name())
                .setParameter("key", key);
        if (expectedVersion != null) {
            delete.setParameter("expected", expectedVersion);
        }
        int deleted = delete.executeUpdate();
        entities.clear();
        return deleted;
    }

    private Optional<RecordRow> row(String key) {
        return host.entities().createQuery("select r from RecordRow r where r.pluginId = :plugin"
                        + " and r.collection = :collection and r.key = :key", RecordRow.class)
                .setParameter("plugin", pluginId).setParameter("collection", definition.name())
                .setParameter("key", key).getResultStream().findFirst();
    }

    private PluginRecord record(RecordRow row) {
        return new PluginRecord(definition.name(), row.key, host.documents().read(row.document), row.version,
                row.createdAt, row.updatedAt);
    }

    private RecordConflictException taken(String key) {
        OptionalLong version = row(key).map(r -> OptionalLong.of(r.version)).orElse(OptionalLong.empty());
        return new RecordConflictException(where + ": record '" + key + "' exists already"
                + (version.isPresent() ? " (version " + version.getAsLong() + ")" : ""), version);
    }

    private RecordConflictException notAt(String key, long expectedVersion) {
        Optional<RecordRow> now = row(key);
        return new RecordConflictException(where + ": record '" + key + "' is "
                + now.map(r -> "at version " + r.version).orElse("gone") + ", not at version " + expectedVersion
                + " as expected: it changed since it was read", now.map(r -> OptionalLong.of(r.version))
                .orElse(OptionalLong.empty()));
    }

    private void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(where + ": a record's key must not be empty");
        }
        if (key.length() > LONGEST_KEY) {
            throw new RecordLimitException(where + ": a key of " + key.length() + " characters is too long; keys"
                    + " hold at most " + LONGEST_KEY);
        }
    }
}
