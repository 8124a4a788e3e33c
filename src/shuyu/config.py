"""Configuration: ``[tool.shuyu]`` in pyproject.toml or a ``shuyu.toml``, found upward from a directory.

Keys (all optional)::

    glossary = ["terms/"]                # extra glossaries, relative to the config file
    include = ["site/**/*.html"]         # what `shuyu lint` reads when given no paths
    exclude = ["site/vendor/**"]
    fail-on = "error"                    # error | warning | info
    [rules]                              # ([tool.shuyu.rules] in pyproject.toml)
    repeated-word = false                # off
    punctuation = "error"                # on, at this severity
    [[overrides]]                        # per-path changes, later ones win
    paths = ["site/legacy/**"]
    rules = { term-inconsistent = false }

Unknown keys and bad values are errors naming the file and the key.
"""

from __future__ import annotations

import contextlib
import fnmatch
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from shuyu.errors import ConfigError
from shuyu.model import Severity
from shuyu.rules import RULES

KEYS = frozenset({"glossary", "include", "exclude", "fail-on", "rules", "overrides"})
OVERRIDE_KEYS = frozenset({"paths", "rules"})
#: A rule's value: on/off, or on at a severity.
RuleValue = bool | Severity


@dataclass(slots=True)
class Override:
    """Rule changes for the files matching some globs."""

    paths: list[str]
    rules: dict[str, RuleValue]


@dataclass(slots=True)
class Config:
    """A loaded configuration (the defaults when no file was found)."""

    path: Path | None = None
    glossary: list[Path] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: Severity | None = None
    rules: dict[str, RuleValue] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    #: Paths already made relative to the root, by (path, root): see :meth:`relative`.
    _relative: dict[tuple[str, Path], str] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: The root's resolved form, by root (resolving walks the file system).
    _resolved_roots: dict[Path, Path] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def root(self) -> Path:
        """The directory globs and glossary paths are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def rules_for(self, path: str) -> dict[str, RuleValue]:
        """The rule settings for one file: the global ones, then every matching override."""
        merged = dict(self.rules)
        if not self.overrides:  # no path to resolve: a site of thousands of files pays nothing
            return merged
        rel = self.relative(path)
        for override in self.overrides:
            if any(fnmatch.fnmatchcase(rel, pattern) for pattern in override.paths):
                merged.update(override.rules)
        return merged

    def excluded(self, path: str) -> bool:
        """True when ``path`` matches an exclude glob."""
        if not self.exclude:
            return False
        rel = self.relative(path)
        return any(fnmatch.fnmatchcase(rel, pattern) for pattern in self.exclude)

    def relative(self, path: str) -> str:
        """:func:`relative_posix` of ``path`` against :attr:`root`, worked out once per path.

        A file is matched against the excludes when it is found and against the overrides when
        it is linted, and each answer resolved the file and the root (symlinks, ``..``): with a
        configuration, that was 0.45 s of CPU for the 1,200 files of the bench site.
        """
        root = self.root
        key = (path, root)
        rel = self._relative.get(key)
        if rel is None:
            resolved_root = self._resolved_roots.get(root)
            if resolved_root is None:
                resolved_root = self._resolved_roots[root] = root.resolve()
            rel = self._relative[key] = _relative_to_resolved(path, resolved_root)
        return rel


def relative_posix(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (as globs are written)."""
    return _relative_to_resolved(path, root.resolve())


def _relative_to_resolved(path: str, resolved_root: Path) -> str:
    p = Path(path)
    with contextlib.suppress(ValueError):
        p = p.resolve().relative_to(resolved_root)
    return p.as_posix()


def _tomllib() -> Any:
    # Imported when a TOML file is read, not at start-up: a site with no configuration never needs it.
    import tomllib

    return tomllib


