/* Self-check quizzes (hooks/render_quizzes.py): check on request, feedback, retry, progress.
   No dependencies, no requests; all reader-facing text comes from the page (data-s-*). */
(function () {
  "use strict";
  var PREFIX = "kb-quiz:";

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function load(id) { try { return JSON.parse(localStorage.getItem(PREFIX + id)) || {}; } catch (e) { return {}; } }
  function save(id, rec) { try { localStorage.setItem(PREFIX + id, JSON.stringify(rec)); } catch (e) { /* private mode */ } }
  function today() { var d = new Date(); d.setMinutes(d.getMinutes() - d.getTimezoneOffset()); return d.toISOString().slice(0, 10); }
  function shuffle(list, keep) {
    var items = all(list, ":scope > li"), tries = 0, i, j, t;
    do {
      for (i = items.length - 1; i > 0; i--) { j = Math.floor(Math.random() * (i + 1)); t = items[i]; items[i] = items[j]; items[j] = t; }
    } while (keep && keep(items) && ++tries < 20);
    items.forEach(function (li) { list.appendChild(li); });
  }

  /* Fill-in answers: case, accents and punctuation never count; one slip in a word of 5+ letters is fine. */
  function words(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean);
  }
  function distance(a, b) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length];
  }
  function accepts(answers, given) {
    var g = words(given);
    return g.length > 0 && answers.some(function (answer) {
      var a = words(answer);
      return a.length === g.length && a.every(function (w, i) { return w === g[i] || (w.length >= 5 && distance(w, g[i]) <= 1); });
    });
  }

  /* --- one question: read, set, grade, show ------------------------------------------------ */
  function answerOf(q) {
    var type = q.dataset.type, m = {};
    if (type === "order") return all(q, ".kb-quiz__step").map(function (li) { return li.dataset.id; });
    if (type === "fill-in") return q.querySelector("input").value;
    if (type === "match") { all(q, ".kb-quiz__pair").forEach(function (li) { m[li.dataset.id] = li.querySelector("select").value; }); return m; }
    return all(q, "input:checked").map(function (input) { return input.value; });
  }
  function setAnswer(q, a) {
    var type = q.dataset.type, list = q.querySelector(".kb-quiz__steps");
    if (type === "order" && Array.isArray(a)) a.forEach(function (id) { var li = list.querySelector('[data-id="' + id + '"]'); if (li) list.appendChild(li); });
    else if (type === "fill-in") q.querySelector("input").value = a || "";
    else if (type === "match") all(q, ".kb-quiz__pair").forEach(function (li) { li.querySelector("select").value = (a || {})[li.dataset.id] || ""; });
    else all(q, "input").forEach(function (input) { input.checked = (a || []).indexOf(input.value) >= 0; });
  }
  function grade(q) {
    var type = q.dataset.type, a = answerOf(q), right = 0, n = 0, solution;
    if (type === "fill-in") return { answered: a.trim() !== "", score: accepts(JSON.parse(q.dataset.answers), a) ? 1 : 0 };
    if (type === "order") {
      return { answered: true, score: a.join(" ") === q.dataset.solution ? 1 : 0 };
    }
    if (type === "match") {
      all(q, ".kb-quiz__pair").forEach(function (li) { n++; if (a[li.dataset.id] === li.dataset.id) right++; });
      return { answered: all(q, "select").some(function (s) { return s.value; }), score: right / n };
    }
    var correct = all(q, ".kb-quiz__option[data-correct]").map(function (li) { return li.dataset.id; });
    a.forEach(function (id) { if (correct.indexOf(id) >= 0) right++; else n++; });
    return { answered: a.length > 0, score: Math.max(0, (right - n) / correct.length) };
  }
  function mark(el, ok, S) {
    if (!el) return;
    el.hidden = false;
    el.className = "kb-quiz__mark kb-quiz__mark--" + (ok ? "right" : "wrong");
    el.textContent = ok ? S.sRight : S.sWrong;
  }
  function show(q, g, S) {
    var type = q.dataset.type, a = answerOf(q), solution = (q.dataset.solution || "").split(" ");
    if (type === "order") all(q, ".kb-quiz__step").forEach(function (li, i) { mark(li.querySelector(".kb-quiz__mark"), li.dataset.id === solution[i], S); });
    else if (type === "match") all(q, ".kb-quiz__pair").forEach(function (li) { if (a[li.dataset.id]) mark(li.querySelector(".kb-quiz__mark"), a[li.dataset.id] === li.dataset.id, S); });
    else if (type === "fill-in") { if (g.answered) mark(q.querySelector(".kb-quiz__mark"), g.score === 1, S); }
    else all(q, ".kb-quiz__option").forEach(function (li) {
      if (a.indexOf(li.dataset.id) < 0) return;
      mark(li.querySelector(".kb-quiz__mark"), li.hasAttribute("data-correct"), S);
      var feedback = li.querySelector(".kb-quiz__feedback");
      if (feedback) feedback.hidden = false;
    });
    var result = q.querySelector(".kb-quiz__result"), state = !g.answered ? "unanswered" : g.score === 1 ? "right" : g.score > 0 ? "partly" : "wrong";
    result.hidden = false;
    result.className = "kb-quiz__result kb-quiz__result--" + (state === "partly" ? "partly" : state === "right" ? "right" : "wrong");
    result.textContent = S["s" + state.charAt(0).toUpperCase() + state.slice(1)];
    q.querySelector(".kb-quiz__explanation").hidden = false;
  }
  function reset(q) {
    setAnswer(q, null);
    all(q, ".kb-quiz__mark, .kb-quiz__feedback, .kb-quiz__result, .kb-quiz__explanation, .kb-quiz__answer").forEach(function (el) { el.hidden = true; });
    all(q, ".kb-quiz__mark").forEach(function (el) { el.className = "kb-quiz__mark"; el.textContent = ""; });
    q.querySelector(".kb-quiz__answer").open = false;
    mix(q);
  }
  function mix(q) {
    var type = q.dataset.type, solution = q.dataset.solution;
    if (type === "single" || type === "multiple") shuffle(q.querySelector(".kb-quiz__options"));
    if (type === "order") shuffle(q.querySelector(".kb-quiz__steps"), function (items) {
      return items.map(function (li) { return li.dataset.id; }).join(" ") === solution;
    });
  }

  /* --- one quiz ------------------------------------------------------------------------------ */
  function setup(root) {
    var S = root.dataset, id = S.kbQuiz, lang = document.documentElement.lang || "nl";
    var questions = all(root, ".kb-quiz__question"), scores = {};
    var status = root.querySelector(".kb-quiz__status"), best = root.querySelector(".kb-quiz__best");
    var announce = root.querySelector("[data-kb-announce]");  /* moves; the score stays in status */
    var buttons = {};
    all(root, "[data-action]").forEach(function (b) { buttons[b.dataset.action] = b; });

    function showBest() {
      var rec = load(id);
      best.hidden = rec.best == null;
      if (rec.best != null) best.textContent = fill(S.sBest, { percent: rec.best, date: new Date(rec.date + "T12:00").toLocaleDateString(lang) });
    }
    function record(percent) {
      var rec = load(id), passMark = +S.passMark || null, answers = {};
      questions.forEach(function (q) {
        answers[q.dataset.qid] = { h: q.dataset.hash, a: answerOf(q), l: q.dataset.type === "fill-in" ? lang : undefined };
      });
      if (rec.best == null || percent >= rec.best) { rec.best = percent; rec.date = today(); }
      rec.last = percent;
      rec.passMark = passMark;
      rec.passed = passMark ? !!rec.passed || percent >= passMark : null;
      rec.answers = answers;
      save(id, rec);
      showBest();
    }
    function check() {
      var total = 0, percent, passMark = +S.passMark, text;
      questions.forEach(function (q) {
        if (!q.querySelector("fieldset").disabled) {
          var g = grade(q);
          scores[q.dataset.qid] = g.score;
          show(q, g, S);
        }
        total += scores[q.dataset.qid] || 0;
      });
      percent = Math.round(100 * total / questions.length);
      text = fill(S.sScore, { score: (Math.round(total * 10) / 10).toLocaleString(lang), total: questions.length, percent: percent });
      if (passMark) text += " " + fill(percent >= passMark ? S.sPassed : S.sNotPassed, { mark: passMark });
      status.textContent = text;
      status.className = "kb-quiz__status" + (passMark ? " kb-quiz__status--" + (percent >= passMark ? "passed" : "failed") : "");
      buttons["retry-wrong"].hidden = total === questions.length;
      buttons["retry-all"].hidden = buttons.solution.hidden = false;
      record(percent);
    }
    function retry(wrongOnly) {
      var first = null;
      questions.forEach(function (q) {
        var keep = wrongOnly && scores[q.dataset.qid] === 1;
        q.querySelector("fieldset").disabled = keep;
        if (keep) return;
        delete scores[q.dataset.qid];
        reset(q);
        first = first || q.querySelector(".kb-quiz__control, .kb-quiz__move");
      });
      buttons["retry-wrong"].hidden = buttons["retry-all"].hidden = buttons.solution.hidden = true;
      status.textContent = "";
      status.className = "kb-quiz__status";
      if (first) first.focus();
    }
    function solution() {
      questions.forEach(function (q) {
        var details = q.querySelector(".kb-quiz__answer");
        details.hidden = false;
        details.open = true;
        q.querySelector(".kb-quiz__explanation").hidden = false;
      });
    }
    function move(button) {
      var li = button.closest(".kb-quiz__step"), list = li.parentNode, up = button.dataset.move === "-1";
      var other = up ? li.previousElementSibling : li.nextElementSibling, items;
      if (other) list.insertBefore(up ? li : other, up ? other : li);
      button.focus();
      all(li.closest(".kb-quiz__question"), ".kb-quiz__mark").forEach(function (m) { m.hidden = true; m.className = "kb-quiz__mark"; });
      items = all(list, ":scope > li");
      announce.textContent = fill(S.sMoved, { step: li.querySelector(".kb-quiz__step-text").textContent, pos: items.indexOf(li) + 1, total: items.length });
    }

    /* Progressive enhancement: the no-JS answers become the "show solution" view. */
    var rec = load(id), saved = rec.answers || {};
    questions.forEach(function (q) {
      var details = q.querySelector(".kb-quiz__answer"), explanation = details.querySelector(".kb-quiz__explanation");
      q.querySelector(".kb-quiz__result").after(explanation);
      explanation.hidden = details.hidden = true;
      all(q, ".kb-quiz__moves").forEach(function (el) { el.hidden = false; });
      var old = saved[q.dataset.qid];
      if (old && old.h === q.dataset.hash && (!old.l || old.l === lang)) setAnswer(q, old.a);
      else mix(q);
    });
    root.querySelector(".kb-quiz__actions").hidden = false;
    root.classList.add("kb-quiz--js");
    showBest();
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      if (button.classList.contains("kb-quiz__move")) move(button);
      else if (button.dataset.action === "check") check();
      else if (button.dataset.action === "retry-wrong") retry(true);
      else if (button.dataset.action === "retry-all") retry(false);
      else if (button.dataset.action === "solution") solution();
    });
    return true;
  }

  function init() {
    all(document, "[data-kb-quiz]").forEach(function (root) { if (!root.kbQuiz) root.kbQuiz = setup(root); });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  init();
})();
