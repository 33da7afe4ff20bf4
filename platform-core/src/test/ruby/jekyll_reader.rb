# Prints what Jekyll itself publishes from each site folder given: every post, with its URL and date, as the
# reference for JekyllReaderReferenceTest. Regenerate (needs Debian's `jekyll` package; the tests themselves need no Ruby):
#   ruby platform-core/src/test/ruby/jekyll_reader.rb NAME=FOLDER... > platform-core/src/test/resources/jekyll-reader.tsv
# It runs Jekyll 4's own reader (Jekyll::Site#read) with the site's _config.yml, its plugins left out (they add
# pages, not posts) and `future: true`, so that future posts are listed too, marked as Jekyll would hide them.
require "jekyll"
require "tmpdir"

puts "# site\tfile\turl\tdate (ISO 8601 in the site zone)\tnote"
# A post whose front matter Psych refuses keeps neither its front matter nor its file name's date and slug in Jekyll
# (its date becomes the build's time, its URL made from that): it is listed without URL and date, and noted.
ARGV.each do |argument|
  name, root = argument.split("=", 2)
  root = File.expand_path(root)
  ENV["TZ"] = "UTC"
  # parse_date caches by input text across sites; a date read in another site's zone must not be reused.
  Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
  Dir.mktmpdir do |destination|
    config = Jekyll.configuration("source" => root, "destination" => destination, "quiet" => true,
                                  "future" => true, "plugins" => [], "theme" => nil,
                                  "disable_disk_cache" => true)
    site = Jekyll::Site.new(config)
    site.read
    now = Time.now
    site.posts.docs.sort_by(&:relative_path).each do |post|
      if post.date.to_i == site.time.to_i
        puts [name, post.relative_path, "", "", "front matter unreadable"].join("\t")
      else
        puts [name, post.relative_path, post.url, post.date.iso8601, post.date > now ? "future" : ""].join("\t")
      end
    end
  end
end
