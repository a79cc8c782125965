"""Steps that tune or write the site's output: the search index per language, the feeds, the
sitemaps and "page not found" pages per language, the purged style sheets and minified assets,
and the offline copy's words. Most work on the finished files after every language is built."""
