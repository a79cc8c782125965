"""Meetings of the knowledge network: read content/_data/meetings.yml, check it, split it into
upcoming and past, and write it as iCalendar (RFC 5545) with the `icalendar` library.

Pure Python with no MkDocs import: the build (hooks/steps/render_calendar.py) and `make check` (through
hooks/steps/validate_content.py) run the same checks. Times are written in the meeting's own zone
(Europe/Brussels) with a VTIMEZONE block that every parser reads alike (kb.vtimezone), so a
calendar application shows 19:30 both in winter (UTC+1) and in summer (UTC+2). A meeting's UID
comes from its `uid`, so it stays the same on every build and in every file: re-importing updates
the meeting instead of adding it twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import icalendar

from kb import sources
from kb.data_model import item_line, schema_problems
from kb.problems import Problem
from kb.vtimezone import vtimezone

__all__ = ["MEETINGS_FILE", "Meeting", "calendar", "check", "checked", "load", "split"]

MEETINGS_FILE = "content/_data/meetings.yml"
UID_DOMAIN = "jobcoachportaal"
LOCAL = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$")
HAS_ZONE = re.compile(r"(Z|[+-]\d{2}:?\d{2}|\s[A-Za-z_]+/[A-Za-z_]+)$")


@dataclass(frozen=True)
class Meeting:
    """One meeting, with its times as aware datetimes in its own zone."""

    uid: str
    type: str
    status: str
    example: bool
    title: dict[str, str]
    description: dict[str, str]
    place: dict[str, str] | None
    online: bool
    organiser: dict[str, str]
    start: dt.datetime
    end: dt.datetime
    updated: dt.date

    def past(self, today: dt.date) -> bool:
        """True once the day of its end lies before ``today``."""
        return self.end.date() < today


# --- reading and checking ---------------------------------------------------------------------


def _parse(value: str, zone: ZoneInfo) -> dt.datetime | None:
    match = LOCAL.match(value)
    if not match:
        return None
    try:
        local = dt.datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}")
    except ValueError:
        return None
    return local.replace(tzinfo=zone)


def _read(
    root: Path, content_dir: Path | None
) -> tuple[list, sources.YamlDoc | None, list[Problem]]:
    path, rel = sources.data_file(root, "meetings.yml", content_dir)
    if not path.is_file():
        return [], None, []
    text, problems = sources.read_text(path, rel)
    doc, more = sources.load_yaml(text, rel) if text is not None else (None, [])
    if doc is None:
        return [], None, problems + more
    return (doc.data if doc.data is not None else []), doc, []


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    """The time zones the system knows, listed once per process: ``available_timezones`` walks
    the whole time-zone folder each time it is asked (a check of every meeting, per build)."""
    return frozenset(available_timezones())


def load(root: Path, content_dir: Path | None = None) -> tuple[list[Meeting], list[Problem]]:
    """Every meeting (sorted by start) and every problem in the file."""
    rel = sources.data_file(root, "meetings.yml", content_dir)[1]
    data, doc, problems = _read(root, content_dir)
    if problems or doc is None:
        return [], problems

    def at(index: int | None, key: str = "_") -> int | None:
        return item_line(doc, index, key)

    problems = schema_problems(rel, "meetings", doc, data)
    if problems or not isinstance(data, list):
        return [], problems

    meetings, seen = [], {}
    zones = _zones()
    for index, item in enumerate(data):

        def problem(key: str, message: str, fix: str, index: int = index) -> None:
            problems.append(
                Problem(rel, message, fix, field=f"[{index}].{key}", line=at(index, key))
            )

        uid = item["uid"]
        if uid in seen:
            problem(
                "uid",
                f"the uid '{uid}' is already used by the meeting on line {seen[uid]}.",
                "give every meeting its own uid, e.g. intervisie-2027-02; never reuse one.",
            )
        seen.setdefault(uid, at(index))
        zone_name = item.get("timezone")
        if zone_name is None:
            problem(
                "start",
                "the meeting has a time but no time zone.",
                "add 'timezone: Europe/Brussels' to the meeting.",
            )
            continue
        if zone_name not in zones:
            problem(
                "timezone",
                f"'{zone_name}' is not a time zone.",
                "write the zone as an IANA name: Europe/Brussels.",
            )
            continue
        zone = ZoneInfo(zone_name)
        times = {}
        for key in ("start", "end"):
            value = str(item[key])
            times[key] = _parse(value, zone)
            if times[key] is None:
                if HAS_ZONE.search(value):
                    fix = (
                        f"write the local time only, e.g. '2027-01-19 19:30'; "
                        f"the zone goes in 'timezone: {zone_name}'."
                    )
                else:
                    fix = "write a real date and time as YYYY-MM-DD HH:MM, e.g. '2027-01-19 19:30'."
                problem(key, f"'{value}' is not a local date and time.", fix)
        if None in times.values():
            continue
        if times["end"] <= times["start"]:
            problem(
                "end",
                f"the meeting ends ({item['end']}) before or when it starts ({item['start']}).",
                "check both times; the end comes after the start.",
            )
            continue
        if _wall_time_missing(times["start"]) or _wall_time_missing(times["end"]):
            problem(
                "start",
                "this time does not exist in that zone (the clocks jump forward then).",
                "choose a time outside 02:00-03:00 on the night summer time starts.",
            )
        if not item.get("place") and not item.get("online"):
            problem(
                "place",
                "the meeting has no place and is not online.",
                "add 'place: {nl: …, en: …}' or 'online: true'.",
            )
        meetings.append(
            Meeting(
                uid=uid,
                type=item["type"],
                status=item["status"],
                example=bool(item.get("example")),
                title=item["title"],
                description=item["description"],
                place=item.get("place"),
                online=bool(item.get("online")),
                organiser=item["organiser"],
                start=times["start"],
                end=times["end"],
                updated=dt.date.fromisoformat(item["updated"]),
            )
        )
    return sorted(meetings, key=lambda m: (m.start, m.uid)), problems


def _wall_time_missing(when: dt.datetime) -> bool:
    """True for a local time skipped when summer time starts (it does not survive a round trip)."""
    there = when.astimezone(dt.UTC).astimezone(when.tzinfo)
    return there.replace(tzinfo=None) != when.replace(tzinfo=None)


def checked(root: Path, content_dir: Path | None = None) -> tuple[list[Meeting], list[Problem]]:
    """``load``, with missing time-zone data a problem too (the build loads this once)."""
    try:
        return load(root, content_dir)
    except ZoneInfoNotFoundError as error:  # the machine has no time-zone data
        rel = sources.data_file(root, "meetings.yml", content_dir)[1]
        return [], [Problem(rel, f"time-zone data is missing ({error}).", "pip install tzdata")]


def check(root: Path, content_dir: Path | None = None) -> list[Problem]:
    """Every problem in the meetings file (empty when it is fine or absent)."""
    return checked(root, content_dir)[1]


# --- shaping ----------------------------------------------------------------------------------


def split(meetings: list[Meeting], today: dt.date) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming, soonest first; past, latest first), judged against ``today``."""
    upcoming = [m for m in meetings if not m.past(today)]
    past = [m for m in meetings if m.past(today)]
    return upcoming, list(reversed(past))


