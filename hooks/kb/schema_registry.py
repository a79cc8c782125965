"""Every JSON Schema of the portal in one registry, and the one way a schema error becomes a message.

The schemas live in ``kb/schemas/*.schema.yml``: one per content kind (``page``, ``status``, …,
whose ``kind`` property is a constant equal to the file's name), one per data file (``figures``,
``glossary``, ``meetings``, ``signals``) and ``quiz``. They may refer to each other by ``$id``
(``common.schema.yml#/$defs/source``) and share one format checker (``kb.text_policy``).

``describe`` turns a jsonschema error into ``(what is wrong, how to fix it)`` in an editor's words.
Its generic wording covers every keyword the schemas use; where a schema knows better, it says so
itself with ``x-errors`` next to the keyword, so no model keeps a formatter of its own::

    pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"
    x-errors:
      pattern: ["'{instance}' is not a valid id.", "use lower case letters, digits and hyphens."]
      required: {source: [...], "*": [...]}   # by the missing field's name, "*" for any other

Texts in every language are declared once, for whatever languages mkdocs.yml declares
(``kb.languages``): ``x-every-language: <schema>`` on an object gives it one required property per
language with that schema, and ``x-errors: {required: {x-language: [what, fix]}}`` the message for
each missing one. When a schema is loaded, ``{language}`` in those (and ``{code}``) becomes each
language's English name (and code); anywhere in a schema, ``{language_names}`` becomes "Dutch (nl)
and English (en)", ``{language_codes}`` "both nl and en", ``{language_keys}`` "both nl: and en:"
and ``{language_map}`` "{nl: ..., en: ...}". ``x-enum: question-types`` becomes ``enum:`` with the
question types' names (``kb.question_types``), in the registry's order: no schema lists them.

The templates may use ``{instance}`` (the value), ``{name}`` (a missing field), ``{allowed}``
(an enum's values or an object's fields), ``{limit}`` (a length or count limit), ``{length}``
(the value's length) and ``{type}`` (the value's YAML type, as Python names it).
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml
from fastjsonschema import JsonSchemaException
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from kb import languages, question_types, text_policy

__all__ = [
    "SCHEMA_DIR",
    "add_folder",
    "describe",
    "errors",
    "generation",
    "kinds",
    "language_neutral_keys",
    "missing_name",
    "raw_schema",
    "remove_folder",
    "schema_paths",
    "validator",
]

SCHEMA_DIR = Path(__file__).parent / "schemas"
# Where schemas are read from: the portal's own, then any folder added with ``add_folder`` (a
# kind defined elsewhere, e.g. by a test or an organisation's own layer; kb/kinds.py).
_folders: list[Path] = [SCHEMA_DIR]
_generation = [0]

_TYPE_NAMES = {
    "string": "text",
    "array": "a list (lines starting with '- ')",
    "object": "a group of 'field: value' lines",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def add_folder(folder: Path) -> None:
    """Read schemas from ``folder`` too, after the portal's own (a name may be used once)."""
    _folders.append(Path(folder))
    _forget()


def remove_folder(folder: Path) -> None:
    """Stop reading schemas from ``folder`` (added with ``add_folder``)."""
    _folders.remove(Path(folder))
    _forget()


def generation() -> int:
    """A number that changes whenever the set of schema folders does: what a cache of schema
    verdicts keys on."""
    return _generation[0]


def _forget() -> None:
    _generation[0] += 1
    for cached in (_schemas_for, _written_out_for, _walker, _compiled, kinds):
        cached.cache_clear()
    _asked.clear()


def schema_paths() -> dict[str, Path]:
    """Every schema file by name (``status`` for status.schema.yml), from every folder."""
    found: dict[str, Path] = {}
    for folder in _folders:
        for path in sorted(folder.glob("*.schema.yml")):
            name = path.name.removesuffix(".schema.yml")
            if name in found:
                raise ValueError(f"{path}: the schema '{name}' is already in {found[name]}.")
            found[name] = path
    return found


