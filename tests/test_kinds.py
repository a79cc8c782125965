"""Content kinds are declared once (kb/kinds.py reads each kind's schema), and that is enough:
a toy kind defined only in this file (its schema with its registry entry, and its template) is
checked like any other kind and renders its own box.

Fast: no MkDocs and no build; the toy kind lives in tmp_path.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
import yaml
from test_build_errors import build, copy_project

from content_index import ROOT, SITE
from kb import content_model, kinds, views
from steps import page_data


def _mkdocs_settings() -> dict:
    """mkdocs.yml as data (its !ENV tags read as their default)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, tag, node: loader.construct_sequence(node)[-1])
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def _languages() -> list[dict]:
    i18n = next(
        p["i18n"] for p in _mkdocs_settings()["plugins"] if isinstance(p, dict) and "i18n" in p
    )
    return i18n["languages"]


# --- the portal's own kinds ---------------------------------------------------------------------


def test_every_kind_is_labelled_in_every_language() -> None:
    """A reader of any language of mkdocs.yml sees a kind's name, not its code."""
    codes = sorted(language["locale"] for language in _languages())
    for kind in kinds.kinds().values():
        assert sorted(kind.label_texts) == codes, kind.schema


def test_a_kinds_plural_label_is_its_sections_name_in_the_menu() -> None:
    """The menu names a kind's folder (mkdocs.yml nav_translations, which stay there) as the
    fact boxes name a list of its pages (the kind's plural label)."""
    for language in _languages():
        names = language["nav_translations"]
        for kind in kinds.kinds().values():
            if kind.folder:
                section = names[kind.folder.capitalize()]
                assert kind.label(language["locale"], plural=True) == section, kind.schema


def test_every_view_exists_and_every_page_has_a_kind_with_its_folder() -> None:
    """Each kind's view is a template under overrides/, and each page of a kind with a folder
    lives there (the check says so to an editor; here: the registry agrees with the content)."""
    for kind in kinds.kinds().values():
        assert kind.view is None or (ROOT / "overrides" / kind.view).is_file(), kind.schema
    for page in SITE.pages.values():
        folder = kinds.get(page.kind).folder
        assert folder is None or page.src.startswith(f"{folder}/"), page.src


def test_references_name_existing_kinds() -> None:
    assert set(kinds.references().values()) <= set(kinds.kinds())


def test_a_declaration_that_names_no_kind_is_refused(tmp_path: Path) -> None:
    """A mistake in a kind's declaration is the developer's: it stops at once, naming the file."""
    (tmp_path / "broken.schema.yml").write_text(
        textwrap.dedent(
            """\
            $schema: https://json-schema.org/draft/2020-12/schema
            $id: broken.schema.yml
            type: object
            properties:
              kind: {const: broken}
              friends: {type: array, x-refers-to: no-such-kind}
            """
        ),
        encoding="utf-8",
    )
    refused = pytest.raises(ValueError, match=r"broken\.schema\.yml: friends: .*'no-such-kind'")
    with refused, kinds.extended(tmp_path):
        pass
    assert "broken" not in kinds.kinds()  # and the registry is as it was


# --- a toy kind, defined here only ------------------------------------------------------------

TOY_SCHEMA = """\
$schema: https://json-schema.org/draft/2020-12/schema
$id: recipe.schema.yml
title: Recipe (content/recipes/)
x-language-neutral: [kind, goes_with]
x-kind:
  folder: recipes
  view: kinds/recipe.html
  labels:
    nl: {one: Recept, many: Recepten, ingredients: Ingrediënten}
    en: {one: Recipe, many: Recipes, ingredients: Ingredients}
type: object
additionalProperties: false
required: [kind, title, summary, ingredients]
properties:
  kind: {const: recipe}
  title: {$ref: common.schema.yml#/$defs/title}
  summary: {$ref: common.schema.yml#/$defs/summary}
  ingredients: {$ref: common.schema.yml#/$defs/plain-list, minItems: 1}
  goes_with: {$ref: common.schema.yml#/$defs/slug-list, x-refers-to: recipe}
  menu:
    type: array
    items:
      type: object
      additionalProperties: false
      properties:
        course: {$ref: common.schema.yml#/$defs/slug, x-refers-to: recipe}
"""

TOY_VIEW = """\
{%- import "hooks/render_facts.html" as f -%}
{%- macro bottom(p) %}
{{ f.section(p.own.ingredients, "ingredients", f.list(p.meta.ingredients)) }}
{%- endmacro -%}
"""

