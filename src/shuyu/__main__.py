"""``python -m shuyu``: the command line."""

from __future__ import annotations

from shuyu.cli import main

main()