def _joined(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _words(langs: languages.Languages) -> dict[str, str]:
    """What the language placeholders of a schema become for these languages."""
    codes = [lang.code for lang in langs]
    both = "both " if len(codes) == 2 else ""
    return {
        "{language_names}": _joined([f"{languages.english_name(c, langs)} ({c})" for c in codes]),
        "{language_codes}": both + _joined(codes),
        "{language_keys}": both + _joined([f"{c}:" for c in codes]),
        "{language_map}": "{" + ", ".join(f"{c}: ..." for c in codes) + "}",
    }


def _filled(node: Any, words: dict[str, str]) -> Any:
    """``node`` with each placeholder in its texts replaced."""
    if isinstance(node, dict):
        return {key: _filled(value, words) for key, value in node.items()}
    if isinstance(node, list):
        return [_filled(item, words) for item in node]
    if isinstance(node, str) and "{" in node:
        for placeholder, word in words.items():
            node = node.replace(placeholder, word)
    return node


def _one_language(node: Any, lang: languages.Language, langs: languages.Languages) -> Any:
    name = languages.english_name(lang.code, langs)
    return _filled(copy.deepcopy(node), {"{language}": name, "{code}": lang.code})


def _every_language(node: Any, langs: languages.Languages) -> Any:
    """``node`` with each ``x-every-language`` written out: one required property per language
    (after the object's own), and each ``x-language`` message as one message per language."""
    if isinstance(node, list):
        return [_every_language(item, langs) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _every_language(value, langs) for key, value in node.items()}
    each = node.pop("x-every-language", None)
    if each is None:
        return node
    node["properties"] = {
        **node.get("properties", {}),
        **{lang.code: _one_language(each, lang, langs) for lang in langs},
    }
    node["required"] = [*node.get("required", []), *(lang.code for lang in langs)]
    wording = (node.get("x-errors") or {}).get("required") or {}
    if "x-language" in wording:
        message = wording.pop("x-language")
        wording.update({lang.code: _one_language(message, lang, langs) for lang in langs})
    return node


def _listed(node: Any) -> Any:
    """``node`` with each ``x-enum: question-types`` written out as the registry's type names,
    in its order (``enum: [single, multiple, …]``): the quiz schema lists no type itself."""
    if isinstance(node, list):
        return [_listed(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _listed(value) for key, value in node.items()}
    source = node.pop("x-enum", None)
    if source is None:
        return node
    if source != "question-types":
        raise ValueError(f"x-enum: no such list: '{source}' (only question-types)")
    return {"enum": list(question_types.TYPES), **node}


def _load(path: Path, langs: languages.Languages) -> dict:
    # LibYAML's loader when PyYAML has it: the same data, ten times faster (every build reads
    # every schema)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    schema = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return _filled(_listed(_every_language(schema, langs)), _words(langs))


def _schemas() -> tuple[dict[str, Draft202012Validator], dict[str, dict]]:
    return _schemas_for(languages.project())


@lru_cache(maxsize=4)
def _schemas_for(
    langs: languages.Languages,
) -> tuple[dict[str, Draft202012Validator], dict[str, dict]]:
    """Every schema, written out for ``langs``."""
    resources, raw = [], {}
    for name, path in schema_paths().items():
        schema = _load(path, langs)
        raw[name] = schema
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    checker = text_policy.format_checker()
    validators = {
        name: Draft202012Validator(schema, registry=registry, format_checker=checker)
        for name, schema in raw.items()
    }
    return validators, raw


# Keywords that never decide whether a value is valid: a ``$ref`` with only these next to it is
# replaced by what it refers to.
_ANNOTATIONS = frozenset({"description", "title", "x-errors", "$comment", "examples", "default"})
# Keywords whose value is data, not a schema.
_DATA_KEYWORDS = frozenset(
    {"enum", "const", "required", "examples", "default", "x-errors", "x-language-neutral"}
)
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "dependentSchemas"})


def _inline(node: Any, resolver: Any, seen: frozenset) -> Any:
    """``node`` with every ``$ref`` replaced by the schema it refers to (a ``$ref`` with other
    keywords next to it becomes an ``allOf`` of the two), and the unused ``$defs`` dropped: the
    same verdict as the original, without a registry look-up per ``$ref`` per value."""
    if isinstance(node, list):
        return [_inline(item, resolver, seen) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in {"$ref", "$defs", "$id", "$schema"}:
            continue
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: _inline(sub, resolver, seen) for name, sub in value.items()}
        elif key in _DATA_KEYWORDS or key.startswith("x-"):
            out[key] = value
        else:
            out[key] = _inline(value, resolver, seen)
    if "$ref" in node:
        found = resolver.lookup(node["$ref"])
        if id(found.contents) in seen:  # a schema that refers to itself: cannot be written out
            raise RecursionError(node["$ref"])
        target = _inline(found.contents, found.resolver, seen | {id(found.contents)})
        if any(key not in _ANNOTATIONS for key in out):
            out["allOf"] = [target, *out.get("allOf", [])]
        else:
            out = target
    return out


