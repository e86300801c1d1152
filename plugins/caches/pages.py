"""Incremental writing: a page whose inputs did not change is taken from the last build.

While a page renders, everything it reads is recorded:

- every name the templates resolve from the page's context or the Jinja
  globals (``articles``, ``members``, ``articles_page``, ``SITEURL`` …),
  with a fingerprint of its value;
- every attribute read through Jinja from a content object (``member.name``,
  ``competence.members``, ``article.content``), with a fingerprint of the
  value (a list of content objects counts by identity; their own attributes
  are recorded when they are read);
- every content object handed to a Python helper (a filter or global the
  project or Pelican defines), with a fingerprint of all its attributes,
  because the helper may read any of them; so is every content object a
  helper returns;
- the problems the rendering reported (replayed when the page is reused).

The record is kept per output file in ``CACHE_PATH`` together with a
fingerprint of everything else a page can depend on (:func:`site_state`):
settings and plugin code, the theme (templates, translations, static
files), Pelican's and Jinja's versions, today's date, and the content
folder's list of files with the size and time of every file that is not
Markdown (photos, audio). A new, removed or renamed file therefore renders
every page again; so does an edited template, setting or translation.

On the next development build, before a page is rendered, the recorded
inputs are evaluated against this build's objects. If every fingerprint is
the same, and the file in the previous ``output/`` is still the one that
build wrote (same inode, size and modification time), the file is hard-linked
(or copied) into the new output folder instead of being rendered. Anything
that cannot be fingerprinted (an object without a stable description) makes
its page "untracked": it is rendered on every build. When in doubt, a page is
rendered.

Publishing builds (``CACHE_CONTENT`` off) never reuse anything.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import functools
import hashlib
import os
import shutil
import sys
import types
import zoneinfo
from pathlib import Path

import jinja2
import pelican
from jinja2.runtime import Context, Macro, missing
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from . import cachefile, problems
from .reading import fingerprint as settings_fingerprint

FILE_NAME = "knotenpunkt-pages"
#: the output folder of the previous build (set by ``knotenpunkt.build``)
PREVIOUS_OUTPUT = "CACHES_PREVIOUS_OUTPUT"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent / "knotenpunkt"
#: attributes of content objects that are not the object's own state
SKIPPED_ATTRIBUTES = frozenset({"settings", "_context", "_knotenpunkt_url_memo"})


class Untrackable(Exception):  # noqa: N818 - a signal, not an error
    """A value without a stable fingerprint: its page is rendered every time."""


class Recorder:
    """What one page read while it rendered."""

    def __init__(self, localcontext: dict, template) -> None:
        self.localcontext = localcontext
        self.globals = getattr(template, "globals", None) or {}
        self.names: dict[str, object] = {}
        #: (id(object), attribute) → object
        self.attributes: dict[tuple[int, str], tuple[Content, object]] = {}
        #: id → object handed to or returned by a Python helper
        self.objects: dict[int, Content] = {}
        self.untrackable = False

    def merge(self, other: Recorded) -> None:
        self.names.update(other.names)
        self.attributes.update(other.attributes)
        self.objects.update(other.objects)
        self.untrackable = self.untrackable or other.untrackable


class Recorded:
    """A part of a page's record, kept for reuse (``render_once``)."""

    def __init__(self) -> None:
        self.names: dict[str, object] = {}
        self.attributes: dict[tuple[int, str], tuple[Content, object]] = {}
        self.objects: dict[int, Content] = {}
        self.untrackable = False