SOUP = """\
---
kind: recipe
title: Linzensoep
summary: Een soep die je samen maakt op de eerste avond van de opleiding.
ingredients: [rode linzen, ui, komijn]
goes_with: [brood]
---

# Linzensoep

Kook alles een half uur.
"""

BREAD = """\
---
kind: recipe
title: Platbrood
summary: Brood uit de pan, klaar terwijl de soep kookt.
ingredients: [bloem, water, zout]
---

# Platbrood

Bak het in een droge pan.
"""

BROKEN = """\
---
kind: recipe
title: Kapotte taart
summary: Een recept met een fout die een redacteur kan maken.
ingredients: appels
goes_with: [koekjes]
menu: [{course: linzensoep}, {course: pudding}]
---

# Kapotte taart

Dit recept heeft fouten.
"""


@pytest.fixture
def toy(tmp_path: Path):
    """The toy kind's schema and view in tmp_path, added to the registry while a test runs; and a
    small content tree with two good recipes and one with mistakes."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "recipe.schema.yml").write_text(TOY_SCHEMA, encoding="utf-8")
    (tmp_path / "templates" / "kinds").mkdir(parents=True)
    (tmp_path / "templates" / "kinds" / "recipe.html").write_text(TOY_VIEW, encoding="utf-8")
    recipes = tmp_path / "project" / "content" / "recipes"
    recipes.mkdir(parents=True)
    for name, text in (("linzensoep", SOUP), ("brood", BREAD), ("kapot", BROKEN)):
        (recipes / f"{name}.md").write_text(text, encoding="utf-8")
    with kinds.extended(tmp_path / "schemas") as registry:
        yield tmp_path, registry["recipe"]


def _problems(project: Path) -> list:
    site = content_model.load_site(project / "content", project)
    return content_model.check_site(site)


def test_the_toy_kind_joins_the_registry(toy) -> None:
    _, recipe = toy
    assert kinds.item_references()[("menu", "course")] == "recipe"
    assert (recipe.folder, recipe.view) == ("recipes", "kinds/recipe.html")
    assert kinds.references()["goes_with"] == "recipe"
    assert kinds.folders()["recipe"] == "recipes"
    assert recipe.label("en", plural=True) == "Recipes"


def test_a_wrong_field_of_the_toy_kind_is_an_editors_problem(toy) -> None:
    """The usual Problem: file, line, field, what is wrong and a fix; the good pages have none."""
    tmp_path, _ = toy
    problems = _problems(tmp_path / "project")
    assert {p.path for p in problems} == {"content/recipes/kapot.md"}
    wrong = next(p for p in problems if p.field == "ingredients")
    assert wrong.line == 5  # the line of 'ingredients:' in the file
    assert "should be a list" in wrong.message and "not str" in wrong.message
    assert wrong.fix.startswith("write a list")
    missing = next(p for p in problems if p.field == "goes_with")
    assert str(missing) == (
        "content/recipes/kapot.md:6: goes_with: 'koekjes' is not a page in content/recipes/. "
        "Fix: use the file name (without .md) of a page in content/recipes/."
    )
    course = next(p for p in problems if p.field.startswith("menu"))  # a field of a list's items
    assert str(course) == (
        "content/recipes/kapot.md:7: menu[1].course: 'pudding' is not a recipe in "
        "content/recipes/. Fix: use the file name of a recipe, without .md."
    )


def test_a_toy_page_outside_its_folder_is_a_problem(toy) -> None:
    tmp_path, _ = toy
    project = tmp_path / "project"
    elsewhere = project / "content" / "elders"
    elsewhere.mkdir()
    (elsewhere / "soep.md").write_text(SOUP.replace("[brood]", "[]"), encoding="utf-8")
    found = [str(p) for p in _problems(project) if p.path == "content/elders/soep.md"]
    assert found == [
        "content/elders/soep.md: kind: a page of kind 'recipe' must live in content/recipes/. "
        "Fix: move the file to content/recipes/ or change its kind."
    ]


# The macro of hooks/render_facts.html that shows each block of a page's view (kb/views.py).
MACROS = {"opening": "top", "boxes": "bottom", "see_also": "see_also"}
MACROS.update({"mentioned_in": "mentioned_in", "region": "region", "sources": "sources"})


def _render(tmp_path: Path, block: str, page: content_model.Page, site) -> str:
    """The block ``block`` of ``page``'s view through its macro in hooks/render_facts.html and
    the view the registry names for its kind, as the build places it (hooks/steps/render_facts.py),
    with links as ``<slug>.html``; "" when the view has no such block."""
    env = page_data.templates([tmp_path / "templates", ROOT / "overrides"])
    t = yaml.safe_load((ROOT / "hooks" / "content_strings.yml").read_text(encoding="utf-8"))
    kind = kinds.get(page.kind)
    view = views.page_view(site, page, page.lang, today=dt.date(2026, 1, 1))
    found = view.get(block)
    if found is None:
        return ""

    def linked(value):
        if isinstance(value, views.Ref):
            url = value.path.rsplit("/", 1)[-1][:-3] + ".html"
            return {"title": value.title, "url": url, "note": value.note, "kind": value.kind}
        if isinstance(value, list):
            return [linked(item) for item in value]
        if isinstance(value, dict):
            return {key: linked(item) for key, item in value.items()}
        return value

    def ref(kind_name: str, slug: str) -> dict | None:
        return linked(views.ref(site, kind_name, slug, page.lang))

    context = {
        **linked({k: v for k, v in found.data.items() if k != "meta"}),
        "meta": page.meta,
        "t": t[page.lang],
        "date": str,
        "ref": ref,
        "view": kind.view,
        "references": kind.references,
        "kinds": kinds.labels(page.lang),
    }
    macro = getattr(env.get_template("hooks/render_facts.html").make_module(), MACROS[block])
    return str(macro(**{name: context.get(name) for name in macro.arguments}))


def test_the_toy_kinds_template_renders_its_box(toy) -> None:
    """A reader of the soup recipe sees its ingredients under the kind's own title, the recipe
    it goes with under the kind's plural label; the bread recipe says where it is mentioned."""
    tmp_path, recipe = toy
    site = content_model.load_site(tmp_path / "project" / "content", tmp_path / "project")
    soup, bread = site.pages["recipes/linzensoep.md"], site.pages["recipes/brood.md"]

    html = _render(tmp_path, "boxes", soup, site)
    box = html.split('<section class="kb-box ingredients"', 1)[1].split("</section>", 1)[0]
    assert f">{recipe.label('nl')}" not in box
    assert f'class="kb-box__title">{recipe.label_texts["nl"]["ingredients"]}</h2>' in box
    assert [item.split("</li>")[0] for item in box.split("<li>")[1:]] == soup.meta["ingredients"]
    html = _render(tmp_path, "see_also", soup, site)
    linked = html.split('<section class="kb-box goes_with"', 1)[1].split("</section>", 1)[0]
    assert f">{recipe.label('nl', plural=True)}</h2>" in linked
    assert f'<a href="brood.html">{bread.meta["title"]}</a>' in linked

    back = _render(tmp_path, "mentioned_in", bread, site)
    assert f'<a href="linzensoep.html">{soup.meta["title"]}</a>' in back
    assert f'<span class="kb-links__kind">({recipe.label("nl")})</span>' in back
    assert _render(tmp_path, "opening", soup, site).strip() == ""  # no key facts, no top of its own


