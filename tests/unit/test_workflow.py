"""The CI workflow runs the same tests as `.ci/run` and publishes only the built site/, with pinned actions."""

import re

import yaml

from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
STEPS = {name: job["steps"] for name, job in WORKFLOW["jobs"].items()}


def test_every_action_is_pinned_to_a_commit():
    uses = [step["uses"] for steps in STEPS.values() for step in steps if "uses" in step]
    assert uses, "the workflow should use actions"
    unpinned = [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u)]
    assert not unpinned, unpinned


def test_tests_run_before_the_site_is_built_and_uploaded():
    runs = [step.get("run") or step.get("uses", "").split("@")[0] for step in STEPS["build"]]
    assert runs.index(".ci/run") < runs.index("make build") < runs.index("actions/upload-pages-artifact")
    upload = next(s for s in STEPS["build"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_only_main_deploys_and_only_the_deploy_job_may_write_pages():
    deploy = WORKFLOW["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert WORKFLOW["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
