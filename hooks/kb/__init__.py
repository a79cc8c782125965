"""The portal's content pipeline, pure Python with no MkDocs import.

- ``kb.sources``: reading files (UTF-8, size, symlinks) and YAML (line numbers, no duplicate
  keys, no aliases), for every kind of content;
- ``kb.markers``: the one fence-aware scanner for ``<!-- kb:… -->`` markers;
- ``kb.text_policy``: what editor text may contain (web addresses, Markdown, raw HTML);
- ``kb.schemas``: every JSON Schema, one format checker, one error-to-message function.

The content model modules beside this package (content_model, quiz_model, glossary_model,
figures_model) use these; the MkDocs hooks only call the models.
"""
