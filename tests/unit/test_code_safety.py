"""The code that reads the data runs nothing from it: no eval/exec, only safe YAML loading."""

import ast
from pathlib import Path

import yaml

from conftest import ROOT
from macros import yamlpos

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
UNSAFE_YAML = {"load", "load_all", "full_load", "full_load_all", "unsafe_load", "unsafe_load_all",
               "Loader", "FullLoader", "UnsafeLoader", "CLoader", "CFullLoader", "CUnsafeLoader"}


def unsafe_uses(source: str) -> list[str]:
    """eval/exec-like calls and unsafe PyYAML names in Python source, with their line numbers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{node.lineno}: {node.func.id}()")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml" \
                and node.attr in UNSAFE_YAML:
            found.append(f"{node.lineno}: yaml.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "yaml" and {a.name for a in node.names} & UNSAFE_YAML:
            found.append(f"{node.lineno}: from yaml import ...")
    return found


def test_the_checker_finds_what_it_looks_for():
    sample = "import yaml\neval('1')\nexec('x')\nyaml.load(s)\nyaml.load(s, Loader=yaml.FullLoader)\nyaml.safe_load(s)\n"
    assert unsafe_uses(sample) == ["2: eval()", "3: exec()", "4: yaml.load", "5: yaml.load", "5: yaml.FullLoader"]


def test_no_eval_exec_or_unsafe_yaml_in_the_project_code():
    files = sorted((ROOT / "macros").rglob("*.py")) + sorted((ROOT / "tools").rglob("*.py"))
    assert files
    offenders = [f"{f.relative_to(ROOT)}:{use}" for f in files for use in unsafe_uses(f.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_loader_constructs_only_plain_yaml_types():
    loader = yamlpos._BoundedLoader
    assert issubclass(loader, yaml.constructor.SafeConstructor)
    assert not issubclass(loader, (yaml.constructor.FullConstructor, yaml.constructor.UnsafeConstructor))
    tags = set(loader.yaml_constructors)
    assert not {t for t in tags if t and ("python" in t)}, "python/* tags must have no constructor"
