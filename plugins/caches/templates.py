"""Each theme template compiled once per process, not once per generator.

Pelican gives every generator (articles, pages, static, members, dates,
groups, podcast …) its own Jinja environment, and each environment parses
and compiles ``base.html`` and the other templates again: about 65
compilations of some 15 templates per build, a third of a small build's
time. Jinja's bytecode cache hook lets the environments share the compiled
code. Jinja itself checks each entry against the template's source
checksum, so an edited template is compiled again; the key also holds the
environment options that change the generated code, so environments
configured differently never share an entry. Development builds
(``CACHE_CONTENT``) also keep the store in ``CACHE_PATH`` between builds, so a
rebuild loads the compiled code instead of compiling every template again
(Jinja's checksum of each template's source still decides whether an entry
is used).
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from . import cachefile

#: compiled templates of this process: (options, bucket key) → bytecode
_compiled: dict[tuple, bytes] = {}
#: the same, unmarshalled: (options, bucket key) → (source checksum, code object).
#: A build loads some 27 templates into its environments; unmarshalling each
#: again cost more than the rest of the lookup.
_code: dict[tuple, tuple] = {}


def compile_options(env) -> tuple | None:
    """What of ``env`` shapes the generated code; None where it cannot be told apart."""
    if not isinstance(env.autoescape, bool) or env.finalize is not None or env.is_async:
        return None
    return (
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
        env.autoescape,
        tuple(sorted(env.extensions)),
    )


class SharedBytecodeCache(BytecodeCache):
    """The process-wide store, seen through one environment's options."""

    def __init__(self, options: tuple) -> None:
        self.options = options

    def load_bytecode(self, bucket: Bucket) -> None:
        key = (self.options, bucket.key)
        known = _code.get(key)
        if known is not None and known[0] == bucket.checksum:
            bucket.code = known[1]  # code objects are immutable: environments share them
            return
        found = _compiled.get(key)
        if found is not None:
            bucket.bytecode_from_string(found)  # resets itself on a checksum mismatch
            if bucket.code is not None:
                _code[key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = (self.options, bucket.key)
        _compiled[key] = bucket.bytecode_to_string()
        _code[key] = (bucket.checksum, bucket.code)
        _disk["grown"] = True


FILE_NAME = "knotenpunkt-templates"
#: the file this process loaded its store from, and whether the store grew since
_disk: dict = {"path": None, "loaded": set(), "grown": False}


def _load(settings) -> None:
    path = _disk["path"] = cachefile.path(settings, FILE_NAME)
    if path is None or path in _disk["loaded"]:
        return
    _disk["loaded"].add(path)
    found = cachefile.load(path)
    if isinstance(found, dict):
        for key, code in found.items():
            _compiled.setdefault(key, code)


def save(_pelican=None) -> None:
    """Keep the compiled templates for the next development build."""
    path = _disk["path"]
    if path is None or not _disk["grown"]:
        return
    _disk["grown"] = False
    cachefile.save(path, _compiled)  # a failure only costs compiling again next time


def install(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None or env.bytecode_cache is not None:
        return
    # An environment lives for one build, and a build never edits a template:
    # without this Jinja stats each template file again on every get_template
    # (9 366 times in a medium build). The devserver builds in a new process.
    env.auto_reload = False
    _load(getattr(generator, "settings", None) or {})
    options = compile_options(env)
    if options is not None:
        env.bytecode_cache = SharedBytecodeCache(options)
