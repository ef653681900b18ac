"""`make check`: exit codes, stale-fact warnings, ids used by the docs."""

import datetime

from conftest import FIXTURES
from macros.check import main
from macros.load import parse_guide

FIXTURE = FIXTURES / "minimal.yml"


def test_valid_data_exits_zero_and_counts(capsys):
    assert main([str(FIXTURE), "--max-age-days", "100000"]) == 0
    out, err = capsys.readouterr()
    assert "ok: 2 modes, 1 comparison rows, 1 FAQ entries, 2 sources" in out
    assert err == ""


def test_stale_facts_warn_but_do_not_fail(capsys):
    guide = parse_guide(FIXTURE.read_bytes(), "x", datetime.date.today())
    age = (datetime.date.today() - guide.faq[0].checked).days
    assert main([str(FIXTURE), "--max-age-days", str(age - 1)]) == 0
    err = capsys.readouterr().err
    assert f"warning: faq[0].checked: last checked {guide.faq[0].checked}, {age} days ago (limit {age - 1})" in err
    assert main([str(FIXTURE), "--max-age-days", str(age)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_invalid_data_exits_one_with_every_problem(tmp_path, capsys):
    bad = tmp_path / "guide.yml"
    bad.write_text(FIXTURE.read_text(encoding="utf-8").replace("category: stock", "category: nope"), encoding="utf-8")
    assert main([str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("unknown category 'nope'") == 2
    assert err.rstrip().endswith(f"2 problems in {bad}")


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main([str(tmp_path / "absent.yml")]) == 1
    assert "cannot read the data file" in capsys.readouterr().err


def test_docs_using_unknown_ids_fail(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(
        '[ok](faq.md#who-holds-stock) [bad](faq.md#no-such-question)\n{{ mode_page("gamma") }}\n', encoding="utf-8"
    )
    assert main([str(FIXTURE), "--docs", str(docs), "--max-age-days", "100000"]) == 1
    err = capsys.readouterr().err
    assert "docs/page.md: link faq.md#no-such-question: no id 'no-such-question' on the faq page" in err
    assert "docs/page.md: mode_page('gamma'): no such mode" in err
    assert "who-holds-stock" not in err
