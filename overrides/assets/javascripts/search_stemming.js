/*
 * Stemming that keeps whole-word and prefix queries working, inside Material's search worker.
 * hooks/split_search_index.py appends this file to a copy of Material's worker; it does nothing
 * anywhere else. Material turns every query term into "term*", and lunr skips the pipeline for
 * wildcard terms, so a stemmed index alone would miss whole words. Here:
 *  - while the index is built, the language's stemmer keeps the word AND adds its stem;
 *  - every "term*" of a query becomes "stem*", with the same stemmer (the index's search pipeline),
 *    and gets a second clause "stem" (x WHOLE_BOOST) so that a whole word outweighs a longer word
 *    it starts ("werk" in "werken" against "werkplekleren");
 *  - stop words ("de", "op", "a") are left out of a query that has other words, so that "op*"
 *    does not match every "opleiding" (a stop word typed alone still works as a prefix);
 *  - a page whose title starts with the query, or whose abbreviation, full name or alias IS the
 *    query ("leefloon", "IBO", "work permit"), scores higher (score x NAME_BOOST);
 *  - pages are then ranked (issue 26): first a page whose title or name is exactly the typed words
 *    ("mijn opleiding"), then the same without stop words ("leefloon werken": "Leefloon en
 *    werken"), then by how many of the query's words the page has (its entry and its sections
 *    together), then by how many of them are whole words ("werk" in "werken", not in
 *    "werkplekleren"); lunr's and Material's score order pages within a rank;
 *  - a word and its stem sit at the same place in the text: each place is highlighted once
 *    (twice made "<mark><mark</mark>>works</mark>" of a title);
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
  var WHOLE_BOOST = 10;
  var names = {};  // page location -> {title: "words of the title", names: ["abbreviation", ...]}
  var typed = {};  // stem -> the word the reader typed
  var standalone = {};  // a section that is a result of its own (a glossary term) -> true

  /* What is ranked as one result: a page with its sections, or a standalone section. */
  function unitOf(ref) {
    return standalone[ref] ? ref : String(ref).split("#")[0];
  }

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
    if (doc && doc.standalone) {
      standalone[doc.location] = true;
    }
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
      var done = clause.apply(this, arguments);
      // The same word whole, boosted: "werk" in "werken" counts more than in "werkplekleren".
      clause.call(this, {
        term: c.term.slice(0, -1), boost: WHOLE_BOOST, usePipeline: false,
        fields: c.fields, presence: c.presence, kbWhole: c
      });
      return done;
    }
    return clause.apply(this, arguments);
  };

  function isStopWord(c) {
    var own = c.kbWhole || c;
    return Boolean(stopWordFilter && own.kbWord && !stopWordFilter(new lunr.Token(own.kbWord)));
  }

  function isName(ref, phrase) {
    var page = names[ref];
    if (!page || !phrase) return false;
    return page.title === phrase || page.title.indexOf(phrase + " ") === 0 ||
      page.names.indexOf(phrase) >= 0;
  }

  /* How exactly a page's title or one of its names is the typed words: 2 with every word, 1
     without stop words on both sides, 0 not. */
  function exactness(ref, typed, content) {
    var page = names[ref];
    if (!page || !typed) return 0;
    var all = [page.title].concat(page.names);
    if (all.indexOf(typed) >= 0) return 2;
    return all.some(function (name) { return withoutStopWords(name) === content; }) ? 1 : 0;
  }

  function withoutStopWords(text) {
    return text.split(" ").filter(function (word) {
      return !stopWordFilter || stopWordFilter(new lunr.Token(word));
    }).join(" ");
  }

  /* Each place in a field once, over all matched terms (a word and its stem share it). */
  function highlightOnce(result) {
    var seen = {};
    var metadata = result.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (name) {
        var field = metadata[term][name];
        if (!field || !Array.isArray(field.position)) return;
        var places = seen[name] || (seen[name] = {});
        field.position = field.position.filter(function (place) {
          var key = String(place);
          return places[key] ? false : (places[key] = true);
        });
      });
    });
  }

  /* Per page (its entry and its sections): which query terms it has (2 whole, 1 as a prefix),
     and the most that one entry of it has. */
  function pagesFound(results, terms) {
    var found = {};
    results.forEach(function (r) {
      var ref = unitOf(r.ref);
      var page = found[ref] || (found[ref] = { terms: {}, best: 0 });
      var entry = {};
      Object.keys(r.matchData.metadata).forEach(function (key) {
        terms.forEach(function (term) {
          if (key === term) page.terms[term] = entry[term] = 2;
          else if (key.indexOf(term) === 0) {
            entry[term] = entry[term] || 1;
            page.terms[term] = page.terms[term] || 1;
          }
        });
      });
      page.best = Math.max(page.best, Object.keys(entry).length);
    });
    return found;
  }

  /* [exactness, query terms the page has, most in one entry, terms it has whole], per page. */
  function pageRanks(found, terms, typed, content) {
    var ranks = {};
    Object.keys(found).forEach(function (ref) {
      var page = found[ref];
      var some = 0;
      var whole = 0;
      terms.forEach(function (term) {
        some += page.terms[term] ? 1 : 0;
        whole += page.terms[term] === 2 ? 1 : 0;
      });
      ranks[ref] = [exactness(ref, typed, content), some, page.best, whole];
    });
    return ranks;
  }

  var lastFound = {};  // page location -> what pagesFound says, for the last query
  var lastRanks = {};  // page location -> what pageRanks says, for the last query

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var phrase = "";
    var typed = "";
    var terms = [];
    var results = query.call(this, function (q) {
      fn.call(q, q);
      typed = words(q.clauses.map(function (c) { return c.kbWord || ""; }).join(" "));
      var kept = q.clauses.filter(function (c) {
        return !isStopWord(c);
      });
      if (kept.length) {
        q.clauses = kept;
      }
      phrase = words(q.clauses.map(function (c) { return c.kbWord || ""; }).join(" "));
      // A stem that is a stop word ("getting": "get") is not counted: the index drops "get".
      terms = q.clauses.map(function (c) { return String(c.term).replace(/\*$/, ""); })
        .filter(function (term, i, all) {
          return term && all.indexOf(term) === i &&
            (!stopWordFilter || stopWordFilter(new lunr.Token(term)));
        });
    });
    lastFound = pagesFound(results, terms);
    lastRanks = pageRanks(lastFound, terms, typed, withoutStopWords(typed));
    results.forEach(function (r) {
      highlightOnce(r);
      if (isName(r.ref, phrase)) {
        r.score *= NAME_BOOST;
      }
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  function compareRanks(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return b[i] - a[i];
    }
    return 0;
  }

  /* Material groups the results per page, best score first; the ranks go before that (a
     group's rank is its best unit's: the glossary's best term). */
  function rankGroups(groups) {
    var none = [0, 0, 0, 0];
    var order = groups.map(function (group, i) {
      var rank = none;
      group.forEach(function (item) {
        var own = lastRanks[unitOf(item.location)];
        if (own && compareRanks(own, rank) < 0) rank = own;
      });
      return { group: group, rank: rank, i: i };
    });
    order.sort(function (a, b) { return compareRanks(a.rank, b.rank) || a.i - b.i; });
    return order.map(function (entry) { return entry.group; });
  }

  /* In a group, the entry with the most query words first: Material shows the first entry's
     text and what it misses, so a page ranked for having every word shows where it has them.
     A stop word is never "missing": the index leaves it out ("mijn" in "mijn opleiding"). */
  function leadWithMostWords(group) {
    var best = 0;
    var most = -1;
    group.forEach(function (item, i) {
      Object.keys(item.terms || {}).forEach(function (term) {
        if (stopWordFilter && !stopWordFilter(new lunr.Token(term))) delete item.terms[term];
      });
      var count = Object.keys(item.terms || {}).filter(function (t) { return item.terms[t]; }).length;
      if (count > most) {
        most = count;
        best = i;
      }
    });
    if (best > 0) {
      var lead = group.splice(best, 1)[0];
      // Material shows the first entry alone when it scores above the others.
      lead.score = Math.max(lead.score, group[0].score * 1.000001 + 1e-9);
      group.unshift(lead);
    }
  }

  /* RESULT messages (type 3): each item's terms by the typed word instead of its stem. */
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && message.data.items) {
      message.data.items = rankGroups(message.data.items);
      message.data.items.forEach(function (group) {
        leadWithMostWords(group);
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
