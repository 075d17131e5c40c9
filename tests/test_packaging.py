"""Project set-up: pyproject.toml and environment.yml agree; CI runs exactly the README's test command."""

import re
import tomllib

import yaml
from conftest import REPO


def _name_spec(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", req)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


#: PyPI name -> conda-forge name, where they differ (looked up on anaconda.org/conda-forge: the Playwright
#: bindings are packaged as ``playwright-python``; every other name here is the same on both)
CONDA_FORGE_NAMES = {"playwright": "playwright-python"}


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pypi = dict(_name_spec(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    want = {CONDA_FORGE_NAMES.get(name, name): spec for name, spec in pypi.items()}
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    got = dict(_name_spec(d) for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip")))
    assert got == want
    assert any(isinstance(d, str) and d.startswith("python>=3.11") for d in env["dependencies"])


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    last = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last.strip() == "make test"
