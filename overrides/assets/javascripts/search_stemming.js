/*
 * Stemming that keeps whole-word and prefix queries working, inside Material's search worker.
 * hooks/split_search_index.py appends this file to a copy of Material's worker; it does nothing
 * anywhere else. Material turns every query term into "term*", and lunr skips the pipeline for
 * wildcard terms, so a stemmed index alone would miss whole words. Here:
 *  - while the index is built, the language's stemmer keeps the word AND adds its stem;
 *  - every "term*" of a query becomes "stem*", with the same stemmer (the index's search pipeline);
 *  - stop words ("de", "op", "a") are left out of a query that has other words, so that "op*"
 *    does not match every "opleiding" (a stop word typed alone still works as a prefix);
 *  - a page whose title starts with the query, or whose abbreviation, full name or alias IS the
 *    query ("leefloon", "IBO", "work permit"), comes first (score x NAME_BOOST);
 *  - results name the words the reader typed, not their stems, so the page opened from a result
 *    highlights "leefloon" (?h=leefloon), not the stem "leeflon".
 * scripts/bench_search.py mirrors all of this in Python.
 */
(function () {
  "use strict";
  var lunr = self.lunr;
  if (!lunr || !lunr.Builder || !lunr.Query || lunr.kbStemming) {
    return;
  }
  lunr.kbStemming = true;
  // search-gate.js sets up a second, fuller index in the same worker: Material then loads the
  // language files again, and lunr would warn that each of their functions is registered again.
  var warn = lunr.utils.warn;
  lunr.utils.warn = function (message) {
    if (!/^Overwriting existing registered function/.test(String(message))) {
      warn.apply(this, arguments);
    }
  };
  var searchPipeline = null;
  var stopWordFilter = null;
  var NAME_BOOST = 50;
  var names = {};  // page location -> {title: "words of the title", names: ["abbreviation", ...]}
  var typed = {};  // stem -> the word the reader typed

  function words(text) {
    return String(text || "").replace(/<[^>]*>/g, " ").toLowerCase()
      .split(lunr.tokenizer.separator).filter(Boolean).join(" ");
  }

  function isStemmer(fn) {
    return /^stemmer/.test(fn.label || "");
  }

  function keepWord(stemmer) {
    var both = function (token, i, tokens) {
      var stem = stemmer(token.clone(), i, tokens);
      if (!stem || String(stem) === "" || String(stem) === String(token)) {
        return token;
      }
      return [token, stem];
    };
    both.label = stemmer.label;
    return both;
  }

  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    if (!this.kbKeepsWords) {
      this.kbKeepsWords = true;
      this.pipeline._stack = this.pipeline._stack.map(function (fn) {
        return isStemmer(fn) ? keepWord(fn) : fn;
      });
      searchPipeline = this.searchPipeline;
      stopWordFilter = this.pipeline._stack.filter(function (fn) {
        return /^stopWordFilter/.test(fn.label || "");
      })[0] || null;
    }
    var doc = arguments[0];
    if (doc && typeof doc.location === "string" && doc.location.indexOf("#") < 0) {
      names[doc.location] = {
        title: words(doc.title),
        names: String(doc.keywords || "").split(" · ").map(words).filter(Boolean)
      };
    }
    return add.apply(this, arguments);
  };

  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    var term = c && c.term;
    if (searchPipeline && typeof term === "string" && /^[^*]+\*$/.test(term)) {
      c.kbWord = term.slice(0, -1);
      var stems = searchPipeline.runString(term.slice(0, -1));
      if (stems.length === 1 && stems[0]) {
        c.term = stems[0] + "*";
        typed[stems[0]] = c.kbWord;
      }
    }
    return clause.apply(this, arguments);
  };

  function isStopWord(c) {
    return Boolean(stopWordFilter && c.kbWord && !stopWordFilter(new lunr.Token(c.kbWord)));
  }

  function isName(ref, phrase) {
    var page = names[ref];
    if (!page || !phrase) return false;
    return page.title === phrase || page.title.indexOf(phrase + " ") === 0 ||
      page.names.indexOf(phrase) >= 0;
  }

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var phrase = "";
    var results = query.call(this, function (q) {
      fn.call(q, q);
      var kept = q.clauses.filter(function (c) {
        return !isStopWord(c);
      });
      if (kept.length) {
        q.clauses = kept;
      }
      phrase = words(q.clauses.map(function (c) { return c.kbWord || ""; }).join(" "));
    });
    var boosted = false;
    results.forEach(function (r) {
      if (isName(r.ref, phrase)) {
        r.score *= NAME_BOOST;
        boosted = true;
      }
    });
    return boosted ? results.sort(function (a, b) { return b.score - a.score; }) : results;
  };

  /* RESULT messages (type 3): each item's terms by the typed word instead of its stem. */
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && message.data.items) {
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          var terms = {};
          Object.keys(item.terms || {}).forEach(function (term) {
            terms[typed[term] || term] = item.terms[term];
          });
          item.terms = terms;
        });
      });
    }
    return post.apply(self, arguments);
  };
}());
