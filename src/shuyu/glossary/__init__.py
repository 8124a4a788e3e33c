"""The glossary: load, validate, expand templates, search, and write the canonical files."""

from __future__ import annotations

from shuyu.glossary.load import load_glossary
from shuyu.glossary.load import read_glossary
from shuyu.glossary.model import Glossary

__all__ = ["Glossary", "load_glossary", "read_glossary"]