_state: dict = {
    "enabled": False,
    "site": None,  # site_state() of this build
    "previous": {},  # output name → record of the last build
    "previous_root": None,
    "fresh": {},  # output name → record of this build
    "output": None,
    "path": None,
    "keys": None,  # id(content object) → key, this build
    "objects": None,  # key → content object (None: ambiguous)
    "created": [],
    "reused": 0,
    "rendered": [],
    "environments": [],
    "context": None,
}
#: what the last development build did: names of the pages rendered, number reused
last: dict = {"rendered": [], "reused": 0}
#: the page being rendered (one at a time: Pelican's writer is serial)
_stack: list = []
#: fingerprints of this build: id → (kept object, digest) and per-fact memos
_memo: dict[int, tuple[object, bytes]] = {}
#: the same for values only the page being checked or recorded holds (emptied after it)
_page_memo: dict[int, tuple[object, bytes]] = {}
_scope = {"page": False}
#: every distinct fact (and list of facts) recorded in this build
_facts: dict[tuple, tuple] = {}
_attribute_memo: dict[tuple, bytes | None] = {}
_object_memo: dict[str, bytes | None] = {}
#: facts of the last build's records found true in this one (see ``_unchanged``):
#: attribute facts per ``localsiteurl``, object facts, and name facts with the value
_confirmed: dict[object, set[tuple]] = {}
_confirmed_objects: set[tuple] = set()
_confirmed_names: dict[tuple, object] = {}
_NONE = object()  # not even ``missing``, which a name may resolve to
#: values being fingerprinted (ids), and how often one was met inside itself
_in_progress: set[int] = set()
_cycles = [0]
#: folders of the new output made so far
_made: set[str] = set()


def _current():
    return _stack[-1] if _stack else None


# -- fingerprints -----------------------------------------------------------------


def _digest(*parts: bytes) -> bytes:
    return hashlib.blake2b(b"\0".join(parts), digest_size=16).digest()


PLAIN = (str, int, float, bool, bytes, type(None), decimal.Decimal)


def key_of(item: Content) -> str | None:
    keys = _state["keys"]
    if keys is not None:
        known = keys.get(id(item))
        if known is not None and _state["objects"].get(known) is item:
            return known
    return None


def value_print(value, depth: int = 0) -> bytes:
    """A stable digest of ``value``; content objects count by identity.

    A value met again inside itself (``previous``/``next`` links) gives a
    placeholder; whatever was computed with a placeholder is not memoised, so
    every value asked for at the top is complete except for such back-links.
    """
    if isinstance(value, str):
        return _digest(type(value).__name__.encode(), value.encode("utf-8", "surrogatepass"))
    if isinstance(value, PLAIN):
        return _digest(type(value).__name__.encode(), repr(value).encode())
    ident = id(value)
    kept = _memo.get(ident)
    if kept is not None and kept[0] is value:
        return kept[1]
    kept = _page_memo.get(ident)
    if kept is not None and kept[0] is value:
        return kept[1]
    if ident in _in_progress:
        _cycles[0] += 1
        return _digest(b"cycle", type(value).__qualname__.encode())
    if depth > 150:
        raise Untrackable("too deep")
    hits = _cycles[0]
    _in_progress.add(ident)
    try:
        found = _value_print(value, depth)
    finally:
        _in_progress.discard(ident)
    if _cycles[0] == hits:
        # only the page's own value is forgotten after it; what it holds is often shared
        (_page_memo if _scope["page"] and depth == 0 else _memo)[ident] = (value, found)
    return found


def name_print(name: str, value, localcontext: dict, globals_: dict) -> bytes:
    """The digest of a name's value; what only this page holds is forgotten after it."""
    _scope["page"] = not _shared_value(name, value, localcontext, globals_)
    try:
        return value_print(value)
    finally:
        _scope["page"] = False


def _part(value, depth: int) -> bytes:
    """``value`` as a self-delimiting part of its container's digest.

    Plain values go in as they are (most of a content object is text: a digest
    of its own for every string cost more than everything else); other values
    by their digest.
    """
    if isinstance(value, PLAIN):
        kind = type(value).__name__.encode()
        if isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
        elif type(value) is bytes:
            data = value
        else:
            data = repr(value).encode()
        return b"%d:%s%d:%s" % (len(kind), kind, len(data), data)
    return b"#" + value_print(value, depth)


