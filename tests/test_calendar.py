"""The knowledge network's calendar: the page in both languages, and the .ics files read back
with two independent parsers: Python's icalendar (the file's own VTIMEZONE, through dateutil) and
Mozilla's ical.js (node, tests/ical/; `make test` installs it). Expectations come from
content/_data/meetings.yml; "today" is page_data.today(), as in the build."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
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
from steps.page_data import today

LANGS = ("nl", "en")
MEETINGS, PROBLEMS = meetings_model.load(ROOT)
READ_ICS = ROOT / "tests/ical/read_ics.mjs"
STRINGS = yaml.safe_load((ROOT / "hooks/news_strings.yml").read_text("utf-8"))
BRUSSELS = ZoneInfo("Europe/Brussels")


def prefix(lang: str) -> str:
    return "" if lang == "nl" else "en/"


def read(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def summary(m: meetings_model.Meeting, lang: str) -> str:
    """The title a calendar shows: an example says so in the title itself."""
    title = m.title[lang]
    return STRINGS[lang]["cal_example_title"].format(title=title) if m.example else title


def local(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S")


def utc(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def read_with_ical_js(paths: list[Path]) -> dict[Path, list[dict]]:
    """Every event of each file as ical.js reads it (in a process whose own zone is UTC, so that a
    time ical.js could not place in its zone would show up as wrong)."""
    run = subprocess.run(
        ["node", str(READ_ICS), *map(str, paths)],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "UTC"},
        check=False,
    )
    assert run.returncode == 0, f"ical.js failed (run `make setup-test`): {run.stderr}"
    return {Path(name): events for name, events in json.loads(run.stdout).items()}


def read_with_icalendar(path: Path) -> list[dict]:
    """Every event as Python's icalendar reads it, placed with the file's own VTIMEZONE (not the
    zone database of this machine), in the same shape as ``read_with_ical_js``."""
    cal = read(path)
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in cal.walk("VTIMEZONE")}
    events = []
    for event in cal.walk("VEVENT"):
        zone = event["DTSTART"].params["TZID"]
        start, end = (
            event[key].dt.replace(tzinfo=None).replace(tzinfo=zones[zone])
            for key in ("DTSTART", "DTEND")
        )
        events.append(
            {
                "uid": str(event["UID"]),
                "summary": str(event["SUMMARY"]),
                "zone": zone,
                "start": local(start),
                "end": local(end),
                "start_utc": utc(start),
                "end_utc": utc(end),
            }
        )
    return events


def expected(meetings: list[meetings_model.Meeting], lang: str) -> list[dict]:
    """What every parser must read: the local times of the data file in their own zone, and the
    moments in UTC that zoneinfo gives for them, winter or summer."""
    return [
        {
            "uid": f"{m.uid}@jobcoachportaal",
            "summary": summary(m, lang),
            "zone": m.start.tzinfo.key,
            "start": local(m.start),
            "end": local(m.end),
            "start_utc": utc(m.start),
            "end_utc": utc(m.end),
        }
        for m in meetings
    ]


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


ZONES = {  # zones with other rules than Brussels
    "America/New_York": "second Sunday of March, first of November",
    "Australia/Sydney": "summer in January",
    "America/Sao_Paulo": "summer time that stopped in 2019",
    "Africa/Casablanca": "switches on no yearly pattern",
    "Asia/Tokyo": "no switch",
}


def test_time_zone_rules_read_alike_in_both_parsers(tmp_path: Path) -> None:
    """A meeting at noon on the 1st and the 15th of every month from 2018 to 2028, in Brussels
    and in zones with other rules, lands at the same moment in ical.js, in icalendar and in the
    zone database."""
    meetings = []
    for zone in ["Europe/Brussels", *ZONES]:
        for year in range(2018, 2029):
            for month in range(1, 13):
                for day in (1, 15):
                    start = dt.datetime(year, month, day, 12, tzinfo=ZoneInfo(zone))
                    text = dict.fromkeys(LANGS, f"{zone} {start:%Y-%m-%d}")
                    meetings.append(
                        meetings_model.Meeting(
                            uid=f"{zone.replace('/', '-')}-{start:%Y%m%d}".lower(),
                            type="intervision",
                            status="confirmed",
                            example=False,
                            title=text,
                            description=text,
                            place=None,
                            online=True,
                            organiser=text,
                            start=start,
                            end=start + dt.timedelta(hours=2),
                            updated=dt.date(2026, 1, 1),
                        )
                    )
    words = {"online": "Online", "organiser": "Organiser", "example": "", "example_title": ""}
    path = tmp_path / "zones.ics"
    path.write_bytes(meetings_model.calendar(meetings, "en", "Zones", words))
    want = expected(meetings, "en")
    assert read_with_ical_js([path])[path] == want
    assert read_with_icalendar(path) == want


@pytest.mark.parametrize("lang", LANGS)
class TestCalendarFiles:
    def test_calendar_has_the_upcoming_meetings_with_stable_uids(self, built_site: Path, lang: str):
        """The file to add or subscribe to holds the meetings not yet past on the day of the
        build, soonest first; an example says so in its title."""
        upcoming = meetings_model.split(MEETINGS, today())[0]
        cal = read(built_site / prefix(lang) / "meetings.ics")
        events = cal.walk("VEVENT")
        assert [str(e["UID"]) for e in events] == [f"{m.uid}@jobcoachportaal" for m in upcoming]
        assert [str(e["SUMMARY"]) for e in events] == [summary(m, lang) for m in upcoming]
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == (["Europe/Brussels"] if upcoming else [])
        assert str(cal["REFRESH-INTERVAL"].to_ical(), "ascii") == "P1D"

    def test_every_file_gives_the_same_local_times_in_two_parsers(
        self, built_site: Path, lang: str
    ):
        """ical.js and icalendar each read every .ics (the upcoming meetings, and each meeting's
        own file) as the local times of the data file, at the right moment in winter (UTC+1) and
        in summer (UTC+2)."""
        folder = built_site / prefix(lang)
        files = {folder / "meetings.ics": meetings_model.split(MEETINGS, today())[0]}
        files.update({folder / "meetings" / f"{m.uid}.ics": [m] for m in MEETINGS})
        by_ical_js = read_with_ical_js(list(files))
        for path, meetings in files.items():
            want = expected(meetings, lang)
            assert by_ical_js[path] == want, f"ical.js, {path.name}"
            assert read_with_icalendar(path) == want, f"icalendar, {path.name}"
        seasons = {m.start.utcoffset() for meetings in files.values() for m in meetings}
        assert seasons == {dt.timedelta(hours=1), dt.timedelta(hours=2)}

    def test_one_file_per_meeting(self, built_site: Path, lang: str):
        for m in MEETINGS:
            events = read(built_site / prefix(lang) / "meetings" / f"{m.uid}.ics").walk("VEVENT")
            assert [str(e["UID"]) for e in events] == [f"{m.uid}@jobcoachportaal"]
            assert str(events[0]["STATUS"]) == m.status.upper()
            assert str(events[0]["SUMMARY"]) == summary(m, lang)

    def test_page_shows_upcoming_and_past(
        self, page: Page, lang: str, external_requests: list[str]
    ) -> None:
        """Upcoming meetings soonest first, each with its .ics; past ones stay on the page, latest
        first, without one."""
        upcoming, past = meetings_model.split(MEETINGS, today())
        page.goto(f"{prefix(lang)}news/agenda.html")
        up = page.locator("section[aria-labelledby='kb-calendar-upcoming'] .kb-meeting")
        gone = page.locator("section[aria-labelledby='kb-calendar-past'] .kb-meeting")
        assert up.locator(".kb-meeting__title").all_inner_texts() == [
            m.title[lang] for m in upcoming
        ]
        assert gone.locator(".kb-meeting__title").all_inner_texts() == [m.title[lang] for m in past]
        expect(up.locator(".kb-meeting__ics a")).to_have_count(len(upcoming))
        expect(gone.get_by_role("link", name=STRINGS[lang]["cal_one"])).to_have_count(0)
        examples = page.locator(".kb-meeting__example")
        expect(examples).to_have_count(sum(m.example for m in MEETINGS))
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert violations(page) == [], scheme
        assert external_requests == []

    def test_page_gives_the_address_to_subscribe(self, page: Page, lang: str) -> None:
        """The page gives the hosted address of the upcoming meetings, to paste into a calendar,
        and the same as a webcal:// link that a calendar app opens to subscribe."""
        page.goto(f"{prefix(lang)}news/agenda.html")
        hosted = page.locator("link[rel=canonical]").get_attribute("href")
        address = urljoin(hosted, page.locator(".kb-calendar__all a").get_attribute("href"))
        assert address.endswith(f"/{prefix(lang)}meetings.ics")
        box = page.locator("section[aria-labelledby='kb-calendar-subscribe']")
        expect(box.get_by_role("heading")).to_have_text(STRINGS[lang]["cal_subscribe"])
        expect(box.locator("code")).to_have_text(address)
        expect(box.get_by_role("link", name=STRINGS[lang]["cal_subscribe_link"])).to_have_attribute(
            "href", "webcal://" + address.partition("://")[2]
        )

    def test_ics_links_work_under_a_sub_path(self, page: Page, subpath_url: str, lang: str):
        upcoming = meetings_model.split(MEETINGS, today())[0]
        page.goto(f"{subpath_url}{prefix(lang)}news/agenda.html")
        links = page.locator(".kb-meeting__ics a")
        expect(links).to_have_count(len(upcoming))
        hrefs = links.evaluate_all("els => els.map(a => a.href)")
        everything = page.locator(".kb-calendar__all a").evaluate("a => a.href")
        for href, meetings in [
            *zip(hrefs, [[m] for m in upcoming], strict=True),
            (everything, upcoming),
        ]:
            assert href.startswith(urljoin(subpath_url, prefix(lang)))
            response = page.request.get(href)
            assert response.ok, href
            events = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
            assert [str(e["UID"]) for e in events] == [f"{m.uid}@jobcoachportaal" for m in meetings]

    def test_ics_link_downloads_from_file(self, page: Page, built_site: Path, lang: str):
        page.goto((built_site / prefix(lang) / "news/agenda.html").as_uri())
        link = page.locator(".kb-calendar__all a")
        expect(link).to_have_attribute("download", "")
        assert link.evaluate("a => a.href") == (built_site / prefix(lang) / "meetings.ics").as_uri()
        with page.expect_download() as info:
            link.click()
        path = info.value.path()
        assert Path(path).read_bytes() == (built_site / prefix(lang) / "meetings.ics").read_bytes()
