"""The knowledge network's calendar: the page in both languages, and the .ics files read back
with the icalendar library. Expectations come from content/_data/meetings.yml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml
from playwright.sync_api import Page, expect

from axe_check import violations
from content_index import ROOT
from kb import meetings_model
from page_data import today

LANGS = ("nl", "en")
MEETINGS, PROBLEMS = meetings_model.load(ROOT)
STRINGS = yaml.safe_load((ROOT / "hooks/news_strings.yml").read_text("utf-8"))
BRUSSELS = ZoneInfo("Europe/Brussels")


def prefix(lang: str) -> str:
    return "" if lang == "nl" else "en/"


def read(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_shipped_meetings_are_valid_and_span_summer_and_winter() -> None:
    assert PROBLEMS == []
    offsets = {m.start.utcoffset() for m in MEETINGS}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_split_judges_against_today() -> None:
    """A meeting is upcoming until the day it ends, then past; past ones latest first."""
    middle = MEETINGS[len(MEETINGS) // 2]
    upcoming, past = meetings_model.split(MEETINGS, middle.end.date())
    assert upcoming[0] == middle and all(m.start <= middle.start for m in past)
    assert past == sorted(past, key=lambda m: m.start, reverse=True)
    upcoming, past = meetings_model.split(MEETINGS, middle.end.date() + dt.timedelta(days=1))
    assert middle == past[0]


@pytest.mark.parametrize("lang", LANGS)
class TestCalendarFiles:
    def test_calendar_has_every_meeting_with_stable_uids(self, built_site: Path, lang: str):
        cal = read(built_site / prefix(lang) / "meetings.ics")
        events = cal.walk("VEVENT")
        assert [str(e["UID"]) for e in events] == [f"{m.uid}@jobcoachportaal" for m in MEETINGS]
        assert [str(e["SUMMARY"]) for e in events] == [m.title[lang] for m in MEETINGS]
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Europe/Brussels"]

    def test_times_are_right_in_summer_and_in_winter(self, built_site: Path, lang: str):
        events = {
            str(e["UID"]): e
            for e in read(built_site / prefix(lang) / "meetings.ics").walk("VEVENT")
        }
        seen = set()
        for m in MEETINGS:
            event = events[f"{m.uid}@jobcoachportaal"]
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
            # the wall-clock time in Brussels is the one in the data file, in either season
            assert start.astimezone(BRUSSELS).strftime("%Y-%m-%d %H:%M") == m.start.strftime(
                "%Y-%m-%d %H:%M"
            )
            assert start.astimezone(dt.UTC) == m.start.astimezone(dt.UTC)
            assert end.astimezone(dt.UTC) == m.end.astimezone(dt.UTC)
            seen.add(start.utcoffset())
        assert seen == {dt.timedelta(hours=1), dt.timedelta(hours=2)}  # winter and summer

    def test_one_file_per_meeting(self, built_site: Path, lang: str):
        for m in MEETINGS:
            events = read(built_site / prefix(lang) / "meetings" / f"{m.uid}.ics").walk("VEVENT")
            assert [str(e["UID"]) for e in events] == [f"{m.uid}@jobcoachportaal"]
            assert str(events[0]["STATUS"]) == m.status.upper()

    def test_page_shows_upcoming_and_past(
        self, page: Page, lang: str, external_requests: list[str]
    ) -> None:
        upcoming, past = meetings_model.split(MEETINGS, today())
        page.goto(f"{prefix(lang)}news/agenda.html")
        up = page.locator("section[aria-labelledby='kb-calendar-upcoming'] .kb-meeting__title")
        gone = page.locator("section[aria-labelledby='kb-calendar-past'] .kb-meeting__title")
        assert up.all_inner_texts() == [m.title[lang] for m in upcoming]
        assert gone.all_inner_texts() == [m.title[lang] for m in past]
        examples = page.locator(".kb-meeting__example")
        expect(examples).to_have_count(sum(m.example for m in MEETINGS))
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert violations(page) == [], scheme
        assert external_requests == []

    def test_ics_links_work_under_a_sub_path(self, page: Page, subpath_url: str, lang: str):
        page.goto(f"{subpath_url}{prefix(lang)}news/agenda.html")
        links = page.locator(".kb-meeting__ics a")
        expect(links).to_have_count(len(MEETINGS))
        hrefs = links.evaluate_all("els => els.map(a => a.href)")
        for href in [*hrefs, page.locator(".kb-calendar__all a").evaluate("a => a.href")]:
            assert href.startswith(urljoin(subpath_url, prefix(lang)))
            response = page.request.get(href)
            assert response.ok, href
            assert icalendar.Calendar.from_ical(response.body()).walk("VEVENT")

    def test_ics_link_downloads_from_file(self, page: Page, built_site: Path, lang: str):
        page.goto((built_site / prefix(lang) / "news/agenda.html").as_uri())
        link = page.locator(".kb-calendar__all a")
        expect(link).to_have_attribute("download", "")
        assert link.evaluate("a => a.href") == (built_site / prefix(lang) / "meetings.ics").as_uri()
        with page.expect_download() as info:
            link.click()
        path = info.value.path()
        assert icalendar.Calendar.from_ical(Path(path).read_bytes()).walk("VEVENT")
