"""An independent oracle for the progress corpus.

It re-implements the progress formulas documented in core/src/progress.rs with Python's
`decimal` module (28 significant digits, half-even rounding, ratios rounded to 10 places) and
writes tests/conformance/progress.json: each case's inputs and the values this oracle expects.
The Rust, Python, Node and Kotlin suites then check the library against that file, so the
library and the oracle must agree digit for digit.

    python tests/conformance/oracle/progress_oracle.py          # rewrite progress.json
    python tests/conformance/oracle/progress_oracle.py --check  # fail if it would change
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "progress.json"
MINIMAL = "plans/good/minimal.toml"
CTX = Context(prec=28, rounding=ROUND_HALF_EVEN)
YEAR = Decimal("365.25")
MONTH = Decimal("30.4375")


def D(x: Any) -> Decimal:
    return Decimal(str(x))


def r10(x: Decimal) -> Decimal:
    with localcontext(CTX):
        return x.quantize(Decimal("1e-10")).normalize() if x != 0 else Decimal(0)


def s(x: Optional[Decimal]) -> Optional[str]:
    """A decimal as the library writes it: no exponent, no trailing zeros."""
    if x is None:
        return None
    t = format(x.normalize(), "f")
    return t


def div(a: Decimal, b: Decimal) -> Decimal:
    with localcontext(CTX):
        return a / b


def date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Period:
    def __init__(self, start: str, end: str) -> None:
        self.start, self.end = date(start), date(end)
        self.days = (self.end - self.start).days + 1

    def day(self, d: dt.date) -> int:
        return max(0, min((d - self.start).days + 1, self.days))


MIN = Period("2026-01-01", "2030-12-31")
JILIN = Period("2022-01-01", "2025-12-31")


def schedule(p: Period, target: Decimal, achieved: Optional[Decimal], as_of: str,
             thresholds: tuple[Decimal, Decimal] = (Decimal("0.95"), Decimal("0.75"))) -> dict[str, Any]:
    """elapsed, expected (linear), completion, gap, performance, status, paces."""
    d = date(as_of)
    day = p.day(d)
    with localcontext(CTX):
        elapsed = r10(Decimal(day) / Decimal(p.days))
        expected = r10(target * Decimal(day) / Decimal(p.days))
        out: dict[str, Any] = {"elapsed": s(elapsed), "expected": s(expected), "expected_method": "linear"}
        remaining = max(0, min((p.end - d).days, p.days))
        out["remaining_days"] = remaining
        if achieved is None:
            out.update(achieved=None, completion=None, gap=None, performance=None)
            out["status"] = "not_started" if d < p.start else "no_data"
            return out
        gap = max(target - achieved, Decimal(0))
        perf = r10(achieved / expected) if expected != 0 else None
        out.update(achieved=s(achieved), completion=s(r10(achieved / target)) if target else None,
                   gap=s(gap), performance=s(perf))
        if achieved >= target:
            status = "met"
        elif d < p.start:
            status = "not_started"
        elif d >= p.end:
            status = "missed"
        elif perf is not None and perf >= thresholds[0]:
            status = "on_track"
        elif perf is not None and perf >= thresholds[1]:
            status = "behind"
        else:
            status = "far_behind"
        out["status"] = status
        if remaining > 0:
            per_day = gap / Decimal(remaining)
            out["required_per_month"] = s(r10(per_day * MONTH))
            out["required_per_year"] = s(r10(per_day * YEAR))
        else:
            out["required_per_month"] = None
        if day > 0:
            out["achieved_per_month"] = s(r10(achieved / Decimal(day) * MONTH))
        return out


def linear_trend(p: Period, points: list[tuple[str, Decimal]], target: Decimal) -> dict[str, Any]:
    with localcontext(CTX):
        xy = [(Decimal(0), Decimal(0))] + [(Decimal(p.day(date(t))), v) for t, v in points]
        n = Decimal(len(xy))
        mx = sum((x for x, _ in xy), Decimal(0)) / n
        my = sum((y for _, y in xy), Decimal(0)) / n
        sxx = sum(((x - mx) * (x - mx) for x, _ in xy), Decimal(0))
        sxy = sum(((x - mx) * (y - my) for x, y in xy), Decimal(0))
        slope = sxy / sxx
        intercept = my - slope * mx
        projected = max(r10(intercept + slope * Decimal(p.days)), Decimal(0))
        return {"method": "linear_trend", "applicable": True, "points": len(xy),
                "rate": s(r10(slope * YEAR)), "projected_value": s(projected),
                "index": s(r10(projected / target)),
                "classification": "will_meet" if projected >= target else "will_not_meet"}


def cagr(p: Period, points: list[tuple[str, Decimal]], target: Decimal) -> dict[str, Any]:
    """UNSD: actual and required CAGR, projection from the latest value, share P."""
    (t0, v0), (t1, v1) = points[0], points[-1]
    with localcontext(Context(prec=60)) as c:
        years_obs = Decimal((date(t1) - date(t0)).days) / YEAR
        years_req = Decimal(p.days - p.day(date(t0))) / YEAR
        actual = r10(((v1 / v0).ln() / years_obs).exp() - 1)
        required = r10(((target / v0).ln() / years_req).exp() - 1)
        years_left = Decimal(p.days - p.day(date(t1))) / YEAR
        projected = r10(v1 * ((1 + actual).ln() * years_left).exp())
    with localcontext(CTX):
        index = r10((projected - v0) / (target - v0))
    klass = ("target_met" if v1 >= target else "substantial_progress" if index >= Decimal("0.95")
             else "fair_progress" if index >= Decimal("0.10") else "limited_or_no_progress")
    return {"method": "unsd_cagr", "applicable": True, "base_value": s(v0), "base_date": t0,
            "rate": s(actual), "required_rate": s(required), "projected_value": s(projected),
            "index": s(index), "classification": klass}


def escap_status(points: list[tuple[str, Decimal]], target: Decimal) -> dict[str, Any]:
    latest = points[-1][1]
    with localcontext(CTX):
        index = min(r10(latest / target), Decimal(1))
    return {"method": "escap_current_status", "applicable": True, "index": s(index),
            "classification": "target_met" if latest >= target else "in_progress"}


def escap_anticipated(p: Period, points: list[tuple[str, Decimal]], target: Decimal) -> dict[str, Any]:
    n = Decimal(p.days)
    with localcontext(CTX):
        if p.day(date(points[-1][0])) >= p.days:
            projected = points[-1][1]
        else:
            pts = [(Decimal(0), Decimal(0), Decimal(1))]
            for t, v in points:
                x = Decimal(p.day(date(t)))
                pts.append((x, v, n / (n - x)))
            sw = sum((w for _, _, w in pts), Decimal(0))
            mx = sum((w * x for x, _, w in pts), Decimal(0)) / sw
            my = sum((w * y for _, y, w in pts), Decimal(0)) / sw
            sxx = sum((w * (x - mx) * (x - mx) for x, _, w in pts), Decimal(0))
            sxy = sum((w * (x - mx) * (y - my) for x, y, w in pts), Decimal(0))
            projected = max(r10(my + sxy / sxx * (n - mx)), Decimal(0))
        index = r10(projected / target)
    klass = "maintain_progress" if index >= 1 else "accelerate_progress" if index > 0 else "reverse_trend"
    return {"method": "escap_anticipated_progress", "applicable": True, "projected_value": s(projected),
            "index": s(index), "classification": klass}


def obs(indicator: str, when: str, value: Any, region: Optional[str] = None, kind: Optional[str] = None) -> dict[str, Any]:
    o: dict[str, Any] = {"indicator": indicator, "date": when, "value": value}
    if region is not None:
        o["region"] = region
    if kind is not None:
        o["kind"] = kind
    return o


CASES: list[dict[str, Any]] = []


def case(name: str, call: str, args: dict[str, Any], expect: Optional[dict[str, Any]] = None,
         error: Optional[dict[str, Any]] = None) -> None:
    c: dict[str, Any] = {"name": name, "call": call, "args": args}
    if error is not None:
        c["expect_error"] = error
    else:
        c["expect"] = expect
    CASES.append(c)


def progress_case(name: str, observations: list[dict[str, Any]], as_of: str, indicator: str = "trained",
                  expect: Optional[dict[str, Any]] = None, plan: Optional[str] = MINIMAL, **extra: Any) -> None:
    args: dict[str, Any] = {"observations": observations, "as_of": as_of, "indicator": indicator}
    if plan:
        args["plan"] = plan
    args.update(extra)
    case(name, "progress", args, expect)


T = Decimal(100000)

# --- schedule and status -------------------------------------------------------------------
progress_case("no data: status no_data, nothing projected", [], "2028-06-30",
              expect={**schedule(MIN, T, None, "2028-06-30"), "source": "none",
                      "projections": {"linear_trend": {"applicable": False}, "unsd_cagr": {"applicable": False}}})
progress_case("as-of before the period starts: not_started, nothing expected", [], "2025-12-31",
              expect={**schedule(MIN, T, None, "2025-12-31"), "elapsed": "0", "expected": "0"})
progress_case("as-of on the first day: one day of 1826 elapsed", [], "2026-01-01",
              expect=schedule(MIN, T, None, "2026-01-01"))
one = [obs("trained", "2026-12-31", "20000")]
progress_case("one observation: schedule, linear trend through the anchor, CAGR not applicable", one, "2026-12-31",
              expect={**schedule(MIN, T, D(20000), "2026-12-31"), "achieved_on": "2026-12-31", "source": "reported",
                      "projections": {"linear_trend": linear_trend(MIN, [("2026-12-31", D(20000))], T),
                                      "escap_current_status": escap_status([("2026-12-31", D(20000))], T),
                                      "unsd_cagr": {"applicable": False, "note": "needs observations on two dates"}}})
progress_case("the latest observation on or before the as-of date counts", one + [obs("trained", "2027-06-30", "31000")], "2027-03-31",
              expect={"achieved": "20000", "achieved_on": "2026-12-31"})
progress_case("target met before the end: met, gap 0", [obs("trained", "2029-06-30", "100000")], "2029-06-30",
              expect={**schedule(MIN, T, D(100000), "2029-06-30"), "status": "met", "gap": "0"})
progress_case("target exceeded: completion above 1, ESCAP index capped at 1", [obs("trained", "2029-06-30", "120000")], "2030-01-15",
              expect={"status": "met", "completion": "1.2",
                      "projections": {"escap_current_status": {"index": "1", "classification": "target_met"}}})
progress_case("final status after the end, not met: missed", [obs("trained", "2030-12-31", "90000")], "2031-03-01",
              expect={**schedule(MIN, T, D(90000), "2031-03-01"), "status": "missed", "remaining_days": 0, "elapsed": "1"})
progress_case("final status after the end, met", [obs("trained", "2030-12-31", "100001")], "2031-03-01",
              expect={"status": "met", "remaining_days": 0})
progress_case("final status on the last day", [obs("trained", "2030-12-31", "99999")], "2030-12-31",
              expect={"status": "missed", "elapsed": "1", "gap": "1"})
mid = [obs("trained", "2026-12-31", "20000"), obs("trained", "2027-12-31", "41000"), obs("trained", "2028-12-31", "62000")]
mid_pts = [("2026-12-31", D(20000)), ("2027-12-31", D(41000)), ("2028-12-31", D(62000))]
progress_case("three years on schedule: on_track, every method audited", mid, "2028-12-31",
              expect={**schedule(MIN, T, D(62000), "2028-12-31"),
                      "projections": {"linear_trend": linear_trend(MIN, mid_pts, T),
                                      "escap_current_status": escap_status(mid_pts, T),
                                      "escap_anticipated_progress": escap_anticipated(MIN, mid_pts, T),
                                      "unsd_cagr": cagr(MIN, mid_pts, T)}})
progress_case("behind schedule", [obs("trained", "2028-12-31", "50000")], "2028-12-31",
              expect=schedule(MIN, T, D(50000), "2028-12-31"))
progress_case("far behind schedule", [obs("trained", "2028-12-31", "30000")], "2028-12-31",
              expect=schedule(MIN, T, D(30000), "2028-12-31"))
progress_case("thresholds from the caller change the status", [obs("trained", "2028-12-31", "30000")], "2028-12-31",
              thresholds={"on_track": "0.5", "behind": "0.25"},
              expect=schedule(MIN, T, D(30000), "2028-12-31", (Decimal("0.5"), Decimal("0.25"))))
with localcontext(CTX):
    ms_expected = r10(Decimal(10000) + (Decimal(40000) - Decimal(10000)) * (Decimal(365) / Decimal(731)))
progress_case("expected by milestones: interpolated between them", [obs("trained", "2027-12-31", "25000")], "2027-12-31",
              milestones=[{"indicator": "trained", "date": "2026-12-31", "value": "10000"},
                          {"indicator": "trained", "date": "2028-12-31", "value": "40000"}],
              expect={"expected": s(ms_expected), "expected_method": "milestones",
                      "performance": s(r10(div(D(25000), ms_expected)))})
progress_case("expected by the plan's own milestones when the caller gives none", [obs("trained", "2027-12-31", "25000")], "2027-12-31",
              plan="plans/good/plan-milestones.toml",
              expect={"expected": s(ms_expected), "expected_method": "milestones"})
progress_case("the caller's milestones take precedence over the plan's", [obs("trained", "2027-12-31", "25000")], "2027-12-31",
              plan="plans/good/plan-milestones.toml",
              milestones=[{"indicator": "trained", "date": "2028-12-31", "value": "50000"}],
              expect={"expected": s(r10(D(50000) * div(D(730), D(1096)))), "expected_method": "milestones"})
progress_case("expected by milestones after the last one: towards the target", [obs("trained", "2029-12-31", "70000")], "2029-12-31",
              milestones=[{"indicator": "trained", "date": "2028-12-31", "value": "40000"}],
              expect={"expected": s(r10(D(40000) + D(60000) * div(D(365), D(730)))), "expected_method": "milestones"})

# --- cumulative and per-period series --------------------------------------------------------
months = [obs("trained", "2026-01-15", "1000", kind="month"), obs("trained", "2026-02-03", "2000", kind="month")]
progress_case("monthly values add up: achieved at the month's end", months, "2026-02-28",
              expect={"achieved": "3000", "achieved_on": "2026-02-28"})
progress_case("a month counts once it is over", months, "2026-02-15",
              expect={"achieved": "1000", "achieved_on": "2026-01-31"})
progress_case("a quarter's value counts on the quarter's last day", [obs("trained", "2026-02-10", "5000", kind="quarter")], "2026-03-31",
              expect={"achieved": "5000", "achieved_on": "2026-03-31"})
progress_case("yearly values add up", [obs("trained", "2026-06-01", "20000", kind="year"), obs("trained", "2027-03-01", "21000", kind="year")], "2027-12-31",
              expect={"achieved": "41000", "achieved_on": "2027-12-31"})
progress_case("daily values", [obs("trained", "2026-01-01", "10", kind="day"), obs("trained", "2026-01-02", "15", kind="day")], "2026-01-02",
              expect={"achieved": "25", "achieved_on": "2026-01-02"})
progress_case("a zero base: CAGR not applicable, ESCAP still is",
              [obs("trained", "2026-03-31", "0"), obs("trained", "2027-12-31", "30000")], "2027-12-31",
              expect={"projections": {"unsd_cagr": {"applicable": False, "note": "the base value is 0: a growth rate from zero is undefined"},
                                      "escap_current_status": {"applicable": True, "index": "0.3"}}})
two = [("2026-12-31", D(20000)), ("2027-12-31", D(40000))]
progress_case("CAGR from two observations", [obs("trained", t, s(v)) for t, v in two], "2027-12-31",
              expect={"projections": {"unsd_cagr": cagr(MIN, two, T), "escap_anticipated_progress": escap_anticipated(MIN, two, T)}})
progress_case("a decimal count target (12.5 bases)", [obs("bases", "2028-12-31", "6")], "2028-12-31", indicator="bases",
              expect=schedule(MIN, D("12.5"), D(6), "2028-12-31"))

# --- regions ---------------------------------------------------------------------------------
progress_case("regional observations roll up to the whole area", [obs("trained", "2027-12-31", "30000", region="city-a")], "2027-12-31",
              expect={"achieved": "30000", "source": "rollup"})
progress_case("a region by its GB/T 2260 code", [obs("trained", "2027-12-31", "30000", region="990100")], "2027-12-31",
              expect={"achieved": "30000", "source": "rollup"})
progress_case("the province's own id counts as the whole area", [obs("trained", "2027-12-31", "30000", region="province")], "2027-12-31",
              expect={"achieved": "30000", "source": "reported"})
progress_case("progress of a region against its own target",
              [obs("trained", "2027-12-31", "20000", region="city-a")], "2027-12-31", region="city-a",
              regional_targets=[{"indicator": "trained", "region": "city-a", "target": "40000"}],
              expect={**schedule(MIN, D(40000), D(20000), "2027-12-31"), "region": "city-a", "target": "40000"})
case("a whole-area figure and the regions' sum differ: rollup_mismatch", "report",
     {"plan": MINIMAL, "as_of": "2027-12-31", "observations": [obs("trained", "2027-12-31", "31000"), obs("trained", "2027-12-31", "30000", region="city-a")]},
     {"warnings": {"len": 1, "first": {"code": "rollup_mismatch", "indicator": "trained"}},
      "indicators": {"trained": {"achieved": "31000", "source": "reported"}}})
case("regions summing to more than the province: a warning, not an error", "report",
     {"plan": MINIMAL, "as_of": "2027-12-31", "observations": [obs("trained", "2027-12-31", "29000"), obs("trained", "2027-12-31", "30000", region="city-a")]},
     {"warnings": {"len": 1, "first": {"code": "regions_exceed_province"}}})
case("a part above its whole: a warning and an inconsistent parts check", "report",
     {"plan": MINIMAL, "as_of": "2027-12-31", "observations": [obs("trained", "2027-12-31", "10000"), obs("trained-youth", "2027-12-31", "12000")]},
     {"warnings": {"len": 1, "first": {"code": "part_exceeds_whole", "indicator": "trained-youth"}},
      "parts": {"len": 1, "first": {"whole": "trained", "parts": ["trained-youth"], "whole_achieved": "10000", "parts_achieved": "12000",
                                     "whole_target": "100000", "parts_target": "25000", "consistent": False}}})
case("parts within their whole: consistent, no warning", "report",
     {"plan": MINIMAL, "as_of": "2027-12-31", "observations": [obs("trained", "2027-12-31", "40000"), obs("trained-youth", "2027-12-31", "9000")]},
     {"warnings": {"len": 0}, "parts": {"first": {"consistent": True, "parts_achieved": "9000"}}, "is_final": False})
case("a report lists every indicator, final after the end", "report",
     {"plan": MINIMAL, "as_of": "2031-01-01", "observations": []},
     {"is_final": True, "period_start": "2026-01-01", "period_end": "2030-12-31",
      "indicators": {"len": 3, "all_status": ["no_data", "no_data", "no_data"]}, "regions": {"len": 0}})
case("a report has a row per region with a target", "report",
     {"plan": MINIMAL, "as_of": "2027-12-31", "observations": [obs("trained", "2027-12-31", "20000", region="city-a")],
      "regional_targets": [{"indicator": "trained", "region": "990100", "target": "40000"}]},
     {"regions": {"len": 1, "first": {"indicator": "trained", "region": "city-a", "target": "40000", "achieved": "20000"}}})

# --- decomposition -----------------------------------------------------------------------------
case("decompose by largest remainder: parts sum exactly to the target", "decompose",
     {"plan": "jilin", "indicator": "subsidized-training", "weights": [["changchun", "1"], ["jilin-city", "1"], ["siping", "1"]]},
     {"len": 3, "all_target": ["280000", "280000", "280000"]})
case("decompose with remainders: the largest remainder gets the leftover unit", "decompose",
     {"plan": MINIMAL, "indicator": "trained", "weights": [["province", "1"], ["city-a", "2"]]},
     {"len": 2, "all_target": ["33333", "66667"], "all_region": ["province", "city-a"]})
case("decompose a decimal target in its smallest unit; a tie goes to the region listed first", "decompose",
     {"plan": MINIMAL, "indicator": "bases", "weights": [["province", "1"], ["city-a", "1"]]},
     {"all_target": ["6.3", "6.2"]})
case("decompose by population-like weights over the nine 市（州）", "decompose",
     {"plan": "jilin", "indicator": "new-certificates",
      "weights": [["220100", "906.7"], ["220200", "362.3"], ["220300", "181.5"], ["220400", "99.7"], ["220500", "130.2"],
                  ["220600", "95.1"], ["220700", "225.3"], ["220800", "155.1"], ["222400", "194.1"]]},
     {"len": 9, "first": {"region": "changchun"}})

# --- bad observations and options --------------------------------------------------------------
def bad(name: str, observations: list[dict[str, Any]], reason: str, path: str, **extra: Any) -> None:
    args: dict[str, Any] = {"plan": MINIMAL, "observations": observations, "as_of": "2027-12-31", "indicator": "trained"}
    args.update(extra)
    case(name, "progress", args, error={"code": "INVALID_OBSERVATION", "reason": reason, "path": path})


bad("a negative value", [obs("trained", "2026-12-31", "-5")], "negative_value", "observations[0].value")
bad("a cumulative series that decreases", [obs("trained", "2026-12-31", "500"), obs("trained", "2027-06-30", "400")],
    "decreasing_cumulative", "observations[1].value")
bad("two values for one date", [obs("trained", "2026-12-31", "500"), obs("trained", "2026-12-31", "600")],
    "duplicate_date", "observations[1].date")
bad("two values for one month", [obs("trained", "2026-03-01", "5", kind="month"), obs("trained", "2026-03-20", "6", kind="month")],
    "duplicate_date", "observations[1].date")
bad("a date before the plan starts", [obs("trained", "2025-12-31", "5")], "before_plan_start", "observations[0].date")
bad("a date after the plan ends", [obs("trained", "2031-01-01", "5")], "after_plan_end", "observations[0].date")
bad("an unknown indicator", [obs("employment-rate", "2026-12-31", "5")], "unknown_indicator", "observations[0].indicator")
bad("an unknown region", [obs("trained", "2026-12-31", "5", region="atlantis")], "unknown_region", "observations[0].region")
bad("a value that is not a number", [obs("trained", "2026-12-31", "12万")], "not_a_number", "observations[0].value")
bad("a float value is refused: values are exact", [obs("trained", "2026-12-31", 1.5)], "not_a_number", "observations[0].value")
bad("a date that does not exist", [obs("trained", "2026-02-30", "5")], "invalid_date", "observations[0].date")
bad("an unknown kind", [obs("trained", "2026-02-03", "5", kind="week")], "unknown_kind", "observations[0].kind")
bad("cumulative and monthly values in one series", [obs("trained", "2026-02-03", "5"), obs("trained", "2026-03-03", "5", kind="month")],
    "mixed_kinds", "observations[1].kind")
bad("a value above 10^15", [obs("trained", "2026-12-31", "10000000000000001")], "out_of_range", "observations[0].value")
bad("the error names the right observation", [obs("trained", "2026-12-31", "5"), obs("trained-youth", "2026-12-31", "1"), obs("bases", "2026-12-31", "-1")],
    "negative_value", "observations[2].value")
case("a milestone outside the period", "progress",
     {"plan": MINIMAL, "observations": [], "as_of": "2027-12-31", "indicator": "trained",
      "milestones": [{"indicator": "trained", "date": "2031-06-30", "value": "10"}]},
     error={"code": "INVALID_OPTIONS", "path": "milestones[0].date"})
case("a region without a target", "progress",
     {"plan": MINIMAL, "observations": [], "as_of": "2027-12-31", "indicator": "trained", "region": "city-a"},
     error={"code": "INVALID_OPTIONS", "path": "regional_targets"})
case("progress of an unknown indicator", "progress",
     {"plan": MINIMAL, "observations": [], "as_of": "2027-12-31", "indicator": "nope"},
     error={"code": "UNKNOWN_INDICATOR", "path": "id"})
case("decompose over an unknown region", "decompose",
     {"plan": MINIMAL, "indicator": "trained", "weights": [["city-a", "1"], ["atlantis", "1"]]},
     error={"code": "INVALID_OPTIONS", "path": "weights[1].region"})
case("decompose with weights summing to 0", "decompose",
     {"plan": MINIMAL, "indicator": "trained", "weights": [["city-a", "0"]]},
     error={"code": "INVALID_OPTIONS", "path": "weights"})

# --- the Jilin plan ------------------------------------------------------------------------------
jl = [obs("subsidized-training", "2022-12-31", "231000"), obs("subsidized-training", "2023-12-31", "468000"),
      obs("subsidized-training", "2024-12-31", "702000"), obs("subsidized-training", "2025-06-30", "801000")]
jl_pts = [(o["date"], D(o["value"])) for o in jl]
progress_case("Jilin row 1 at mid-2025: on track, every method audited", jl, "2025-06-30", indicator="subsidized-training",
              plan=None, expect={**schedule(JILIN, D(840000), D(801000), "2025-06-30"),
                                 "projections": {"linear_trend": linear_trend(JILIN, jl_pts, D(840000)),
                                                 "escap_anticipated_progress": escap_anticipated(JILIN, jl_pts, D(840000)),
                                                 "unsd_cagr": cagr(JILIN, jl_pts, D(840000))}})
progress_case("Jilin row 6 counts bases: the plan has ended, missed", [obs("training-bases", "2025-12-31", "31")], "2026-11-28",
              indicator="training-bases", plan=None,
              expect={"status": "missed", "gap": "1", "completion": s(r10(div(D(31), D(32)))), "unit": "count"})


def main() -> int:
    doc = {
        "suite": "progress",
        "description": "Progress of indicators as of a date, generated by oracle/progress_oracle.py, an independent Python "
                       "implementation of the formulas. args.plan is a plan file relative to this folder, or 'jilin' / absent "
                       "for the embedded plan. List expectations: len, first, last, all_<field>, or a key that selects the "
                       "element whose id, method, indicator or code equals it.",
        "cases": CASES,
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is not what the oracle writes: run {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"progress.json matches the oracle ({len(CASES)} cases)")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
