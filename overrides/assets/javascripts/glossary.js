/* Glossary tooltips inside the page's landmarks.
 *
 * Material shows an abbreviation's explanation (content.tooltips) in a tooltip that it appends to
 * the end of <body>, outside every landmark, so axe reports it (rule "region") and a screen
 * reader in browse mode finds it after the footer. This moves each such tooltip into <main>
 * as soon as it appears; Material positions it in page coordinates, which <main> keeps.
 */
(function () {
  "use strict";

  function adopt(node) {
    var main = document.querySelector("main");
    if (!main || node.nodeType !== 1 || !node.classList.contains("md-tooltip2")) return;
    if (node.getAttribute("role") !== "tooltip" || node.parentNode !== document.body) return;
    main.appendChild(node);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, adopt);
    });
  }).observe(document.body, { childList: true });

  /* Escape closes an open explanation without moving focus (WCAG 1.4.13); focusing or hovering the
     term again opens it again, as Material toggles the same class. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    Array.prototype.forEach.call(document.querySelectorAll(".md-tooltip2--active[role='tooltip']"), function (tip) {
      tip.classList.remove("md-tooltip2--active");
    });
  });
})();
