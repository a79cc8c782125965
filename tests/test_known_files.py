"""A page's boxes look each link target up once per language build (page_data.known_files;
issue 25 point 7), and a new build or language never gets another's answers."""

from __future__ import annotations

from steps import page_data


class _Files:
    """A build's files: two pages, and how often each path was asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.pages = {"statuses/ibo.md": "IBO page", "index.md": "home"}

    def get_file_from_path(self, path: str):
        self.asked.append(path)
        return self.pages.get(path)


def test_each_path_is_looked_up_once_per_build() -> None:
    files = _Files()
    for _ in range(3):
        known = page_data.known_files(files, "nl")
        assert known.get_file_from_path("statuses/ibo.md") == "IBO page"
        assert known.get_file_from_path("statuses/gone.md") is None
    assert files.asked == ["statuses/ibo.md", "statuses/gone.md"]


def test_another_build_or_language_asks_again() -> None:
    first, second = _Files(), _Files()
    page_data.known_files(first, "nl").get_file_from_path("index.md")
    second.pages["index.md"] = "new home"
    assert page_data.known_files(second, "nl").get_file_from_path("index.md") == "new home"
    page_data.known_files(second, "en").get_file_from_path("index.md")
    assert (first.asked, second.asked) == (["index.md"], ["index.md", "index.md"])
