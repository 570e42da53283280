"""Reliability from Python: an internal fault (forced with ``inject_fault``) is raised as
``InternalError`` by every kind of call and the interpreter goes on; every call that does real
work releases the GIL; eight threads get the one-thread answers."""

from __future__ import annotations

import datetime
import json
import pathlib
import sys
import threading
import time
from typing import Any, Callable

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pytest

import skillplan

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
RECORDS = ROOT / "tests" / "conformance" / "records"
PLAN = skillplan.default_plan()
AS_OF = datetime.date(2025, 6, 30)
PROFILE = json.loads((DATA / "profile.json").read_text())
OFFER = json.loads((DATA / "offer.json").read_text())
WORKER = json.loads((DATA / "worker-welder.json").read_text())
OBSERVATIONS = skillplan.read_observations(DATA / "jilin-observations.csv")
TOML = (ROOT / "core" / "plans" / "jilin-2022-2025.toml").read_text()
TALLY_JSON = PLAN.count_records(RECORDS / "sample-training.csv").to_json()


def _answer(value: Any) -> str:
    """A comparable form of any answer (tallies by their JSON)."""
    return value.to_json() if isinstance(value, skillplan.Tally) else repr(value)


# Every kind of exported call: loading, queries, counting, progress, pathway, eligibility.
CALLS: dict[str, Callable[[], Any]] = {
    "default_plan": lambda: skillplan.default_plan().fingerprint,
    "loads_plan": lambda: skillplan.loads_plan(TOML).fingerprint,
    "read_observations": lambda: skillplan.read_observations(DATA / "jilin-observations.csv"),
    "indicators": PLAN.indicators,
    "indicator": lambda: PLAN.indicator("subsidized-training"),
    "count_records": lambda: PLAN.count_records(RECORDS / "sample-training.csv"),
    "from_json": lambda: skillplan.Tally.from_json(PLAN, TALLY_JSON),
    "progress": lambda: PLAN.progress(OBSERVATIONS, AS_OF),
    "pathway": lambda: PLAN.pathway(WORKER, AS_OF),
    "check_eligibility": lambda: PLAN.check_eligibility(PROFILE, OFFER, as_of=AS_OF),
    "check_eligibility_batch": lambda: PLAN.check_eligibility_batch([PROFILE] * 3, OFFER, as_of=AS_OF),
    "eligibility_frame": lambda: PLAN.eligibility_frame([PROFILE], OFFER, as_of=AS_OF, output="arrow").to_pylist(),
}


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_an_internal_fault_is_internal_error_and_the_next_call_works(operation: str) -> None:
    call = CALLS[operation]
    expected = _answer(call())
    skillplan.inject_fault(operation)
    with pytest.raises(skillplan.InternalError) as caught:
        call()
    e = caught.value
    assert isinstance(e, skillplan.SkillplanError) and not isinstance(e, skillplan.InvalidInputError)
    assert e.code == "INTERNAL" and e.reason == "panic" and operation in str(e)
    assert _answer(call()) == expected


def test_a_fault_inside_a_gil_free_call_on_another_thread_reaches_that_thread() -> None:
    skillplan.inject_fault("count_records")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            PLAN.count_records(RECORDS / "sample-training.csv")
        except BaseException as e:  # noqa: BLE001 - the test looks at what arrives
            errors.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert len(errors) == 1 and isinstance(errors[0], skillplan.InternalError)


