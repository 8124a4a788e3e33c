"""The checks: terminology, numbers and dates, prose rules, consistency; and the engine running them."""

from __future__ import annotations
