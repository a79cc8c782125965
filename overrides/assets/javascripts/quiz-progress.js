/* "My training path" (<!-- kb:progress -->): the saved quiz results of this browser, to print,
   download (a file made in the browser) or erase. No requests; texts come from data-s-*. */
(function () {
  "use strict";
  var PREFIX = "kb-quiz:";

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function keys() {
    var out = [], i;
    try { for (i = 0; i < localStorage.length; i++) if (localStorage.key(i).indexOf(PREFIX) === 0) out.push(localStorage.key(i)); } catch (e) { /* storage off */ }
    return out;
  }
  function record(id) { try { return JSON.parse(localStorage.getItem(PREFIX + id)) || null; } catch (e) { return null; } }

  function setup(root) {
    var S = root.dataset, lang = document.documentElement.lang || "nl", summary = root.querySelector(".kb-progress__summary");
    var rows = all(root, "[data-kb-progress-quiz]");

    function render() {
      var done = 0, passed = 0;
      rows.forEach(function (tr) {
        var rec = record(tr.dataset.kbProgressQuiz), status = tr.querySelector(".kb-progress__status");
        var state = !rec || rec.best == null ? "not-started" : rec.passed ? "passed" : rec.passMark ? "not-passed" : "done";
        if (state !== "not-started") done++;
        if (state === "passed") passed++;
        tr.querySelector(".kb-progress__best").textContent = state === "not-started" ? "–" : rec.best + "%";
        tr.querySelector(".kb-progress__date").textContent = state === "not-started" ? "–" : new Date(rec.date + "T12:00").toLocaleDateString(lang);
        status.textContent = S[{ "not-started": "sNotStarted", passed: "sPassed", "not-passed": "sNotPassed", done: "sDone" }[state]];
        status.className = "kb-progress__status kb-progress__status--" + state;
      });
      summary.textContent = fill(S.sSummary, { done: done, total: rows.length, passed: passed });
    }
    function download() {
      var data = { date: new Date().toISOString().slice(0, 10), quizzes: rows.map(function (tr) {
        var rec = record(tr.dataset.kbProgressQuiz) || {};
        return { id: tr.dataset.kbProgressQuiz, title: tr.querySelector("th").textContent.trim(),
          best: rec.best == null ? null : rec.best, passed: rec.passed == null ? null : rec.passed, date: rec.date || null };
      }) };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = S.sFile + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }
    function erase() {
      if (!window.confirm(S.sConfirm)) return;
      keys().forEach(function (key) { localStorage.removeItem(key); });
      render();
      summary.textContent = S.sErased + " " + summary.textContent;
    }

    root.querySelector(".kb-progress__actions").hidden = false;
    root.classList.add("kb-progress--js");
    root.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.dataset.action === "print") window.print();
      else if (action.dataset.action === "download") download();
      else if (action.dataset.action === "erase") erase();
    });
    render();
    return true;
  }

  function init() {
    all(document, "[data-kb-progress]").forEach(function (root) { if (!root.kbProgress) root.kbProgress = setup(root); });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  init();
})();
