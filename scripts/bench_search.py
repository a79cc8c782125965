"""Search relevance per language: recall@3 and MRR of the query set against the BUILT indexes.

    .venv/bin/python scripts/bench_search.py                 # builds the portal into a temp dir first
    .venv/bin/python scripts/bench_search.py --site site     # an existing build (make build)
    .venv/bin/python scripts/bench_search.py -v              # also every query's top 3

The queries are tests/search_queries.yml. Each language's index (search/search_index.json and
en/search/search_index.json, written by hooks/steps/output/split_search_index.py) is rebuilt with Python's
``lunr`` the way Material's search worker builds it in the browser, with our stemming patch:
- tokens: the text between HTML tags, split on the index's ``separator``, lower case;
- pipeline: the language's stop words (read from Material's lunr-languages file), then the
  stemmer, keeping the word AND its stem; Dutch: Snowball "dutch_porter" (the same algorithm as
  lunr-languages' lunr.nl), English: lunr's Porter stemmer as lunr.js runs it;
- fields and boosts from the index config, b = 0, k1 = 1.2; documents' own boost;
- query: split on the separator, stop words dropped unless alone, each term stemmed and
  matched as a prefix ("stem*");
- a page whose title starts with the query's words, or whose abbreviation, full name or alias is
  the query, gets its lunr score × NAME_BOOST (overrides/assets/javascripts/search_stemming.js);
- ranking: lunr's score × (1 + (page entry + share of query terms found)²), grouped per page
  in order of each page's best entry, as Material shows results; then the pages by rank, as
  search_stemming.js sorts them: exact title or name (with stop words, then without), how many
  query terms the page has, the most that one of its entries has, how many as whole words.
It is an approximation of lunr.js; tests/test_search_language.py checks a sample in Chromium.
No nltk: the stemmers come from ``snowballstemmer`` and ``lunr`` (requirements-test.txt).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import signal
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
import yaml
from lunr.builder import Builder
from lunr.query import Query
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS
from lunr.token import Token

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))
from kb import languages as kb_languages  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"
PREFIX = kb_languages.url_prefixes()
TARGET_RECALL = 0.9
NAME_BOOST = 50  # as in search_stemming.js
WHOLE_BOOST = 10  # as in search_stemming.js


class LunrJsPorter(PorterStemmer):
    """lunr.js's Porter stemmer: a final y becomes i only after a consonant (try: tri, day: day)."""

    def step1c(self) -> None:
        if self.k >= 2 and self.b[self.k] == "y" and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


def stemmer_for(lang: str) -> Callable[[str], str]:
    """The word stemmer the browser uses for this language."""
    if lang == "nl":
        return snowballstemmer.stemmer("dutch_porter").stemWord
    if lang == "en":
        return LunrJsPorter().stem
    raise SystemExit(f"No stemmer for language {lang!r}")


def stop_words_for(lang: str, site: Path) -> set[str]:
    """The stop words of lunr.js (en) or of Material's lunr-languages file (other languages)."""
    if lang == "en":
        return set(ENGLISH_STOP_WORDS)
    source = (site / f"assets/javascripts/lunr/min/lunr.{lang}.min.js").read_text(encoding="utf-8")
    match = re.search(r'generateStopWordFilter\("([^"]*)"', source)
    if not match:
        raise SystemExit(f"No stop words found in lunr.{lang}.min.js")
    return set(match.group(1).split())


