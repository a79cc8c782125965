/* The language switch (overrides/partials/alternate.html) keeps the part of the page the reader is
   at. An anchor shared by both languages (boxes, quizzes: #kb-facts) goes along as it is. A
   section's heading has an id in its own language (#het-geld, #the-money), so the switch names it
   by its place instead (#kb-section-4: the page's 4th heading, the one the reader is at, by the
   address or by what is on the screen), and the other page turns that into its own heading's id
   when it opens (the portal's own boxes keep one id in both languages: #kb-facts). Both languages of a page have the same sections in the same order (the content
   check compares them). No requests; works from file:// and under a sub-path. */
(function () {
  "use strict";
  var PLACE = /^#kb-section-(\d+)$/;
  function headings() {
    return Array.prototype.slice.call(document.querySelectorAll("article h2[id], article h3[id]"));
  }
  function here() {
    var list = headings(), id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id), at = list.indexOf(target);
    if (target && at < 0) return location.hash;
    if (at < 0) {
      if (scrollY < 1) return "";
      // The last heading in the top third of the screen or above it: the section being read.
      var line = Math.max(innerHeight / 3, 80);
      for (var i = 0; i < list.length; i++) if (list[i].getBoundingClientRect().top <= line) at = i;
    }
    if (at < 0) return "";
    return /^kb-/.test(list[at].id) ? "#" + list[at].id : "#kb-section-" + (at + 1);
  }
  function keep(event) {
    var link = event.target.closest && event.target.closest("a.kb-lang[hreflang]");
    if (!link || link.getAttribute("aria-current")) return;
    link.href = link.href.split("#")[0] + here();
  }
  document.addEventListener("click", keep, true);
  document.addEventListener("keydown", function (event) { if (event.key === "Enter") keep(event); }, true);
  // Opened by the switch at a section's place: go to that section under its own id.
  var place = PLACE.exec(location.hash), list = headings();
  if (place && list.length) location.replace("#" + list[Math.min(place[1], list.length) - 1].id);
})();
