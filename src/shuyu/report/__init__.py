"""Reporters: pure functions from findings to text, registered by name in ``REPORTERS``."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.report.base import ReportContext

#: What every reporter is: findings (any order) and the run's context in, the report's text out.
Reporter = Callable[[Sequence[Finding], ReportContext], str]


def _deferred(module: str) -> Reporter:
    """``shuyu.report.<module>.render``, imported on the first call.

    A run renders one format, so it imports only that reporter (and what it needs: urllib and
    hashlib for SARIF, rich for coloured text) instead of all five at start-up.
    """
    def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
        real: Reporter = importlib.import_module(f"shuyu.report.{module}").render
        return real(findings, ctx)

    render.__qualname__ = render.__name__ = f"{module}.render"
    render.__doc__ = f"The ``{module}`` reporter (``shuyu.report.{module}.render``)."
    return render


#: Every output format, by the name ``--format`` takes. An explicit literal: one line per reporter.
REPORTERS: dict[str, Reporter] = {
    "text": _deferred("text"),
    "json": _deferred("json_report"),
    "sarif": _deferred("sarif"),
    "github": _deferred("github"),
    "junit": _deferred("junit"),
}

__all__ = ["REPORTERS", "ReportContext", "Reporter"]
