"""Smaller style sheets: Material's main and palette CSS without the rules this site never uses.

On every page this hook notes the classes and palette colours the HTML uses and points the page at
``main.<hash>.<inputs>.min.css`` (and the same for ``palette``); after the last language is
built it writes those files with ``css_purge_model.purge`` (the rules kept and why are explained
there). ``<inputs>`` is a digest of everything a page can be made from (content, quizzes,
overrides, hooks, mkdocs.yml, Material's version), so a change anywhere gives a new name and no
browser keeps a stale copy from its cache. The 404 pages, which MkDocs renders without page
events, are read and pointed at the same files after the build. Material's original files stay
on disk.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb.css_purge_model import Usage, custom_properties_read, purge, words_in_script
from steps.site_language import is_nested_build

_SHEET = re.compile(r"assets/stylesheets/((?:main|palette)\.[0-9a-f]+)\.min\.css")
_usage = Usage()
_digest: dict[str, str] = {}


def _inputs_digest(config: MkDocsConfig) -> str:
    root = Path(config.config_file_path).resolve().parent
    digest = hashlib.sha256()
    import material

    digest.update(getattr(material, "__version__", "").encode())
    folders = [Path(config.docs_dir), root / "quizzes", root / "overrides", root / "hooks"]
    files = [root / Path(config.config_file_path).name]
    for folder in folders:
        files += sorted(
            p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def start(config: MkDocsConfig):
    if not is_nested_build(config):
        _usage.classes.clear()
        _usage.colors.clear()
        _digest["inputs"] = _inputs_digest(config)
    return config


def with_purged_sheets(html: str) -> str:
    """``html`` pointing at the purged sheets instead of Material's."""
    return _SHEET.sub(
        lambda m: f"assets/stylesheets/{m.group(1)}.{_digest['inputs']}.min.css", html
    )


def note_usage(output: str, page, config: MkDocsConfig) -> str:
    _usage.add_html(output)
    return with_purged_sheets(output)


def write_sheets(config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    site = Path(config.site_dir)
    for not_found in site.glob("**/404.html"):  # rendered without page events
        html = not_found.read_text(encoding="utf-8")
        _usage.add_html(html)
        not_found.write_text(with_purged_sheets(html), encoding="utf-8")
    scripts = [p for p in (site / "assets/javascripts").rglob("*.js") if "lunr" not in p.parts]
    code = "\n".join(p.read_text(encoding="utf-8") for p in scripts)
    material = [p for p in scripts if p.name.startswith(("bundle.", "search."))]
    ours = "\n".join(p.read_text(encoding="utf-8") for p in scripts if p not in material)
    bundle = "\n".join(p.read_text(encoding="utf-8") for p in material)
    usage = Usage(_usage.classes | words_in_script(ours), set(_usage.colors))  # ours: every word
    usage = usage.with_script_words(words_in_script(bundle))
    own_css = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (site / "assets/stylesheets").glob("*.css")
        if not _SHEET.search(f"assets/stylesheets/{p.name}")
    )
    read = custom_properties_read(own_css) | custom_properties_read(code)
    sheets, targets = {}, {}
    for sheet in sorted((site / "assets/stylesheets").glob("*.min.css")):
        match = _SHEET.fullmatch(f"assets/stylesheets/{sheet.name}")
        if match:
            css = sheet.read_text(encoding="utf-8")
            sheets[sheet.name] = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)  # stale now
            targets[sheet.name] = sheet.with_name(f"{match.group(1)}.{_digest['inputs']}.min.css")
    for name, css in purge(sheets, usage, read).items():
        targets[name].write_text(css, encoding="utf-8")
