/* Print: the site name, the page's address and the print date on every sheet, and each link's
   full address after its text (print.css shows them; nothing changes on screen).

   The address is the page's public one (its canonical link, from SITE_URL) when there is one,
   so a sheet printed from a USB stick names the website, not a file on the stick. Both are set
   when the page is idle after loading and again just before printing (the date may have
   changed); the sheet margins go into a stylesheet built with the CSS object model (no inline
   style, so the Content-Security-Policy stays strict). */
(function () {
  "use strict";

  // The months are written out here: the browser's date formatting (Intl) loads its language
  // data on first use, which took 30-45 ms in Chromium on this page, and print.js runs on every
  // page.
  var WORDS = {
    nl: {
      printed: "Afgedrukt op",
      sheet: "blad",
      months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"],
    },
    en: {
      printed: "Printed on",
      sheet: "sheet",
      months: ["January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"],
    },
  };

  function today(lang) {
    var now = new Date();
    return now.getDate() + " " + WORDS[lang].months[now.getMonth()] + " " + now.getFullYear();
  }

  function language() {
    var lang = (document.documentElement.lang || "nl").slice(0, 2);
    return WORDS[lang] ? lang : "nl";
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
    var date = today(lang);
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

  // Just before printing; and once the page is idle after loading, for a print that fires no
  // "beforeprint" (Chromium's own PDF export). Not at start-up: this walks every link of the
  // page, and at start-up it would lengthen the task that sets up the page (blocking time).
  window.addEventListener("beforeprint", label);
  function whenIdle() {
    if (typeof requestIdleCallback === "function") requestIdleCallback(label, { timeout: 3000 });
    else setTimeout(label, 200);
  }
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);
})();
