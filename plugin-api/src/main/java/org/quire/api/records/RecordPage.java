package org.quire.api.records;

import java.util.List;

/**
 * One page of the records a {@link RecordQuery} finds. Since API 1.4.
 *
 * @param records the records, in the query's order
 * @param total   how many records the query finds in all pages
 * @param offset  how many came before this page
 */
public record RecordPage(List<PluginRecord> records, long total, int offset) {

    public RecordPage {
        records = List.copyOf(records);
    }

    /** Whether a further page holds more. */
    public boolean hasMore() {
        return offset + records.size() < total;
    }
}