def _value_print(value, depth: int) -> bytes:
    name = type(value).__qualname__.encode()
    if isinstance(value, Content):
        key = key_of(value)
        if key is None:
            raise Untrackable(f"content without a key: {value!r}")
        return _digest(b"C", key.encode())
    if isinstance(value, list | tuple):
        return _digest(name, *(_part(item, depth + 1) for item in value))
    if isinstance(value, set | frozenset):
        return _digest(name, *sorted(_part(item, depth + 1) for item in value))
    if isinstance(value, dict):
        pairs = sorted(_part(k, depth + 1) + _part(v, depth + 1) for k, v in value.items())
        return _digest(name, *pairs)
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return _digest(
            name,
            value.isoformat().encode() if hasattr(value, "isoformat") else repr(value).encode(),
            repr(getattr(value, "tzinfo", None)).encode(),
        )
    if isinstance(value, types.MethodType):
        return _digest(
            b"M", value_print(value.__self__, depth + 1), value.__func__.__qualname__.encode()
        )
    if isinstance(value, functools.partial):
        parts = [value_print(value.func, depth + 1), value_print(value.args, depth + 1)]
        return _digest(b"P", *parts, value_print(value.keywords, depth + 1))
    if isinstance(value, Macro):
        return _digest(b"macro", value.name.encode())
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType | type):
        module = getattr(value, "__module__", "") or ""
        return _digest(b"F", module.encode(), value.__qualname__.encode())
    if isinstance(value, URLWrapper):  # its slug is computed on first use
        return _digest(b"U", name, str(value.name).encode(), str(value.slug).encode())
    if value is missing:
        return _digest(b"missing")
    if isinstance(value, jinja2.Undefined):
        return _digest(b"undefined")
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        own = {k: v for k, v in attributes.items() if k not in SKIPPED_ATTRIBUTES}
        return _digest(b"O", name, value_print(own, depth + 1))
    text = repr(value)
    if " at 0x" in text:
        raise Untrackable(text[:80])
    return _digest(b"R", name, text.encode())


def object_print(key: str) -> bytes | None:
    """All of a content object's own attributes (what a Python helper may read)."""
    if key in _object_memo:
        return _object_memo[key]
    item = (_state["objects"] or {}).get(key)
    found = None
    if item is not None:
        try:
            own = {k: v for k, v in vars(item).items() if k not in SKIPPED_ATTRIBUTES}
            found = _digest(type(item).__qualname__.encode(), value_print(own))
        except Untrackable:
            found = None
    _object_memo[key] = found
    return found


def attribute_print(key: str, attribute: str, localsiteurl) -> bytes | None:
    """The value of one attribute as a template reads it (links depend on the page depth)."""
    memo_key = (key, attribute, localsiteurl)
    if memo_key in _attribute_memo:
        return _attribute_memo[memo_key]
    item = (_state["objects"] or {}).get(key)
    found = None
    if item is not None:
        try:
            try:
                value = getattr(item, attribute)
            except AttributeError:
                value = jinja2.Undefined()  # what Jinja's getattr gives the template
            found = value_print(value)
        except Untrackable:
            found = None
        except Exception:  # noqa: BLE001 - what the template saw is unknown: render it
            found = None
    _attribute_memo[memo_key] = found
    return found


def seen_print(key: str, attribute: str, localsiteurl, value) -> bytes | None:
    """:func:`attribute_print` from the value the template got (not read a second time)."""
    memo_key = (key, attribute, localsiteurl)
    if memo_key in _attribute_memo:
        return _attribute_memo[memo_key]
    try:
        found = value_print(value)
    except Untrackable:
        found = None
    _attribute_memo[memo_key] = found
    return found


