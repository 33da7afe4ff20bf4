-- Site settings that {{ site.* }} in posts sees, as JSON: kept from an imported Jekyll _config.yml.
ALTER TABLE site ADD COLUMN liquid_json TEXT;