# The GIL: while a call works in Rust, another Python thread must run. With a switch interval
# far longer than the test, the ticker can only run when this thread gives the GIL up itself,
# so a call that kept it throughout leaves the count at exactly zero.
BIG_CSV_ROWS = 60_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    lines = (RECORDS / "sample-training.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    path = tmp_path_factory.mktemp("gil") / "big.csv"
    path.write_text("\n".join([header] + (rows * (BIG_CSV_ROWS // len(rows) + 1))[:BIG_CSV_ROWS]) + "\n", encoding="utf-8")
    return path


def _ticks_during(call: Callable[[], Any]) -> int:
    """How often another Python thread ran while `call` ran in this one."""
    ticks = 0
    stop = threading.Event()
    started = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        started.set()
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0002)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(60.0)
    t = threading.Thread(target=ticker)
    try:
        t.start()
        started.wait()
        before = ticks
        # Quick calls are repeated (for 50 ms at least) so the ticker is waiting at some release.
        calls, end = 0, time.monotonic() + 0.05
        while calls < 3 or time.monotonic() < end:
            call()
            calls += 1
        return ticks - before
    finally:
        stop.set()
        sys.setswitchinterval(interval)
        t.join()


def _heavy_calls(big_csv: pathlib.Path) -> dict[str, Callable[[], Any]]:
    tally = PLAN.count_records(big_csv)
    text = tally.to_json()
    other = skillplan.Tally.from_json(PLAN, text)
    table = pacsv.read_csv(big_csv, convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in pacsv.read_csv(big_csv).column_names}))
    roster = pa.Table.from_pylist([{"birth_date": "1990-05-01", "statuses": ["veteran"], "sex": "female"}] * 20_000)
    csv_text = big_csv.read_text(encoding="utf-8")
    return {
        "count_records(path)": lambda: PLAN.count_records(big_csv),
        "count_records(arrow)": lambda: PLAN.count_records(table),
        "Tally.from_json": lambda: skillplan.Tally.from_json(PLAN, text),
        "Tally.to_json": tally.to_json,
        "Tally.merge": lambda: other.merge(tally),
        "Tally.summary": tally.summary,
        "Tally.observations": tally.observations,
        "loads_plan": lambda: skillplan.loads_plan(TOML),
        "default_plan": skillplan.default_plan,
        "Plan.to_json": PLAN.to_json,
        "read_observations": lambda: skillplan.read_observations(DATA / "jilin-observations.csv"),
        "progress": lambda: PLAN.progress(OBSERVATIONS, AS_OF),
        "pathway": lambda: PLAN.pathway(WORKER, AS_OF),
        # One decision is about a microsecond of work, less than releasing and taking back the
        # GIL would cost, so check_eligibility keeps it; a batch releases it while it decides.
        "check_eligibility_batch": lambda: PLAN.check_eligibility_batch([PROFILE] * 2000, OFFER, as_of=AS_OF),
        "eligibility_frame": lambda: PLAN.eligibility_frame(roster, OFFER, as_of=AS_OF, output="arrow"),
        "text stays text": lambda: csv_text,  # the control: pure Python keeps the GIL
    }


def test_calls_that_do_real_work_release_the_gil(big_csv: pathlib.Path) -> None:
    ticks = {name: _ticks_during(call) for name, call in _heavy_calls(big_csv).items()}
    assert ticks.pop("text stays text") == 0, "the control must see no ticks, else the test proves nothing"
    held = sorted(name for name, n in ticks.items() if n == 0)
    assert held == [], f"these calls kept the GIL the whole time: {held}"


def test_eight_threads_get_the_one_thread_answers(big_csv: pathlib.Path) -> None:
    def work() -> list[str]:
        return [
            PLAN.count_records(big_csv).to_json(),
            repr(PLAN.progress(OBSERVATIONS, AS_OF)),
            repr(PLAN.pathway(WORKER, AS_OF)),
            repr(PLAN.check_eligibility_batch([PROFILE] * 50, OFFER, as_of=AS_OF)),
        ]

    expected = work()
    results: list[list[str]] = []
    lock = threading.Lock()

    def run() -> None:
        answer = work()
        with lock:
            results.append(answer)

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(r == expected for r in results)


def _deep(levels: int) -> list[Any]:
    x: list[Any] = []
    for _ in range(levels):
        x = [x]
    return x


@pytest.mark.parametrize(
    "call,code",
    [
        (lambda v: PLAN.check_eligibility({"statuses": v}, OFFER, as_of=AS_OF), "INVALID_PROFILE"),
        (lambda v: PLAN.check_eligibility(PROFILE, {"occupation": v}, as_of=AS_OF), "INVALID_OFFER"),
        (lambda v: PLAN.check_eligibility_batch([{"statuses": v}], OFFER, as_of=AS_OF), "INVALID_PROFILE"),
        (lambda v: PLAN.eligibility_frame([{"statuses": v}], OFFER, as_of=AS_OF), "INVALID_PROFILE"),
        (lambda v: PLAN.pathway({"levels": v}, AS_OF), "INVALID_WORKER"),
        (lambda v: PLAN.count_records([{"record_id": v}], strict=True), "INVALID_RECORD"),
    ],
)
def test_host_values_nested_100000_deep_are_the_typed_error(call: Callable[[Any], Any], code: str) -> None:
    with pytest.raises(skillplan.InvalidInputError) as caught:
        call(_deep(100_000))
    assert caught.value.code == code


def test_nan_and_infinity_in_host_values_are_the_typed_error() -> None:
    with pytest.raises(skillplan.InvalidInputError) as worker:
        PLAN.pathway({"work_started_on": float("nan")}, AS_OF)
    assert (worker.value.code, worker.value.path) == ("INVALID_WORKER", "worker")
    record = {"record_id": "r1", "person_key": "k1", "region": "220100", "training_type": "employment_skills",
              "subsidised": True, "start_date": "2023-05-01", "completion_date": float("inf")}
    with pytest.raises(skillplan.InvalidInputError) as counted:
        PLAN.count_records([record], strict=True)
    assert (counted.value.code, counted.value.path) == ("INVALID_RECORD", "rows[1].completion_date")
