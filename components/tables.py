"""Fixed-width text tables, the one layout every command-line report uses (plan summary, rollout summary)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["table"]


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns, two spaces apart; the first row is the header.

    Trailing spaces are stripped, so the last column (often free text such as an error) is never padded.
    """
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