@dataclass
class LanguageIndex:
    """One language's index, rebuilt in Python the way the browser builds it."""

    lang: str
    index: object
    separator: re.Pattern
    stem: Callable[[str], str]
    docs: dict[str, dict]
    stop_words: set[str]
    stemming: bool = True

    def tokens(self, html: str) -> list[str]:
        words: list[str] = []
        for chunk in re.split(r"<[^>]*>", html or ""):
            words += [w.lower() for w in self.separator.split(chunk) if w]
        return words

    def words(self, text: str) -> str:
        return " ".join(self.tokens(text))

    def is_name(self, doc: dict, phrase: str) -> bool:
        """Is the query this page's title (or its start), abbreviation, full name or alias?"""
        if "#" in doc["location"] or not phrase:
            return False
        title = self.words(doc.get("title", ""))
        names = [self.words(n) for n in str(doc.get("keywords", "")).split(" · ")]
        return title == phrase or title.startswith(phrase + " ") or phrase in names

    def search(self, query: str) -> list[str]:
        """Result pages (locations without #), best first, as Material lists them."""
        words = [w.lower() for w in self.separator.split(query.replace('"', " ")) if w]
        words = [w for w in words if not w.startswith(("+", "-"))]
        content = [w for w in words if w not in self.stop_words] if self.stemming else words
        terms = [
            self.stem(w) if self.stemming else w for w in (content or words)
        ]  # stop words only count when alone
        if not terms:
            return []
        q = self.index.create_query()
        for term in terms:
            q.term(term, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False)
            if self.stemming:  # the whole word counts more than a word it starts
                q.term(term, boost=WHOLE_BOOST, use_pipeline=False)
        phrase = " ".join(content or words) if self.stemming else ""
        scored = []
        matches: list[tuple[str, list[str]]] = []
        for result in self.index.query(q):
            doc = self.docs[result["ref"]]
            matches.append((doc["location"], list(result["match_data"].metadata)))
            if self.is_name(doc, phrase):
                result["score"] *= NAME_BOOST
            matched = list(result["match_data"].metadata)
            found = sum(1 for t in set(terms) if any(m.startswith(t) for m in matched))
            is_page = "#" not in doc["location"] or doc["location"].split("#")[0] not in self.docs
            boost = (int(is_page) + found / len(set(terms))) ** 2
            scored.append((result["score"] * (1 + boost), doc["location"]))
        scored.sort(key=lambda pair: -pair[0])
        pages: list[str] = []
        for _, location in scored:
            page = location.split("#")[0]
            if page not in pages:
                pages.append(page)
        if not self.stemming:
            return pages
        counted = sorted({t for t in terms if t not in self.stop_words})  # the index drops "get"
        ranks = self.page_ranks(matches, counted, " ".join(words), " ".join(content))
        none = [0, 0, 0, 0]
        group = {
            page: max((r for unit, r in ranks.items() if unit.split("#")[0] == page), default=none)
            for page in pages
        }
        return sorted(pages, key=lambda page: [-r for r in group[page]])

    def exactness(self, page: str, typed: str, content: str) -> int:
        """2: the page's title or a name is the typed words; 1: the same without stop words."""
        doc = self.docs.get(page)
        if doc is None:
            return 0
        names = [self.words(doc.get("title", ""))]
        names += [self.words(n) for n in str(doc.get("keywords", "")).split(" · ")]
        if typed in names:
            return 2
        without = [" ".join(w for w in n.split() if w not in self.stop_words) for n in names]
        return int(content in without)

    def page_ranks(
        self, matches: list[tuple[str, list[str]]], terms: list[str], typed: str, content: str
    ) -> dict[str, list[int]]:
        """Per page: exactness, query terms its entries have, the most that one entry has, and
        how many of the terms it has whole."""
        found: dict[str, dict[str, int]] = {}
        best: dict[str, int] = {}
        for location, keys in matches:
            if not self.docs[location].get("standalone"):  # a glossary term ranks on its own
                location = location.split("#")[0]
            page = found.setdefault(location, {})
            entry = 0
            for term in terms:
                if term in keys:
                    page[term] = 2
                elif any(key.startswith(term) for key in keys):
                    page.setdefault(term, 1)
                else:
                    continue
                entry += 1
            best[location] = max(best.get(location, 0), entry)
        return {
            page: [
                self.exactness(page, typed, content),
                len(have),
                best[page],
                sum(1 for v in have.values() if v == 2),
            ]
            for page, have in found.items()
        }


