/* Glossary tooltips, set up lazily: nothing happens per term when the page loads (the quizzes'
 * lazy loader is quiz-loader.js).
 *
 * hooks/steps/render_glossary.py writes each term as <abbr class="kb-term" title="name – explanation">.
 * At start-up the first of each term on the page gets tabindex="0" (one query), so that a keyboard
 * user can reach it: the build makes the page in pieces and cannot tell which one comes first, and
 * without this script a focus stop would show nothing. Listeners on the document (event delegation) show
 * the explanation when a term in the page's content is hovered, focused or touched; only then is
 * its tooltip element made, with Material's tooltip look (.md-tooltip2, light and dark palette).
 * Material's own content.tooltips feature is off: it set up every tooltip at start-up, the
 * longest task of a page load under Lighthouse's CPU slowdown.
 *
 * - The tooltip goes into <main> (in a landmark: axe rule "region"), and the term points to it
 *   with aria-describedby while it is shown; the title attribute is set aside meanwhile, so the
 *   browser does not show its own tooltip over ours, and comes back when the tooltip goes.
 * - WCAG 1.4.13: Escape closes it without moving focus; the pointer can move onto it and it stays
 *   (hoverable); it stays as long as the term is hovered or focused (persistent).
 * - It fits the viewport: Material's rules clamp it to 100vw minus margins (320 px phones too).
 */
(function () {
  "use strict";

  var TERM = ".md-content abbr[title]";
  var LINGER = 250; // ms a tooltip stays after the pointer or focus left, to reach it
  var sequence = 0;
  var open = []; // states of the shown tooltips

  function termOf(node) {
    return node && node.nodeType === 1 && node.closest ? node.closest(TERM + ", abbr[data-kb-tip]") : null;
  }

  function stateOf(term) {
    if (!term._kbTip) {
      term._kbTip = { term: term, node: null, hover: false, focus: false, touch: false, tipHover: false, timer: 0, closing: false };
    }
    return term._kbTip;
  }

  function place(state) {
    var node = state.node;
    var host = state.term.getBoundingClientRect();
    var parent = node.offsetParent || document.body;
    var base = parent.getBoundingClientRect();
    node.style.setProperty("--md-tooltip-host-x", host.left - base.left + "px");
    node.style.setProperty("--md-tooltip-host-y", host.top - base.top + "px");
    node.style.setProperty("--md-tooltip-x", host.width / 2 + "px");
    node.style.setProperty("--md-tooltip-y", 8 + host.height + "px");
    node.style.setProperty("--md-tooltip-width", node.firstChild.getBoundingClientRect().width + "px");
  }

  function reposition() {
    open.forEach(place);
  }

  function show(state) {
    clearTimeout(state.timer);
    var term = state.term;
    if (!state.node) {
      var node = document.createElement("div");
      node.className = "md-tooltip2 md-tooltip2--bottom kb-tooltip";
      node.setAttribute("role", "tooltip");
      node.id = "kb-tooltip-" + sequence++;
      var inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      inner.textContent = term.getAttribute("title");
      node.appendChild(inner);
      node.style.setProperty("--md-tooltip-tail", "0px");
      node._kbTip = state;
      state.node = node;
    }
    if (state.closing) {
      state.closing = false;
      state.node.remove();
    }
    if (!state.node.parentNode) {
      (document.querySelector("main") || document.body).appendChild(state.node);
      term.setAttribute("data-kb-tip", term.getAttribute("title"));
      term.removeAttribute("title");
      term.setAttribute("aria-describedby", state.node.id);
      if (!open.length) {
        window.addEventListener("scroll", reposition, true);
        window.addEventListener("resize", reposition);
      }
      open.push(state);
      place(state);
      // Next frame: the element is in the page, so Material's fade-in runs.
      requestAnimationFrame(function () {
        if (state.node.parentNode) state.node.classList.add("md-tooltip2--active");
      });
    } else {
      state.node.classList.add("md-tooltip2--active");
    }
  }

  // Fades the tooltip out and takes it out of the page (a hidden tooltip is no element at all).
  function hide(state) {
    clearTimeout(state.timer);
    state.hover = state.focus = state.touch = state.tipHover = false;
    var node = state.node;
    if (!node || !node.parentNode || state.closing) return;
    state.closing = true;
    node.classList.remove("md-tooltip2--active");
    var term = state.term;
    term.removeAttribute("aria-describedby");
    term.setAttribute("title", term.getAttribute("data-kb-tip"));
    term.removeAttribute("data-kb-tip");
    open.splice(open.indexOf(state), 1);
    if (!open.length) {
      window.removeEventListener("scroll", reposition, true);
      window.removeEventListener("resize", reposition);
    }
    state.timer = setTimeout(function () {
      state.closing = false;
      node.remove();
    }, LINGER);
  }

  function update(state, linger) {
    if (state.hover || state.focus || state.touch || state.tipHover) {
      show(state);
    } else if (linger) {
      clearTimeout(state.timer);
      state.timer = setTimeout(function () { hide(state); }, LINGER);
    } else {
      hide(state);
    }
  }

  function tipOf(node) {
    var tip = node && node.nodeType === 1 && node.closest ? node.closest(".kb-tooltip") : null;
    return tip && tip._kbTip;
  }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term) {
      var state = stateOf(term);
      state.hover = true;
      update(state);
      return;
    }
    var hovered = tipOf(event.target);
    if (hovered) {
      hovered.tipHover = true;
      update(hovered);
    }
  });

  document.addEventListener("mouseout", function (event) {
    var to = event.relatedTarget;
    var term = termOf(event.target);
    if (term && term._kbTip && termOf(to) !== term) {
      term._kbTip.hover = false;
      update(term._kbTip, true);
      return;
    }
    var left = tipOf(event.target);
    if (left && tipOf(to) !== left) {
      left.tipHover = false;
      update(left, true);
    }
  });

  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (!term) return;
    var state = stateOf(term);
    state.focus = true;
    update(state);
  });

  document.addEventListener("focusout", function (event) {
    var term = termOf(event.target);
    if (!term || !term._kbTip) return;
    term._kbTip.focus = false;
    update(term._kbTip);
  });

  // A tap on a term shows its explanation until the next tap elsewhere.
  document.addEventListener(
    "touchstart",
    function (event) {
      var term = termOf(event.target);
      open.slice().forEach(function (state) {
        if (state.term !== term && tipOf(event.target) !== state) hide(state);
      });
      if (term) {
        var state = stateOf(term);
        state.touch = true;
        update(state);
      }
    },
    { passive: true }
  );

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") open.slice().forEach(hide);
  });

  // The first of each term in the page's content is a focus stop.
  function reachable() {
    var seen = Object.create(null);
    var terms = document.querySelectorAll(".md-content abbr.kb-term");
    for (var i = 0; i < terms.length; i++) {
      var word = terms[i].textContent;
      if (seen[word] !== true) {
        seen[word] = true;
        terms[i].setAttribute("tabindex", "0");
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reachable);
  else reachable();
})();
