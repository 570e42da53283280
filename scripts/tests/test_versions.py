"""scripts/versions.py: the tree agrees on one version, and any place that disagrees is caught."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("versions", ROOT / "scripts/versions.py")
assert spec and spec.loader
versions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(versions)

FILES = [
    "Cargo.toml", "Cargo.lock", "CHANGELOG.md", "core/Cargo.toml", "cli/Cargo.toml", "bindings-python/Cargo.toml",
    "bindings-node/Cargo.toml", "bindings-mobile/Cargo.toml", "bindings-python/pyproject.toml",
    "bindings-node/package.json", "bindings-node/npm/linux-x64-gnu/package.json",
    "bindings-node/npm/linux-arm64-gnu/package.json", "bindings-mobile/kotlin/pom.xml",
    "examples/kotlin-consumer/pom.xml", "README.md", "bindings-mobile/README.md", "examples/npm-consumer/README.md",
]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_repository_agrees() -> None:
    assert versions.disagreements(ROOT) == []
    assert len(versions.found_versions(ROOT)) >= 13


@pytest.mark.parametrize(
    ("name", "old", "new", "place"),
    [
        ("bindings-node/package.json", '"version": "{v}"', '"version": "9.9.9"', "bindings-node/package.json version"),
        ("bindings-node/npm/linux-x64-gnu/package.json", '"version": "{v}"', '"version": "9.9.9"', "npm/linux-x64-gnu"),
        ("bindings-mobile/kotlin/pom.xml", "<version>{v}</version>", "<version>9.9.9</version>", "bindings-mobile/kotlin/pom.xml"),
        ("examples/kotlin-consumer/pom.xml", "<skillplan.version>{v}<", "<skillplan.version>9.9.9<", "kotlin-consumer"),
        ("bindings-python/pyproject.toml", 'dynamic = ["version"]', 'version = "9.9.9"', "pyproject.toml"),
        ("cli/Cargo.toml", "version.workspace = true", 'version = "9.9.9"', "cli/Cargo.toml"),
        ("CHANGELOG.md", "## [{v}]", "## [9.9.9]", "CHANGELOG.md"),
        ("README.md", "dist/skillplan-{v}.tgz", "dist/skillplan-9.9.9.tgz", "README.md mention"),
    ],
)
def test_a_place_that_disagrees_is_named(tree: Path, name: str, old: str, new: str, place: str) -> None:
    v = versions.workspace_version(ROOT)
    path = tree / name
    text = path.read_text(encoding="utf-8")
    assert old.format(v=v) in text
    path.write_text(text.replace(old.format(v=v), new, 1), encoding="utf-8")
    wrong = versions.disagreements(tree)
    assert len(wrong) == 1 and place in wrong[0], wrong


def test_set_writes_every_place_but_the_lock_and_changelog(tree: Path) -> None:
    versions.set_version(tree, "7.8.9")
    wrong = versions.disagreements(tree)
    assert versions.workspace_version(tree) == "7.8.9"
    assert all(w.startswith(("Cargo.lock", "CHANGELOG.md")) for w in wrong) and wrong, wrong


def test_set_refuses_what_is_not_a_version(tree: Path) -> None:
    with pytest.raises(SystemExit):
        versions.set_version(tree, "next")