Verdict = Callable[[Any], object]
# A schema is compiled (``_compiled``) once values have been validated against it this often in
# one process: compiling costs about as much as a dozen validations by jsonschema, which a small
# site might never make up. Before that, jsonschema checks the written-out schema (``_walker``).
COMPILE_AFTER = 12
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_asked: Counter = Counter()


@lru_cache(maxsize=4)
def _written_out_for(langs: languages.Languages) -> dict[str, dict | None]:
    """Per schema, the same schema with its ``$ref``s written out (None when that cannot be
    done): the same verdict without a registry look-up per ``$ref`` per value."""
    raw = _schemas_for(langs)[1]
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in raw.values()
    )
    found: dict[str, dict | None] = {}
    for name, schema in raw.items():
        try:
            found[name] = _inline(schema, registry.resolver(schema["$id"]), frozenset())
        except (RecursionError, LookupError, KeyError, AttributeError):
            found[name] = None
    return found


@lru_cache(maxsize=64)
def _walker(langs: languages.Languages, name: str) -> Draft202012Validator | None:
    """jsonschema on the written-out schema: about 2.5 times faster than following the
    ``$ref``s, and only asked whether a value is valid."""
    whole = _written_out_for(langs).get(name)
    if whole is None:
        return None
    dialect = _schemas_for(langs)[1][name].get("$schema", _DIALECT)
    whole = {**whole, "$schema": dialect}
    return Draft202012Validator(whole, format_checker=text_policy.format_checker())


@lru_cache(maxsize=64)
def _compiled(langs: languages.Languages, name: str) -> Verdict | None:
    """The written-out schema compiled by fastjsonschema (Python code generated once), several
    times faster again. It only says that a value is valid (it raises otherwise); every error an
    editor reads still comes from ``validator``. Its formats are the portal's own
    (``text_policy.format_checker``), and where its keywords are stricter than jsonschema's
    (``pattern``'s ``$`` is the very end), a valid value is merely validated twice."""
    whole = _written_out_for(langs).get(name)
    if whole is None:
        return None
    # Each format's own function, called as FormatChecker.conforms calls it: a false result or an
    # exception (which ``_valid`` reads as "invalid" too) is the same verdict, without the
    # checker's three calls around every text of every page.
    formats = {name: check for name, (check, _) in text_policy.format_checker().checkers.items()}
    try:
        return fastjsonschema.compile(whole, formats=formats)
    except JsonSchemaException:
        return None


def _fast() -> dict[str, Verdict | None]:
    """Every schema's compiled check (for the tests; ``errors`` compiles only what it needs)."""
    langs = languages.project()
    return {name: _compiled(langs, name) for name in _schemas_for(langs)[1]}


def _valid(check: Verdict, instance: Any) -> bool:
    """Whether the compiled check passes ``instance``; anything it cannot decide is not."""
    try:
        check(instance)
    except Exception:  # invalid, or data it does not know: jsonschema decides
        return False
    return True


def _known_valid(name: str, instance: Any) -> bool:
    """Whether a faster check of the written-out schema finds ``instance`` valid: compiled once
    the schema has been asked often enough (``COMPILE_AFTER``), jsonschema's until then."""
    key = (languages.project(), name)
    _asked[key] += 1
    if _asked[key] > COMPILE_AFTER and (check := _compiled(*key)) is not None:
        return _valid(check, instance)
    walker = _walker(*key)
    return walker is not None and walker.is_valid(instance)


def errors(name: str, instance: Any) -> list[ValidationError]:
    """Every error of ``instance`` against ``kb/schemas/<name>.schema.yml``, exactly as
    ``validator(name).iter_errors`` gives them. A valid value (nearly every value, every build)
    is recognised first by a faster check of the written-out schema (``_known_valid``); only an
    invalid one is validated again, by the original schema, for the errors and their paths."""
    if _known_valid(name, instance):
        return []
    return list(validator(name).iter_errors(instance))


def validator(name: str) -> Draft202012Validator:
    """The validator of ``kb/schemas/<name>.schema.yml``, with every other schema resolvable and
    the portal's formats."""
    return _schemas()[0][name]


def raw_schema(name: str) -> dict:
    return _schemas()[1][name]


