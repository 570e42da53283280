"""Runs the shared conformance corpus (tests/conformance/*.json) through the Python API.

Each corpus ``call`` maps to the public function or method a Python user would call; results
are compared field by field (``expect`` is a subset), decimals as strings and dates as ISO.
"""

from __future__ import annotations

import datetime
import decimal
import json
from pathlib import Path
from typing import Any, Callable

import skillplan

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "conformance"


def load_cases(suite: str) -> list[dict[str, Any]]:
    data = json.loads((CORPUS / suite).read_text(encoding="utf-8"))
    return list(data["cases"])


def _plan(args: dict[str, Any]) -> skillplan.Plan:
    if args.get("plan", "jilin") != "jilin":
        return skillplan.load_plan(CORPUS / args["plan"])
    return skillplan.default_plan()


def _options(args: dict[str, Any]) -> dict[str, Any]:
    return {key: args[key] for key in ("milestones", "regional_targets", "thresholds") if key in args}


def _progress(a: dict[str, Any]) -> Any:
    as_of = datetime.date.fromisoformat(a["as_of"])
    return _plan(a).indicator_progress(a["observations"], a["indicator"], as_of, region=a.get("region"), **_options(a))


def _report(a: dict[str, Any]) -> Any:
    return _plan(a).progress(a["observations"], datetime.date.fromisoformat(a["as_of"]), **_options(a))


def _plan_str(args: dict[str, Any]) -> skillplan.Plan:
    if "text_repeat" in args:
        rep = args["text_repeat"]
        return skillplan.loads_plan(rep["unit"] * rep["times"])
    return skillplan.loads_plan((CORPUS / args["file"]).read_text(encoding="utf-8"))


def tally_view(tally: skillplan.Tally) -> dict[str, Any]:
    """The tally's summary in the corpus's shape: cells and indicators as maps."""
    view: dict[str, Any] = tally.summary()
    view["cells"] = {f"{c['indicator']}/{c['region']}/{c['month']}": c["count"] for c in view["cells"]}
    view["indicators"] = {i["indicator"]: i for i in view["indicators"]}
    return view


def _count_options(a: dict[str, Any]) -> dict[str, Any]:
    options = {"strict": a.get("strict", False), "max_rejected": a.get("max_rejected", 1000)}
    options.update({k: a[k] for k in ("encoding", "columns") if k in a})
    return options


def _count_merged(a: dict[str, Any]) -> dict[str, Any]:
    plan = _plan(a)
    whole: skillplan.Tally | None = None
    for file in a["files"]:
        # Through JSON, as partial tallies travel between processes.
        part = skillplan.Tally.from_json(plan, plan.count_records(CORPUS / file, **_count_options(a)).to_json())
        if whole is None:
            whole = part
        else:
            whole.merge(part)
    assert whole is not None
    return tally_view(whole)


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "count_records": lambda a: tally_view(_plan(a).count_records(a["records"], **_count_options(a))),
    "count_file": lambda a: tally_view(_plan(a).count_records(CORPUS / a["file"], **_count_options(a))),
    "count_files_merged": _count_merged,
    "load_plan": lambda a: skillplan.load_plan(CORPUS / a["file"]),
    "load_plan_str": _plan_str,
    "plan": _plan,
    "metadata": lambda a: _plan(a).metadata,
    "indicators": lambda a: _plan(a).indicators(),
    "indicator": lambda a: _plan(a).indicator(a["id"]),
    "parts": lambda a: _plan(a).parts(a["id"]),
    "measures": lambda a: _plan(a).measures(),
    "measure": lambda a: _plan(a).measure(a["id"]),
    "columns": lambda a: _plan(a).columns(),
    "clause": lambda a: _plan(a).clause(a["id"]),
    "departments": lambda a: _plan(a).departments(),
    "department": lambda a: _plan(a).department(a["name"]),
    "measures_for_department": lambda a: _plan(a).measures_for_department(a["department"]),
    "regions": lambda a: _plan(a).regions(),
    "region": lambda a: _plan(a).region(a["id"]),
    "progress": _progress,
    "report": _report,
    "skill_levels": lambda a: _plan(a).skill_levels(),
    "crosswalk_for_level": lambda a: _plan(a).crosswalk_for_level(a["level"]),
    "crosswalk_for_title": lambda a: _plan(a).crosswalk_for_title(a["title"]),
    "education_equivalences": lambda a: _plan(a).education_equivalences(),
    "pathway": lambda a: _plan(a).pathway(a["worker"], datetime.date.fromisoformat(a["as_of"])),
    "eligibility": lambda a: _plan(a).check_eligibility(
        a["profile_text"] if "profile_text" in a else a["profile"], a.get("offer"), as_of=datetime.date.fromisoformat(a["as_of"])
    ),
    "eligibility_batch": lambda a: _eligibility_batch(a),
    "decompose": lambda a: _plan(a).decompose(a["indicator"], [tuple(w) for w in a["weights"]]),
}