def days(settings) -> tuple[datetime.date, ...]:
    """Today here, in UTC and in the site's time zone (pages list what is upcoming)."""
    now = datetime.datetime.now(datetime.UTC)
    found = [datetime.date.today(), now.date()]
    with contextlib.suppress(Exception):
        found.append(now.astimezone(zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")).date())
    return tuple(found)


def site_state(settings) -> bytes:
    """Everything that is not a content object and that any page may depend on."""
    digest = hashlib.sha256(settings_fingerprint(settings).encode())
    versions = (pelican.__version__, jinja2.__version__, sys.version, *days(settings))
    digest.update(repr(versions).encode())
    theme = settings.get("THEME")
    for root in (Path(theme) if theme else None, PACKAGE_ROOT):
        if root is not None and root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest.update(os.fsencode(path) + b"\0" + path.read_bytes() + b"\0")
    content = settings.get("PATH") or ""
    for folder, subfolders, files in sorted(os.walk(content)):
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.fsencode(path) + b"\0")
            if not name.lower().endswith((".md", ".markdown", ".mkd", ".mdown")):
                try:
                    stat = os.lstat(path)
                    digest.update(f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_mode}\n".encode())
                except OSError:
                    digest.update(b"?\n")
    return digest.digest()


# -- recording ----------------------------------------------------------------------


class TrackingContext(Context):
    """Jinja's context; names a page resolves from its context or the globals are recorded."""

    def resolve_or_missing(self, key: str):
        value = super().resolve_or_missing(key)
        recorder = _current()
        if recorder is not None and key not in self.vars:
            # only what the page's context or the globals hold: a name a template
            # set itself is derived from names and objects recorded anyway
            page = _stack[0]
            if key in page.localcontext:
                if page.localcontext[key] is value:
                    recorder.names[key] = value
            elif page.globals.get(key, missing) is value:
                recorder.names[key] = value
        return value

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        recorder = _current()
        if recorder is not None and type(__obj) is types.MethodType:
            owner = __obj.__self__
            if isinstance(owner, Content):
                recorder.objects[id(owner)] = owner
        return super().call(__obj, *args, **kwargs)


def _touch(recorder, value, depth: int = 0, seen: set | None = None) -> None:
    """Record every content object in ``value``, also inside containers and plain objects."""
    if isinstance(value, Content):
        recorder.objects[id(value)] = value
        return
    if depth >= 4 or isinstance(value, (*PLAIN, URLWrapper, type, types.ModuleType)):
        return
    if isinstance(value, Context) or str(getattr(type(value), "__module__", "")).startswith(
        "jinja2"
    ):
        # Jinja's context (also our TrackingContext, which a pass_context helper
        # such as the memoised _() receives), macros, undefined values: what a
        # page reads through them is recorded where it is read
        return
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, list | tuple | set | frozenset):
        items = value
    elif isinstance(value, dict):
        items = value.values()
    else:
        attributes = getattr(value, "__dict__", None)
        if not isinstance(attributes, dict) or callable(value):
            return
        items = [item for key, item in attributes.items() if key not in SKIPPED_ATTRIBUTES]
    for item in items:
        _touch(recorder, item, depth + 1, seen)


def tracked(helper):
    """``helper`` (a filter or global): content objects it receives or returns are recorded."""
    if getattr(helper, "_knotenpunkt_tracked", False):
        return helper

    @functools.wraps(helper)
    def call(*args, **kwargs):
        result = helper(*args, **kwargs)
        recorder = _current()
        if recorder is not None:
            for value in (*args, *kwargs.values(), result):
                _touch(recorder, value)
        return result

    call._knotenpunkt_tracked = True
    return call


HELPER_TYPES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, functools.partial)
#: helpers that read nothing of a content object: ``len`` (Jinja's ``length`` and
#: ``count``) counts a list, whose members are recorded by identity wherever it
#: came from; tracking it made every directory page depend on every member
READS_NO_OBJECT = (len,)


