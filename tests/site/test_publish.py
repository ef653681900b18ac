"""`make build` publishes atomically: site/ changes only when a build fully succeeds."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project
from macros import DATA_FILE
from macros.load import load_guide

GUIDE = load_guide(ROOT / DATA_FILE, ROOT)
VENV = Path(sys.executable).parent.parent  # the environment `make test` set up; make reuses it


def project_with_makefile(target: Path) -> Path:
    project = copy_project(target)
    for part in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / part, project / part)
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def make_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "build", f"VENV={VENV}"], cwd=project,
                          capture_output=True, text=True, timeout=300)


def fingerprint(site: Path) -> dict[str, str]:
    """Every file under site/ with the hash of its bytes."""
    return {str(f.relative_to(site)): hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(site.rglob("*")) if f.is_file()}


def leftovers(project: Path) -> list[str]:
    return [p.name for p in project.iterdir() if p.name.startswith(".site-")]


def test_failed_builds_leave_the_published_site_byte_for_byte_untouched(tmp_path):
    project = project_with_makefile(tmp_path / "project")
    first = make_build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    published = fingerprint(project / "site")
    assert "index.html" in published and "compare/index.html" in published

    data = project / DATA_FILE
    good = data.read_text(encoding="utf-8")
    first_mode = f"  - id: {GUIDE.modes[0].id}\n"
    broken = good.replace(first_mode, first_mode + "    colour: orange\n", 1)
    data.write_text(broken, encoding="utf-8")
    failed = make_build(project)
    output = failed.stdout + failed.stderr
    line = broken[: broken.index("colour: orange")].count("\n") + 1
    assert failed.returncode != 0
    assert f"data/guide.yml:{line}:{len('    colour: ') + 1}: modes[0].colour: unknown field" in output
    assert "Build failed: site/ was left unchanged." in output and "Traceback" not in output
    assert fingerprint(project / "site") == published
    assert leftovers(project) == []

    data.write_text(good, encoding="utf-8")
    (project / "docs" / "compare.md").write_text("# Compare\n\n{{ no_such_macro() }}\n", encoding="utf-8")
    failed = make_build(project)
    assert failed.returncode != 0 and "no_such_macro" in failed.stdout + failed.stderr
    assert fingerprint(project / "site") == published, "a build failing while rendering pages publishes nothing"

    shutil.copy2(ROOT / "docs" / "compare.md", project / "docs" / "compare.md")
    old = GUIDE.dimensions[0].values[GUIDE.modes[0].id].value
    data.write_text(good.replace(old, "Published value 2718", 1), encoding="utf-8")
    rebuilt = make_build(project)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert fingerprint(project / "site") != published
    assert "Published value 2718" in (project / "site" / "compare" / "index.html").read_text(encoding="utf-8")
    assert leftovers(project) == []