class TestBuildToyKind:
    """The same toy kind in a copy of the portal, built as `make build` does: its schema and view
    are files of the copy only, and the published page shows the kind's box in both languages."""

    def test_a_toy_page_is_published_with_its_box(self, tmp_path: Path) -> None:
        project = copy_project(tmp_path / "project")
        (project / "hooks/kb/schemas/recipe.schema.yml").write_text(
            TOY_SCHEMA.replace("view: kinds/recipe.html", "view: hooks/kinds/recipe.html"),
            encoding="utf-8",
        )
        (project / "overrides/hooks/kinds/recipe.html").write_text(TOY_VIEW, encoding="utf-8")
        recipes = project / "content" / "recipes"
        recipes.mkdir()
        english = SOUP.replace("Een soep die je samen maakt", "A soup you make together")
        for name, text in (("linzensoep.md", SOUP), ("linzensoep.en.md", english)):
            (recipes / name).write_text(text.replace("[brood]", "[]"), encoding="utf-8")

        done = build(project, tmp_path / "site")
        assert done.returncode == 0, done.stdout + done.stderr
        labels = yaml.safe_load(TOY_SCHEMA)["x-kind"]["labels"]
        for lang, path in (("nl", "recipes/linzensoep.html"), ("en", "en/recipes/linzensoep.html")):
            html = (tmp_path / "site" / path).read_text(encoding="utf-8")
            box = html.split('<section class="kb-box ingredients"', 1)[1].split("</section>")[0]
            assert f">{labels[lang]['ingredients']}</h2>" in box
            assert box.count("<li>") == len(yaml.safe_load(SOUP.split("---")[1])["ingredients"])
