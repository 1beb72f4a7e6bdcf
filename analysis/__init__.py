"""coordination-claims: news texts → evidence-grade tables about US–Russia coordination claims.

Stages are modules: ``read`` → ``clean`` → ``metadata``/``dates`` → ``quotes``/``claims``/``events``
→ ``tables`` → ``report``.  Each stage takes plain data and returns plain data.

``Corpus`` and ``load_corpus`` are imported on first use, so that ``import analysis`` (and every
report kernel that only needs ``analysis.report``) does not pay for spaCy and dateparser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in __all__:
        from analysis import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
