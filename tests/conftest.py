"""Shared test set-up: the corpus cache of every test lives in a temporary folder."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_corpus_cache(tmp_path_factory: pytest.TempPathFactory):
    """Never read or fill the user's ``~/.cache/coordination-claims`` from a test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COORDINATION_CLAIMS_CACHE", str(tmp_path_factory.mktemp("corpus-cache")))
        yield
