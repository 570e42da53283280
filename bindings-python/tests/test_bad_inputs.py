"""The bad-input catalogue (tests/bad-inputs/catalogue.json) through the Python API.

Each case is a malformed input of one kind (plan, record file, records, observations, profile,
offer, worker, progress options, tally, as-of date) handed to the call a Python user would make;
it must raise a ``skillplan.SkillplanError`` with the catalogue's code (and path), and nothing the
error shows may repeat a secret of the catalogue or anything shaped like a 身份证号.
"""

from __future__ import annotations

import base64
import json
import pathlib
import re
from typing import Any

import pytest

import skillplan

ROOT = pathlib.Path(__file__).resolve().parents[2]
CATALOGUE_DIR = ROOT / "tests" / "bad-inputs"
CATALOGUE: dict[str, Any] = json.loads((CATALOGUE_DIR / "catalogue.json").read_text(encoding="utf-8"))
HOSTS = ["rust", "python", "node", "kotlin"]
CASES: list[dict[str, Any]] = [c for c in CATALOGUE["cases"] if "python" in c.get("hosts", HOSTS)]
SECRETS: list[str] = list(CATALOGUE["secrets"])
# 18 characters (17 digits and a digit or X) or the old 15 digits: the shapes of a 身份证号.
ID_SHAPED = re.compile(r"\d{17}[\dXx]|\d{15}")
PLAN = skillplan.default_plan()
DEFAULT_AS_OF = "2024-06-30"


