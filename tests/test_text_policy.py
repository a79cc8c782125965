"""Whatever an editor writes, no page runs a script of theirs or loads anything from another host.

The text policy itself (hooks/kb/text_policy.py), the one YAML loader and the one marker scanner,
and a sweep over every page of the real build. Editor-facing messages for each kind of hostile or
careless input are in tests/fixtures/broken_content.yml (test_build_errors.py).
"""

from __future__ import annotations

import ast
import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest
from html_cases import CASES

from kb import content_model, markers, sources, text_policy

ROOT = Path(__file__).resolve().parent.parent
PURE = sorted((ROOT / "hooks" / "kb").glob("*.py"))


@pytest.mark.parametrize("path", PURE, ids=[p.name for p in PURE])
def test_the_content_pipeline_does_not_import_mkdocs(path: Path) -> None:
    """The model is pure Python: it would survive a move to a generator that runs no hooks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n.split(".")[0] == "mkdocs"]


class TestWebAddresses:
    @pytest.mark.parametrize(
        "url",
        ["https://www.vdab.be/", "https://partners.vdab.be/werkgevers/ibo?x=1#y", "http://a.be"],
    )
    def test_real_addresses_pass(self, url: str) -> None:
        assert text_policy.check_web_address(url) is None

    @pytest.mark.parametrize(
        "url",
        [
            'https://partners.vdab.be/x"><script>alert(1)</script>',
            "javascript:alert(1)",
            "https://exa mple.be/",
            "https://user@evil.example/",
            "ftp://files.example.be/",
            "https://localhost/",
            "data:text/html,<b>x</b>",
        ],
    )
    def test_anything_else_is_refused(self, url: str) -> None:
        assert text_policy.check_web_address(url)

    def test_mailto_only_where_allowed(self) -> None:
        assert text_policy.check_web_address("mailto:info@example.be")
        assert text_policy.check_web_address("mailto:info@example.be", mailto=True) is None


class TestFrontMatterMarkdown:
    def test_emphasis_and_web_links_pass(self) -> None:
        assert text_policy.check_inline("**Let op**: zie [VDAB](https://www.vdab.be/).") == []

    @pytest.mark.parametrize(
        "text",
        [
            "[info](javascript:alert(1))",
            "[info](JaVaScRiPt:alert(1))",
            "[info](data:text/html;base64,PHNjcmlwdD4=)",
            "![](https://tracker.example.com/p.gif)",
        ],
    )
    def test_scripts_and_images_are_refused(self, text: str) -> None:
        assert text_policy.check_inline(text)

    def test_html_in_a_field_renders_as_text(self) -> None:
        """Even if a check were skipped, the renderer escapes HTML in front-matter text."""
        assert "<script" not in text_policy.inline_html("a <script>alert(1)</script>")

    def test_the_renderer_drops_what_the_check_refuses(self) -> None:
        """A text that skipped the check still cannot link to code or load an image: the link
        shows as its text, the image as its description."""
        html = text_policy.inline_html(
            "[info](javascript:alert(1)) ![teller](https://t.example/p.gif)"
        )
        assert html == "info teller"

    def test_portal_pages_may_be_linked_from_content(self) -> None:
        """[IBO](statuses/ibo.md#x) is a page link: allowed, listed for the content model to
        resolve, and marked for the build; a path relative to the page is not."""
        text = "Daarna volgt een [IBO](statuses/ibo.md#voorwaarden)."
        assert text_policy.check_inline(text) == []
        assert text_policy.page_links(text) == [("statuses/ibo.md", "voorwaarden")]
        marked = text_policy.inline_html(text)
        assert 'href="kb-page:statuses/ibo.md#voorwaarden"' in marked
        shown = text_policy.resolve_page_links(marked, lambda path, anchor: f"../x/{anchor}")
        assert shown == 'Daarna volgt een <a href="../x/voorwaarden">IBO</a>.'
        assert text_policy.resolve_page_links(marked, lambda path, anchor: None) == (
            "Daarna volgt een IBO."
        )
        assert text_policy.check_inline("Zie [IBO](../statuses/ibo.md).")


class TestYaml:
    def test_duplicate_key_names_both_lines(self) -> None:
        doc, problems = sources.load_yaml("title: A\nsummary: B\ntitle: C\n", "x.md", 2)
        assert doc is None
        assert str(problems[0]) == (
            "x.md:4: the YAML cannot be read (the key 'title' is written twice (first on "
            "line 2)). Fix: keep one of the two; remove or rename the other."
        )

    def test_a_shared_source_by_alias_is_fine(self) -> None:
        doc, problems = sources.load_yaml("a: &src {title: Gids}\nb: *src\n", "x.yml")
        assert problems == [] and doc.data["b"] == {"title": "Gids"}

    def test_an_alias_bomb_is_refused_at_once(self) -> None:
        lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for i in range(1, 10):
            prev, name = chr(96 + i), chr(97 + i)
            lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        doc, problems = sources.load_yaml("\n".join(lines), "x.yml")
        assert doc is None and "at most 100,000" in problems[0].message

    def test_dates_stay_text(self) -> None:
        doc, _ = sources.load_yaml("reviewed: 2026-11-23\n", "x.md")
        assert doc.data == {"reviewed": "2026-11-23"}


class TestMarkers:
    TEXT = (
        "<!-- kb:quiz a -->\n"
        "````markdown\n```\n<!-- kb:quiz b -->\n```\n````\n"
        "~~~\n<!-- kb:quiz c -->\n~~~\n"
        "    <!-- kb:quiz d -->\n"
        "<!-- kb:table statuses -->\n"
    )

    def test_markers_in_fences_are_examples(self) -> None:
        """A marker shown inside a three- or four-backtick or tilde fence is not expanded."""
        found = [(m.name, m.arg, m.line) for m in markers.scan(self.TEXT)]
        assert found == [("quiz", "a", 1), ("table", "statuses", 11)]

    def test_replace_keeps_the_examples(self) -> None:
        out = markers.replace(self.TEXT, lambda m: "HTML" if m.name == "quiz" else None)
        assert out.count("HTML") == 1 and "<!-- kb:quiz b -->" in out


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[dict] = []
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        self.handlers += [f"<{tag} {k}=" for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self.scripts.append(values)
        for key in ("src", "href"):
            url = values.get(key) or ""
            # A link to another site, or the page's own address for search engines (canonical,
            # alternate), is not a resource: the browser fetches neither.
            names_a_page = tag == "a" or values.get("rel") in {"canonical", "alternate"}
            if url.startswith(("http:", "https:", "//")) and not names_a_page:
                self.remote.append(f"<{tag} {key}={url}>")


def _built_path(src: str) -> str:
    """Where the build writes a page: statuses/ibo.en.md -> en/statuses/ibo.html."""
    if src.endswith(".en.md"):
        return "en/" + src.removesuffix(".en.md") + ".html"
    return src.removesuffix(".md") + ".html"


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def test_page_links_in_front_matter_lead_to_the_page_in_its_language(built_site: Path) -> None:
    """Every [text](statuses/ibo.md) that an editor wrote in front matter becomes a link, on the
    page that carries it, to that page in the reader's language; no page keeps a kb-page: link."""
    site = content_model.load_site(ROOT / "content", ROOT)
    found = 0
    for page in site.pages.values():
        links = [link for text in _texts(page.meta) for link in text_policy.page_links(text)]
        if not links:
            continue
        out = built_site / _built_path(page.src)
        parser = _Links()
        parser.feed(out.read_text(encoding="utf-8"))
        landed = {
            posixpath.normpath(posixpath.join(posixpath.dirname(_built_path(page.src)), h))
            for h in parser.hrefs
            if "://" not in h
        }
        for path, anchor in links:
            dest, why = content_model.resolve(site, path, anchor, page.lang)
            assert why == "", (page.src, path)
            expected = _built_path(dest.src) + (f"#{anchor}" if anchor else "")
            assert expected in landed, (page.src, expected, sorted(landed)[:10])
            found += 1
    for out in built_site.rglob("*.html"):
        assert "kb-page:" not in out.read_text(encoding="utf-8"), out
    assert found, "no page links a portal page from its front matter (see content/statuses)"


def test_built_pages_have_no_handler_remote_resource_or_foreign_script(built_site: Path) -> None:
    """Every built page, both languages: no event-handler attribute, no resource from another
    host, and every script is the theme's or the portal's own file (or data, not code)."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        parser = _Scripts()
        parser.feed(path.read_text(encoding="utf-8"))
        rel = path.relative_to(built_site).as_posix()
        assert parser.handlers == [], rel
        assert parser.remote == [], rel
        for script in parser.scripts:
            src = script.get("src")
            assert src is None or not src.startswith(("http:", "https:", "//", "data:")), rel


class TestBrowserReading:
    """Issue 22: the policy reads a body as Chromium does, and later steps change text only."""

    @pytest.mark.parametrize(
        "html",
        [
            "<!--><img src=x onerror=alert(1)>-->",
            "<!---><img src=x onerror=alert(1)>-->",
            '<img src="/\\evil.example.com/x.png">',
            '<img src=" //evil.example.com/x.png">',
            '<img src="\thttps://evil.example.com/x.png">',
            '<a href="java&#x0A;script:alert(1)">x</a>',
            '<a href="/\\evil.example.com/">x</a>',
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>",
        ],
    )
    def test_what_a_browser_would_run_or_fetch_is_refused(self, html: str) -> None:
        assert text_policy.check_body_html(html), html

    def test_a_term_inside_an_attribute_stays_text(self) -> None:
        """The glossary wraps the term in the text, not the one in the title attribute."""
        from steps.render_glossary import wrap_terms

        html = '<p><span title="x > IBO <img src=x onerror=alert(1)> y">IBO</span></p>'
        out = wrap_terms(html, {"IBO": "Individuele beroepsopleiding"})
        assert text_policy.check_body_html(html) == []
        assert [t for t, _ in text_policy.body_tags(out)] == ["p", "span", "abbr"]
        assert out.count("<abbr") == 1

    @pytest.mark.parametrize(
        "html",
        [
            '<p><span title="x "><img src=x onerror=alert(1)> y">IBO</span></p>',
            "<script>alert(1)</script>",
            '<script src="https://evil.example.com/x.js"></script>',
            '<script src="/\\evil.example.com/assets/javascripts/x.js"></script>',
            '<link rel="stylesheet" href="//evil.example.com/assets/stylesheets/x.css">',
            '<div data-kb-quiz data-kb-quiz-src="https://evil.example.com/x.js"></div>',
            '<a href="jav&#x09;ascript:alert(1)">x</a>',
            "<svg><foreignObject><p>x</p></foreignObject></svg>",
            "<math><mi>x</mi></math>",
        ],
    )
    def test_the_published_page_is_judged_again(self, html: str) -> None:
        """The last step of the build refuses what would run or load elsewhere, whichever step
        (an editor's text, a template, the glossary) put it there."""
        assert text_policy.published_problems(html), html

    def test_the_portals_own_boxes_pass_the_last_step(self) -> None:
        html = (
            '<section class="kb-quiz" data-kb-quiz="x"><noscript><link rel="stylesheet" '
            'href="../assets/stylesheets/quiz.css"></noscript><button type="button">OK</button>'
            '</section><script src="../assets/javascripts/filter.js" defer></script>'
            '<a href="https://www.vdab.be/">VDAB</a><a href="mailto:a@b.be">a</a>'
            '<img src="../assets/images/x.png" alt="x"><svg><rect width="1"/></svg>'
        )
        assert text_policy.published_problems(html) == []

    def test_a_script_of_our_own_that_starts_a_page_is_not_inline(self) -> None:
        """Only a script's own text makes it inline, also when it is the page's first element
        (selectolax gives a fragment's first node the whole fragment's text); a script with text
        of its own is refused there as anywhere."""
        own = '<script src="../assets/javascripts/filter.js" defer></script><p>Tekst.</p>'
        assert text_policy.published_problems(own) == []
        inline = "<script>alert(1)</script><p>Tekst.</p>"
        assert text_policy.published_problems(inline) == [
            ("a script that is not one of the portal's own files", "<script")
        ]


@pytest.mark.parametrize(("html", "in_body", "published"), CASES, ids=range(len(CASES)))
def test_where_parsers_differ_the_verdict_is_a_browsers(
    html: str, in_body: bool, published: bool
) -> None:
    """Strings on which HTML parsers disagree (tests/html_cases.py): each check refuses what
    Chromium would run or fetch (tests/test_html_parsing.py compares the elements in Chromium)."""
    assert bool(text_policy.check_body_html(html)) is in_body
    assert bool(text_policy.published_problems(html)) is published