@lru_cache(maxsize=1)
def kinds() -> list[str]:
    """Every content kind: a schema whose ``kind`` property is a constant equal to its own name."""
    raw = _schemas()[1]
    return sorted(
        name
        for name, schema in raw.items()
        if schema.get("properties", {}).get("kind", {}).get("const") == name
    )


def language_neutral_keys(kind: str) -> list[str]:
    return list(_schemas()[1].get(kind, {}).get("x-language-neutral", []))


def missing_name(error: ValidationError) -> str:
    """The field a ``required`` error is about."""
    found = re.search(r"'([^']+)'", error.message)
    return found.group(1) if found else "a field"


def _custom(error: ValidationError, values: dict[str, Any]) -> tuple[str, str] | None:
    """The schema's own wording for this error (``x-errors``), if it has one."""
    wording = (error.schema.get("x-errors") or {}).get(error.validator)
    if isinstance(wording, dict):  # per missing field
        wording = wording.get(values.get("name", ""), wording.get("*"))
    if not wording:
        return None
    what, fix = wording
    return what.format_map(values), fix.format_map(values)


def describe(error: ValidationError, *, place: str = "") -> tuple[str, str]:
    """What is wrong and how to fix it, in an editor's words. ``place`` says where a missing field
    goes (" to the front matter")."""
    v, schema, instance = error.validator, error.schema, error.instance
    hint = schema.get("description", "")
    values: dict[str, Any] = {
        "instance": instance,
        "type": type(instance).__name__,
        "length": len(instance) if isinstance(instance, str | list | dict) else "",
        "name": "",
        "allowed": "",
        "limit": "",
    }
    if v == "required":
        values["name"] = missing_name(error)
    elif v == "additionalProperties":
        values["allowed"] = ", ".join(schema.get("properties", {}))
    elif v in {"enum", "const"}:
        values["allowed"] = ", ".join(map(str, schema.get("enum") or [schema.get("const")]))
    elif v in {"maxLength", "minLength", "maxItems", "minItems", "minimum", "maximum"}:
        values["limit"] = schema.get(v)
    custom = _custom(error, values)
    if custom:
        return custom

    if v == "required":
        name = values["name"]
        return f"the field '{name}' is missing.", f"add '{name}: …'{place}."
    if v == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        return (
            f"unknown field {', '.join(repr(e) for e in extra)}.",
            f"check the spelling; allowed here: {values['allowed']}.",
        )
    if v in {"enum", "const"}:
        return f"'{instance}' is not allowed here.", f"use one of: {values['allowed']}."
    if v == "format":
        fmt = schema.get("format")
        if fmt == "date":
            return f"'{instance}' is not a real date.", "write a date that exists, as YYYY-MM-DD."
        if fmt == "plain-text":
            return (
                "contains HTML or a script tag.",
                "write plain text; use Markdown (**bold**, *italic*) for emphasis.",
            )
        if fmt == "uri":
            why = text_policy.check_web_address(instance) or "is not a web address"
            return (
                f"'{instance}' {why}.",
                "write the full address as the browser shows it, https://…",
            )
    if v == "type":
        expected = schema.get("type")
        if isinstance(instance, bool) and expected == "string":
            return (
                f"is read as {str(instance).lower()}, not as text.",
                'put the text in quotes, e.g. "Yes" or "No".',
            )
        wanted = (
            " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
            if isinstance(expected, list)
            else _TYPE_NAMES.get(expected, expected)
        )
        # A field's description says what belongs there; a whole file's would be too long.
        about = f": {hint[0].lower()}{hint[1:]}" if hint and error.absolute_path else "."
        if about != "." and not about.endswith((".", ")")):
            about += "."
        return f"should be {wanted}, not {type(instance).__name__}.", f"write {wanted}{about}"
    if v == "minItems":
        return (
            f"needs at least {schema['minItems']} item(s), has {len(instance)}.",
            "add items as lines starting with '- '.",
        )
    if v == "maxItems":
        return (
            f"has more than {schema['maxItems']} items.",
            "keep the list shorter or split the page.",
        )
    if v == "minLength":
        return "is empty or too short.", hint or "write the text."
    if v == "maxLength":
        return (
            f"is too long ({len(instance)} characters, at most {schema['maxLength']}).",
            "shorten it.",
        )
    if v == "pattern":
        return f"'{instance}' does not have the right form.", hint or f"match {schema['pattern']}."
    if v == "uniqueItems":
        return "lists the same item twice.", "remove the duplicate."
    if v in {"minimum", "maximum"}:
        return f"{instance} is out of range.", error.message
    return error.message + ".", hint