SELECTORS = ("id", "method", "indicator", "code", "level", "check")


def _eligibility_batch(a: dict[str, Any]) -> Any:
    """The batch call; each decision must equal the single call's."""
    plan = _plan(a)
    as_of = datetime.date.fromisoformat(a["as_of"])
    decisions = plan.check_eligibility_batch(a["profiles"], a.get("offer"), as_of=as_of)
    for profile, decision in zip(a["profiles"], decisions):
        assert decision == plan.check_eligibility(profile, a.get("offer"), as_of=as_of), "batch and single calls differ"
    return decisions


def plain(value: Any) -> Any:
    """A scalar as the corpus writes it."""
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def check(actual: Any, expect: Any, at: str, failures: list[str]) -> None:
    if isinstance(expect, dict) and isinstance(actual, (list, tuple)):
        for key, want in expect.items():
            here = f"{at}.{key}"
            if key == "len":
                check(len(actual), want, here, failures)
            elif key == "ids":
                check([item.id for item in actual], want, here, failures)
            elif key == "first":
                check(actual[0] if actual else None, want, here, failures)
            elif key == "last":
                check(actual[-1] if actual else None, want, here, failures)
            elif key.startswith("all_"):
                check([getattr(item, key[4:]) for item in actual], want, here, failures)
            else:
                found = [i for i in actual if any(getattr(i, f, None) == key for f in SELECTORS)]
                if found:
                    check(found[0], want, here, failures)
                else:
                    failures.append(f"{here}: no element {key}")
    elif isinstance(expect, dict):
        if actual is None:
            failures.append(f"{at}: expected {expect}, got None")
            return
        for key, want in expect.items():
            here = f"{at}.{key}"
            if key.endswith("_contains"):
                text = getattr(actual, key[: -len("_contains")])
                if want not in text:
                    failures.append(f"{here}: {text!r} does not contain {want!r}")
            elif isinstance(actual, dict):
                if key not in actual:
                    failures.append(f"{here}: missing")
                else:
                    check(actual[key], want, here, failures)
            else:
                check(getattr(actual, key), want, here, failures)
    elif isinstance(expect, list) and isinstance(actual, (list, tuple)):
        if len(expect) != len(actual):
            failures.append(f"{at}: expected {expect!r}, got {actual!r}")
        for i, (a, e) in enumerate(zip(actual, expect)):
            check(a, e, f"{at}[{i}]", failures)
    elif plain(actual) != expect:
        failures.append(f"{at}: expected {expect!r}, got {plain(actual)!r}")


def run_case(case: dict[str, Any]) -> list[str]:
    failures: list[str] = []
    call = CALLS[case["call"]]
    try:
        result = call(case["args"])
    except skillplan.SkillplanError as err:
        if "expect_error" not in case:
            return [f"unexpected error {err.code} at {err.path!r}: {err}"]
        actual = {
            "code": err.code,
            "path": err.path,
            "reason": err.reason,
            "issue_count": len(err.issues),
            "issue_paths": [i.path for i in err.issues],
        }
        for key, want in case["expect_error"].items():
            if key == "message_excludes":
                if any(want in shown for shown in (str(err), repr(err), err.path)):
                    failures.append("error: the message repeats the input it must not")
                continue
            if actual[key] != want:
                failures.append(f"error.{key}: expected {want!r}, got {actual[key]!r}")
        return failures
    if "expect_error" in case:
        return [f"expected error {case['expect_error']}, got {result!r}"]
    check(result, case["expect"], "result", failures)
    return failures
