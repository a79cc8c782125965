"""The portal's content pipeline: every kind of content is read, checked and shaped here.

Pure Python with no MkDocs import (tests/test_text_policy.py enforces it), so that the model, its
schemas and the templates survive a move to another generator. The MkDocs adapter beside this
package (``hooks/adapter.py`` and its steps in ``hooks/steps/``) only turns build events into calls
to it.

Reading and policy, shared by every kind:

- ``kb.sources``: reading files (UTF-8, size, symlinks) and the one YAML loader (line numbers, no
  duplicate keys, bounded aliases);
- ``kb.markers``: the one fence-aware scanner for ``<!-- kb:… -->`` markers;
- ``kb.text_policy``: what editor text may contain (web addresses, Markdown, raw HTML);
- ``kb.languages``: the portal's languages, declared once in mkdocs.yml's i18n settings (code,
  name, default, text direction), and a page's language and partner from its file name;
- ``kb.problems``: the shape of every editor-facing error (``file:line: field: problem. Fix: …``);
- ``kb.readability``: the plain-language measure of a Dutch page.

The model, one module per kind (each with its JSON Schema in ``kb/schemas/``):

- ``kb.kinds``: the registry of content kinds (folder, view, the keys that name other pages,
  labels), read from each kind's schema (``x-kind``, ``x-refers-to``);
- ``kb.content_model``: pages, their front matter, links, markers, the schema registry and the one
  schema-error-to-message function; ``kb.data_model``: shared helpers for YAML data files;
- ``kb.quiz_model``, ``kb.glossary_model``, ``kb.figures_model``, ``kb.news_model``,
  ``kb.meetings_model``, ``kb.signals_model``, ``kb.branding_model``;
- ``kb.search_index_model`` (the per-language search index) and ``kb.css_purge_model``;
- ``kb.review`` (how often each kind is checked again, which pages are due) and
  ``kb.translations`` (the record of the Dutch version an English page follows, what changed
  since, and the facts both languages must share);
- ``kb.portal``: ``load(project)`` reads, parses and validates every file once and keeps it;
  ``check(portal)`` is the one check that ``make check`` and the build both run (the build keeps
  one Portal per build, ``page_data.portal_for``, and every hook asks it);
- ``kb.project``: the project's settings and ``check_project`` (a portal loaded and checked).
- ``kb.views``: a page's view, its ordered blocks as data, which the templates place.
- ``kb.navigator_view``: the navigator page's data (the questions and every scheme with its
  rules, issue 24), the ``navigator`` block of a page of kind ``navigator``.
"""
