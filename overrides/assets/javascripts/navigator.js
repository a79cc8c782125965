/* The navigator ("Which path fits?", issue 24): one question at a time, back, "I don't know", a
   summary of the answers with a way to change each, and every scheme sorted into open, check
   first and not open. Loaded only on the navigator page (overrides/hooks/kinds/navigator.html).

   Everything it shows is in the page: the questions (fieldsets of radio buttons, each with the
   answer "unknown"), and each scheme (article[data-scheme]) with its rules in words, each rule's
   group and answers as data (li[data-rule-group][data-when]). This script only reads those,
   shows, hides and groups: no rule is written here. The meaning of the rules is the eligibility
   contract's, section 3 (the same as kb/eligibility.py):
   - a rule matches a complete set of answers when, for each question it names, the answer is
     one it lists; the scheme's group is that of its matching rules, else its rule without
     conditions ("otherwise"), else "closed";
   - with "I don't know" (or no answer), every completion over the unknown questions the
     scheme's rules name is tried: one group for all is the group; else "check", with the
     questions whose answer changes the group as what to check. "I don't know" never hides a
     scheme.

   A question with data-ask-if ({question: [answers]}) is asked only when those earlier
   questions have one of those answers or "I don't know"; a question not asked counts as "I
   don't know" (its answer, if any, is dropped).

   The answers live in the address (?residence=recognised-refugee&leefloon=yes): a plan can be
   bookmarked and reopened. Nothing is stored and nothing is sent. */
