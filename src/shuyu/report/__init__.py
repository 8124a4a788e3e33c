"""Reporters: pure functions from findings to text, registered by name in ``REPORTERS``."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.report import github
from shuyu.report import json_report
from shuyu.report import junit
from shuyu.report import sarif
from shuyu.report import text
from shuyu.report.base import ReportContext

#: What every reporter is: findings (any order) and the run's context in, the report's text out.
Reporter = Callable[[Sequence[Finding], ReportContext], str]

#: Every output format, by the name ``--format`` takes. An explicit literal: one line per reporter.
REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}

__all__ = ["REPORTERS", "ReportContext", "Reporter"]