def _own_helper(value) -> bool:
    """A function of the project, a plugin or Pelican (Jinja's own read through ``getattr``)."""
    if not isinstance(value, HELPER_TYPES) or any(value is known for known in READS_NO_OBJECT):
        return False
    function = value.func if isinstance(value, functools.partial) else value
    return not str(getattr(function, "__module__", "") or "").startswith("jinja2")


def install(generator) -> None:
    """Record what this generator's templates read."""
    env = getattr(generator, "env", None)
    if env is None or getattr(env, "_knotenpunkt_pages", False):
        return
    env._knotenpunkt_pages = True
    env.context_class = TrackingContext
    original_getattr, original_getitem = env.getattr, env.getitem

    def getattr_(obj, attribute):
        value = original_getattr(obj, attribute)
        recorder = _current()
        if recorder is not None and isinstance(obj, Content):
            recorder.attributes[(id(obj), attribute)] = (obj, value)
        return value

    def getitem(obj, argument):
        value = original_getitem(obj, argument)
        recorder = _current()
        if recorder is not None and isinstance(obj, Content):
            recorder.objects[id(obj)] = obj
        return value

    env.getattr, env.getitem = getattr_, getitem
    _state["environments"].append(env)


def wrap_helpers(_generators=None) -> None:
    """Filters and globals exist now (plugins add them at ``generator_init``)."""
    for env in _state.get("environments", []):
        for table in (env.filters, env.globals, env.tests):
            for name, value in list(table.items()):
                if name != "render_once" and _own_helper(value):
                    table[name] = tracked(value)


class nested:  # noqa: N801 - used like a function
    """Record a part of a page separately (``render_once``) and add it to the page."""

    def __enter__(self) -> Recorded | None:
        if not _stack:
            return None
        self.part = Recorded()
        _stack.append(self.part)
        return self.part

    def __exit__(self, *_exc) -> None:
        if _stack and _stack[-1] is getattr(self, "part", None):
            _stack.pop()
            add(self.part)


def add(part: Recorded | None) -> None:
    """A part recorded earlier counts for the page being rendered."""
    recorder = _current()
    if recorder is not None and part is not None:
        recorder.merge(part)


# -- the build ------------------------------------------------------------------------


def register_object(item) -> None:
    if _state["enabled"]:
        _state["created"].append(item)


def start(pelican_object) -> None:
    """Load the records of the last development build."""
    settings = pelican_object.settings
    reset()
    last.update(rendered=[], reused=0)
    path = cachefile.path(settings, FILE_NAME)
    root = settings.get(PREVIOUS_OUTPUT)
    if path is None or not root:  # no caches, or not an atomic build into output/
        return
    previous = cachefile.load(path, {})
    _state.update(
        enabled=True,
        path=path,
        previous=previous if isinstance(previous, dict) else {},
        previous_root=root,
        output=settings["OUTPUT_PATH"],
        settings=settings,
    )


def freeze(generators) -> None:
    """Reading is over: every content object has its key; the site's state is known."""
    if not _state["enabled"]:
        return
    objects: dict[str, Content | None] = {}
    keys: dict[int, str] = {}
    for item in _state["created"]:
        source = getattr(item, "source_path", None)
        if not source:
            continue
        key = f"{type(item).__qualname__}:{getattr(item, 'lang', '')}:{source}"
        objects[key] = None if key in objects else item
        keys[id(item)] = key
    _state.update(objects=objects, keys=keys, created=[])
    _state["context"] = generators[0].context if generators else None
    _state["site"] = site_state(generators[0].settings if generators else _state["settings"])
    wrap_helpers()


def _untracked(why: str) -> None:
    counts = _state.setdefault("untracked", {})
    counts[why] = counts.get(why, 0) + 1


