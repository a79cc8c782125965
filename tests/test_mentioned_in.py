"""A page's "Mentioned in" list stays short however many pages name it: at most the limit, some
of each kind, in the order the site gives them (kb.content_model.some_of_each)."""

from __future__ import annotations

from kb import content_model


def test_a_short_list_is_kept_whole() -> None:
    items = [{"kind": "status", "n": 1}, {"kind": "story", "n": 2}]
    assert content_model.some_of_each(items, 12) == items


def test_a_long_list_takes_each_kind_in_turn_and_keeps_the_order() -> None:
    items = [{"kind": "story", "n": n} for n in range(10)] + [
        {"kind": "task-guide", "n": 10},
        {"kind": "status", "n": 11},
        {"kind": "status", "n": 12},
    ]
    shown = content_model.some_of_each(items, 5)
    assert [i["n"] for i in shown] == [0, 1, 10, 11, 12]
