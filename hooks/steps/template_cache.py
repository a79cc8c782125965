"""Each theme template compiled once per process, not once per language's build.

MkDocs makes a new Jinja environment for every build (``Theme.get_env``), and mkdocs-static-i18n
runs the build once per language, so every theme template (Material's and ``overrides/``) was
compiled again for each language: 113 compiles of 1.7 s in a build of two languages. Jinja's own
``BytecodeCache`` hook keeps a compiled template beside its source's checksum; this one keeps
them in memory for the process. A template whose source changed (``mkdocs serve`` after an
edit) has another checksum and is compiled again; an environment whose settings compile
differently (another extension, other delimiters) never shares a compiled template.
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

__all__ = ["MemoryBytecodeCache", "share_compiled"]


def _settings(env: jinja2.Environment) -> tuple:
    """What decides how ``env`` compiles a template's source."""
    return (
        tuple(sorted(env.extensions)),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape),
        env.finalize is None,
    )


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by environment settings, name and file, kept with their checksum."""

    def __init__(self) -> None:
        self._store: dict[Any, tuple[str, Any]] = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = repr((_settings(environment), name, filename))
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._store.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._store.clear()


_CACHE = MemoryBytecodeCache()


def share_compiled(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    """The theme's environment of this build, with the process's compiled templates."""
    if env.bytecode_cache is None:
        env.bytecode_cache = _CACHE
    return env
