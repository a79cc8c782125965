/* Self-check quizzes (hooks/steps/render_quizzes.py): check per question or for the whole quiz, feedback,
   solution, retry, a summary and a short history. Results are kept in this browser only if the
   reader chose so (asked once, changeable on the progress page). No dependencies, no requests.
   Each question type has its grader (GRADERS). The parts only this script uses (buttons, marks,
   results) it makes itself (parts(), tail()), with the texts hooks/steps/render_quizzes.py writes into
   STRINGS in the built copy (from hooks/ui_strings.yml): a page does not carry them. */
(function () {
  "use strict";
  var PREFIX = "kb-quiz:", CONSENT = "kb-progress-consent", HISTORY = 5;
  var STRINGS = {};
  /* Where this script was loaded from (the quiz loader adds it from the site's own folder). */
  var HERE = (document.currentScript && document.currentScript.src) || "";

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  /* A question in a line of the summary: its prompt (a fill-in: its sentence, after the "Fill in…:"
     label, with the blank), whole up to 60 characters, else cut after a word. */
  function named(q) {
    var label = q.querySelector(".kb-quiz__fill label"), text;
    if (!label) return shorten(q.querySelector(".kb-quiz__prompt").textContent);
    label = label.cloneNode(true);
    all(label, ".kb-quiz__sr").forEach(function (el) { el.remove(); });
    text = label.textContent;
    return shorten(text.slice(text.indexOf(":") + 1));
  }
  function shorten(text) {
    text = text.replace(/\s+/g, " ").trim();
    return text.length <= 60 ? text : text.slice(0, 57).replace(/[\s,.;:!?]+\S*$/, "") + "…";
  }
  /* A select shows only the start of a long answer on a phone: the whole answer, wrapped, under it. */
  function chosen(select) {
    var line = select.nextElementSibling, option = select.selectedOptions[0];
    if (!line || !line.classList.contains("kb-quiz__chosen")) return;
    line.textContent = select.value && option ? option.textContent : "";
    line.hidden = !select.value;
  }
  function consent() { try { return localStorage.getItem(CONSENT); } catch (e) { return null; } }
  function load(id) {
    if (consent() !== "yes") return {};
    try { return JSON.parse(localStorage.getItem(PREFIX + id)) || {}; } catch (e) { return {}; }
  }
  function save(id, rec) {
    if (consent() !== "yes") return false;
    try { localStorage.setItem(PREFIX + id, JSON.stringify(rec)); return true; } catch (e) { return false; }
  }
  function today() { var d = new Date(); d.setMinutes(d.getMinutes() - d.getTimezoneOffset()); return d.toISOString().slice(0, 10); }
  function plural(S, base, n) {
    var rule = "other";
    try { rule = new Intl.PluralRules(S.sLocale).select(n); } catch (e) { /* old browser */ }
    return S[base + (rule === "one" ? "One" : "Other")];
  }
  function day(S, iso) {
    try { return new Intl.DateTimeFormat(S.sLocale, { day: "numeric", month: "long", year: "numeric" }).format(new Date(iso + "T12:00")); } catch (e) { return iso; }
  }
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
  /* The accepted answer that matches, and whether it matched only thanks to a forgiven slip. */
  function accepts(answers, given) {
    var g = words(given), exact, near;
    if (!g.length) return null;
    exact = answers.filter(function (answer) { return words(answer).join(" ") === g.join(" "); })[0];
    if (exact != null) return { answer: exact, slip: false };
    near = answers.filter(function (answer) {
      var a = words(answer);
      return a.length === g.length && a.every(function (w, i) { return w === g[i] || (w.length >= 5 && distance(w, g[i]) <= 1); });
    })[0];
    return near == null ? null : { answer: near, slip: true };
  }

  /* --- a grader per question type (kb/question_types): read, set, grade, show; mix, parts -- */
  function ids(items) { return items.map(function (li) { return li.dataset.id; }); }
  function marker(li, ok, S) { mark(li.querySelector(".kb-quiz__mark"), ok ? "right" : "wrong", ok ? S.sRight : S.sWrong); }
  function options(many, mixed) {
    return {
      read: function (q) { return all(q, "input:checked").map(function (input) { return input.value; }); },
      answered: function (q) { return this.read(q).length > 0; },
      set: function (q, a) { all(q, "input").forEach(function (input) { input.checked = (a || []).indexOf(input.value) >= 0; }); },
      grade: function (q, a) {
        var correct = ids(all(q, ".kb-quiz__option[data-correct]")), right = 0, n = 0;
        a.forEach(function (id) { if (correct.indexOf(id) >= 0) right++; else n++; });
        return { answered: true, score: Math.max(0, (right - n) / correct.length) };
      },
      show: function (q, a, g, S) {
        all(q, ".kb-quiz__option").forEach(function (li) {
          var chosen = a.indexOf(li.dataset.id) >= 0, ok = li.hasAttribute("data-correct"), feedback = li.querySelector(".kb-quiz__feedback");
          /* One answer: the result line says right or wrong, the option only "your choice". */
          if (chosen && !many) mark(li.querySelector(".kb-quiz__mark"), ok ? "right" : "wrong", S.sChosen);
          else if (chosen) marker(li, ok, S);
          else if (ok && many && g.answered) mark(li.querySelector(".kb-quiz__mark"), "missed", S.sMissed);
          if (feedback && chosen) feedback.hidden = false;
        });
      },
      mix: mixed && function (q) { shuffle(q.querySelector(".kb-quiz__options")); }
    };
  }
  var GRADERS = {
    single: options(false, true),
    multiple: options(true, true),
    "true-false": options(false, false),
    "fill-in": {
      lang: true,  /* a saved answer is in one language */
      read: function (q) { return q.querySelector("input").value; },
      answered: function (q) { return this.read(q).trim() !== ""; },
      set: function (q, a) { q.querySelector("input").value = a || ""; },
      grade: function (q, a) { var fit = accepts(JSON.parse(q.dataset.answers), a); return { answered: true, score: fit ? 1 : 0, fit: fit }; },
      show: function (q, a, g, S) {
        var el = q.querySelector(".kb-quiz__spelling");
        el.hidden = !(g.fit && g.fit.slip);
        el.textContent = g.fit ? fill(S.sAcceptedSpelling, { answer: g.fit.answer }) : "";
      }
    },
    order: {
      read: function (q) { return ids(all(q, ".kb-quiz__step")); },
      answered: function (q) { return !!q.kbTouched; },
      set: function (q, a) {
        var list = q.querySelector(".kb-quiz__steps");
        q.kbTouched = Array.isArray(a);
        if (q.kbTouched) a.forEach(function (id) { var li = list.querySelector('[data-id="' + id + '"]'); if (li) list.appendChild(li); });
      },
      grade: function (q, a) { return { answered: true, score: a.join(" ") === q.dataset.solution ? 1 : 0 }; },
      show: function (q, a, g, S) {
        var solution = q.dataset.solution.split(" ");
        all(q, ".kb-quiz__step").forEach(function (li, i) { marker(li, li.dataset.id === solution[i], S); });
      },
      mix: function (q) {
        shuffle(q.querySelector(".kb-quiz__steps"), function (items) {
          return ids(items).join(" ") === q.dataset.solution;
        });
      },
      parts: function (q, S) {
        all(q, ".kb-quiz__step").forEach(function (li) {
          var text = li.querySelector(".kb-quiz__step-text").id;
          li.append(make("span", { class: "kb-quiz__moves", hidden: true }, [[-1, "up", "\u2191 ", S.sMoveUp], [1, "down", "\u2193 ", S.sMoveDown]].map(function (m) {
            var id = text + "-" + m[1];
            return make("button", { type: "button", class: "kb-quiz__move", "data-move": m[0], id: id, "aria-labelledby": id + " " + text }, [make("span", { "aria-hidden": "true" }, [m[2]]), m[3]]);
          })));
        });
      }
    },
    match: {
      read: function (q) { var m = {}; all(q, ".kb-quiz__pair").forEach(function (li) { m[li.dataset.id] = li.querySelector("select").value; }); return m; },
      answered: function (q) { return all(q, "select").some(function (s) { return s.value; }); },
      set: function (q, a) { all(q, ".kb-quiz__pair").forEach(function (li) { var s = li.querySelector("select"); s.value = (a || {})[li.dataset.id] || ""; chosen(s); }); },
      grade: function (q, a) {
        var pairs = all(q, ".kb-quiz__pair"), right = pairs.filter(function (li) { return a[li.dataset.id] === li.dataset.id; });
        return { answered: true, score: right.length / pairs.length };
      },
      show: function (q, a, g, S) { all(q, ".kb-quiz__pair").forEach(function (li) { var v = a[li.dataset.id]; if (v) marker(li, v === li.dataset.id, S); }); },
      parts: function (q) {
        all(q, ".kb-quiz__select").forEach(function (select) {
          select.after(make("span", { class: "kb-quiz__chosen", "aria-hidden": "true", hidden: true }));
        });
        /* On paper a select shows no choices: a handout lists them (quiz.css shows it in print only). */
        q.querySelector(".kb-quiz__pairs").before(make("ul", { class: "kb-quiz__choices" }, all(q.querySelector(".kb-quiz__select"), "option").filter(function (o) {
          return o.value;
        }).map(function (o) { return make("li", {}, [o.textContent]); })));
      }
    }
  };

  /* --- one question, by its type's grader --------------------------------------------------- */
  function grader(q) { return GRADERS[q.dataset.type]; }
  function answerOf(q) { return grader(q).read(q); }
  function answered(q) { return grader(q).answered(q); }
  function setAnswer(q, a) { grader(q).set(q, a); }
  function grade(q) { return answered(q) ? grader(q).grade(q, answerOf(q)) : { answered: false, score: 0 }; }
  function mark(el, state, text) {
    if (!el) return;
    el.hidden = false;
    el.className = "kb-quiz__mark kb-quiz__mark--" + state;
    el.textContent = text;
  }
  function stateOf(g) { return !g.answered ? "unanswered" : g.score === 1 ? "right" : g.score > 0 ? "partly" : "wrong"; }
  function show(q, g, S) {
    var spelling = q.querySelector(".kb-quiz__spelling"), state = stateOf(g), result = q.querySelector(".kb-quiz__result");
    grader(q).show(q, answerOf(q), g, S);
    result.hidden = false;
    result.className = "kb-quiz__result kb-quiz__result--" + (state === "unanswered" ? "wrong" : state);
    result.textContent = S["s" + state.charAt(0).toUpperCase() + state.slice(1)];
    q.querySelector(".kb-quiz__explanation").hidden = false;
    q.kbChecked = true;
    return result.textContent + (spelling && !spelling.hidden ? ". " + spelling.textContent : "");
  }
  function clearMarks(q) {
    all(q, ".kb-quiz__mark, .kb-quiz__feedback, .kb-quiz__result, .kb-quiz__explanation, .kb-quiz__answer, .kb-quiz__spelling").forEach(function (el) { el.hidden = true; });
    all(q, ".kb-quiz__mark").forEach(function (el) { el.className = "kb-quiz__mark"; el.textContent = ""; });
    q.querySelector(".kb-quiz__answer").open = false;
    q.kbChecked = false;
  }
  function reset(q) { setAnswer(q, null); clearMarks(q); mix(q); }
  function mix(q) { if (grader(q).mix) grader(q).mix(q); }
  function openSolution(q) {
    var details = q.querySelector(".kb-quiz__answer");
    details.hidden = false;
    details.open = true;
    q.querySelector(".kb-quiz__explanation").hidden = false;
  }

  /* The parts of a question that only this script uses, where the page would have them: a mark
     for each option, step and pair; the result, spelling note and buttons before the answer. */
  /* An element; attrs: attributes (true: present, false: left out); kids: elements or texts, a
     space between two elements (as between the tags of a page). */
  function make(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== false) el.setAttribute(k, attrs[k] === true ? "" : attrs[k]); });
    (kids || []).forEach(function (kid, i) {
      if (i && typeof kid !== "string" && typeof kids[i - 1] !== "string") el.append(" ");
      el.append(kid);
    });
    return el;
  }
  function button(cls, attrs, text) {
    return make("button", Object.assign({ type: "button", class: cls }, attrs), [text]);
  }
  function parts(q, S) {
    var number = q.querySelector(".kb-quiz__number");
    number.id = q.id + "-number";
    if (grader(q).parts) grader(q).parts(q, S);
    all(q, ".kb-quiz__option, .kb-quiz__step, .kb-quiz__pair").forEach(function (li) {
      li.insertBefore(make("span", { class: "kb-quiz__mark", hidden: true }), li.querySelector(".kb-quiz__feedback"));
    });
    q.querySelector(".kb-quiz__answer").before(
      make("p", { class: "kb-quiz__result", hidden: true }),
      make("p", { class: "kb-quiz__spelling", hidden: true }),
      make("div", { class: "kb-quiz__qactions", hidden: true }, [["check", S.sCheckOne], ["solution", S.sSolutionOne], ["retry", S.sRetryOne]].map(function (b, i) {
        return button("kb-quiz__qbutton", { "data-qaction": b[0], "aria-describedby": number.id, hidden: i > 0 }, b[1]);
      }))
    );
  }
  /* "{page}" in a text becomes a link to the page (plain text where there is no address). */
  function withLink(text, title, href) {
    var at = text.indexOf("{page}");
    if (at < 0) return [text];
    return [text.slice(0, at), href ? make("a", { href: href }, [title]) : title, text.slice(at + 6)];
  }
  /* The progress page, from the site's root: quiz.js lives at <root>/assets/javascripts/. */
  function progressUrl(S) {
    if (!S.sProgressPath || !HERE) return "";
    return new URL("../../" + S.sProgressPath, HERE).href;
  }
  /* The quiz's own buttons, counter, confirmation, summary and saving choice, after its questions;
     at its top, the answer key's heading (printed only) and the button that prints it. */
  function tail(root, S) {
    var id = root.id, primary = "md-button md-button--primary";
    root.querySelector(".kb-quiz__title").before(make("p", { class: "kb-quiz__keyhead" }, [S.sKeyHeading]));
    root.querySelector(".kb-quiz__note").after(make("p", { class: "kb-quiz__print" }, [button("md-button", { "data-action": "print-key" }, S.sPrintKey)]));
    root.append(
      make("p", { class: "kb-quiz__count", hidden: true }),
      make("div", { class: "kb-quiz__confirm", role: "alertdialog", "aria-modal": "false", "aria-labelledby": id + "-confirm", tabindex: "-1", hidden: true }, [
        make("p", { id: id + "-confirm" }),
        button(primary, { "data-action": "confirm-yes" }, S.sConfirmYes),
        button("md-button", { "data-action": "confirm-no" }, S.sConfirmNo)
      ]),
      make("div", { class: "kb-quiz__actions", hidden: true }, [
        button(primary, { "data-action": "check" }, S.sCheck),
        button("md-button", { "data-action": "retry-wrong", hidden: true }, S.sRetryWrong),
        button("md-button", { "data-action": "retry-all", hidden: true }, S.sRetryAll),
        button("md-button", { "data-action": "solution", hidden: true }, S.sShowSolution)
      ]),
      make("p", { class: "kb-quiz__status", role: "status" }),
      make("div", { class: "kb-quiz__summary", hidden: true }, [
        make("div", { class: "kb-quiz__bar", "aria-hidden": "true" }, [make("span", { class: "kb-quiz__bar-fill" })]),
        make("p", { class: "kb-quiz__summary-title" }, [S.sSummaryTitle]),
        make("ol", { class: "kb-quiz__marks" })
      ]),
      make("div", { class: "kb-quiz__consent", role: "group", "aria-labelledby": id + "-consent", hidden: true }, [
        make("p", { id: id + "-consent" }, withLink(S.sConsentQuestion, S.sProgressPage, progressUrl(S))),
        button(primary, { "data-action": "consent-yes" }, S.sConsentYes),
        button("md-button", { "data-action": "consent-no" }, S.sConsentNo)
      ]),
      make("p", { class: "kb-quiz__saved", hidden: true }),
      make("p", { class: "kb-quiz__sr", "data-kb-announce": true, role: "status" })
    );
  }

  /* --- one quiz ------------------------------------------------------------------------------ */
  function setup(root) {
    var lang = document.documentElement.lang || "nl";
    var S = Object.assign({}, STRINGS[lang] || STRINGS.nl, root.dataset), id = S.kbQuiz;
    tail(root, S);
    var questions = all(root, ".kb-quiz__question"), scores = {}, memory = null, pending = null;
    function part(sel) { return root.querySelector(sel); }
    var status = part(".kb-quiz__status"), best = part(".kb-quiz__best"), history = part(".kb-quiz__history");
    var announce = part("[data-kb-announce]");  /* moves and per-question checks; the score stays in status */
    var count = part(".kb-quiz__count"), confirm = part(".kb-quiz__confirm"), consentBox = part(".kb-quiz__consent");
    var summary = part(".kb-quiz__summary"), saved = part(".kb-quiz__saved"), buttons = {};
    all(root, "[data-action]").forEach(function (b) { buttons[b.dataset.action] = b; });
    function off(q) { return q.querySelector("fieldset").disabled; }

    function showBest() {
      var rec = consent() === "yes" ? load(id) : memory || {}, list = history.querySelector("ul");
      best.hidden = rec.best == null;
      if (rec.best != null) best.textContent = fill(S.sBest, { percent: rec.best, date: day(S, rec.date) });
      list.textContent = "";
      (rec.history || []).slice().reverse().forEach(function (h) {
        var li = document.createElement("li");
        li.textContent = fill(S.sHistoryItem, { date: day(S, h.d), percent: h.p });
        list.appendChild(li);
      });
      history.hidden = !list.children.length;
    }
    function counter() {
      var n = questions.filter(function (q) { return off(q) || answered(q); }).length;
      count.hidden = false;
      count.textContent = fill(plural(S, "sAnswered", questions.length), { n: n, total: questions.length });
    }
    function keep(rec) {
      var ok = save(id, rec);
      saved.hidden = false;
      saved.textContent = ok ? S.sConsentSaved : S.sConsentRefused;
      showBest();
    }
    function record(percent) {
      var rec = consent() === "yes" ? load(id) : memory || {}, passMark = +S.passMark || null, answers = {};
      questions.forEach(function (q) {
        answers[q.dataset.qid] = { h: q.dataset.hash, a: answerOf(q), l: grader(q).lang ? lang : undefined };
      });
      if (rec.best == null || percent >= rec.best) { rec.best = percent; rec.date = today(); }
      rec.last = percent;
      rec.passMark = passMark;
      rec.passed = passMark ? !!rec.passed || percent >= passMark : null;
      rec.answers = answers;
      rec.history = (rec.history || []).concat([{ d: today(), p: percent }]).slice(-HISTORY);
      memory = rec;
      if (consent() === null) { pending = rec; consentBox.hidden = false; saved.hidden = true; showBest(); }
      else keep(rec);
    }
    function summarise(percent) {
      var list = summary.querySelector(".kb-quiz__marks");
      list.textContent = "";
      questions.forEach(function (q, i) {
        var li = document.createElement("li"), a = document.createElement("a"), span = document.createElement("span");
        var state = stateOf({ answered: off(q) || answered(q), score: scores[q.dataset.qid] || 0 });
        a.href = "#" + q.id;
        a.textContent = fill(S.sSummaryQuestion, { n: i + 1, question: named(q) });
        span.className = "kb-quiz__result--" + (state === "unanswered" ? "wrong" : state);
        span.textContent = S["s" + state.charAt(0).toUpperCase() + state.slice(1)];
        li.appendChild(a);
        li.appendChild(document.createTextNode(" – "));
        li.appendChild(span);
        list.appendChild(li);
      });
      summary.querySelector(".kb-quiz__bar-fill").style.width = percent + "%";
      summary.hidden = false;
    }
    function check() {
      var total = 0, percent, passMark = +S.passMark, text;
      questions.forEach(function (q) {
        if (!off(q)) {
          var g = grade(q);
          scores[q.dataset.qid] = g.score;
          show(q, g, S);
          qbuttons(q);
        }
        total += scores[q.dataset.qid] || 0;
      });
      percent = Math.round(100 * total / questions.length);
      text = fill(S.sScore, { score: (Math.round(total * 10) / 10).toLocaleString(S.sLocale || lang), total: questions.length, percent: percent });
      if (passMark) text += " " + fill(percent >= passMark ? S.sPassed : S.sNotPassed, { mark: passMark });
      status.textContent = text;
      status.className = "kb-quiz__status" + (passMark ? " kb-quiz__status--" + (percent >= passMark ? "passed" : "failed") : "");
      buttons["retry-wrong"].hidden = total === questions.length;
      buttons["retry-all"].hidden = buttons.solution.hidden = false;
      summarise(percent);
      record(percent);
    }
    /* An attempt with nothing answered is never graded or kept; open questions are asked about. */
    function requestCheck() {
      var open = questions.filter(function (q) { return !off(q) && !answered(q); });
      if (open.length === questions.length) {
        status.textContent = S.sNothingAnswered;
        status.className = "kb-quiz__status";
        return;
      }
      if (!open.length) { check(); return; }
      confirm.querySelector("p").textContent = fill(plural(S, "sUnanswered", open.length), { n: open.length });
      confirm.hidden = false;
      confirm.kbOpen = open[0];
      buttons["confirm-yes"].focus();
    }
    function closeConfirm(yes) {
      var first = confirm.kbOpen;
      confirm.hidden = true;
      if (yes) { check(); buttons.check.focus(); }
      else if (yes === false && first) first.querySelector(".kb-quiz__control, .kb-quiz__move").focus();
      else buttons.check.focus();
    }
    function qbuttons(q) {
      all(q, "[data-qaction]").forEach(function (b) {
        b.hidden = b.dataset.qaction === "check" ? off(q) : !q.kbChecked;
      });
    }
    function qaction(button) {
      var q = button.closest(".kb-quiz__question"), g;
      if (button.dataset.qaction === "check") {
        if (!answered(q)) { announce.textContent = S.sAnswerFirst; return; }
        g = grade(q);
        scores[q.dataset.qid] = g.score;
        announce.textContent = show(q, g, S);
      } else if (button.dataset.qaction === "solution") openSolution(q);
      else {
        q.querySelector("fieldset").disabled = false;
        delete scores[q.dataset.qid];
        reset(q);
        q.querySelector(".kb-quiz__control, .kb-quiz__move").focus();
      }
      qbuttons(q);
      counter();
    }
    function retry(wrongOnly) {
      var first = null;
      questions.forEach(function (q) {
        var kept = wrongOnly && scores[q.dataset.qid] === 1;
        q.querySelector("fieldset").disabled = kept;
        if (kept) { qbuttons(q); return; }
        delete scores[q.dataset.qid];
        reset(q);
        qbuttons(q);
        first = first || q.querySelector(".kb-quiz__control, .kb-quiz__move");
      });
      buttons["retry-wrong"].hidden = buttons["retry-all"].hidden = buttons.solution.hidden = true;
      summary.hidden = saved.hidden = true;
      status.textContent = "";
      status.className = "kb-quiz__status";
      counter();
      if (first) first.focus();
    }
    function solution() { questions.forEach(openSolution); }
    function printKey() {
      var html = document.documentElement;
      function done() {
        questions.forEach(function (q) { q.querySelector(".kb-quiz__result").after(q.querySelector(".kb-quiz__explanation")); });
        root.classList.remove("kb-quiz--key");
        html.classList.remove("kb-print-key");
        window.removeEventListener("afterprint", done);
      }
      /* On the key each answer comes before its explanation (quiz.js shows the explanation apart). */
      questions.forEach(function (q) { q.querySelector(".kb-quiz__solution").after(q.querySelector(".kb-quiz__explanation")); });
      root.classList.add("kb-quiz--key");
      html.classList.add("kb-print-key");
      window.addEventListener("afterprint", done);
      window.print();
    }
    function move(button) {
      var li = button.closest(".kb-quiz__step"), list = li.parentNode, up = button.dataset.move === "-1";
      var other = up ? li.previousElementSibling : li.nextElementSibling, items, q = li.closest(".kb-quiz__question");
      if (other) list.insertBefore(up ? li : other, up ? other : li);
      button.focus();
      q.kbTouched = true;
      all(q, ".kb-quiz__mark").forEach(function (m) { m.hidden = true; m.className = "kb-quiz__mark"; });
      items = all(list, ":scope > li");
      announce.textContent = fill(S.sMoved, { step: li.querySelector(".kb-quiz__step-text").textContent, pos: items.indexOf(li) + 1, total: items.length });
      counter();
    }
    function choose(yes) {
      try { localStorage.setItem(CONSENT, yes ? "yes" : "no"); } catch (e) { /* storage off */ }
      consentBox.hidden = true;
      if (pending) keep(pending);
      pending = null;
      buttons.check.focus();
    }

    /* Progressive enhancement: the no-JS answers become the "show solution" view. */
    var rec = load(id), kept = rec.answers || {};
    questions.forEach(function (q) {
      parts(q, S);
      var details = q.querySelector(".kb-quiz__answer"), explanation = details.querySelector(".kb-quiz__explanation");
      q.querySelector(".kb-quiz__result").after(explanation);
      explanation.hidden = details.hidden = true;
      all(q, ".kb-quiz__moves").forEach(function (el) { el.hidden = false; });
      q.querySelector(".kb-quiz__qactions").hidden = false;
      var old = kept[q.dataset.qid];
      /* An answer given before this script arrived stays as it is, where it is: not replaced by
         a saved one, not moved by the shuffle. */
      if (answered(q)) return qbuttons(q);
      if (old && old.h === q.dataset.hash && (!old.l || old.l === lang)) setAnswer(q, old.a);
      else mix(q);
      qbuttons(q);
    });
    part(".kb-quiz__actions").hidden = false;
    root.classList.add("kb-quiz--js");
    showBest();
    counter();
    root.addEventListener("input", counter);
    root.addEventListener("change", function (event) {
      if (event.target.matches(".kb-quiz__select")) chosen(event.target);
      counter();
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !confirm.hidden) { event.preventDefault(); closeConfirm(null); }
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button"), act;
      if (!button || !root.contains(button)) return;
      act = button.dataset.action;
      if (button.classList.contains("kb-quiz__move")) move(button);
      else if (button.dataset.qaction) qaction(button);
      else if (act === "check") requestCheck();
      else if (act === "confirm-yes" || act === "confirm-no") closeConfirm(act === "confirm-yes");
      else if (act === "consent-yes" || act === "consent-no") choose(act === "consent-yes");
      else if (act === "retry-wrong") retry(true);
      else if (act === "retry-all") retry(false);
      else if (act === "solution") solution();
      else if (act === "print-key") printKey();
    });
    return true;
  }

  /* Material's back-to-top button floats over the page: it steps aside while a quiz is on screen. */
  var shown = [], watch = "IntersectionObserver" in window && new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      shown = shown.filter(function (el) { return el !== e.target; }).concat(e.isIntersecting ? [e.target] : []);
    });
    document.documentElement.classList.toggle("kb-quiz-in-view", shown.length > 0);
  });

  function init() {
    all(document, "[data-kb-quiz]").forEach(function (root) {
      if (root.kbQuiz) return;
      root.kbQuiz = setup(root);
      if (watch) watch.observe(root);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  init();
})();
