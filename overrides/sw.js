/* The portal's service worker: keeps a copy of each page a reader opened, for use without network.

   Network first: a reader who is online always gets the page from the server (rules change), and
   each answer is saved as the offline copy, with the time it was saved. Only when the network
   fails does the saved copy answer. Registered by assets/javascripts/offline.js, on http(s) only
   (never from file://). Nothing leaves this site: only requests to the site itself are handled. */
"use strict";

var CACHE = "kb-offline-v1";
var SAVED = "X-KB-Saved";
var fromCopy = new Map(); // page address -> time its copy was saved, when the copy answered

function key(url) {
  var u = new URL(url);
  u.search = "";
  u.hash = "";
  return u.href;
}

async function save(request, response) {
  if (!response.ok || response.type !== "basic") return;
  var headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  var body = await response.blob();
  var cache = await caches.open(CACHE);
  await cache.put(key(request.url), new Response(body, {
    status: response.status, statusText: response.statusText, headers: headers,
  }));
}

async function networkFirst(event) {
  var request = event.request;
  try {
    var response = await fetch(request);
    event.waitUntil(save(request, response.clone()));
    return response;
  } catch (error) {
    var copy = await caches.match(key(request.url));
    if (!copy) throw error;
    if (request.mode === "navigate") fromCopy.set(key(request.url), copy.headers.get(SAVED));
    return copy;
  }
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(event));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = event.ports && event.ports[0];
  if (data.type === "kb-keep") {
    // What the page loaded before this worker controlled it (its first visit).
    var urls = (data.urls || []).filter(function (u) {
      return new URL(u).origin === self.location.origin;
    });
    event.waitUntil(Promise.all(urls.map(function (u) {
      return fetch(u).then(function (r) { return save(new Request(u), r); })
        .then(function () { return null; }, function (e) { return u + " " + e; });
    })).then(function (failed) {
      if (reply) reply.postMessage({ kept: urls.length, failed: failed.filter(Boolean) });
    }));
  } else if (data.type === "kb-status" && reply) {
    reply.postMessage({ saved: fromCopy.get(key(data.url)) || null });
  }
});
