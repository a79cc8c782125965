/* One filter for the portal's lists and tables: the status finder, the updates page and the
   register of signals. A form with data-kb-filter shows only the items that carry one of the
   ticked values (a radio button with an empty value, or nothing ticked: every item). Without
   JavaScript the form stays hidden and every item shows. Strings come from the page.

   On the form:
     data-kb-filter         selector of the items, e.g. ".kb-overview__row"
     data-kb-filter-key     the item's data- attribute with its values, space-separated ("facets")
     data-kb-filter-scope   (optional) the ancestor that holds the items; else the whole page
     data-kb-filter-groups  (optional) groups to hide when none of their items shows
     data-count, data-none  what the [role=status] line says: "{n} of {total}", or nothing found
   In the form, an input with data-kb-filter-text (optional) also keeps only the items whose text
   holds every word typed (case and accents ignored): the list of local services. */
(function () {
  "use strict";

  function list(nodes) { return Array.prototype.slice.call(nodes); }

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var scope = form.dataset.kbFilterScope ? form.closest(form.dataset.kbFilterScope) : document;
    var items = list(scope.querySelectorAll(form.dataset.kbFilter));
    var key = form.dataset.kbFilterKey;
    var status = form.querySelector("[role=status]");
    var search = form.querySelector("[data-kb-filter-text]");
    var texts = items.map(function (item) { return plain(item.textContent); });
    form.hidden = false;

    function update() {
      var words = search ? plain(search.value).split(/\s+/).filter(Boolean) : [];
      var ticked = list(form.querySelectorAll("input:checked"))
        .map(function (input) { return input.value; })
        .filter(Boolean);
      var shown = 0;
      items.forEach(function (item, i) {
        var values = (item.dataset[key] || "").split(" ");
        var match = (ticked.length === 0 || ticked.some(function (v) { return values.indexOf(v) >= 0; }))
          && words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      if (form.dataset.kbFilterGroups) {
        scope.querySelectorAll(form.dataset.kbFilterGroups).forEach(function (group) {
          var visible = list(group.querySelectorAll(form.dataset.kbFilter)).some(function (item) {
            return !item.hidden;
          });
          (group.closest(".md-typeset__scrollwrap") || group).hidden = !visible;
        });
      }
      status.textContent = shown === 0 && form.dataset.none ? form.dataset.none
        : form.dataset.count.replace("{n}", shown).replace("{total}", items.length);
    }

    form.addEventListener("change", update);
    if (search) search.addEventListener("input", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function init() {
    document.querySelectorAll("form[data-kb-filter]").forEach(setup);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
