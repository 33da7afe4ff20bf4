-- Whether editors' and administrators' raw HTML (and imported posts') is kept as written (true, the default, as
-- WordPress gives editors unfiltered HTML) or cleaned by the same policy as everyone else's (false).
ALTER TABLE site ADD COLUMN trust_staff_html BOOLEAN NOT NULL DEFAULT TRUE;