STATUS = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED", "cancelled": "CANCELLED"}


def calendar(meetings: list[Meeting], lang: str, name: str, labels: dict[str, str]) -> bytes:
    """An iCalendar file of ``meetings`` in ``lang``, with a VTIMEZONE for each zone used.
    ``labels`` gives 'online', 'organiser', 'example' and 'example_title' (e.g. 'Voorbeeld:
    {title}', for the title: calendar applications rarely show a description) in that language."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{UID_DOMAIN}//meetings//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    # a subscribed calendar asks again once a day (RFC 7986; the second line is Outlook's)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(dt.timedelta(days=1)))
    for m in meetings:
        event = icalendar.Event()
        event.add("uid", f"{m.uid}@{UID_DOMAIN}")
        event.add("dtstamp", dt.datetime.combine(m.updated, dt.time(), tzinfo=dt.UTC))
        event.add("last-modified", dt.datetime.combine(m.updated, dt.time(), tzinfo=dt.UTC))
        event.add("dtstart", m.start)
        event.add("dtend", m.end)
        title = m.title[lang]
        event.add("summary", labels["example_title"].format(title=title) if m.example else title)
        text = f"{m.description[lang]} {labels['organiser']}: {m.organiser[lang]}."
        if m.example:
            text = f"{labels['example']} {text}"
        event.add("description", text)
        where = [m.place[lang]] if m.place else []
        if m.online:
            where.append(labels["online"])
        event.add("location", " · ".join(where))
        event.add("status", STATUS[m.status])
        event.add("categories", [m.type])
        cal.add_component(event)
    if meetings:  # the zone's rules for the years the meetings span (a short VTIMEZONE)
        first = dt.date(min(m.start.year for m in meetings) - 1, 1, 1)
        last = dt.date(max(m.end.year for m in meetings) + 2, 1, 1)
        for zone in sorted({m.start.tzinfo.key for m in meetings}):
            cal.add_component(vtimezone(zone, first, last))
    return cal.to_ical()
