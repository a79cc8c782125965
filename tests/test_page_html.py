"""Each part of a page's HTML is final where it is made (issue 25, point 3): no step edits HTML
that another step produced. The fallback notice is placed by the page template, links to portal
pages in editor text are addresses when a step renders its macro, and heading links are labelled
in the page's language (and kept off the title) by Markdown itself. Fast: no MkDocs build."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import markdown
import pytest
from markupsafe import Markup
from test_render_facts import placed
from test_views import BODY, STATUS, view_of, write

from kb import kinds
from steps import page_data, polish_headings

ROOT = Path(__file__).resolve().parent.parent
# Material's base template, as far as the portal's main.html uses it
BASE = "<main>{% block content %}<p>{{ body }}</p>{% endblock %}</main>"


def page_template(**context) -> str:
    loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader({"base.html": BASE}), jinja2.FileSystemLoader(ROOT / "overrides")]
    )
    return jinja2.Environment(loader=loader).get_template("main.html").render(**context)


def test_a_fallback_page_gets_its_notice_and_language_from_the_page_template() -> None:
    notice = Markup('<div class="kb-fallback">Pas encore traduite.</div>')
    html = page_template(
        body="Tekst in het Nederlands.", kb_fallback={"notice": notice, "lang": "nl"}
    )
    assert notice in html
    wrapped = html[html.index(notice) + len(notice) :]
    assert wrapped.startswith('<div lang="nl"><p>Tekst in het Nederlands.</p>')


def test_a_translated_page_has_no_notice_and_no_language_of_its_own() -> None:
    html = page_template(body="Tekst.")
    assert "<p>Tekst.</p>" in html
    assert "lang=" not in html and "kb-fallback" not in html


def test_the_fallback_notice_is_not_in_the_pages_markdown(tmp_path: Path) -> None:
    """The view has the block; the page template, not the Markdown, places it."""
    site = write(tmp_path, {"statuses/ibo.md": (STATUS, BODY)})
    view = view_of(site, "statuses/ibo.md", "en")
    assert view.get("fallback") is not None
    assert "<div>fallback</div>" not in placed(view)
    assert "<div>opening</div>" in placed(view)


def _render(text: str, label: str) -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["toc", polish_headings.HeadingLinks(label=label)],
        extension_configs={"toc": {"permalink": True, "permalink_title": "Link naar deze sectie"}},
    )
    md.html = md.convert(text)
    return md


def test_heading_links_are_labelled_in_the_language_and_kept_off_the_title() -> None:
    md = _render("# De titel\n\n## Wat is het?\n\nTekst.\n\n### Meer\n", "Link to this section")
    assert md.html.startswith('<h1 id="de-titel">De titel</h1>')
    for anchor in ("wat-is-het", "meer"):
        assert (
            f'<a class="headerlink" href="#{anchor}" title="Link to this section" '
            'aria-label="Link to this section">&para;</a>'
        ) in md.html
    assert "Link naar deze sectie" not in md.html
    # The page contents still start at the title, as Markdown's toc made them.
    assert [t["id"] for t in md.toc_tokens] == ["de-titel"]
    assert [t["name"] for t in md.toc_tokens[0]["children"]] == ["Wat is het?"]


def test_the_heading_links_extension_is_loaded_by_its_name() -> None:
    """mkdocs.yml's settings carry it as text (``use_heading_links``), as Markdown loads one."""
    md = markdown.Markdown(
        extensions=["toc", polish_headings.EXTENSION],
        extension_configs={
            "toc": {"permalink": True},
            polish_headings.EXTENSION: {"label": "Lien"},
        },
    )
    assert 'title="Lien" aria-label="Lien"' in md.convert("## Deux\n")


def test_which_kinds_link_or_list_their_boxes_headings_is_in_the_registry() -> None:
    values = {kind.name: kind.box_headings for kind in kinds.kinds().values()}
    assert set(values.values()) <= {None, "link", "list"}
    assert values["training-session"] == "link"
    with pytest.raises(ValueError, match="box_headings"):
        kinds._declared("toy", Path("toy.schema.yml"), {"x-kind": {"box_headings": "all"}})


class _Theme(dict):
    def __init__(self, dirs: list[Path]) -> None:
        super().__init__(language="nl")
        self.dirs = [str(d) for d in dirs]


def test_a_steps_macro_gives_page_links_as_addresses_from_its_page(tmp_path: Path) -> None:
    (tmp_path / "box.html").write_text(
        "{% macro box(text) %}<p>{{ text | md }}</p>{% endmacro %}", encoding="utf-8"
    )
    config = SimpleNamespace(theme=_Theme([tmp_path]), plugins={})
    text = "Zie [IBO](statuses/ibo.md#voorwaarden) en [x](nergens.md)."

    def linker(path: str, anchor: str) -> str | None:
        return f"../{path[: -len('.md')]}.html#{anchor}" if path == "statuses/ibo.md" else None

    html = page_data.render_macro(config, "box.html", "box", linker=linker, text=text)
    assert html == '<p>Zie <a href="../statuses/ibo.html#voorwaarden">IBO</a> en x.</p>'
    with pytest.raises(ValueError, match="linker"):
        page_data.render_macro(config, "box.html", "box", text=text)
    assert (
        page_data.render_macro(config, "box.html", "box", text="Geen link.") == "<p>Geen link.</p>"
    )


def test_an_exercise_heading_gets_an_id_of_its_own_from_the_view(tmp_path: Path) -> None:
    """The template writes an exercise's id and link itself (no pass over the page's HTML), so
    the view makes the id as Markdown's toc would, unique against the page's own headings."""
    session = {
        "kind": "training-session",
        "title": "Sessie 9",
        "exercises": [
            {"title": "Lees de kaart", "description": "Samen."},
            {"title": "Lees de kaart", "description": "Alleen."},
            {"title": "Een *rollenspel*", "description": "Met twee."},
        ],
    }
    body = "# Sessie 9\n\n## Lees de kaart\n\nTekst.\n"
    site = write(tmp_path, {"training/sessie-9.md": (session, body)})
    ids = view_of(site, "training/sessie-9.md").get("boxes").data["exercise_ids"]
    assert ids == ["lees-de-kaart_1", "lees-de-kaart_2", "een-rollenspel"]


def test_only_a_kind_that_links_its_boxes_headings_gives_its_templates_a_link() -> None:
    linking = [name for name, kind in kinds.kinds().items() if kind.box_headings == "link"]
    others = [name for name, kind in kinds.kinds().items() if kind.box_headings != "link"]
    assert linking and others
    assert polish_headings.box_link_label(linking[0], "nl") == "Link naar deze sectie"
    assert polish_headings.box_link_label(linking[0], "en") == "Link to this section"
    assert polish_headings.box_link_label(others[0], "nl") == ""
    assert polish_headings.box_link_label(None, "nl") == ""
