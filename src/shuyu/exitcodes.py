"""Exit statuses of every command, named once."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """0 clean at the --fail-on level, 1 findings at or above it, 2 usage or input error."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