def raw_bytes(form: dict[str, Any]) -> bytes:
    """The bytes of a text, base64, file, json or repeat input."""
    if "text" in form:
        return str(form["text"]).encode("utf-8")
    if "base64" in form:
        return base64.b64decode(str(form["base64"]))
    if "file" in form:
        return (CATALOGUE_DIR / str(form["file"])).read_bytes()
    if "json" in form:
        return json.dumps(form["json"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if "repeat" in form:
        r: dict[str, Any] = form["repeat"]
        generated = str(r.get("head", "")) + str(r["unit"]) * int(r["times"]) + str(r.get("tail", ""))
        return generated.encode("utf-8")
    raise AssertionError(f"input {sorted(form)} has no bytes; the case needs a text form")


def text(form: dict[str, Any]) -> str:
    return raw_bytes(form).decode("utf-8")


def host(value: Any) -> Any:
    """A catalogue value as a Python value: {"$float": "NaN"} becomes float("nan")."""
    if isinstance(value, dict):
        if set(value) == {"$float"}:
            return float(value["$float"])
        return {k: host(v) for k, v in value.items()}
    if isinstance(value, list):
        return [host(v) for v in value]
    return value


def value(form: dict[str, Any]) -> Any:
    """A host value: the value form, or the JSON the text holds."""
    if "value" in form:
        return host(form["value"])
    if "json" in form:
        return form["json"]
    return json.loads(text(form))


def eligibility_arg(form: dict[str, Any]) -> Any:
    """A profile or offer as Python hands it over: a dict for values, bytes as bytes, else text."""
    if "value" in form:
        return host(form["value"])
    if "base64" in form:
        return base64.b64decode(form["base64"])
    return text(form)


def run(case: dict[str, Any], tmp_path: pathlib.Path) -> Any:
    """Makes the call of the case's kind; returns what it returns (a bad input must raise)."""
    kind: str = case["kind"]
    form: dict[str, Any] = case["input"]
    options: dict[str, Any] = case.get("options", {})
    as_of = options.get("as_of", DEFAULT_AS_OF)
    count_options: dict[str, Any] = {"strict": options.get("strict", False), "max_rejected": options.get("max_rejected", 1000)}
    for key in ("encoding", "columns"):
        if key in options:
            count_options[key] = options[key]
    if kind == "plan":
        return skillplan.loads_plan(raw_bytes(form))
    if kind in ("records_csv", "records_jsonl", "records_xlsx"):
        path = tmp_path / {"records_csv": "records.csv", "records_jsonl": "records.jsonl", "records_xlsx": "records.xlsx"}[kind]
        path.write_bytes(raw_bytes(form))
        return PLAN.count_records(path, **count_options)
    if kind == "person_key":
        return skillplan.person_key(text(form), salt=options.get("salt", "").encode("utf-8"))
    if kind == "records":
        return PLAN.count_records(value(form), **count_options)
    if kind in ("observations_json", "observations_csv"):
        if "value" in form:
            observations: Any = value(form)
        else:
            path = tmp_path / ("observations.json" if kind == "observations_json" else "observations.csv")
            path.write_bytes(raw_bytes(form))
            observations = skillplan.read_observations(path)
        return PLAN.progress(observations, as_of)
    if kind == "profile":
        return PLAN.check_eligibility(eligibility_arg(form), options.get("offer"), as_of=as_of)
    if kind == "offer":
        return PLAN.check_eligibility(options.get("profile", {}), eligibility_arg(form), as_of=as_of)
    if kind == "worker":
        return PLAN.pathway(value(form), as_of)
    if kind == "progress_options":
        given = value(form)
        return PLAN.progress(
            [], as_of, milestones=given.get("milestones"), regional_targets=given.get("regional_targets"), thresholds=given.get("thresholds")
        )
    if kind == "tally":
        return skillplan.Tally.from_json(PLAN, text(form))
    if kind == "as_of":
        date = text(form)
        call = options.get("call", "eligibility")
        if call == "eligibility":
            return PLAN.check_eligibility({}, None, as_of=date)
        if call == "pathway":
            return PLAN.pathway({}, date)
        if call == "progress":
            return PLAN.progress([], date)
        raise AssertionError(f"unknown as_of call {call}")
    raise AssertionError(f"unknown kind {kind}")


def shown_texts(err: skillplan.SkillplanError) -> list[str]:
    """Everything the error lets a caller see."""
    texts = [str(err), repr(err), err.path, err.message, err.reason or ""]
    for issue in err.issues:
        texts += [str(issue.message), str(issue.path), repr(issue)]
    return texts


def personal_data(err: skillplan.SkillplanError) -> list[str]:
    problems = []
    for shown in shown_texts(err):
        problems += [f"shows the secret {s[:4]}…" for s in SECRETS if s in shown]
        if ID_SHAPED.search(shown):
            problems.append("shows an ID-number-shaped run of digits")
    return sorted(set(problems))


ERROR_CLASSES = dict(skillplan._skillplan._error_classes())


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any], tmp_path: pathlib.Path) -> None:
    expect: dict[str, Any] = case["expect"]
    try:
        result = run(case, tmp_path)
    except skillplan.SkillplanError as err:
        failures = []
        if err.code != expect["code"]:
            failures.append(f"code: expected {expect['code']}, got {err.code} ({err})")
        if "path" in expect and err.path != expect["path"]:
            failures.append(f"path: expected {expect['path']!r}, got {err.path!r}")
        filed = ERROR_CLASSES.get(err.code)
        if type(err).__name__ != filed:
            failures.append(f"class: the core files {err.code} under {filed}, raised as {type(err).__name__}")
        failures += personal_data(err)
        assert not failures, f"{case['name']}: " + "; ".join(failures)
        return
    pytest.fail(f"{case['name']}: expected {expect['code']}, got no error but {type(result).__name__}")


def test_catalogue_is_well_formed() -> None:
    assert CATALOGUE["format"] == "skillplan-bad-inputs/1"
    names = [c["name"] for c in CATALOGUE["cases"]]
    assert len(names) == len(set(names)), "case names must be unique"
    assert len(CATALOGUE["cases"]) >= 75
    assert len(CASES) >= 60, f"only {len(CASES)} cases apply to Python"
    inputs = json.dumps([c["input"] for c in CATALOGUE["cases"]], ensure_ascii=False)
    for secret in SECRETS:
        assert secret in inputs, f"the secret {secret[:4]}… is used by no case"
