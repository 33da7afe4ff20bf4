package org.quire.web.plugins.records;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Which indexed field of a plugin's collection fills which slot of its rows, as last indexed. */
@Entity
@Table(name = "plugin_collection")
@IdClass(CollectionSlots.Key.class)
public class CollectionSlots {

    @Id
    @Column(name = "plugin_id", length = 64)
    public String pluginId;

    @Id
    @Column(name = "collection_name", length = 64)
    public String collection;

    /** {@link SlotLayout#signature()}. */
    @Column(nullable = false, length = 2000)
    public String slots;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String pluginId;
        public String collection;

        public Key() {
        }

        public Key(String pluginId, String collection) {
            this.pluginId = pluginId;
            this.collection = collection;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.pluginId.equals(pluginId) && key.collection.equals(collection);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pluginId, collection);
        }
    }
}
