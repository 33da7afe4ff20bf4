-- The media library's own description of a file: the alt text the editor inserts with it.
ALTER TABLE media_file ADD COLUMN alt_text VARCHAR(1000);