def _record_facts(recorder: Recorder) -> tuple | None:
    localsiteurl = recorder.localcontext.get("localsiteurl")
    names = []
    try:
        for name, value in recorder.names.items():
            names.append((name, name_print(name, value, recorder.localcontext, recorder.globals)))
    except Untrackable as why:
        _untracked(f"name {name}: {str(why)[:60]}")
        return None
    finally:
        _page_memo.clear()
    attributes = []
    for (_ident, attribute), (item, value) in recorder.attributes.items():
        key = key_of(item)
        found = seen_print(key, attribute, localsiteurl, value) if key else None
        if found is None:
            _untracked(f"attribute {type(item).__name__}.{attribute} (key {key})")
            return None
        attributes.append((key, attribute, found))
    objects = []
    for item in recorder.objects.values():
        key = key_of(item)
        found = object_print(key) if key else None
        if found is None:
            _untracked(f"object {type(item).__name__} (key {key})")
            return None
        objects.append((key, found))
    return (
        _shared(tuple(_shared(fact) for fact in sorted(names))),
        _shared(tuple(_shared(fact) for fact in sorted(attributes))),
        _shared(tuple(_shared(fact) for fact in sorted(objects))),
    )


def _shared(fact: tuple) -> tuple:
    """One object per distinct fact: thousands of pages share most of theirs (memory)."""
    return _facts.setdefault(fact, fact)


def _resolve(name: str, localcontext: dict, template):
    if name in localcontext:
        return localcontext[name]
    return (getattr(template, "globals", None) or {}).get(name, missing)


def _shared_value(name: str, value, localcontext: dict, globals_: dict) -> bool:
    """Whether ``value`` is the build's own (its context or the globals), not this page's."""
    return (_state["context"] or {}).get(name, missing) is value or (
        name not in localcontext and globals_.get(name, missing) is value
    )


def _unchanged(record: dict, localcontext: dict, template) -> bool:
    """Whether everything ``record`` says the page read is the same in this build.

    Thousands of pages share most of their facts (the same member's name on
    every page that links her, ``SITEURL`` at one depth): a fact found true
    once in this build is kept in a set, and a page whose facts are all in it
    is decided by one set comparison instead of one evaluation per fact.
    """
    localsiteurl = localcontext.get("localsiteurl")
    globals_ = getattr(template, "globals", None) or {}
    try:
        for fact in record["names"]:
            name, found = fact
            value = _resolve(name, localcontext, template)
            if _confirmed_names.get(fact, _NONE) is value:
                continue  # the build's own value, found unchanged for an earlier page
            if name_print(name, value, localcontext, globals_) != found:
                return _changed(f"name {name}")
            if _shared_value(name, value, localcontext, globals_):
                _confirmed_names[fact] = value
    except Untrackable:
        return _changed("untrackable name")
    finally:
        _page_memo.clear()
    confirmed = _confirmed.setdefault(localsiteurl, set())
    if not confirmed.issuperset(record["attributes"]):
        for fact in record["attributes"]:
            if fact not in confirmed:
                key, attribute, found = fact
                if attribute_print(key, attribute, localsiteurl) != found:
                    return _changed(f"attribute {key.split(':')[0]}.{attribute}")
                confirmed.add(fact)
    if not _confirmed_objects.issuperset(record["objects"]):
        for fact in record["objects"]:
            if fact not in _confirmed_objects:
                key, found = fact
                if object_print(key) != found:
                    return _changed(f"object {key.split(':')[0]}")
                _confirmed_objects.add(fact)
    return True


def _changed(why: str) -> bool:
    if os.environ.get("KNOTENPUNKT_CACHE_DEBUG"):
        _untracked(f"changed: {why}")
    return False


def stamp(stat: os.stat_result) -> tuple:
    """What tells that a file of the last build is still the same file, unread."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _same_file(path: str, known) -> bool:
    try:
        return stamp(os.lstat(path)) == known
    except OSError:
        return False


def reusable(name: str, template, localcontext: dict) -> str | None:
    """The previous build's file for ``name`` when nothing it read has changed."""
    if not _state["enabled"] or _state["site"] is None:
        return None
    record = _state["previous"].get(name)
    if record is None or record["site"] != _state["site"]:
        return None
    if record["template"] != getattr(template, "name", None):
        return None
    old = os.path.join(_state["previous_root"], name)
    if not _same_file(old, record["stamp"]) or not _unchanged(record, localcontext, template):
        return None
    return old


