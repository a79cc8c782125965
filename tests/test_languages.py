"""The portal's languages are declared once, in mkdocs.yml, and everything else follows from them
(hooks/kb/languages.py): a page's language from its file name, its partner, text direction, and
the "every language" parts of the schemas."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import languages, schema_registry  # noqa: E402

THREE = languages.from_settings(
    [
        {"locale": "nl", "name": "Nederlands", "default": True},
        {"locale": "en", "name": "English"},
        {"locale": "fr", "name": "Français"},
    ]
)


@pytest.fixture
def french():
    """The registry as a build of a three-language mkdocs.yml sets it, and back afterwards."""
    languages.use(THREE)
    yield THREE
    languages.use(None)


def test_project_languages_are_those_of_mkdocs_yml() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    i18n = next(
        p["i18n"]
        for p in yaml.load(config, Loader=languages._AnyTagLoader)["plugins"]
        if isinstance(p, dict) and "i18n" in p
    )
    declared = [lang["locale"] for lang in i18n["languages"] if lang.get("build", True)]
    default = next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))
    assert set(languages.codes()) == set(declared)
    assert languages.default() == default == languages.codes()[0]


def test_default_comes_first_and_unbuilt_languages_are_left_out() -> None:
    langs = languages.from_settings(
        [
            {"locale": "en", "name": "English"},
            {"locale": "de", "name": "Deutsch", "build": False},
            {"locale": "fr", "name": "Français", "default": True},
        ]
    )
    assert languages.codes(langs) == ("fr", "en")
    assert [lang.default for lang in langs] == [True, False]


def test_no_language_to_build_is_an_error() -> None:
    with pytest.raises(ValueError, match="no language"):
        languages.from_settings([{"locale": "nl", "build": False}])


@pytest.mark.parametrize(
    ("settings", "direction"),
    [
        ({"locale": "ar", "name": "العربية"}, "rtl"),
        ({"locale": "fa", "name": "فارسی"}, "rtl"),
        ({"locale": "he_IL", "name": "עברית"}, "rtl"),
        ({"locale": "fr", "name": "Français"}, "ltr"),
        ({"locale": "ar", "name": "Arabic", "theme": {"direction": "ltr"}}, "ltr"),
        ({"locale": "xx", "name": "X", "theme": {"direction": "rtl"}}, "rtl"),
    ],
)
def test_text_direction(settings: dict, direction: str) -> None:
    langs = languages.from_settings([{"locale": "nl", "default": True}, settings])
    assert langs[1].dir == direction


@pytest.mark.parametrize(
    ("src", "lang", "base", "partner"),
    [
        ("statuses/ibo.md", "nl", "statuses/ibo.md", "statuses/ibo.en.md"),
        ("statuses/ibo.en.md", "en", "statuses/ibo.md", "statuses/ibo.md"),
        ("statuses/ibo.fr.md", "fr", "statuses/ibo.md", "statuses/ibo.md"),
        # a language the portal does not have is part of the name, not a language
        ("notes/v1.de.md", "nl", "notes/v1.de.md", "notes/v1.de.en.md"),
    ],
)
def test_page_language_and_partner(src: str, lang: str, base: str, partner: str) -> None:
    assert languages.page_language(src, THREE) == lang
    assert languages.translation_path(src, "nl", THREE) == base
    assert languages.partner_path(src, THREE) == partner


def test_translation_path_to_each_language() -> None:
    assert [languages.translation_path("a/b.md", c, THREE) for c in languages.codes(THREE)] == [
        "a/b.md",
        "a/b.en.md",
        "a/b.fr.md",
    ]


def test_mkdocs_yml_with_tags_is_read(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        'site_url: !ENV [SITE_URL, "https://x.example/"]\n'
        "plugins:\n  - search\n  - i18n:\n      languages:\n"
        "        - {locale: fr, name: Français, default: true}\n"
        "        - {locale: ar, name: العربية}\n",
        encoding="utf-8",
    )
    langs = languages.from_file(config)
    assert [(lang.code, lang.dir) for lang in langs] == [("fr", "ltr"), ("ar", "rtl")]


def test_schemas_require_every_configured_language(french) -> None:
    """A third language in mkdocs.yml is required in every text of a quiz, without a schema edit."""
    two = {"nl": "Vraag", "en": "Question"}
    errors = schema_registry.errors("quiz", {"title": two, "questions": []})
    missing = [e for e in errors if e.validator == "required"]
    assert [schema_registry.describe(e) for e in missing] == [
        ("the French text is missing.", "add fr: with the French text.")
    ]


def test_glossary_term_needs_every_language(french) -> None:
    term = {"term": "IBO", "nl": {"name": "x" * 3, "explanation": "y" * 12}}
    found = [schema_registry.describe(e) for e in schema_registry.errors("glossary", [term])]
    assert [what for what, _ in found] == [
        "the English text is missing.",
        "the French text is missing.",
    ]
    assert "every term needs nl, en and fr" in found[1][1]


def test_a_language_the_portal_does_not_have_is_an_unknown_field(french) -> None:
    text = {"nl": "a", "en": "b", "fr": "c", "de": "d"}
    errors = schema_registry.errors("signals", [{"what": text}])
    assert any(e.validator == "additionalProperties" and "'de'" in e.message for e in errors)


@pytest.mark.parametrize("fixture", ["site_fr", "site_ar"])
def test_fixture_sites_run_the_portals_hooks(fixture: str) -> None:
    """The language fixture sites (tests/test_three_languages.py) carry their own mkdocs.yml; it
    lists the portal's hooks in the portal's order, so a hook added, renamed or removed in
    mkdocs.yml must be changed there too (this test says so before the slow build tests do)."""

    class Loader(yaml.SafeLoader):
        """mkdocs.yml's own tags (!ENV, !relative) read as plain values."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)

    def hooks(path: Path) -> list[str]:
        return yaml.load(path.read_text(encoding="utf-8"), Loader)["hooks"]

    fixture_hooks = hooks(ROOT / "tests" / "fixtures" / fixture / "mkdocs.yml")
    assert fixture_hooks == hooks(ROOT / "mkdocs.yml"), (
        f"tests/fixtures/{fixture}/mkdocs.yml: hooks differ from mkdocs.yml's; copy its list"
    )
