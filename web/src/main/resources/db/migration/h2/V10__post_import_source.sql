-- Which file of an imported Jekyll site a post came from (en/news/_posts/2017-03-03-hello.md), so that importing
-- the folder again updates that post, and two files with one slug stay two posts. Null for posts written here.
ALTER TABLE post ADD COLUMN import_source VARCHAR(700);
-- The SHA-256 of the text last imported from that file: an unchanged file leaves the post, and edits made here, alone.
ALTER TABLE post ADD COLUMN import_hash VARCHAR(64);
CREATE INDEX post_import_source ON post (import_source);
