/* Search files only when the reader searches; no sitemap fetch for a language switch that never fires.
 *
 * Material 9.8 starts search while the page loads: its bundle requests the search index (an
 * XMLHttpRequest for search/search_index.json, or from file:// a <script> for search_index.js),
 * creates the search worker (which then loads lunr's language files), and fetches the sitemap.xml
 * next to every <link rel="alternate">. On a phone that is more than the page itself, and the
 * index grows with the content. This file is loaded in <head>, before Material's bundle
 * (extra.polyfills, after the file:// worker shim), and holds those back:
 *
 *  - the index request and the search worker wait until the reader opens or focuses search
 *    (focus in the search box, which Material also gives it for the "f", "s" and "/" keys, or a
 *    click or tap on the search button), or until a page is opened from a search result
 *    (?h=…, Material needs the index's separator to highlight the words);
 *  - the alternates' sitemap.xml is not fetched: Material uses it only to catch a click on a
 *    link into another language's folder, and with the default language at the site root and
 *    relative alternates that never happens (mkdocs-static-i18n's links do the switch). The
 *    sitemaps stay on disk for search engines.
 *
 * Only browser APIs are wrapped (XMLHttpRequest, Worker, <head>.appendChild), never Material's
 * code, so this works under Content-Security-Policy script-src 'self' and does nothing for any
 * other request. The search tests (tests/test_search*.py) and tests/test_lazy_search.py check it.
 */
(function () {
  "use strict";
  var waiting = [];
  var open = false;

  function openGate() {
    if (open) return;
    open = true;
    var queued = waiting;
    waiting = [];
    queued.forEach(function (run) { run(); });
  }

  function whenOpen(run) {
    if (open) run(); else waiting.push(run);
  }

  function isIndex(url) {
    return /\/search\/search_index\.js(on)?(\?|#|$)/.test(String(url));
  }

  function isSitemap(url) {
    return /\/sitemap\.xml(\?|#|$)/.test(String(url));
  }

  /* The index (http, https) and the alternates' sitemaps: XMLHttpRequest. */
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbUrl = new URL(String(url), document.baseURI).href;
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (isSitemap(xhr.kbUrl)) return undefined;  // never sent: Material waits for nothing
    if (isIndex(xhr.kbUrl) && !open) {
      whenOpen(function () { xhrSend.apply(xhr, args); });
      return undefined;
    }
    return xhrSend.apply(xhr, args);
  };

  /* The index from file://: a <script src=".../search_index.js"> that Material adds to <head>. */
  var head = document.head;
  var headAppend = head.appendChild;
  head.appendChild = function (node) {
    if (!open && node && node.tagName === "SCRIPT" && isIndex(node.src)) {
      whenOpen(function () { headAppend.call(head, node); });
      return node;
    }
    return headAppend.call(this, node);
  };

  /* The search worker: created at start-up, but the real one only when search opens. */
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function") {
    var LazyWorker = function (url, options) {
      if (!/\/workers\/search\./.test(String(url))) {
        return new RealWorker(url, options);
      }
      var proxy = new EventTarget();
      var real = null;
      var outbox = [];
      proxy.postMessage = function (message) {
        if (real) real.postMessage(message); else outbox.push(message);
      };
      proxy.terminate = function () {
        if (real) real.terminate();
        outbox = [];
      };
      whenOpen(function () {
        real = new RealWorker(url, options);
        ["message", "error", "messageerror"].forEach(function (type) {
          real.addEventListener(type, function (event) {
            var copy = type === "error"
              ? new ErrorEvent("error", { message: event.message, error: event.error })
              : new MessageEvent(type, { data: event.data });
            proxy.dispatchEvent(copy);
            if (typeof proxy["on" + type] === "function") proxy["on" + type](copy);
          });
        });
        outbox.forEach(function (message) { real.postMessage(message); });
        outbox = [];
      });
      return proxy;
    };
    LazyWorker.prototype = RealWorker.prototype;
    window.Worker = LazyWorker;
  }

  /* What opens search. */
  function inSearch(target) {
    return target && target.closest && target.closest("[data-md-component=search], [for=__search], #__search");
  }
  document.addEventListener("focusin", function (event) {
    if (inSearch(event.target)) openGate();
  }, true);
  ["pointerdown", "click", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (inSearch(event.target)) openGate();
    }, true);
  });
  var params = new URLSearchParams(location.search);
  if (params.has("h") || params.has("q")) openGate();
})();
