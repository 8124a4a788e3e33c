"""The on-disk cache of loaded glossaries and their pattern tables, keyed by content hash.

Loading validates and expands the glossary and builds pattern tables; a CI run that lints one page
should not pay for that every time. The cache stores the expanded glossary and the tables under
the digest of the glossary files' bytes (plus shuyu's and the matcher's versions), so any edit
to a glossary file makes a new key. The automaton itself is rebuilt from the cached tables
(ahocorasick-rs automata cannot be pickled), each on first use.
Set ``SHUYU_CACHE_DIR`` to move the cache, or ``SHUYU_NO_CACHE=1`` to bypass it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import io
import operator
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shuyu import __version__
from shuyu.errors import GlossaryError
from shuyu.glossary.load import bundled_dir
from shuyu.glossary.load import glossary_files
from shuyu.glossary.load import read_file_text
from shuyu.glossary.load import read_glossary
from shuyu.glossary.model import Glossary
from shuyu.match import MATCHER_VERSION
from shuyu.match import Matcher
from shuyu.match import PatternTable
from shuyu.match import build_tables

#: Bumped whenever the pickle's layout changes.
CACHE_FORMAT = "3"


def cache_dir() -> Path:
    """Where cached glossaries live."""
    if os.environ.get("SHUYU_CACHE_DIR"):
        return Path(os.environ["SHUYU_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "shuyu"


def cache_key(paths: list[Path]) -> str:
    """The digest of every glossary file's name and bytes, with the versions that shape the cache."""
    h = hashlib.sha256(f"shuyu {__version__} matcher {MATCHER_VERSION} cache {CACHE_FORMAT}".encode())
    for layer in paths:
        for file in glossary_files(layer):
            h.update(file.name.encode() + b"\0" + read_file_text(file).encode("utf-8") + b"\0")
        h.update(b"\1")
    return h.hexdigest()[:24]


def load_with_matcher(paths: list[str | Path] | None = None, *, bundled: bool = True,
                      use_cache: bool | None = None) -> tuple[Glossary, Matcher]:
    """Load (or fetch from the cache) the layered glossary and a matcher for it.

    :raises GlossaryError: when the glossary does not validate.
    """
    layers = ([bundled_dir()] if bundled else []) + [Path(p) for p in paths or ()]
    if use_cache is None:
        use_cache = os.environ.get("SHUYU_NO_CACHE", "") in ("", "0")
    key = cache_key(layers)
    file = cache_dir() / f"glossary-{key}.pickle"
    if use_cache:
        cached = _read_cache(file)
        if cached is not None:
            glossary, tables = cached
            return glossary, Matcher(tables)
    glossary, problems = read_glossary(list(layers[1:] if bundled else layers), bundled=bundled)
    if problems:
        raise GlossaryError(problems)
    tables = build_tables(glossary)
    if use_cache:
        with contextlib.suppress(Exception):
            _write_cache(file, _dumps((glossary, tables)))
    return glossary, Matcher(tables)


def _write_cache(file: Path, data: bytes) -> None:
    """Write a cache file atomically (a temporary file renamed over), but without fsync.

    A cache needs no durability: after a crash a torn or empty file fails to unpickle and is
    rebuilt. The fsync of :func:`shuyu.fsutil.write_atomic` cost a cold start up to 0.3 s of wall
    time on the (shared) disk it was measured on.
    """
    import tempfile  # only a cold start writes: a warm one need not import it

    file.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        tmp.chmod(0o644)  # as write_atomic leaves a new file (mkstemp makes it 0600)
        tmp.replace(file)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _read_cache(file: Path) -> tuple[Glossary, dict[str, PatternTable]] | None:
    try:
        data = file.read_bytes()
    except OSError:
        return None
    # Hundreds of thousands of small objects are created at once: the cyclic collector would
    # walk them again and again (half the load time of the national glossary).
    collecting = gc.isenabled()
    gc.disable()
    try:
        glossary, tables = pickle.loads(data)  # our own file, keyed by content hash
    except Exception:
        return None  # a cache from another version or a torn file: rebuild
    finally:
        if collecting:
            gc.enable()
    if not isinstance(glossary, Glossary):
        return None
    return glossary, tables


# Slotted dataclasses (Term, Entry, Concept: some 18,000 objects in the bundled glossary's cache)
# would unpickle through dataclasses' generic __setstate__, which looks up the class's fields again
# for every object. They are written instead as (class, field values) and rebuilt by calling the
# class: its generated __init__ assigns the fields in one frame, half the time of setting them one
# by one from a restore function (format 2: 50 -> 27 ms for the bundled glossary). A class whose
# __init__ would not rebuild the object exactly (a field outside __init__, keyword-only fields, a
# __post_init__) goes through _restore instead.
_FIELDS: dict[type, tuple[str, ...]] = {}
_BY_INIT: dict[type, bool] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _rebuilt_by_init(cls: type) -> bool:
    """True when ``cls(*values)`` gives back an equal object for its field values in order."""
    ok = _BY_INIT.get(cls)
    if ok is None:
        fields = dataclasses.fields(cls)
        ok = _BY_INIT[cls] = (not hasattr(cls, "__post_init__")
                              and all(f.init and not f.kw_only for f in fields))
    return ok


def _restore(cls: type, values: tuple) -> object:
    """A slotted dataclass instance from its field values (what unpickling calls)."""
    obj = object.__new__(cls)
    setattr_ = object.__setattr__
    for name, value in zip(_field_names(cls), values, strict=True):
        setattr_(obj, name, value)
    return obj


#: Per class: how to reduce an instance (a function from the object to the reduce tuple), or None
#: for the pickler's own way. Looked up once per class, not once per object: writing the bundled
#: glossary's cache calls reducer_override 18,000 times.
_REDUCERS: dict[type, Callable[[Any], tuple] | None] = {}


def _reducer(cls: type) -> Callable[[Any], tuple] | None:
    if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__ and "__dict__" not in cls.__dict__):
        return None
    names = _field_names(cls)
    get = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))
    if _rebuilt_by_init(cls):
        return lambda obj: (cls, get(obj))
    return lambda obj: (_restore, (cls, get(obj)))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object):  # type: ignore[no-untyped-def]
        cls = type(obj)
        try:
            reduce = _REDUCERS[cls]
        except KeyError:
            reduce = _REDUCERS[cls] = _reducer(cls)
        return NotImplemented if reduce is None else reduce(obj)


def _dumps(value: object) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()
