"""Sentences and clauses of a text: where they start and end, and a clause as a quote."""

from __future__ import annotations

import re

# ---- sentences and clauses -----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_CLAUSE_END = re.compile(r"[，]|(?<!\d)[：:]|[：:](?!\d)|,(?!\d{3})")  # 10.4:39.5:50.1 is one figure's parts


def spans(text: str, pattern: re.Pattern, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between separators, offsets shifted by ``start``."""
    out, a = [], 0
    for m in pattern.finditer(text):
        out.append((start + a, start + m.start()))
        a = m.end()
    out.append((start + a, start + len(text)))
    return [(s, e) for s, e in out if e > s]


def _quote(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[start:end].strip(" \t\n，,、"))
