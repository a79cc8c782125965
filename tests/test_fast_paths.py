"""The output steps' fast paths give what the plain regular expressions give (issue 25, point 7:
the build's CPU). Each fast path is documented as equal to one call of ``re``; these tests hold
it to that on tricky and on many random strings (fast tier, no build).
"""

from __future__ import annotations

import random
import re

from kb import asset_bundle, css_purge_model
from steps.output import split_search_index

RNG_SEED = 25


def _random_texts(alphabet: list[str], count: int, longest: int = 12) -> list[str]:
    rng = random.Random(RNG_SEED)
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def _class_names_reference(html: str) -> set[str]:
    """Every class attribute's names where ``class="`` starts a word (as ``\\b`` before it)."""
    values = {
        m.group(1)
        for m in re.finditer(r'class="([^"]*)"', html)
        if not (m.start() and re.match(r"\w", html[m.start() - 1]))
    }
    return {name for value in values for name in value.split()}


def test_class_names_are_those_of_class_attributes_that_start_a_word() -> None:
    tricky = [
        '<p class="a b">',
        '<p xclass="a" class="b">',
        'éclass="a"',
        '_class="a" -class="b"',
        'xclass="class="a"',  # a class="…" inside another's value
        '\u0660class="a"',
        'class="a"',
        "",
    ]
    alphabet = ['class="', "a", "é", "_", "-", " ", '"', "b c", "\u0660", "x", "<p ", ">"]
    for html in tricky + _random_texts(alphabet, 20000):
        assert css_purge_model.classes_in_html(html) == _class_names_reference(html), html


def test_abbreviations_are_found_as_findall_finds_them() -> None:
    words = split_search_index._whole_words({"IBO", "IBO-T", "VDAB", "AI"}, case=True)
    alphabet = ["IBO", "IBO-T", "VDAB", "AI", " ", "-", "x", "é", "_", "\n", "a", "1", "ai"]
    for text in ["", "IBO", "xIBO IBO", "IBO-T-x VDAB_ AI", *_random_texts(alphabet, 20000)]:
        assert split_search_index._found(words, text) == words.findall(text), text


def test_names_are_found_in_any_case_as_findall_finds_them() -> None:
    """The names' search on the text in lower case finds the same names (looked up by
    ``casefold``) as the case-blind search, also where a character's case is special to ``re``
    (the long s, the dotless i, the micro sign, the dotted capital I, the Kelvin sign)."""
    by_name = {n.casefold(): n for n in ["leefloon", "sociale zekerheid", "weiß", "ss", "ik"]}
    words = split_search_index._whole_words(by_name, case=False)
    assert split_search_index._lower_case(words) is not None  # the fast path is taken
    alphabet = ["Leefloon", "LEEFLOON", "sociale ", "Zekerheid", "WEISS", "Weiß", "ß", "ſ", "S"]
    alphabet += ["ı", "İ", "µ", "\u212a", "K", "i", " ", "-", "é", "_", "\u2013", "€", "x"]
    tricky = ["", "Leefloon", "weiß WEISS weiss", "ſs ıK İk \u212a µ", "xleefloon-leefloon_"]
    for text in tricky + _random_texts(alphabet, 20000):
        fast = [by_name.get(m.casefold()) for m in split_search_index._found_any_case(words, text)]
        assert fast == [by_name.get(m.casefold()) for m in words.findall(text)], text


def test_bundle_tags_are_found_and_taken_out_as_re_does() -> None:
    members = ("assets/javascripts/a.js", "assets/javascripts/b.js")
    tags = {css: asset_bundle._tag(members, css) for css in (True, False)}
    alphabet = [
        '<link rel="stylesheet" href="',
        '<script src="',
        '"',
        ">",
        "</script>",
        "\n",
        "../",
        "<",
        " defer",
        *members,
        *(f'<script src="../{m}"></script>\n' for m in members),
        *(f'<link rel="stylesheet" href="{m}">' for m in members),
    ]
    for html in _random_texts(alphabet, 20000):
        for css, tag in tags.items():
            found, expected = asset_bundle._search(tag, css, html), tag.search(html)
            assert (found and found.span()) == (expected and expected.span()), html
            assert asset_bundle._without(tag, css, html) == tag.sub("", html), html
