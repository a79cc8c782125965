/* Register of signals: show only the signals with the ticked statuses. Without JavaScript the
   filter stays hidden and every signal shows. Strings come from the page (data- attributes). */
(function () {
  "use strict";

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.closest("[data-kb-signals]");
    var rows = Array.prototype.slice.call(root.querySelectorAll(".kb-signals__row"));
    var status = form.querySelector(".kb-news-filter__status");
    form.hidden = false;

    function update() {
      var ticked = Array.prototype.slice.call(form.querySelectorAll("input:checked"))
        .map(function (box) { return box.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var match = ticked.length === 0 || ticked.indexOf(row.dataset.status) >= 0;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown === 0 ? form.dataset.none
        : form.dataset.count.replace("{n}", shown).replace("{total}", rows.length);
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function init() {
    document.querySelectorAll("[data-kb-signals-filter]").forEach(setup);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