def find_config(start: Path) -> Path | None:
    """The nearest ``shuyu.toml``, or ``pyproject.toml`` with a ``[tool.shuyu]`` table, upward from ``start``."""
    for directory in [start.resolve(), *start.resolve().parents]:
        candidate = directory / "shuyu.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            tomllib = _tomllib()
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                return pyproject  # let load_config report it
            if "shuyu" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Load a configuration file (or find one upward from ``start``).

    :raises ConfigError: on a malformed file, an unknown key or a bad value.
    """
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("no such configuration file", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", path=str(path)) from None
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed TOML: {exc}", path=str(path)) from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("shuyu", {})
        prefix = "tool.shuyu."
    else:
        prefix = ""
    config = parse_config(data, path, prefix)
    for given, layer in zip(_strings(data, "glossary", None), config.glossary, strict=True):
        try:
            missing = not layer.exists()
        except OSError:
            missing = False  # unreadable: the glossary loader says so, naming the file
        if missing:
            # Said here, naming the file and the key: the glossary loader's own message would send
            # the user to a --glossary option they never gave.
            raise ConfigError(f"{prefix}glossary: no such glossary file or directory {given!r}", path=str(path),
                              hint=f"fix the path in {path.name}; it is relative to {path.parent}")
    return config


def parse_config(data: dict[str, Any], path: Path, prefix: str = "") -> Config:
    """Validate a configuration table (pure)."""
    def bad(key: str, message: str) -> ConfigError:
        return ConfigError(f"{prefix}{key}: {message}", path=str(path))

    for key, value in data.items():
        if key == "tool" and not prefix and isinstance(value, dict) and "shuyu" in value:
            # The README's [tool.shuyu] pasted into a shuyu.toml. Refused with the fix rather than
            # accepted: a shuyu.toml then has one spelling (the keys at top level), which a mix of
            # both could not keep clear, and the fix is to delete one line.
            raise ConfigError("tool.shuyu: a shuyu.toml takes its keys at top level, without [tool.shuyu]",
                              path=str(path), hint="drop the [tool.shuyu] line and write [tool.shuyu.rules] as [rules]; "
                              "[tool.shuyu] is for pyproject.toml")
        if key not in KEYS:
            raise bad(key, f"unknown key (known: {', '.join(sorted(KEYS))})")
    config = Config(path=path)
    config.glossary = [path.parent / p for p in _strings(data, "glossary", bad)]
    config.include = _strings(data, "include", bad)
    config.exclude = _strings(data, "exclude", bad)
    if "fail-on" in data:
        config.fail_on = _severity(data["fail-on"], "fail-on", bad)
    config.rules = _rules(data.get("rules", {}), "rules", bad)
    overrides = data.get("overrides", [])
    if not isinstance(overrides, list):
        raise bad("overrides", "must be an array of tables ([[overrides]])")
    for i, item in enumerate(overrides):
        key = f"overrides[{i}]"
        if not isinstance(item, dict):
            raise bad(key, "must be a table")
        for k in item:
            if k not in OVERRIDE_KEYS:
                raise bad(f"{key}.{k}", "unknown key (known: paths, rules)")
        paths = _strings(item, "paths", lambda k, m, prefix=key: bad(f"{prefix}.{k}", m))
        if not paths:
            raise bad(f"{key}.paths", "must list at least one glob")
        config.overrides.append(Override(paths, _rules(item.get("rules", {}), f"{key}.rules", bad)))
    return config


def _strings(data: dict[str, Any], key: str, bad: Any) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad(key, "must be a string or an array of strings")
    return list(value)


def _severity(value: Any, key: str, bad: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise bad(key, f"{value!r} is not a severity (error, warning or info)") from None


def _rules(table: Any, key: str, bad: Any) -> dict[str, RuleValue]:
    if not isinstance(table, dict):
        raise bad(key, "must be a table of rule = true | false | \"error\" | \"warning\" | \"info\"")
    out: dict[str, RuleValue] = {}
    for rule, value in table.items():
        if rule not in RULES:
            raise bad(f"{key}.{rule}", f"unknown rule (known: {', '.join(sorted(RULES))})")
        if isinstance(value, bool):
            out[rule] = value
        elif value == "off":
            out[rule] = False
        else:
            out[rule] = _severity(value, f"{key}.{rule}", bad)
    return out
