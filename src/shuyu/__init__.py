"""shuyu (术语): a Chinese–English terminology toolkit for official titles, organisations and places."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
