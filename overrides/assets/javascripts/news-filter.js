/* Updates page: show only the updates of one topic. Without JavaScript the filter stays hidden
   and every update shows. Strings come from the page (data- attributes). */
(function () {
  "use strict";

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.closest("[data-kb-news]");
    var items = Array.prototype.slice.call(root.querySelectorAll(".kb-news__item"));
    var status = form.querySelector(".kb-news-filter__status");
    form.hidden = false;

    function update() {
      var checked = form.querySelector("input:checked");
      var tag = checked ? checked.value : "";
      var shown = 0;
      items.forEach(function (item) {
        var match = !tag || item.dataset.tags.split(" ").indexOf(tag) >= 0;
        item.hidden = !match;
        if (match) shown += 1;
      });
      root.querySelectorAll(".kb-news__group").forEach(function (group) {
        group.hidden = group.querySelectorAll(".kb-news__item:not([hidden])").length === 0;
      });
      status.textContent = form.dataset.count.replace("{n}", shown).replace("{total}", items.length);
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function init() {
    document.querySelectorAll("[data-kb-news-filter]").forEach(setup);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
