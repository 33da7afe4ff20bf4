-- Which file of an imported Jekyll site a post came from (en/news/_posts/2017-03-03-hello.md), so that importing
-- the folder again updates that post, and two files with one slug stay two posts. Null for posts written here.
ALTER TABLE post ADD COLUMN import_source VARCHAR(1024);
CREATE INDEX post_import_source ON post (import_source);
