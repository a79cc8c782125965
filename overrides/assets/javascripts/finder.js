/* Status finder: filters the overview tables by "for whom". Strings come from the page. */
(function () {
  "use strict";

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(document.querySelectorAll(".kb-overview__row"));
    var status = form.querySelector(".kb-finder__status");
    form.hidden = false;

    function update() {
      var ticked = Array.prototype.slice.call(form.querySelectorAll("input:checked"))
        .map(function (box) { return box.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var facets = row.dataset.facets.split(" ");
        var match = ticked.length === 0 || ticked.some(function (f) { return facets.indexOf(f) >= 0; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll("[data-kb-overview] table").forEach(function (table) {
        var visible = table.querySelectorAll(".kb-overview__row:not([hidden])").length;
        table.closest(".md-typeset__scrollwrap").hidden = visible === 0;
      });
      status.textContent = shown === 0 ? form.dataset.none
        : form.dataset.count.replace("{n}", shown).replace("{total}", rows.length);
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function init() {
    document.querySelectorAll("[data-kb-finder]").forEach(setup);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
