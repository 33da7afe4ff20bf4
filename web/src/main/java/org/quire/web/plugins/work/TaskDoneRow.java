package org.quire.web.plugins.work;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A plugin's mark that the effect named by a key happened, so a task run again skips it. */
@Entity
@Table(name = "plugin_task_done")
@IdClass(TaskDoneRow.Key.class)
public class TaskDoneRow {

    @Id
    @Column(name = "plugin_id", length = 64)
    public String pluginId;

    @Id
    @Column(name = "done_key", length = 255)
    public String key;

    @Column(name = "done_at", nullable = false)
    public Instant doneAt;

    public static class Key implements Serializable {
        public String pluginId;
        public String key;

        public Key() {
        }

        public Key(String pluginId, String key) {
            this.pluginId = pluginId;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && that.pluginId.equals(pluginId) && that.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pluginId, key);
        }
    }
}