def link(old: str, new: str) -> bool:
    """Put the previous build's file in place; False when that fails (render it instead)."""
    if os.path.lexists(new):
        return False  # written already: the writer reports the collision
    try:
        folder = os.path.dirname(new)
        if folder not in _made:
            try:
                os.mkdir(folder)  # one call where the parent exists (nearly always)
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            _made.add(folder)
        try:
            os.link(old, new)
        except OSError:
            shutil.copy2(old, new)
    except OSError:
        return False
    return True


def reused(name: str) -> None:
    """``name`` was taken from the last build: its record stays, its problems are reported."""
    record = _state["previous"][name]
    problems.replay(record["problems"])
    _state["fresh"][name] = record
    _state["reused"] += 1


class rendering:  # noqa: N801 - used like a function
    """Record what the page ``name`` reads while it renders."""

    def __init__(self, name: str, template, localcontext: dict) -> None:
        self.name, self.template, self.localcontext = name, template, localcontext

    def __enter__(self):
        if not _state["enabled"] or _state["site"] is None or _stack:
            self.recorder = None
            return self
        self.recorder = Recorder(self.localcontext, self.template)
        self.problems = problems.recording()
        self.reported = self.problems.__enter__()
        _stack.append(self.recorder)
        _state["rendered"].append(self.name)
        return self

    def __exit__(self, failed, *_exc) -> None:
        if self.recorder is None:
            return
        _stack.pop()
        self.problems.__exit__(None, None, None)
        _state["fresh"].pop(self.name, None)
        if failed or self.recorder.untrackable or not getattr(self, "written", False):
            return
        if any(problem.get("severity") == "error" for problem in self.reported):
            return
        facts = _record_facts(self.recorder)
        if facts is None:
            return
        names, attributes, objects = facts
        _state["fresh"][self.name] = {
            "site": _state["site"],
            "template": getattr(self.template, "name", None),
            "names": names,
            "attributes": attributes,
            "objects": objects,
            "problems": list(self.reported),
            "stamp": None,
        }


def save(_pelican=None) -> None:
    """Keep the records of the pages of this build, with the files' stamps."""
    path, output = _state["path"], _state["output"]
    if path is None or _state["site"] is None:
        reset()
        return
    kept = {}
    for name, record in _state["fresh"].items():
        try:
            stat = os.lstat(os.path.join(output, name))
        except OSError:
            continue
        kept[name] = dict(record, stamp=stamp(stat))
    if os.environ.get("KNOTENPUNKT_CACHE_DEBUG"):
        print(
            f"pages: {_state['reused']} reused, {len(_state['rendered'])} rendered, "
            f"{len(kept)} recorded",
            file=sys.stderr,
        )
        for why, count in sorted(_state.get("untracked", {}).items(), key=lambda x: -x[1])[:15]:
            print(f"  untracked {count}: {why}", file=sys.stderr)
    last.update(rendered=sorted(_state["rendered"]), reused=_state["reused"])
    cachefile.save(path, kept)  # a failure only costs rendering again next time
    reset()


def reset() -> None:
    _state.update(
        enabled=False,
        site=None,
        previous={},
        previous_root=None,
        fresh={},
        output=None,
        path=None,
        keys=None,
        objects=None,
        created=[],
        reused=0,
        rendered=[],
        environments=[],
        untracked={},
    )
    _stack.clear()
    _memo.clear()
    _page_memo.clear()
    _facts.clear()
    _state["context"] = None
    _attribute_memo.clear()
    _object_memo.clear()
    _confirmed.clear()
    _confirmed_objects.clear()
    _confirmed_names.clear()
    _made.clear()
    _in_progress.clear()
