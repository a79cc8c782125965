/* Opened from disk (file://), a browser refuses every request a page makes for a file beside it.
   Material fetches sitemap.xml next to each <link rel="alternate"> (hooks/steps/output/lang_sitemaps.py), to
   keep the reader on the same page when the language changes; from file:// each of those
   requests is a console error, and the language button works without them. So, only under
   file://, those links go before Material looks for them (it does so once the page has loaded;
   this file runs before that, as every script in extra_javascript does). */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  document.querySelectorAll('link[rel="alternate"]').forEach(function (link) {
    link.remove();
  });
})();
