"""coordination-claims: news texts → evidence-grade tables about US–Russia military coordination claims.

Stages are modules: ``read`` → ``clean`` → ``metadata``/``dates`` → ``quotes``/``claims``/``events``
→ ``tables`` → ``report``.  Each stage takes plain data and returns plain data.
"""

from analysis.corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
__version__ = "0.1.0"
