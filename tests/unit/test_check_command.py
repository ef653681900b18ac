"""`make check` as a process: exit codes, every problem on stderr, never a traceback.

tests/unit/test_check_cli.py covers the command's rules in-process; this covers what a shell sees.
"""

import subprocess
import sys

from conftest import ROOT
from macros import DATA_FILE
from macros.load import load_guide


def check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.check", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_valid_data_exits_0_with_a_summary():
    guide = load_guide(ROOT / DATA_FILE, ROOT)
    result = check()
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"data/guide.yml: ok: {len(guide.modes)} modes, {len(guide.dimensions)} comparison rows, "
        f"{len(guide.faq)} FAQ entries, {len(guide.sources)} sources\n"
    )


def test_make_check_runs_the_same_check():
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/guide.yml: ok: " in result.stdout


def test_bad_data_exits_1_listing_every_problem(tmp_path):
    text = (ROOT / DATA_FILE).read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[1] += "\x00"  # an invisible character ...
    bad = tmp_path / "guide.yml"
    bad.write_text("\n".join(lines), encoding="utf-8")
    result = check(str(bad))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{bad}:2:{len(lines[1])}: (file): the invisible control character U+0000 is not allowed: "
        "delete it (copied text often brings it)",
        f"1 problem in {bad}",
    ]

    bad.write_text(text + "unknown_section: 1\nanother_unknown: 2\n", encoding="utf-8")
    result = check(str(bad))
    assert result.returncode == 1
    assert [line.split(": ", 2)[1] for line in result.stderr.splitlines()[:-1]] == ["unknown_section", "another_unknown"]
    assert result.stderr.splitlines()[-1] == f"2 problems in {bad}"
    assert "Traceback" not in result.stderr


def test_missing_file_and_directory_exit_1_with_a_message(tmp_path):
    result = check(str(tmp_path / "nowhere.yml"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{tmp_path / 'nowhere.yml'}: cannot read the data file: No such file or directory\n"
    result = check(str(tmp_path))
    assert (result.returncode, result.stderr) == (1, f"{tmp_path}: cannot read the data file: Is a directory\n")


def test_a_wrong_call_exits_2_with_the_usage():
    result = check("a.yml", "b.yml")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: make check ") and "unrecognized arguments: b.yml" in result.stderr
