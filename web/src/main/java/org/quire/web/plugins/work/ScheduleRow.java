package org.quire.web.plugins.work;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** When a plugin's recurring work is next due, across all instances. */
@Entity
@Table(name = "plugin_schedule")
@IdClass(ScheduleRow.Key.class)
public class ScheduleRow {

    @Id
    @Column(name = "plugin_id", length = 64)
    public String pluginId;

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "next_run_at", nullable = false)
    public Instant nextRunAt;

    public static class Key implements Serializable {
        public String pluginId;
        public String name;

        public Key() {
        }

        public Key(String pluginId, String name) {
            this.pluginId = pluginId;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && that.pluginId.equals(pluginId) && that.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pluginId, name);
        }
    }
}