(function () {
  "use strict";

  var GROUPS = ["open", "check", "closed"];
  var UNKNOWN = "unknown";

  function list(nodes) { return Array.prototype.slice.call(nodes); }

  function unique(items) {
    return items.filter(function (item, i) { return items.indexOf(item) === i; });
  }

  function readRules(article) {
    return list(article.querySelectorAll("[data-rule-group]")).map(function (li) {
      var when = {};
      try { when = JSON.parse(li.getAttribute("data-when") || "{}") || {}; } catch (e) { when = {}; }
      return { group: li.getAttribute("data-rule-group"), when: when, node: li };
    });
  }

  function conditional(rule) { return Object.keys(rule.when).length > 0; }

  // The group of a complete set of answers and the rules that gave it (contract 3.1).
  function groupOf(rules, answers) {
    var hit = rules.filter(function (rule) {
      return conditional(rule) && Object.keys(rule.when).every(function (q) {
        return rule.when[q].indexOf(answers[q]) >= 0;
      });
    });
    if (hit.length) return { group: hit[0].group, rules: hit };
    var otherwise = rules.filter(function (rule) { return !conditional(rule); });
    if (otherwise.length) return { group: otherwise[0].group, rules: otherwise.slice(0, 1) };
    return { group: "closed", rules: [] };
  }

  // Every completion of the answers over the questions in "open" (each of its declared answers).
  function completions(answers, open, choices) {
    var found = [Object.assign({}, answers)];
    open.forEach(function (q) {
      var next = [];
      found.forEach(function (partial) {
        choices[q].forEach(function (a) {
          var one = Object.assign({}, partial);
          one[q] = a;
          next.push(one);
        });
      });
      found = next;
    });
    return found;
  }

  // The scheme's group, the rules behind it and the questions to check (contract 3.2).
  function judge(rules, answers, choices) {
    var named = unique([].concat.apply([], rules.map(function (r) { return Object.keys(r.when); })));
    var open = named.filter(function (q) { return !answers[q] || answers[q] === UNKNOWN; });
    open = open.filter(function (q) { return choices[q]; });
    var results = completions(answers, open, choices).map(function (c) {
      return { answers: c, result: groupOf(rules, c) };
    });
    var groups = unique(results.map(function (r) { return r.result.group; }));
    var used = unique([].concat.apply([], results.map(function (r) { return r.result.rules; })));
    if (groups.length === 1) return { group: groups[0], rules: used, check: [] };
    var check = open.filter(function (q) {
      return results.some(function (a) {
        return results.some(function (b) {
          return a.result.group !== b.result.group && open.every(function (o) {
            return o === q || a.answers[o] === b.answers[o];
          });
        });
      });
    });
    return { group: "check", rules: used, check: check };
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var form = root.querySelector(".kb-nav__form");
    var fieldsets = list(form.querySelectorAll("[data-question]"));
    var ids = fieldsets.map(function (f) { return f.getAttribute("data-question"); });
    var choices = {};
    fieldsets.forEach(function (f) {
      choices[f.getAttribute("data-question")] = list(f.querySelectorAll("input"))
        .map(function (input) { return input.value; })
        .filter(function (value) { return value !== UNKNOWN; });
    });
    var summary = root.querySelector(".kb-nav__summary");
    var given = summary.querySelector(".kb-nav__given");
    var result = root.querySelector(".kb-nav__result");
    var all = root.querySelector(".kb-nav__all");
    var back = form.querySelector("[data-nav=back]");
    var schemes = list(root.querySelectorAll("[data-scheme]")).map(function (article) {
      return { node: article, rules: readRules(article) };
    });
    var current = 0;

    var askIf = {};
    fieldsets.forEach(function (f) {
      try { askIf[f.getAttribute("data-question")] = JSON.parse(f.getAttribute("data-ask-if") || "{}"); }
      catch (e) { askIf[f.getAttribute("data-question")] = {}; }
    });

    // Whether question q is asked, given the answers before it.
    function asked(q, found) {
      return Object.keys(askIf[q]).every(function (p) {
        return !found[p] || found[p] === UNKNOWN || askIf[q][p].indexOf(found[p]) >= 0;
      });
    }

    function answers() {
      var found = {};
      ids.forEach(function (q) {
        var checked = form.querySelector("input[name='" + q + "']:checked");
        if (checked && asked(q, found)) found[q] = checked.value;
      });
      return found;
    }

    // The questions still to answer: asked, and without an answer.
    function unanswered(found) {
      return ids.filter(function (q) { return !found[q] && asked(q, found); });
    }

    function textOf(q) {
      var f = fieldsets[ids.indexOf(q)];
      return f.querySelector(".kb-nav__text").textContent;
    }

    function answerText(q, value) {
      var input = list(fieldsets[ids.indexOf(q)].querySelectorAll("input")).filter(function (i) {
        return i.value === value;
      })[0];
      return input ? input.parentNode.textContent.trim() : value;
    }

    // The answers into the address, so the plan can be bookmarked; from file:// a browser may
    // refuse, and the page works the same without it.
    function remember(found) {
      var params = new URLSearchParams();
      ids.forEach(function (q) { if (found[q]) params.set(q, found[q]); });
      var query = params.toString();
      var canonical = document.querySelector('link[rel="canonical"]');
      var again = new URL(canonical ? canonical.href : location.href);
      again.search = query;
      again.hash = "";
      root.querySelector(".kb-nav__address").textContent = again.href;
      try {
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      } catch (e) { /* file:// in some browsers */ }
    }

    function showSummary(found) {
      given.textContent = "";
      ids.forEach(function (q) {
        if (!found[q]) return;
        var dt = document.createElement("dt");
        dt.textContent = textOf(q);
        var dd = document.createElement("dd");
        dd.setAttribute("data-answer", q);
        var span = document.createElement("span");
        span.textContent = answerText(q, found[q]) + " ";
        var change = document.createElement("button");
        change.type = "button";
        change.className = "md-button kb-nav__change";
        change.textContent = root.dataset.change;
        change.setAttribute("aria-label", root.dataset.change + ": " + textOf(q));
        change.addEventListener("click", function () { ask(ids.indexOf(q)); });
        dd.appendChild(span);
        dd.appendChild(change);
        given.appendChild(dt);
        given.appendChild(dd);
      });
      summary.hidden = !given.firstChild;
    }

    function sort(found) {
      var lists = {};
      GROUPS.forEach(function (g) {
        lists[g] = result.querySelector("[data-group-list=" + g + "] .kb-nav__items");
      });
      schemes.forEach(function (scheme) {
        var verdict = judge(scheme.rules, found, choices);
        scheme.node.setAttribute("data-group", verdict.group);
        scheme.rules.forEach(function (rule) { rule.node.hidden = verdict.rules.indexOf(rule) < 0; });
        var tocheck = scheme.node.querySelector(".kb-nav__tocheck");
        tocheck.hidden = !verdict.check.length;
        tocheck.querySelector(".kb-nav__questions").textContent =
          verdict.check.map(textOf).join(" · ");
        lists[verdict.group].appendChild(scheme.node);
      });
      GROUPS.forEach(function (g) {
        var count = lists[g].children.length;
        var group = lists[g].parentNode;
        group.querySelector(".kb-nav__count").textContent = count;
        group.querySelector(".kb-nav__none").hidden = count > 0;
      });
    }

    // "Question 2 of 5": counted among the questions asked for these answers, so a skipped
    // question leaves no gap (the page's own numbers count every question).
    function number(index) {
      var found = answers();
      var asked_ = ids.filter(function (q) { return asked(q, found); });
      var position = asked_.indexOf(ids[index]);
      fieldsets[index].querySelector(".kb-nav__step").textContent = root.dataset.step
        .replace("{n}", position + 1).replace("{total}", asked_.length);
    }

    function ask(index, quiet) {
      current = index;
      number(index);
      form.hidden = false;
      result.hidden = true;
      fieldsets.forEach(function (f, i) { f.hidden = i !== index; });
      back.hidden = index === 0;
      showSummary(answers());
      if (!quiet) fieldsets[index].focus();
    }

    function finish(focus) {
      var found = answers();
      remember(found);
      form.hidden = true;
      showSummary(found);
      sort(found);
      result.hidden = false;
      if (focus) result.querySelector("h2").focus();
    }

    function next() {
      var found = answers();
      if (!found[ids[current]]) {
        form.querySelector("input[name='" + ids[current] + "'][value=" + UNKNOWN + "]").checked = true;
        found = answers();
      }
      remember(found);
      var open = unanswered(found).filter(function (q) { return ids.indexOf(q) > current; });
      if (open.length) ask(ids.indexOf(open[0]));
      else finish(true);
    }

    form.querySelector("[data-nav=next]").addEventListener("click", next);
    back.addEventListener("click", function () {
      var found = answers();
      var before = ids.slice(0, current).filter(function (q) { return asked(q, found); });
      if (before.length) ask(ids.indexOf(before[before.length - 1]));
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); next(); });
    result.querySelector("[data-nav=print]").addEventListener("click", function () { window.print(); });
    result.querySelector("[data-nav=restart]").addEventListener("click", function () {
      list(form.querySelectorAll("input")).forEach(function (input) { input.checked = false; });
      remember({});
      ask(0);
    });

    // Start from the address: its answers checked, the results when every question has one.
    var params = new URLSearchParams(location.search);
    ids.forEach(function (q) {
      var value = params.get(q);
      var input = value && list(form.querySelectorAll("input[name='" + q + "']")).filter(function (i) {
        return i.value === value;
      })[0];
      if (input) input.checked = true;
    });
    if (!ids.length) return; // no questions yet: the list of every scheme, as without JavaScript
    all.hidden = true;
    root.querySelector(".kb-nav__nojs").hidden = true;
    var found = answers();
    var first = unanswered(found)[0];
    if (first === undefined) finish(false);
    else ask(ids.indexOf(first), true);
  }

  list(document.querySelectorAll("[data-kb-nav]")).forEach(setup);
})();
