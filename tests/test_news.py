"""Updates of the knowledge network, their Atom feeds and the change history of the pages they
name, in Chromium and as files. Every expectation comes from the content files, so the tests hold
when an editor adds an update."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from axe_check import violations
from content_index import ROOT, SITE
from kb import news_model, quiz_model

LANGS = ("nl", "en")
SITE_URL = "https://jobcoach.example.org/"  # mkdocs.yml's default, used by the test build
TAGS, _ = news_model.load_tags(ROOT)
STRINGS = yaml.safe_load((ROOT / "hooks/news_strings.yml").read_text("utf-8"))


def prefix(lang: str) -> str:
    return "" if lang == "nl" else "en/"


def updates(lang: str) -> list[news_model.Update]:
    return news_model.updates(SITE, lang)


def most_changed() -> str:
    """The page that most updates name (a status page in the shipped content)."""
    counts: dict[str, int] = {}
    for u in updates("nl"):
        for target in u.meta.get("changes", []):
            counts[target] = counts.get(target, 0) + 1
    return max(sorted(counts), key=lambda p: counts[p])


def test_there_are_enough_real_updates() -> None:
    """At least eight updates in both languages, each with a source and a page it changes."""
    for lang in LANGS:
        found = [u for u in updates(lang) if u.page.lang == lang]
        assert len(found) >= 8, lang
        for u in found:
            assert u.meta.get("sources") and u.meta.get("changes"), u.base


@pytest.mark.parametrize("lang", LANGS)
class TestUpdatesPage:
    def test_lists_every_update_newest_first(self, page: Page, lang: str) -> None:
        page.goto(f"{prefix(lang)}news/index.html")
        titles = page.locator(".kb-news__item .kb-news__title a")
        expect(titles).to_have_count(len(updates(lang)))
        assert titles.all_inner_texts() == [u.meta["title"] for u in updates(lang)]
        dates = page.locator(".kb-news__item time").evaluate_all(
            "els => els.map(e => e.getAttribute('datetime'))"
        )
        assert dates == sorted(dates, reverse=True)

    def test_topic_filter_shows_only_that_topic(self, page: Page, lang: str) -> None:
        page.goto(f"{prefix(lang)}news/index.html")
        tag = min(
            {t for u in updates(lang) for t in u.meta["topics"]},
            key=lambda t: (sum(t in u.meta["topics"] for u in updates(lang)), t),
        )
        expected = [u.meta["title"] for u in updates(lang) if tag in u.meta["topics"]]
        page.get_by_role("radio", name=TAGS[tag][lang], exact=True).check()
        visible = page.locator(".kb-news__item:visible .kb-news__title a")
        expect(visible).to_have_count(len(expected))
        assert visible.all_inner_texts() == expected
        status = STRINGS[lang]["filter_count"].format(n=len(expected), total=len(updates(lang)))
        expect(page.locator(".kb-news-filter__status")).to_have_text(status)
        page.get_by_role("radio", name=STRINGS[lang]["filter_all"]).check()
        expect(page.locator(".kb-news__item:visible")).to_have_count(len(updates(lang)))

    def test_without_javascript_every_update_shows(self, browser, site_url: str, lang: str) -> None:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{site_url}{prefix(lang)}news/index.html")
        expect(page.locator(".kb-news-filter")).to_be_hidden()
        expect(page.locator(".kb-news__item:visible")).to_have_count(len(updates(lang)))
        context.close()

    def test_an_update_names_its_pages_and_quiz(self, page: Page, lang: str) -> None:
        u = next(u for u in updates(lang) if u.meta.get("refresher") and u.page.lang == lang)
        page.goto(f"{prefix(lang)}{u.base[:-3]}.html")
        expect(page.locator("h1")).to_have_text(u.meta["title"])
        meta = page.locator(".kb-news-meta")
        expect(meta).to_contain_text(u.meta["author"])
        for tag in u.meta["topics"]:
            expect(meta).to_contain_text(TAGS[tag][lang])
        expect(meta.locator(".kb-news-meta__changes a")).to_have_count(len(u.meta["changes"]))
        meta.locator(".kb-news-meta__quiz a").click()
        expect(page.locator(f"#kb-quiz-{u.meta['refresher']}")).to_be_visible()

    def test_home_shows_the_latest_three(self, page: Page, lang: str) -> None:
        page.goto(f"{prefix(lang)}index.html")
        titles = page.locator(".kb-news--latest .kb-news__title a")
        assert titles.all_inner_texts() == [u.meta["title"] for u in updates(lang)[:3]]
        home = page.url
        page.locator(".kb-news--latest .kb-news__more a").first.click()
        expect(page).to_have_url(home.replace("index.html", "news/index.html"))

    def test_pages_pass_axe_in_light_and_dark(
        self, page: Page, lang: str, external_requests: list[str]
    ) -> None:
        paths = ["news/index.html", updates(lang)[0].base[:-3] + ".html", "index.html"]
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            for path in paths:
                page.goto(prefix(lang) + path)
                assert violations(page) == [], (scheme, path)
        assert external_requests == []


@pytest.mark.parametrize("lang", LANGS)
class TestChangeHistory:
    def test_changed_page_shows_what_changed_newest_first(self, page: Page, lang: str) -> None:
        base = most_changed()
        history = news_model.history(SITE, base, lang)
        assert len(history) >= 2, "the test needs a page that two updates change"
        page.goto(f"{prefix(lang)}{base[:-3]}.html")
        box = page.locator(".kb-history")
        expect(box.locator("h2")).to_have_text(STRINGS[lang]["history_title"])
        items = box.locator(".kb-history__item a")
        assert items.all_inner_texts() == [u.meta["title"] for u in history]
        when = box.locator(".kb-history__item time").evaluate_all(
            "els => els.map(e => e.getAttribute('datetime'))"
        )
        assert when == [u.date for u in history]
        # "last changed on" sits next to "last checked on", with the newest update's date
        changed = page.locator(".kb-sources .kb-changed")
        expect(changed).to_contain_text(STRINGS[lang]["last_changed"])
        expect(changed.locator("time")).to_have_attribute("datetime", history[0].date)
        expect(page.locator(".kb-sources .kb-reviewed")).to_be_visible()
        assert violations(page) == []
        items.first.click()
        expect(page.locator("h1")).to_have_text(history[0].meta["title"])


# --- feeds ------------------------------------------------------------------------------------


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def parse_url(page: Page, url: str) -> feedparser.FeedParserDict:
    """The feed at ``url`` (relative to the page's server) as a feed reader gets it."""
    feed = feedparser.parse(page.request.get(url).body())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("lang", LANGS)
class TestFeeds:
    def test_feed_parses_with_newest_entries_first(self, built_site: Path, lang: str) -> None:
        feed = parse(built_site / prefix(lang) / "feed.xml")
        assert feed.version == "atom10"
        assert feed.feed.language == lang
        assert feed.feed.title == STRINGS[lang]["feed_title"]
        expected = updates(lang)
        assert [e.title for e in feed.entries] == [u.meta["title"] for u in expected]
        for entry, u in zip(feed.entries, expected, strict=True):
            assert entry.id == news_model.entry_id(u.base, lang)
            assert entry.summary == u.meta["summary"]
            assert entry.updated.startswith(u.updated)
            assert entry.link == f"{SITE_URL}{prefix(lang)}{u.base[:-3]}.html"
            assert entry.title_detail.language == u.page.lang
            # the absolute link names a page that the build wrote
            assert (built_site / entry.link.removeprefix(SITE_URL)).is_file(), entry.link
        assert len({e.id for e in feed.entries}) == len(feed.entries)
        self_link = next(link.href for link in feed.feed.links if link.rel == "self")
        assert self_link == f"{SITE_URL}{prefix(lang)}feed.xml"

    def test_every_page_links_its_languages_feed(self, built_site: Path, lang: str) -> None:
        pages = [
            p
            for p in built_site.rglob("*.html")
            if (p.relative_to(built_site).parts[0] == "en") == (lang == "en")
            and p.name != "404.html"  # a static template, not a page
        ]
        assert len(pages) > 50
        for path in pages:
            html = path.read_text(encoding="utf-8")
            marker = 'rel="alternate" type="application/atom+xml"'
            assert marker in html, path
            href = html.split(marker, 1)[1].split('href="', 1)[1].split('"', 1)[0]
            target = (path.parent / href).resolve()
            assert target == (built_site / prefix(lang) / "feed.xml").resolve(), path

    def test_feed_link_works_under_a_sub_path(
        self, page: Page, subpath_url: str, lang: str
    ) -> None:
        page.goto(f"{subpath_url}{prefix(lang)}news/index.html")
        head = page.locator('head link[type="application/atom+xml"]').evaluate("l => l.href")
        body = page.locator(".kb-news__feed a").evaluate("a => a.href")
        assert head == body == urljoin(subpath_url, f"{prefix(lang)}feed.xml")
        response = page.request.get(head)
        assert response.ok
        feed = feedparser.parse(response.body())
        assert not feed.bozo and feed.feed.language == lang

    def test_feed_link_works_from_file(self, page: Page, built_site: Path, lang: str) -> None:
        page.goto((built_site / prefix(lang) / "news/index.html").as_uri())
        href = page.locator(".kb-news__feed a").evaluate("a => a.href")
        assert href == (built_site / prefix(lang) / "feed.xml").as_uri()
        assert parse(built_site / prefix(lang) / "feed.xml").entries

    def test_every_feed_text_is_in_its_language(self, page: Page, built_site: Path, lang: str):
        """Title, subtitle, topic labels and the rights line are those of the feed's language:
        the rights line reads as the site's footer in that language."""
        feed = parse(built_site / prefix(lang) / "feed.xml")
        assert feed.feed.subtitle == STRINGS[lang]["feed_subtitle"]
        page.goto(f"{prefix(lang)}index.html")
        assert feed.feed.rights == page.locator(".md-copyright__highlight").inner_text().strip()
        for entry, u in zip(feed.entries, updates(lang), strict=True):
            labels = [TAGS[tag][lang] for tag in u.meta.get("topics", [])]
            assert [tag.label for tag in entry.get("tags", [])] == labels

    def test_feed_opens_as_a_page_that_says_how_to_follow_it(
        self, browser: Browser, site_url: str, lang: str
    ) -> None:
        """Tapped on a phone, the feed reads as a page at the phone's width, styled from the site
        itself: what a feed is, the address to paste into a feed reader, and every update with a
        link to it; the machine parts (ids, times) stay out of sight."""
        context = browser.new_context(
            base_url=site_url, viewport={"width": 390, "height": 844}, is_mobile=True
        )
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(f"{prefix(lang)}feed.xml")
        assert page.evaluate("innerWidth") == 390  # laid out for the phone, not at 980 px
        t = STRINGS[lang]
        feed = parse_url(page, f"{prefix(lang)}feed.xml")
        self_link = next(link.href for link in feed.feed.links if link.rel == "self")
        for text in (t["feed_title"], t["feed_about_title"], t["feed_about_how"], self_link):
            expect(page.get_by_text(text, exact=True)).to_be_visible()
        assert any(url.endswith("/assets/stylesheets/feed.css") for url in asked)
        assert all(url.startswith(site_url) for url in asked), asked
        expect(page.get_by_text(feed.feed.id)).to_be_hidden()
        items = updates(lang)
        for u in items:
            expect(page.get_by_text(u.meta["title"], exact=True)).to_be_visible()
        reads = page.get_by_role("link", name=t["feed_read"])
        expect(reads).to_have_count(len(items))
        reads.first.click()
        expect(page).to_have_url(urljoin(site_url, f"{prefix(lang)}{items[0].base[:-3]}.html"))
        page.go_back()
        page.get_by_role("link", name=t["feed_about_site"]).click()
        expect(page).to_have_url(urljoin(site_url, f"{prefix(lang)}news/index.html"))
        context.close()

    def test_feed_reads_as_a_page_from_file(self, page: Page, built_site: Path, lang: str):
        """From file:// (an unpacked copy), the same page: the style sheet beside it loads."""
        page.goto((built_site / prefix(lang) / "feed.xml").as_uri())
        expect(page.get_by_text(STRINGS[lang]["feed_about_title"], exact=True)).to_be_visible()
        expect(page.get_by_text(news_model.entry_id("feed.xml", lang))).to_be_hidden()


def test_a_quiz_naming_an_update_is_linked_from_it(page: Page) -> None:
    """A quiz's `update:` puts a link to that quiz on the update's page, in both languages."""
    quizzes = quiz_model.load(ROOT)
    named = {q: data["update"] for q, data in quizzes.items() if data.get("update")}
    assert named, "the shipped quizzes name at least one update"
    for quiz_id, slug in sorted(named.items()):
        for lang in LANGS:
            page.goto(f"{prefix(lang)}news/{slug}.html")
            link = page.locator(".kb-news-meta__quiz a", has_text=quizzes[quiz_id]["title"][lang])
            link.click()
            expect(page.locator(f"#kb-quiz-{quiz_id}")).to_be_visible()


# --- a separate build: many updates, some only in Dutch ---------------------------------------


@pytest.fixture(scope="module")
def many_updates(tmp_path_factory: pytest.TempPathFactory):
    """The portal with enough extra Dutch-only updates to pass extra.news_per_year."""
    from conftest import StaticServer
    from test_build_errors import build, copy_project

    project = copy_project(tmp_path_factory.mktemp("many") / "project")
    settings = (ROOT / "mkdocs.yml").read_text("utf-8")
    per_year = int(re.search(r"^\s+news_per_year:\s*(\d+)", settings, re.M).group(1))
    extra = per_year + 1 - len(updates("nl"))
    for i in range(max(extra, 1)):
        (project / f"content/news/2024-0{1 + i % 9}-1{i % 10}-test-{i}.md").write_text(
            f"---\nkind: news\ntitle: Testbericht nummer {i}\nsummary: Een bericht dat alleen in "
            f'deze test bestaat.\ndate: "2024-0{1 + i % 9}-1{i % 10}"\nauthor: Testredactie\n'
            "topics: [work-schemes]\nchanges: [statuses/ibo.md]\n---\n\n# Testbericht\n\nTekst.\n",
            encoding="utf-8",
        )
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    server = StaticServer(site)
    yield site, server.url
    server.stop()


def test_past_the_limit_updates_are_grouped_by_year(page: Page, many_updates) -> None:
    _, url = many_updates
    page.goto(url + "news/index.html")
    years = page.locator(".kb-news__years a").all_inner_texts()
    assert years == sorted(set(years), reverse=True) and "2024" in years
    for year in years:
        expect(page.locator(f"#kb-news-{year}")).to_have_text(year)
    page.locator(".kb-news__years a", has_text="2024").click()
    expect(page).to_have_url(url + "news/index.html#kb-news-2024")


def test_a_dutch_only_update_shows_in_dutch_on_the_english_site(page: Page, many_updates) -> None:
    site, url = many_updates
    page.goto(url + "en/news/index.html")
    item = page.locator(".kb-news__item", has_text="Testbericht nummer 0")
    expect(item).to_have_attribute("lang", "nl")
    expect(item.locator(".kb-news__lang")).to_have_text(STRINGS["en"]["in_dutch"])
    item.locator("a").first.click()
    expect(page.locator(".kb-fallback")).to_be_visible()  # the usual "not translated" notice
    feed = feedparser.parse((site / "en/feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "Testbericht nummer 0")
    assert entry.title_detail.language == "nl"
