/* "My training path" (<!-- kb:progress -->): the saved quiz results of this browser. The reader
   chooses whether results are kept at all, can export them to a file and load that file on
   another device, print them with a name, and erase them. No requests; texts come from data-s-*. */
(function () {
  "use strict";
  var PREFIX = "kb-quiz:", CONSENT = "kb-progress-consent", NAME = "kb-progress-name", FORMAT = "jobcoach-progress";

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function set(key, value) { try { if (value == null) localStorage.removeItem(key); else localStorage.setItem(key, value); } catch (e) { /* storage off */ } }
  function keys() {
    var out = [], i;
    try { for (i = 0; i < localStorage.length; i++) if (localStorage.key(i).indexOf(PREFIX) === 0) out.push(localStorage.key(i)); } catch (e) { /* storage off */ }
    return out;
  }
  function record(id) {
    if (get(CONSENT) !== "yes") return null;
    try { return JSON.parse(localStorage.getItem(PREFIX + id)) || null; } catch (e) { return null; }
  }
  function plural(S, base, n) {
    var rule = "other";
    try { rule = new Intl.PluralRules(S.sLocale).select(n); } catch (e) { /* old browser */ }
    return S[base + (rule === "one" ? "One" : "Other")];
  }
  function day(S, iso) {
    try { return new Intl.DateTimeFormat(S.sLocale, { day: "numeric", month: "long", year: "numeric" }).format(iso ? new Date(iso + "T12:00") : new Date()); } catch (e) { return iso; }
  }
  function valid(rec) {
    return rec && typeof rec === "object" && typeof rec.best === "number" && rec.best >= 0 && rec.best <= 100 &&
      /^\d{4}-\d\d-\d\d$/.test(rec.date || "");
  }

  function setup(root) {
    var S = root.dataset, summary = root.querySelector(".kb-progress__summary"), message = root.querySelector(".kb-progress__message");
    var rows = all(root, "[data-kb-progress-quiz]"), radios = all(root, "[name='kb-progress-consent']");
    var name = root.querySelector("#kb-progress-name"), remember = root.querySelector("#kb-progress-remember");
    var file = root.querySelector("#kb-progress-import");

    function render() {
      var done = 0, passed = 0, choice = get(CONSENT);
      rows.forEach(function (tr) {
        var rec = record(tr.dataset.kbProgressQuiz), status = tr.querySelector(".kb-progress__status");
        var state = !rec || rec.best == null ? "not-started" : rec.passed ? "passed" : rec.passMark ? "not-passed" : "done";
        if (state !== "not-started") done++;
        if (state === "passed") passed++;
        tr.querySelector(".kb-progress__best").textContent = state === "not-started" ? "–" : rec.best + "%";
        tr.querySelector(".kb-progress__date").textContent = state === "not-started" ? "–" : day(S, rec.date);
        status.textContent = S[{ "not-started": "sNotStarted", passed: "sPassed", "not-passed": "sNotPassed", done: "sDone" }[state]];
        status.className = "kb-progress__status kb-progress__status--" + state;
      });
      summary.textContent = fill(S.sSummary, { done: done, total: rows.length }) + " " + fill(plural(S, "sProgressPassed", passed), { passed: passed });
      radios.forEach(function (r) { r.checked = r.value === choice; });
      root.querySelector(".kb-progress__consent-state").textContent = choice ? "" : S.sProgressConsentUnset;
    }
    function download() {
      var data = { format: FORMAT, version: 1, date: new Date().toISOString().slice(0, 10), quizzes: rows.map(function (tr) {
        var rec = record(tr.dataset.kbProgressQuiz) || {};
        return { id: tr.dataset.kbProgressQuiz, title: tr.querySelector("th").textContent.trim(),
          best: rec.best == null ? null : rec.best, passed: rec.passed == null ? null : rec.passed, date: rec.date || null,
          record: rec.best == null ? null : rec };
      }) };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = S.sFile + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }
    /* A file from "download" on another device: each quiz keeps the better of the two records. */
    function load(text) {
      var data, n = 0, known = rows.map(function (tr) { return tr.dataset.kbProgressQuiz; });
      try { data = JSON.parse(text); } catch (e) { data = null; }
      if (!data || data.format !== FORMAT || !Array.isArray(data.quizzes)) { message.textContent = S.sProgressImportError; return; }
      data.quizzes.forEach(function (q) {
        var mine, theirs = q && q.record;
        if (!q || known.indexOf(q.id) < 0 || !valid(theirs)) return;
        mine = record(q.id);
        if (!mine || mine.best == null || theirs.best > mine.best) {
          theirs.history = ((mine && mine.history) || []).concat(theirs.history || []).slice(-5);
          set(PREFIX + q.id, JSON.stringify(theirs));
        }
        n++;
      });
      render();
      message.textContent = fill(plural(S, "sProgressImported", n), { n: n });
    }
    function erase() {
      if (!window.confirm(S.sConfirm)) return;
      keys().forEach(function (key) { set(key, null); });
      render();
      message.textContent = S.sErased;
      summary.textContent = S.sErased + " " + summary.textContent;
    }
    function print() {
      var who = name.value.trim();
      root.querySelector(".kb-progress__printed").textContent = fill(S.sProgressPrinted, { date: day(S, null), site: S.site + " (" + location.href.split("#")[0] + ")" });
      root.querySelector(".kb-progress__who").textContent = who ? fill(S.sProgressName, { name: who }) : "";
      window.print();
    }
    function rememberName() { set(NAME, remember.checked && name.value.trim() ? name.value.trim() : null); }

    root.querySelector(".kb-progress__actions").hidden = false;
    root.querySelector(".kb-progress__consent").hidden = false;
    root.querySelector(".kb-progress__tools").hidden = false;
    root.classList.add("kb-progress--js");
    if (get(NAME)) { name.value = get(NAME); remember.checked = true; }
    root.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.dataset.action === "print") print();
      else if (action.dataset.action === "download") download();
      else if (action.dataset.action === "erase") erase();
    });
    radios.forEach(function (r) {
      r.addEventListener("change", function () {
        set(CONSENT, r.value);
        if (r.value === "no") { keys().forEach(function (key) { set(key, null); }); set(NAME, null); remember.checked = false; }
        render();
      });
    });
    name.addEventListener("input", rememberName);
    remember.addEventListener("change", rememberName);
    file.addEventListener("change", function () {
      var reader = new FileReader();
      if (!file.files.length) return;
      if (get(CONSENT) !== "yes") { message.textContent = S.sProgressImportNeedsConsent; file.value = ""; return; }
      reader.onload = function () { load(String(reader.result)); file.value = ""; };
      reader.readAsText(file.files[0]);
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