PLAIN_CONFIG = {
    "separator": r"[\s\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}


def plain_index_data(site: Path) -> dict:
    """What Material + i18n alone would ship: both languages in one index, no stemming, no names."""
    docs = []
    for _lang, prefix in PREFIX.items():
        data = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        docs += [
            {
                k: v
                for k, v in dict(d, location=prefix + d["location"]).items()
                if k not in ("keywords", "glossary")
            }
            for d in data["docs"]
            if "keywords" not in d or "#" not in d["location"]
        ]
    return {"config": PLAIN_CONFIG, "docs": docs}


INDEX_FILES = {"head": "search/search_index.json", "full": "search/search_full.json"}


def load_index(site: Path, lang: str, plain: bool = False, part: str = "full") -> LanguageIndex:
    """Rebuild the language's index from ``<site>/<lang>/search/search_full.json`` (the whole
    text) or ``search_index.json`` (the head that answers a first query)."""
    if plain:
        data = plain_index_data(site)
    else:
        path = site / PREFIX[lang] / INDEX_FILES[part]
        if not path.exists():  # a build from before the head/full split
            path = site / PREFIX[lang] / INDEX_FILES["head"]
        data = json.loads(path.read_text(encoding="utf-8"))
    config = data["config"]
    separator = re.compile(config["separator"])
    stem = stemmer_for(lang)
    stop_words = stop_words_for(lang, site)
    pipeline = config.get("pipeline", [])
    docs = {d["location"]: d for d in data["docs"]}
    holder = LanguageIndex(lang, None, separator, stem, docs, stop_words, not plain)

    def stop(token: Token, i=None, tokens=None):
        return None if "stopWordFilter" in pipeline and str(token) in stop_words else token

    def keep_word_and_stem(token: Token, i=None, tokens=None):
        if "stemmer" not in pipeline:
            return token
        stemmed = stem(str(token))
        return (
            token
            if not stemmed or stemmed == str(token)
            else [token, Token(stemmed, token.metadata)]
        )

    builder = Builder()
    builder.pipeline.add(stop, keep_word_and_stem)
    builder.ref("location")
    builder.b(0)
    builder.metadata_whitelist = []
    for name, options in config["fields"].items():
        builder.field(
            name,
            boost=options.get("boost", 1),
            extractor=lambda doc, name=name: holder.tokens(
                " ".join(doc[name]) if isinstance(doc.get(name), list) else doc.get(name, "")
            ),
        )
    for doc in data["docs"]:
        builder.add(doc, {"boost": doc.get("boost", 1)})
    holder.index = builder.build()
    return holder


def evaluate(
    site: Path,
    lang: str,
    queries: list[dict],
    verbose: bool = False,
    plain: bool = False,
    part: str = "full",
) -> tuple[float, float, list[str]]:
    """recall@3, MRR and the queries that missed, for one language."""
    index = load_index(site, lang, plain, part)
    prefix = PREFIX[lang] if plain else ""
    hits, reciprocal, misses = 0, 0.0, []
    for item in queries:
        expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        wanted = {f"{prefix}{slug}.html" for slug in expected}
        results = index.search(str(item["q"]))
        rank = next((i + 1 for i, page in enumerate(results) if page in wanted), None)
        hits += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0.0
        if not any(w in index.docs for w in wanted):
            misses.append(
                f"  {lang} {item['q']!r}: expected page(s) {sorted(wanted)} not built (yet)"
            )
        elif not rank or rank > 3:
            misses.append(
                f"  {lang} {part} {item['q']!r}: expected {sorted(wanted)}, rank {rank}, "
                f"top 3 {results[:3]}"
            )
        if verbose:
            print(f"  {lang} {item['q']!r:42} rank {rank}  top 3 {results[:3]}")
    return hits / len(queries), reciprocal / len(queries), misses


def variants(site: Path, queries: dict) -> None:
    """Which index should answer a first query: size and recall of each option (issue 16)."""
    import gzip
    import shutil

    from kb.search_index_model import head_index, plain_start

    options = {
        "full text": lambda d: d,
        "text without HTML tags": lambda d: dict(d, text=plain_start(d.get("text", ""), 10**9)),
        "text cut at 300 characters": lambda d: dict(d, text=plain_start(d.get("text", ""), 300)),
        "text cut at 160 characters": lambda d: dict(d, text=plain_start(d.get("text", ""), 160)),
        "text cut at 80 characters": lambda d: dict(d, text=plain_start(d.get("text", ""), 80)),
        "head: page text 160, sections title only": None,
        "no text at all": lambda d: dict(d, text=""),
    }
    print(
        f"{'index for a first query':42}{'nl gzip':>9}{'en gzip':>9}  recall@3 / MRR per language"
    )
    for name, change in options.items():
        work = Path(tempfile.mkdtemp(prefix="kb-variant-"))
        (work / "assets").symlink_to((site / "assets").resolve())
        sizes, scores = [], []
        for prefix in PREFIX.values():
            source = site / prefix / INDEX_FILES["full"]
            data = json.loads(source.read_text(encoding="utf-8"))
            data = (
                head_index(data)
                if change is None
                else dict(data, docs=[change(d) for d in data["docs"]])
            )
            raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
            (work / prefix / "search").mkdir(parents=True, exist_ok=True)
            (work / prefix / INDEX_FILES["full"]).write_bytes(raw)
            sizes.append(len(gzip.compress(raw, 6)) / 1024)
        for lang, items in queries.items():
            recall, mrr, _ = evaluate(work, lang, items)
            scores.append(f"{lang} {recall:.3f} / {mrr:.3f}")
        shutil.rmtree(work, ignore_errors=True)
        print(f"{name:42}{sizes[0]:>9.1f}{sizes[1]:>9.1f}  " + "   ".join(scores))


def build_site() -> Path:
    import build as portal_build

    target = Path(tempfile.mkdtemp(prefix="bench-search-")) / "site"
    if portal_build.build(target, strict=True) != 0:
        raise SystemExit("The portal does not build.")
    return target


def main() -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into `head`
    logging.getLogger("lunr").setLevel(
        logging.ERROR
    )  # our pipeline functions are not for serialising
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query's top 3")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="for comparison: one index for both languages, no stemming, no names "
        "(what Material + i18n alone would do)",
    )
    parser.add_argument(
        "--variants", action="store_true", help="size and recall of other first-query indexes"
    )
    args = parser.parse_args()
    site = args.site or build_site()
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    if args.variants:
        variants(site, queries)
        return 0
    if args.plain:
        print("PLAIN (comparison): Material + i18n alone, one index, no stemming, no names")
    print(
        f"{'language':10}{'index':>6}{'set':>7}{'queries':>9}{'recall@3':>10}{'MRR':>8}"
        f"{'target':>9}"
    )
    failed = False
    all_misses: list[str] = []
    for lang, items in queries.items():
        several = [item for item in items if item.get("multi")]
        for part in ["full"] if args.plain else ["head", "full"]:
            for name, chosen, target in (("all", items, TARGET_RECALL), ("multi", several, 0.95)):
                if not chosen:
                    continue
                recall, mrr, misses = evaluate(
                    site, lang, chosen, args.verbose and name == "all", args.plain, part
                )
                all_misses += misses if name == "all" else []
                ok = recall >= target
                failed |= not ok
                print(
                    f"{lang:10}{part:>6}{name:>7}{len(chosen):>9}{recall:>10.3f}{mrr:>8.3f}"
                    f"{'ok' if ok else 'BELOW':>9}"
                )
    if all_misses:
        print("\nNot in the top 3:")
        print("\n".join(all_misses))
    return 1 if failed and not args.plain else 0


if __name__ == "__main__":
    sys.exit(main())
