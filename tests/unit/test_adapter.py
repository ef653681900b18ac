"""The MkDocs hook's macro-error handling, apart from a running server."""

import pytest
from mkdocs.exceptions import PluginError

from macros import mkdocs_adapter


@pytest.fixture
def session(monkeypatch):
    state = {"serving": False, "last_good": None, "pages": {}}
    monkeypatch.setattr(mkdocs_adapter, "_session", state)
    return state


def test_a_build_fails_with_the_message(session):
    with pytest.raises(PluginError, match="^faq.md: ValueError: boom$"):
        mkdocs_adapter._macro_error("faq.md", "faq.md: ValueError: boom")


def test_serving_keeps_the_last_good_page(session, capsys):
    session.update(serving=True, pages={"faq.md": "last good markdown"})
    assert mkdocs_adapter._macro_error("faq.md", "faq.md: ValueError: boom") == "last good markdown"
    assert capsys.readouterr().err == "faq.md: ValueError: boom\nStill serving the last good version of faq.md; fix it and save again.\n"


def test_serving_a_page_that_never_built_shows_the_error_escaped(session):
    session["serving"] = True
    out = mkdocs_adapter._macro_error("new.md", "new.md: UndefinedError: '<b>' is undefined")
    assert out == '<p class="macro-error"><strong>Macro error:</strong> new.md: UndefinedError: &#x27;&lt;b&gt;&#x27; is undefined</p>'
