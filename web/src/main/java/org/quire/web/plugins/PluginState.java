package org.quire.web.plugins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Whether a plugin is enabled and its settings (a JSON object of key to text), by plugin id. */
@Entity
@Table(name = "plugin_state")
public class PluginState extends PanacheEntityBase {

    @Id
    @Column(name = "plugin_id")
    public String pluginId;

    @Column(nullable = false)
    public boolean enabled;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "settings_json", nullable = false)
    public String settingsJson;

    /** Why Quire turned the plugin off (repeated failures); null when an administrator did, or it is on. */
    @Column(name = "disabled_reason", length = 2000)
    public String disabledReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
