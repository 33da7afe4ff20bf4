package org.quire.api.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which records of a collection to find, in which order, and which page of them: conditions on indexed fields
 * (all must hold), an order by one indexed field or by key, an offset and a limit. Immutable; each method returns
 * a new query. Values are a {@code String} for a {@link FieldType#STRING} field, a {@code Number} for a
 * {@link FieldType#NUMBER} field and a {@code java.time.Instant} (or ISO-8601 text) for a {@link FieldType#TIME}
 * field. Since API 1.4.
 *
 * <pre>{@code
 * RecordPage page = records.collection("reactions").find(RecordQuery.all()
 *         .where("post", postId).from("at", since).orderBy("at", Order.NEWEST_FIRST).limit(20));
 * }</pre>
 */
public final class RecordQuery {

    /** The most records one page may hold. */
    public static final int LARGEST_PAGE = 1000;
    /** The page size of a query that does not say. */
    public static final int DEFAULT_PAGE = 100;

    /** An ordering: ascending (oldest, smallest, A first) or descending. */
    public enum Order {
        ASCENDING, DESCENDING;

        /** For time fields: the same as {@link #DESCENDING}. */
        public static final Order NEWEST_FIRST = DESCENDING;
        /** For time fields: the same as {@link #ASCENDING}. */
        public static final Order OLDEST_FIRST = ASCENDING;
    }

    /** A condition on an indexed field. */
    public record Condition(String field, Operator operator, Object value) {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, () -> "the value compared with field '" + field + "'");
        }
    }

    public enum Operator {
        /** Equal to the value. */
        EQUALS,
        /** At least the value. */
        AT_LEAST,
        /** Less than the value. */
        BELOW
    }

    private final List<Condition> conditions;
    private final String orderField;
    private final Order order;
    private final int offset;
    private final int limit;

    private RecordQuery(List<Condition> conditions, String orderField, Order order, int offset, int limit) {
        this.conditions = List.copyOf(conditions);
        this.orderField = orderField;
        this.order = order;
        this.offset = offset;
        this.limit = limit;
    }

    /** Every record, by key, the first {@link #DEFAULT_PAGE}. */
    public static RecordQuery all() {
        return new RecordQuery(List.of(), null, Order.ASCENDING, 0, DEFAULT_PAGE);
    }

    /** Only records whose field equals the value. */
    public RecordQuery where(String field, Object value) {
        return with(new Condition(field, Operator.EQUALS, value));
    }

    /** Only records whose field is at least the value (inclusive). */
    public RecordQuery from(String field, Object value) {
        return with(new Condition(field, Operator.AT_LEAST, value));
    }

    /** Only records whose field is below the value (exclusive). */
    public RecordQuery before(String field, Object value) {
        return with(new Condition(field, Operator.BELOW, value));
    }

    /** Ordered by an indexed field, ties by key; without it, records come by key. */
    public RecordQuery orderBy(String field, Order direction) {
        return new RecordQuery(conditions, Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(direction, "order"), offset, limit);
    }

    /** Ordered by key only. */
    public RecordQuery orderByKey(Order direction) {
        return new RecordQuery(conditions, null, Objects.requireNonNull(direction, "order"), offset, limit);
    }

    /** Skips this many records of the order (for the next page: the previous offset plus its size). */
    public RecordQuery offset(int skipped) {
        if (skipped < 0) {
            throw new IllegalArgumentException("A query's offset must not be negative: " + skipped);
        }
        return new RecordQuery(conditions, orderField, order, skipped, limit);
    }

    /** At most this many records, 1 to {@link #LARGEST_PAGE}. */
    public RecordQuery limit(int most) {
        if (most < 1 || most > LARGEST_PAGE) {
            throw new IllegalArgumentException("A query's limit must be 1 to " + LARGEST_PAGE + ", not " + most);
        }
        return new RecordQuery(conditions, orderField, order, offset, most);
    }

    public List<Condition> conditions() {
        return conditions;
    }

    /** The indexed field the records are ordered by; null: by key. */
    public String orderField() {
        return orderField;
    }

    public Order order() {
        return order;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }

    private RecordQuery with(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new RecordQuery(more, orderField, order, offset, limit);
    }

    @Override
    public String toString() {
        return "RecordQuery" + conditions + " order by " + (orderField == null ? "key" : orderField) + " " + order
                + ", offset " + offset + ", limit " + limit;
    }
}
