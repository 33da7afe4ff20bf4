# Prints the date Jekyll itself gives each post of a corpus, as the reference for JekyllDateCorpusTest.
# Regenerate (needs Debian's `jekyll` package; the tests themselves need no Ruby):
#   ruby platform-core/src/test/ruby/jekyll_dates.rb ../shared/corpora > platform-core/src/test/resources/jekyll-dates.tsv
# It reads front matter with Jekyll::Utils.safe_load_yaml and dates with Jekyll::Utils.parse_date, as Jekyll 4 does, in each
# site's `timezone` (UTC when the site sets none).
require "jekyll"
require "time"

corpora = ARGV.fetch(0)
puts "# corpus\tfile\tdate (ISO 8601 in the site zone)\tsource"
%w[18f jekyll-news].each do |corpus|
  root = File.join(corpora, corpus)
  config = Jekyll::Utils.safe_load_yaml_file(File.join(root, "_config.yml")) || {}
  ENV["TZ"] = config["timezone"] || "UTC"
  # parse_date caches by input text across calls; a date read in another site's zone must not be reused.
  Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
  Dir.glob(File.join(root, "_posts", "**", "*")).sort.each do |path|
    next unless File.file?(path)
    name = File.basename(path)
    data = {}
    begin
      content = File.read(path, encoding: "UTF-8")
      if content =~ Jekyll::Document::YAML_FRONT_MATTER_REGEXP
        data = Jekyll::Utils.safe_load_yaml(Regexp.last_match(1)) || {}
      end
    rescue StandardError => e
      data = {}
    end
    source = "front matter"
    value = data["date"]
    if value.nil?
      source = "file name"
      value = name[/\A(\d{2,4}-\d{1,2}-\d{1,2})-/, 1]
    end
    date = Jekyll::Utils.parse_date(value.to_s)
    puts [corpus, path.sub(root + "/", ""), date.iso8601, source].join("\t")
  end
end
