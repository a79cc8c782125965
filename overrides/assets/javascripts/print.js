/* Print: the site name, the page's address and the print date on every sheet, and each link's
   full address after its text (print.css shows them; nothing changes on screen).

   The address is the page's public one (its canonical link, from SITE_URL) when there is one,
   so a sheet printed from a USB stick names the website, not a file on the stick. Both are set
   just before printing; the sheet margins go into a stylesheet built with the CSS object model
   (no inline style, so the Content-Security-Policy stays strict). */
(function () {
  "use strict";

  // The words of every language of mkdocs.yml, default first, from hooks/content_strings.yml
  // (printed_on, print_sheet): hooks/steps/site_language.py writes them in after the build.
  var WORDS = {}; // kb:print-words

  function language() {
    var lang = document.documentElement.lang || "";
    return WORDS[lang] ? lang : Object.keys(WORDS)[0];
  }

  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  }

  function cssString(text) {
    return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ") + '"';
  }

  // A stylesheet of its own, built here: from file:// a page may not change the rules of the
  // stylesheets it loaded, and a <style> element would need 'unsafe-inline'.
  var margins = null;
  function setMargins(css) {
    if (!("adoptedStyleSheets" in document) || typeof CSSStyleSheet.prototype.replaceSync !== "function") return;
    if (!margins) {
      margins = new CSSStyleSheet();
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([margins]);
    }
    margins.replaceSync(css);
  }

  function label() {
    var lang = language();
    var site = document.querySelector(".md-header__topic .md-ellipsis");
    var name = site ? site.textContent.trim() : document.title;
    var date = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" })
      .format(new Date());
    var address = pageAddress();
    var base = new URL(address);

    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^(mailto|tel):/.test(href)) return;
      if (link.closest(".md-typeset .headerlink, .md-content__button")) return;
      var full = new URL(href, base);
      full.search = "";
      if (full.href.replace(/\/$/, "") === link.textContent.trim().replace(/\/$/, "")) return;
      link.setAttribute("data-kb-address", full.href);
    });

    var words = WORDS[lang];
    setMargins(
      "@page {" +
        " @top-left { content: " + cssString(name) + "; font: 8pt sans-serif; }" +
        " @top-right { content: " + cssString(address) + "; font: 8pt sans-serif; }" +
        " @bottom-left { content: " + cssString(words.printed + " " + date) + "; font: 8pt sans-serif; }" +
        " @bottom-right { content: " + cssString(words.sheet + " ") + " counter(page) \" / \" counter(pages); font: 8pt sans-serif; }" +
        " }"
    );
  }

  // Only when the reader prints: every browser fires "beforeprint" first (Chromium, Firefox,
  // Safari). Not at start-up: walking every link and loading the browser's date formatting
  // (Intl, 30-45 ms in Chromium the first time) would lengthen the page's start (blocking time).
  window.addEventListener("beforeprint", label);
})();
