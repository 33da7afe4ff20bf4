-- Why a plugin is off when Quire turned it off (repeated failures), shown to administrators until they enable it.
ALTER TABLE plugin_state ADD COLUMN disabled_reason VARCHAR(2000);
