"""A VTIMEZONE block (RFC 5545, section 3.6.5) that every calendar parser reads the same way.

Why not icalendar's own (``Calendar.add_missing_timezones``): it writes all the summer-time
starts of a zone on one RDATE line, and Mozilla's ical.js (Thunderbird and many web calendars)
reads only the first date of such a line, so a meeting in a later summer showed an hour late
there; it also puts each summer-time start an hour after the real switch. This module writes each
rule as the calendars themselves do (Thunderbird, Outlook, tzurl.org): one yearly RRULE per
switch, such as ``FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`` for the last Sunday of March, with the onset
in the local time before the switch. A switch that follows no yearly pattern in the span gets one
RDATE per line instead, starting with its DTSTART (which ical.js ignores in a part with RDATEs). The offsets come from the zone's own data (``zoneinfo``).
"""

from __future__ import annotations

import calendar as month_days
import datetime as dt
from collections import defaultdict
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

__all__ = ["vtimezone"]

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_STEPS = (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=1))


def _switches(zone: ZoneInfo, first: dt.datetime, last: dt.datetime) -> list[dt.datetime]:
    """Every moment (in UTC) between ``first`` and ``last`` at which the zone's offset changes."""
    found = []
    start, step = first, _STEPS[0]
    while start < last:
        end = min(start + step, last)
        if start.astimezone(zone).utcoffset() == end.astimezone(zone).utcoffset():
            start = end
            continue
        # narrow the change down to the minute, within [start, end)
        for finer in _STEPS[1:]:
            while (start + finer).astimezone(zone).utcoffset() == start.astimezone(
                zone
            ).utcoffset():
                start += finer
        found.append(start + _STEPS[-1])
        start = start + _STEPS[-1]
    return found


def _yearly_rule(onsets: list[dt.datetime]) -> str | None:
    """An RRULE for onsets that fall once a year on the same weekday of the same week of the same
    month at the same time (e.g. the last Sunday of March at 02:00), else None."""
    first = onsets[0]
    weekday, month, clock = first.weekday(), first.month, first.time()
    years = [o.year for o in onsets]
    if years != list(range(years[0], years[0] + len(onsets))):
        return None
    if any((o.weekday(), o.month, o.time()) != (weekday, month, clock) for o in onsets):
        return None
    if all(o.day + 7 > month_days.monthrange(o.year, o.month)[1] for o in onsets):
        week = -1  # the last such weekday of the month
    elif len({(o.day - 1) // 7 for o in onsets}) == 1 and first.day <= 28:
        week = (first.day - 1) // 7 + 1
    else:
        return None
    return f"FREQ=YEARLY;BYMONTH={month};BYDAY={week}{DAYS[weekday]}"


@lru_cache(maxsize=32)
def vtimezone(name: str, first: dt.date, last: dt.date) -> icalendar.Timezone:
    """The VTIMEZONE of the IANA zone ``name`` for the days from ``first`` to ``last``."""
    zone = ZoneInfo(name)
    begin = dt.datetime.combine(first, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(last, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    # (offset before, offset after, name, summer time?) -> local onsets, in the offset before
    rules: dict[tuple, list[dt.datetime]] = defaultdict(list)
    here = begin.astimezone(zone)
    rules[(here.utcoffset(), here.utcoffset(), here.tzname(), bool(here.dst()))].append(
        here.replace(tzinfo=None)
    )
    for moment in _switches(zone, begin, end):
        before, after = (moment - _STEPS[-1]).astimezone(zone), moment.astimezone(zone)
        key = (before.utcoffset(), after.utcoffset(), after.tzname(), bool(after.dst()))
        rules[key].append((moment + before.utcoffset()).replace(tzinfo=None))
    tz = icalendar.Timezone()
    tz.add("tzid", name)
    for (offset_from, offset_to, tzname, summer), onsets in rules.items():
        part = icalendar.TimezoneDaylight() if summer else icalendar.TimezoneStandard()
        part.add("tzname", tzname)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        part.add("dtstart", onsets[0])
        rule = _yearly_rule(onsets) if len(onsets) > 1 else None
        if rule and onsets[-1].year < last.year - 1:  # the zone stopped this switch: say when
            rule += f";UNTIL={(onsets[-1] - offset_from).strftime('%Y%m%dT%H%M%SZ')}"
        if rule:
            part.add("rrule", icalendar.vRecur.from_ical(rule))
        elif len(onsets) > 1:
            # One date per line: ical.js reads only the first of a list. The first onset is
            # repeated: ical.js skips DTSTART in a part that has an RDATE.
            for onset in onsets:
                part.add("rdate", onset)
        tz.add_component(part)
    return tz
