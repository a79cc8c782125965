"""The knowledge network's calendar, from content/_data/meetings.yml (hooks/kb/meetings_model.py).

Marker, on its own line in a page body:
  <!-- kb:calendar -->   upcoming meetings (soonest first) and past ones (latest first), judged
                         against page_data.today() (PORTAL_TODAY=YYYY-MM-DD sets it for tests),
                         each upcoming one with a link to its own .ics file; one link to all
                         upcoming meetings, and the address to subscribe to them
After the build, every language gets meetings.ics (en/meetings.ics: the meetings not yet past on
the day of the build, so a subscribed calendar drops past ones) and meetings/<uid>.ics for every
meeting, made with the icalendar library. The download links are relative, so they work under a
sub-path and from file:// (the files download); the subscription address is absolute, from
`site_url` (webcal://, and https:// to paste), like the feed's links. The HTML lives in
overrides/hooks/render_calendar.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from kb import markers as kb_markers
from kb import meetings_model
from steps.news_view import labels
from steps.page_data import Linker, format_date, keeping, portal_for, render_macro, today
from steps.site_language import current_language, default_language, is_nested_build, languages

TEMPLATE = "hooks/render_calendar.html"


def _folder(config: MkDocsConfig, lang: str) -> str:
    return "" if lang == default_language(config) else f"{lang}/"


def ics_path(config: MkDocsConfig, lang: str, uid: str | None = None) -> str:
    """meetings.ics, en/meetings.ics, meetings/<uid>.ics, en/meetings/<uid>.ics"""
    return _folder(config, lang) + (f"meetings/{uid}.ics" if uid else "meetings.ics")


def subscribe_urls(config: MkDocsConfig, lang: str) -> dict[str, str] | None:
    """The upcoming meetings of a language on the hosted site: {"https": the address to paste,
    "webcal": the same for a calendar app to subscribe}; None without an http(s) `site_url`."""
    scheme, sep, rest = (config.site_url or "").partition("://")
    if not sep or scheme not in ("http", "https"):
        return None
    url = f"{scheme}://{rest.rstrip('/')}/{ics_path(config, lang)}"
    return {"https": url, "webcal": "webcal://" + url.partition("://")[2]}


def _meetings(config: MkDocsConfig) -> list[meetings_model.Meeting]:
    meetings, problems = portal_for(config).meetings()
    if problems:  # validate_content stops the build before this; a safety net only
        raise PluginError("\n".join(map(str, problems)))
    return meetings


def _view(
    m: meetings_model.Meeting, lang: str, t: dict, page, config: MkDocsConfig, past: bool = False
) -> dict:
    day = format_date(m.start.date().isoformat(), lang)
    end = m.end.strftime("%H:%M")
    if m.end.date() != m.start.date():
        end = f"{format_date(m.end.date().isoformat(), lang)} {end}"
    where = [m.place[lang]] if m.place else []
    if m.online:
        where.append(t["cal_online"])
    return {
        "uid": m.uid,
        "type": m.type,
        "status": m.status,
        "example": m.example,
        "title": m.title[lang],
        "description": m.description[lang],
        "organiser": m.organiser[lang],
        "where": " · ".join(where),
        "when": f"{day}, {m.start.strftime('%H:%M')}–{end}",
        "start_iso": m.start.isoformat(),
        "ics": None if past else get_relative_url(ics_path(config, lang, m.uid), page.url),
    }


def render_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    if "kb:calendar" not in markdown:
        return markdown
    lang = current_language(config)
    t = labels(lang)

    def replace(marker: kb_markers.Marker) -> str | None:
        if marker.name != "calendar":
            return None
        upcoming, past = meetings_model.split(_meetings(config), today())
        return render_macro(
            config,
            TEMPLATE,
            "calendar",
            linker=Linker(page, files, config),
            upcoming=[_view(m, lang, t, page, config) for m in upcoming],
            past=[_view(m, lang, t, page, config, past=True) for m in past],
            t=t,
            all_ics=get_relative_url(ics_path(config, lang), page.url),
            subscribe=subscribe_urls(config, lang),
        )

    return kb_markers.replace(markdown, keeping(replace))


def _ics_labels(lang: str) -> dict[str, str]:
    t = labels(lang)
    return {
        "online": t["cal_online"],
        "example": t["cal_example_short"],
        "example_title": t["cal_example_title"],
        "organiser": t["cal_organiser"],
    }


def write_calendars(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    meetings = _meetings(config)
    upcoming = meetings_model.split(meetings, today())[0]
    site = Path(config.site_dir)
    for lang in languages(config):
        name, words = labels(lang)["cal_name"], _ics_labels(lang)
        files = {ics_path(config, lang): meetings_model.calendar(upcoming, lang, name, words)}
        for m in meetings:
            files[ics_path(config, lang, m.uid)] = meetings_model.calendar([m], lang, name, words)
        for rel, data in files.items():
            path = site / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
