/* The language switch (overrides/partials/alternate.html) keeps the part of the page the reader is
   at: the #anchor goes along to the other language, whose headings, boxes and quizzes keep their
   ids. No requests; works from file:// and under a sub-path. */
(function () {
  "use strict";
  function keep(event) {
    var link = event.target.closest && event.target.closest("a.kb-lang[hreflang]");
    if (!link || !location.hash || link.getAttribute("aria-current")) return;
    link.href = link.href.split("#")[0] + location.hash;
  }
  document.addEventListener("click", keep, true);
  document.addEventListener("keydown", function (event) { if (event.key === "Enter") keep(event); }, true);
})();
