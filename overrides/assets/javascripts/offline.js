/* Offline copy on a phone (hosted site only): registers the service worker (sw.js at the site's
   root, network first), hands it what this page loaded so the page opens without network, and,
   when the page came from the saved copy, shows when that copy was saved and that rules change
   (the text comes from the page: overrides/partials/kb-offline.html). Does nothing from file://. */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  var root = typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href);
  var registered = navigator.serviceWorker
    .register(new URL("sw.js", root).href, { scope: root.pathname })
    .then(function () { return navigator.serviceWorker.ready; })
    .catch(function () { return null; });

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function show(saved) {
    var line = document.querySelector(".kb-offline");
    if (!line || !saved) return;
    var lang = document.documentElement.lang || "nl";
    var when = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" })
      .format(new Date(saved));
    line.textContent = line.getAttribute("data-kb-text").replace("{date}", when);
    line.hidden = false;
  }

  function visit() {
    registered.then(function (registration) {
      if (!registration || !registration.active) return;
      var worker = registration.active;
      ask(worker, { type: "kb-status", url: location.href }).then(function (answer) {
        show(answer && answer.saved);
      });
      var page = new URL(location.href);
      page.search = "";
      page.hash = "";
      caches.match(page.href).then(function (copy) {
        if (copy) return null; // the worker saved this page when it loaded
        // First visit: the page loaded before the worker was in control. Hand it the list.
        var urls = [page.href].concat(
          performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
        );
        return ask(worker, { type: "kb-keep", urls: urls });
      }).then(function () {
        document.documentElement.setAttribute("data-kb-offline", "kept");
      });
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(visit);
  else document.addEventListener("DOMContentLoaded", visit);
})();
