/* Search files load only when the reader opens search; the full text after the first results.
 * Why and how: README.md, "How search works". Messages: 0 SETUP, 1 READY, 2 QUERY, 3 RESULT. */
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
    return /\/search\/search_index\.js(on)?(\?|#|$)/.test(String(url || ""));
  }
  function isSitemap(url) {
    return /\/sitemap\.xml(\?|#|$)/.test(String(url));
  }
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbUrl = new URL(String(url), document.baseURI).href;
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (isSitemap(xhr.kbUrl)) return undefined;
    if (isIndex(xhr.kbUrl)) indexUrl = xhr.kbUrl;
    if (isIndex(xhr.kbUrl) && !open) {
      whenOpen(function () { xhrSend.apply(xhr, args); });
      return undefined;
    }
    return xhrSend.apply(xhr, args);
  };
  var head = document.head;
  var headAppend = head.appendChild;
  head.appendChild = function (node) {
    if (node && node.tagName === "SCRIPT" && isIndex(node.src)) indexUrl = node.src;
    if (!open && node && node.tagName === "SCRIPT" && isIndex(node.src)) {
      whenOpen(function () { headAppend.call(head, node); });
      return node;
    }
    return headAppend.call(this, node);
  };
  var indexUrl = null;
  function loadFull(done) {
    var url = String(indexUrl).replace(/search_index\.js(on)?(?=$|[?#])/, "search_full.js$1");
    if (/\.js$/.test(url)) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () { head.removeChild(script); done(window.__kbFullIndex); };
      headAppend.call(head, script);
    } else {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", url);
      xhr.onload = function () { if (xhr.status < 300) done(JSON.parse(xhr.responseText)); };
      xhr.send();
    }
  }
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function") {
    var LazyWorker = function (url, options) {
      if (!/\/workers\/search\./.test(String(url))) {
        return new RealWorker(url, options);
      }
      var proxy = new EventTarget();
      var real = null;
      var outbox = [];
      var setup = null;
      var lastQuery = null;
      function forward(type, event) {
        var copy = type === "error"
          ? new ErrorEvent("error", { message: event.message, error: event.error })
          : new MessageEvent(type, { data: event.data });
        proxy.dispatchEvent(copy);
        if (typeof proxy["on" + type] === "function") proxy["on" + type](copy);
      }
      proxy.postMessage = function (message) {
        if (message && message.type === 0) setup = message;
        if (message && message.type === 2) lastQuery = message;
        if (real) real.postMessage(message); else outbox.push(message);
      };
      proxy.terminate = function () {
        if (real) real.terminate();
        outbox = [];
      };
      function start(setupMessage) {
        var worker = new RealWorker(url, options);
        ["error", "messageerror"].forEach(function (type) {
          worker.addEventListener(type, function (event) { if (worker === real) forward(type, event); });
        });
        worker.addEventListener("message", function (event) {
          var data = event.data;
          if (rebuilding && data && data.type === 1) {  // file://: the same worker, rebuilt
            rebuilding = false;
            if (lastQuery) real.postMessage(lastQuery);
            return;
          }
          if (worker !== real) {
            if (data && data.type === 1) {
              real.terminate();
              real = worker;
              if (lastQuery) real.postMessage(lastQuery);
            }
            return;
          }
          forward("message", event);
          if (data && data.type === 3 && !fullAsked && setup && indexUrl) {
            fullAsked = true;
            loadFull(function (full) {
              if (!full || !full.docs) return;
              var given = setup.data;
              var message = { type: 0, data: { config: given.config, docs: full.docs, options: given.options } };
              if (RealWorker === window.IFrameWorker) {  // one iframe "worker" at a time (the shim's onmessage)
                rebuilding = true;
                real.postMessage(message);
              } else {
                start(message);
              }
            });
          }
        });
        if (setupMessage) worker.postMessage(setupMessage);
        return worker;
      }
      var fullAsked = false;
      var rebuilding = false;
      whenOpen(function () {
        real = start(null);
        outbox.forEach(function (message) { real.postMessage(message); });
        outbox = [];
      });
      return proxy;
    };
    LazyWorker.prototype = RealWorker.prototype;
    window.Worker = LazyWorker;
  }
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
