"""Apply the organisation's branding from ``extra.branding`` (hooks/kb/branding_model.py) to the site.

- ``name`` becomes the site name of each language, ``logo`` the header logo, ``colour`` the
  header colour (through ``assets/stylesheets/branding.css``, which this hook writes, so no
  inline style is needed under the Content-Security-Policy).
- Every page gets a "report a mistake on this page" link that carries the page's public address
  (``overrides/partials/kb-report.html``, included by ``overrides/main.html``), and the contact
  address when one is set. No template needs editing to change any of it.
- The marker ``<!-- kb:contact -->`` (in the accessibility statement) becomes the organisation's
  contact details (``overrides/hooks/render_branding.html``).
The settings are checked with the rest (``kb.settings.check_settings``) before the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb import branding_model
from kb import languages as kb_languages
from kb import markers as kb_markers
from steps.page_data import labels, render_macro
from steps.site_language import current_language, is_nested_build

STYLESHEET = "assets/stylesheets/branding.css"
TEMPLATE = "hooks/render_branding.html"


def _branding(config: MkDocsConfig) -> dict:
    value = config.extra.get("branding")
    return value if isinstance(value, dict) else {}


def stylesheet(colour: str) -> str:
    """Material's colour variables for a custom primary colour (palette ``primary: custom``)."""
    return (
        "/* Written by hooks/steps/branding.py from extra.branding.colour in mkdocs.yml. */\n"
        ':root, [data-md-color-primary="custom"] {\n'
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {colour};\n"
        f"  --md-primary-fg-color--dark: {colour};\n"
        "  --md-primary-bg-color: #fff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        "}\n"
    )


def configure(config: MkDocsConfig):
    branding = _branding(config)
    names = branding.get("name")
    if isinstance(names, dict):
        config.site_name = names.get(kb_languages.default(), config.site_name)
        plugin = config.plugins.get("i18n")
        for lang in plugin.config.languages if plugin else []:
            if lang.locale in names:
                lang["site_name"] = names[lang.locale]
    if isinstance(branding.get("logo"), str):
        config.theme["logo"] = branding["logo"]
    if isinstance(branding.get("colour"), str):
        for scheme in config.theme.get("palette") or []:
            scheme["primary"] = "custom"
        if STYLESHEET not in [str(css) for css in config.extra_css]:
            config.extra_css.append(STYLESHEET)
    return config


def contact_markers(markdown: str, page, config: MkDocsConfig, files) -> str:
    """``<!-- kb:contact -->`` outside code fences -> the contact details."""
    if "kb:contact" not in markdown:
        return markdown
    branding = _branding(config)
    words = labels(current_language(config))

    def replace(marker: kb_markers.Marker) -> str | None:
        if marker.name != "contact":
            return None
        return render_macro(config, TEMPLATE, "contact", b=branding, t=words)

    return kb_markers.replace(markdown, replace)


def report_link(context, page, config: MkDocsConfig, nav):
    branding = _branding(config)
    if not branding.get("report") and not branding.get("contact"):
        return context
    words = labels(current_language(config))
    address = page.canonical_url or page.abs_url or page.url
    context["kb_branding"] = {
        "report": branding_model.report_link(branding["report"], address, words["report_subject"])
        if branding.get("report")
        else None,
        "report_text": words["report_mistake"],
        "contact": branding.get("contact"),
        "contact_text": words["contact"],
        "organisation": branding.get("organisation"),
        # a local edition marked as an example (kb/editions.py) says so on every page
        "example_text": words["example_edition"] if config.extra.get("edition_example") else None,
    }
    return context


def write_colour_sheet(env, config: MkDocsConfig, files) -> None:
    """The header colour's style sheet, in the site before any page is written (MkDocs has
    emptied the site folder by then): the pages are pointed at the joined style sheet as they are
    written (minify_assets.minify_page), and this sheet is one of its members."""
    colour = _branding(config).get("colour")
    if is_nested_build(config) or not isinstance(colour, str):
        return
    target = Path(config.site_dir) / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet(colour), encoding="utf-8")
