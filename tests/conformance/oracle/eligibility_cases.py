#!/usr/bin/env python3
"""Writes tests/conformance/eligibility.json: hand-worked eligibility cases.

Every expectation here is worked out by hand from the rules in core/plans/jilin-2022-2025.toml
([eligibility]) and domain-facts §4 — the script only spares typing the shared parts of the
profiles. `--check` exits 1 when the file on disk differs from what this script writes.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eligibility.json"


def id_number(first17: str) -> str:
    """A GB 11643 number with its check character (ISO 7064 MOD 11-2)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


VALID_ID = id_number("22010219900501002")  # born 1990-05-01, 17th digit even: female
WRONG_CHECK = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")
BAD_BIRTH_ID = id_number("22010219901332002")  # month 13

EMPLOYED = {
    "employment": "employed",
    "unemployment_insurance_months": 24,
    "receiving_unemployment_benefit": False,
    "statuses": [],
    "subsidies_received": [],
    "school_type": "secondary_school",
    "graduation_date": "2008-07-01",
}
UPGRADE_OFFER = {
    "target_level": "intermediate",
    "certificate_kind": "skill_level_certificate",
    "occupation": "电工",
    "shortage_occupation": False,
}
TRAINING_OFFER = {
    "training_type": "employment_skills",
    "target_level": "intermediate",
    "certificate_kind": "skill_level_certificate",
    "occupation": "育婴员",
    "hours": 120,
    "provider_listed": True,
}
UNEMPLOYED = {
    "employment": "registered_unemployed",
    "statuses": [],
    "subsidies_received": [],
    "receiving_unemployment_benefit": False,
    "school_type": "university",
    "graduation_date": "2015-07-01",
}

cases: list[dict] = []


def with_(base: dict, **changes) -> dict:
    out = copy.deepcopy(base)
    for k, v in changes.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = v
    return out


def case(name: str, profile: dict, offer: dict, as_of: str, expect: dict) -> None:
    cases.append({"name": name, "call": "eligibility", "args": {"profile": profile, "offer": offer, "as_of": as_of}, "expect": expect})


def bad(name: str, profile, offer, as_of: str, code: str, path: str, reason: str, **extra) -> None:
    args = {"as_of": as_of}
    if isinstance(profile, str):
        args["profile_text"] = profile
    else:
        args["profile"] = profile
    args["offer"] = offer
    cases.append({"name": name, "call": "eligibility", "args": args, "expect_error": {"code": code, "path": path, "reason": reason, **extra}})


def sub(**subsidies) -> dict:
    return {"subsidies": subsidies}


def received(kind: str, date: str, level: str | None = None, occupation: str | None = None, shortage=None) -> dict:
    r = {"kind": kind, "date": date}
    if level:
        r["level"] = level
    if occupation:
        r["occupation"] = occupation
    if shortage is not None:
        r["shortage_occupation"] = shortage
    return r


# --- 技能提升补贴: every date where the rule changed -------------------------------------------
up = lambda date: with_(UPGRADE_OFFER, certificate_date=date)  # noqa: E731
case("技能提升补贴 2021-12-31: the 2017 rule wants 36 months; 24 is short", EMPLOYED, up("2021-12-31"), "2022-01-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "amount": None, "version": {"id": "2017"},
                                "to_qualify": {"len": 1, "first": {"check": "insurance_months", "kind": "change",
                                                                    "explanation": {"en": "36 months of unemployment insurance; you have 24"}}}}))
case("技能提升补贴 2022-01-01: the 2022 relaxation wants 12 months; 24 qualifies for 1500", EMPLOYED, up("2022-01-01"), "2022-02-01",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500", "version": {"id": "2022"}, "to_qualify": [], "missing_facts": []}))
case("技能提升补贴 2022-12-31: 12 months is exactly enough", with_(EMPLOYED, unemployment_insurance_months=12), up("2022-12-31"), "2023-01-05",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500", "version": {"id": "2022"}}))
case("技能提升补贴 2022: 11 months is one short (12 months; you have 11)", with_(EMPLOYED, unemployment_insurance_months=11), up("2022-06-30"), "2022-07-01",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"first": {"explanation": {"zh": "缴纳失业保险满12个月；已缴11个月", "en": "12 months of unemployment insurance; you have 11"}}}}))
case("技能提升补贴 2023: the unconfirmed 2023 default (12 months) applies and says so", with_(EMPLOYED, unemployment_insurance_months=12), up("2023-06-01"), "2023-07-01",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500", "version": {"id": "2023"}, "unconfirmed": {"first": {"parameter": "version"}}}))
recipient = with_(UNEMPLOYED, unemployment_insurance_months=14, receiving_unemployment_benefit=True)
case("技能提升补贴 2024-01-01: a person receiving unemployment benefit qualifies", recipient, up("2024-01-01"), "2024-02-01",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500", "version": {"id": "2024"}}))
case("技能提升补贴 2021: a benefit recipient does not (企业职工 only)", with_(recipient, unemployment_insurance_months=40), up("2021-06-01"), "2021-07-01",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "version": {"id": "2017"}, "to_qualify": {"all_check": ["insured_status"]}}))
case("技能提升补贴 2024: unknown employment, but receiving benefit settles it", with_(recipient, employment=None), up("2024-05-01"), "2024-06-01",
     sub(skill_upgrade_subsidy={"status": "eligible", "missing_facts": []}))
three_2024 = [received("skill_upgrade_subsidy", f"2024-0{m}-01", "junior", f"工种{m}") for m in (1, 2, 3)]
case("技能提升补贴 2024: three this year already is the cap of 3", with_(EMPLOYED, subsidies_received=three_2024), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["per_year"]},
                                "checks": {"all_check": ["rule_in_force", "insured_status", "insurance_months", "certificate_kind", "level", "application_window", "once_per_occupation_level", "no_lower_after_higher", "exclusive_with_training_subsidy", "per_year"]}}))
case("技能提升补贴 2024: two this year leaves one more", with_(EMPLOYED, subsidies_received=three_2024[:2]), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500"}))
one_ordinary_2025 = [received("skill_upgrade_subsidy", "2025-01-15", "junior", "焊工", False)]
case("技能提升补贴 2025: one ordinary certificate this year uses the only ordinary time", with_(EMPLOYED, subsidies_received=one_ordinary_2025), up("2025-05-01"), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "version": {"id": "2025"}, "to_qualify": {"first": {"check": "per_year", "explanation": {"en": "at most 1 a year; you have had 1 this year"}}}}))
case("技能提升补贴 2025: a 急需紧缺 certificate may use one of the 2 extra times", with_(EMPLOYED, subsidies_received=one_ordinary_2025), with_(up("2025-05-01"), shortage_occupation=True), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500"}))
case("技能提升补贴 2025: after a 急需紧缺 one, the ordinary time is still free", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2025-01-15", "junior", "焊工", True)]), up("2025-05-01"), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "eligible"}))
three_2025 = [received("skill_upgrade_subsidy", f"2025-0{m}-01", "junior", f"工种{m}", True) for m in (1, 2, 3)]
case("技能提升补贴 2025: three this year is the end even for 急需紧缺", with_(EMPLOYED, subsidies_received=three_2025), with_(up("2025-05-01"), shortage_occupation=True), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "not_eligible"}))
case("技能提升补贴 2025: last year's subsidies do not count this year", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2024-12-31", "junior", "焊工")]), up("2025-05-01"), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "eligible"}))
case("技能提升补贴 2025: whether the offer is 急需紧缺 decides it, and is asked for", with_(EMPLOYED, subsidies_received=one_ordinary_2025), with_(up("2025-05-01"), shortage_occupation=None), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "undetermined", "missing_facts": ["offer.shortage_occupation"]}))
case("技能提升补贴 2025: an earlier subsidy without its 急需紧缺 flag leaves it open", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2025-01-15", "junior", "焊工")]), up("2025-05-01"), "2025-05-20",
     sub(skill_upgrade_subsidy={"status": "undetermined", "missing_facts": ["profile.subsidies_received[].shortage_occupation"]}))
case("技能提升补贴 2026-01-01: the relaxations end; the 2017 base rule (36 months) is the default", EMPLOYED, up("2026-01-01"), "2026-02-01",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "version": {"id": "2026-base"}, "unconfirmed": {"first": {"parameter": "version"}}}))
case("技能提升补贴 2026: 40 months qualifies under the base rule", with_(EMPLOYED, unemployment_insurance_months=40), up("2026-03-01"), "2026-03-02",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1500"}))
case("技能提升补贴: apply within 12 months — the last day counts", EMPLOYED, up("2024-03-15"), "2025-03-15",
     sub(skill_upgrade_subsidy={"status": "eligible"}))
case("技能提升补贴: one day after 12 months is too late", EMPLOYED, up("2024-03-15"), "2025-03-16",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["application_window"], "first": {"explanation": {"en": "apply by 2025-03-15"}}}}))
case("技能提升补贴: a certificate of 2024-02-29 must be claimed by 2025-02-28", EMPLOYED, up("2024-02-29"), "2025-03-01",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"first": {"explanation": {"en": "apply by 2025-02-28"}}}}))
case("技能提升补贴: the same occupation and level is paid once", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2023-05-01", "intermediate", "电工")]), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["once_per_occupation_level"]}}))
case("技能提升补贴: the same level in another occupation is paid", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2023-05-01", "intermediate", "焊工")]), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "eligible"}))
case("技能提升补贴 2024: after a senior certificate, an intermediate one is not paid", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2023-05-01", "senior", "焊工")]), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["no_lower_after_higher"]}}))
case("技能提升补贴 2022: no lower-after-higher rule yet", with_(EMPLOYED, subsidies_received=[received("skill_upgrade_subsidy", "2021-05-01", "senior", "焊工")]), up("2022-06-01"), "2022-06-10",
     sub(skill_upgrade_subsidy={"status": "eligible", "checks": {"len": 7}}))
case("技能提升补贴 2024: not on top of a 职业培训补贴 for the same certificate", with_(EMPLOYED, subsidies_received=[received("training_subsidy", "2024-04-01", "intermediate", "电工")]), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["exclusive_with_training_subsidy"]}}))
case("技能提升补贴: 技师 is not a subsidised level", EMPLOYED, with_(up("2024-06-01"), target_level="technician"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "amount": None, "to_qualify": {"all_check": ["level"]}}))
case("技能提升补贴: 初级 pays up to 1000", EMPLOYED, with_(up("2024-06-01"), target_level="junior"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "1000"}))
case("技能提升补贴: 高级 pays up to 2000", EMPLOYED, with_(up("2024-06-01"), target_level="senior"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "eligible", "amount": "2000"}))
case("技能提升补贴: a 培训合格证书 does not qualify", EMPLOYED, with_(up("2024-06-01"), certificate_kind="training_certificate"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["certificate_kind"]}}))
case("技能提升补贴: months of insurance unknown → undetermined, and asked for", with_(EMPLOYED, unemployment_insurance_months=None), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "undetermined", "amount": "1500", "missing_facts": ["profile.unemployment_insurance_months"],
                                "to_qualify": {"first": {"kind": "fact", "field": "profile.unemployment_insurance_months"}}}))
case("技能提升补贴 2024: subsidies received unknown → undetermined", with_(EMPLOYED, subsidies_received=None), up("2024-06-01"), "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "undetermined", "missing_facts": ["profile.subsidies_received"]}))
case("技能提升补贴: no certificate date → the rule version is unknown", EMPLOYED, UPGRADE_OFFER, "2024-06-10",
     sub(skill_upgrade_subsidy={"status": "undetermined", "version": None, "missing_facts": ["offer.certificate_date"], "checks": {"len": 1}}))
case("技能提升补贴: a certificate of 2016 predates every known rule", with_(EMPLOYED, unemployment_insurance_months=40), up("2016-12-31"), "2017-01-05",
     sub(skill_upgrade_subsidy={"status": "not_eligible", "version": None, "to_qualify": {"all_check": ["rule_in_force"]}}))

# --- 职业培训补贴 ----------------------------------------------------------------------------
tr = lambda start: with_(TRAINING_OFFER, start_date=start)  # noqa: E731
difficulty = with_(UNEMPLOYED, employment="self_employed", statuses=["employment_difficulty"])
case("职业培训补贴 2023-12-31: 就业困难人员 are not among the 五类人员", difficulty, tr("2023-12-31"), "2024-01-05",
     sub(training_subsidy={"status": "not_eligible", "version": {"id": "164-five-categories"}, "to_qualify": {"first": {"check": "category"}}}))
case("职业培训补贴 2024-01-01: 就业困难人员 are among the 六类人员", difficulty, tr("2024-01-01"), "2024-01-05",
     sub(training_subsidy={"status": "eligible", "amount": "1500", "version": {"id": "181-six-categories"}}))
tech_grad = lambda year: {"school_type": "technical_school", "technical_school_class": "technician", "graduation_date": f"{year}-07-01", "employment": "student", "statuses": [], "subsidies_received": []}  # noqa: E731
case("职业培训补贴 2023: a 技师班 graduate is not covered by 164号", tech_grad(2023), tr("2023-07-10"), "2023-07-20",
     sub(training_subsidy={"status": "not_eligible"}))
case("职业培训补贴 2024: a 技师班 graduate of the year is covered by 181号", tech_grad(2024), tr("2024-07-10"), "2024-07-20",
     sub(training_subsidy={"status": "eligible", "checks": {"category": {"outcome": "yes"}}}))
three_training = [received("training_subsidy", f"202{y}-03-01") for y in (1, 2, 3)]
case("职业培训补贴 2024: three subsidies already reach the 累计3次 cap", with_(UNEMPLOYED, subsidies_received=three_training), tr("2024-03-01"), "2024-03-10",
     sub(training_subsidy={"status": "not_eligible", "to_qualify": {"first": {"check": "times_total", "explanation": {"en": "at most 3 times in total; you have had 3"}}}}))
case("职业培训补贴 2024: two leave a third", with_(UNEMPLOYED, subsidies_received=three_training[:2]), tr("2024-03-01"), "2024-03-10",
     sub(training_subsidy={"status": "eligible"}))
case("职业培训补贴 2023: 164号 sets no cap on times", with_(UNEMPLOYED, subsidies_received=three_training[:2] + [received("training_subsidy", "2023-01-01")]), tr("2023-03-01"), "2023-03-10",
     sub(training_subsidy={"status": "eligible", "checks": {"len": 6}}))
case("职业培训补贴: 100 hours are too few for 中级 (110)", UNEMPLOYED, with_(tr("2024-03-01"), hours=100), "2024-03-10",
     sub(training_subsidy={"status": "not_eligible", "amount": None, "to_qualify": {"first": {"check": "hours", "explanation": {"en": "at least 110 training hours; the training has 100"}}}}))
case("职业培训补贴: 110 hours are enough for 中级", UNEMPLOYED, with_(tr("2024-03-01"), hours=110), "2024-03-10",
     sub(training_subsidy={"status": "eligible", "amount": "1500"}))
case("职业培训补贴: hours unknown → undetermined", UNEMPLOYED, with_(tr("2024-03-01"), hours=None), "2024-03-10",
     sub(training_subsidy={"status": "undetermined", "amount": "1500", "missing_facts": ["offer.hours"]}))
case("职业培训补贴: a provider off the list is not paid", UNEMPLOYED, with_(tr("2024-03-01"), provider_listed=False), "2024-03-10",
     sub(training_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["listed_provider"]}}))
case("职业培训补贴: an employee's apprenticeship is covered", EMPLOYED, with_(tr("2024-03-01"), training_type="apprenticeship"), "2024-03-10",
     sub(training_subsidy={"status": "eligible", "checks": {"category": {"explanation": {"en": "in a covered group: an enterprise employee"}}}}))
case("职业培训补贴: an employee outside the categories is not paid for 就业技能培训", EMPLOYED, tr("2024-03-01"), "2024-03-10",
     sub(training_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["training_type"]}}))
case("职业培训补贴: a registered unemployed person's 创业培训 at 初级 pays 800", UNEMPLOYED, with_(tr("2024-03-01"), training_type="entrepreneurship", target_level="junior", hours=60), "2024-03-10",
     sub(training_subsidy={"status": "eligible", "amount": "800"}))
case("职业培训补贴: statuses unknown leave an employee's 就业技能培训 open, naming the facts", with_(EMPLOYED, statuses=None, school_type=None, graduation_date=None), tr("2024-03-01"), "2024-03-10",
     sub(training_subsidy={"status": "undetermined", "missing_facts": ["profile.statuses", "profile.graduation_date", "profile.school_type"]}))
case("职业培训补贴: 二级/技师 has no amount in the standard, so none is given", UNEMPLOYED, with_(tr("2024-03-01"), target_level="technician"), "2024-03-10",
     sub(training_subsidy={"status": "eligible", "amount": None}))
case("nothing known: every subsidy undetermined, each asking for its date", {}, {}, "2024-03-10",
     sub(training_subsidy={"status": "undetermined", "missing_facts": ["offer.start_date"]},
         skill_upgrade_subsidy={"status": "undetermined", "missing_facts": ["offer.certificate_date"]},
         evaluation_subsidy={"status": "undetermined", "missing_facts": ["offer.certificate_date"]},
         living_allowance={"status": "undetermined", "missing_facts": ["offer.start_date"]}))
case("the offer may use Chinese names", UNEMPLOYED, {"training_type": "就业技能培训", "target_level": "四级/中级工", "certificate_kind": "职业技能等级证书", "hours": 120, "provider_listed": True, "start_date": "2024-03-01"}, "2024-03-10",
     sub(training_subsidy={"status": "eligible", "amount": "1500"}))

# --- 职业技能评价补贴 --------------------------------------------------------------------------
ev = lambda date, kind="skill_level_certificate": {"certificate_kind": kind, "occupation": "电工", "target_level": "intermediate", "certificate_date": date}  # noqa: E731
case("评价补贴 2023: 164号 pays only for a 职业资格证书", UNEMPLOYED, ev("2023-06-01"), "2023-06-10",
     sub(evaluation_subsidy={"status": "not_eligible", "version": {"id": "164-appraisal"}, "to_qualify": {"all_check": ["certificate_kind"]}}))
case("评价补贴 2024: 181号 pays for a 职业技能等级证书; the amount is set locally", UNEMPLOYED, ev("2024-06-01"), "2024-06-10",
     sub(evaluation_subsidy={"status": "eligible", "amount": None, "version": {"id": "181-evaluation"}, "unconfirmed": {"all_parameter": ["version", "amounts"]}}))
case("评价补贴 2024: a 专项职业能力证书 qualifies", UNEMPLOYED, ev("2024-06-01", "special_ability"), "2024-06-10",
     sub(evaluation_subsidy={"status": "eligible"}))
case("评价补贴: a 培训合格证书 does not", UNEMPLOYED, ev("2024-06-01", "training_certificate"), "2024-06-10",
     sub(evaluation_subsidy={"status": "not_eligible"}))
case("评价补贴: the same occupation is not paid twice", with_(UNEMPLOYED, subsidies_received=[received("evaluation_subsidy", "2022-01-01", "junior", "电工")]), ev("2024-06-01"), "2024-06-10",
     sub(evaluation_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["first_time_occupation"]}}))
case("评价补贴: three in other occupations reach the cap", with_(UNEMPLOYED, subsidies_received=[received("evaluation_subsidy", "2022-01-01", "junior", o) for o in ("焊工", "钳工", "车工")]), ev("2024-06-01"), "2024-06-10",
     sub(evaluation_subsidy={"status": "not_eligible", "to_qualify": {"all_check": ["times_total"]}}))
case("评价补贴: an earlier one without its occupation leaves it open", with_(UNEMPLOYED, subsidies_received=[received("evaluation_subsidy", "2022-01-01")]), ev("2024-06-01"), "2024-06-10",
     sub(evaluation_subsidy={"status": "undetermined", "missing_facts": ["profile.subsidies_received[].occupation"]}))

# --- 生活费补贴 ----------------------------------------------------------------------------
la = lambda start, t="employment_skills": {"training_type": t, "start_date": start}  # noqa: E731
disabled = with_(UNEMPLOYED, statuses=["disabled"])
case("生活费补贴: a person with a disability in 就业技能培训; the amount is set locally", disabled, la("2024-05-01"), "2024-05-10",
     sub(living_allowance={"status": "eligible", "amount": None}))
case("生活费补贴: not while receiving unemployment benefit", with_(disabled, receiving_unemployment_benefit=True), la("2024-05-01"), "2024-05-10",
     sub(living_allowance={"status": "not_eligible", "to_qualify": {"all_check": ["not_with_unemployment_benefit"]}}))
leaver = {"employment": "not_continuing_after_senior_high", "hukou": "rural", "statuses": [], "subsidies_received": [], "receiving_unemployment_benefit": False}
case("生活费补贴: a rural 两后生 qualifies", leaver, la("2024-05-01", "labour_preparation"), "2024-05-10",
     sub(living_allowance={"status": "eligible"}))
case("生活费补贴: an urban 两后生 outside 低保 does not", with_(leaver, hukou="urban"), la("2024-05-01", "labour_preparation"), "2024-05-10",
     sub(living_allowance={"status": "not_eligible", "to_qualify": {"all_check": ["category"]}}))
case("生活费补贴: an urban 两后生 from a 低保 family does", with_(leaver, hukou="urban", statuses=["social_assistance"]), la("2024-05-01", "labour_preparation"), "2024-05-10",
     sub(living_allowance={"status": "eligible"}))
case("生活费补贴: once a year", with_(disabled, subsidies_received=[received("living_allowance", "2024-01-10")]), la("2024-05-01"), "2024-05-10",
     sub(living_allowance={"status": "not_eligible", "to_qualify": {"all_check": ["per_year"]}}))
case("生活费补贴: last year's does not count", with_(disabled, subsidies_received=[received("living_allowance", "2023-12-31")]), la("2024-05-01"), "2024-05-10",
     sub(living_allowance={"status": "eligible"}))
case("生活费补贴: before 国办发〔2019〕24号 (2019-05-17) no rule", disabled, la("2019-05-17"), "2019-06-01",
     sub(living_allowance={"status": "not_eligible", "version": None}))
case("生活费补贴: from 2019-05-18", disabled, la("2019-05-18"), "2019-06-01",
     sub(living_allowance={"status": "eligible", "version": {"id": "national"}}))
case("生活费补贴: 岗位技能提升培训 is not covered", disabled, la("2024-05-01", "skill_upgrading"), "2024-05-10",
     sub(living_allowance={"status": "not_eligible", "to_qualify": {"all_check": ["training_type"]}}))

# --- target groups --------------------------------------------------------------------------
case("a veteran is in the （三） veterans group, with the reason", {"statuses": ["veteran"]}, {}, "2024-05-10",
     {"target_groups": {"veterans": {"status": "member", "clause": "（三）", "reasons": [{"zh": "身份：退役军人", "en": "status: veteran"}]}}})
case("statuses may be given by their Chinese names", {"statuses": ["退役军人", "农民工"]}, {}, "2024-05-10",
     {"target_groups": {"veterans": {"status": "member"}, "rural_revitalisation": {"status": "member"}}})
grad = {"school_type": "university", "graduation_date": "2024-06-30", "statuses": [], "sex": "male", "birth_date": "2002-03-01", "employment": "student"}
case("a university graduate of 2024 is a graduation-year graduate in 2024", grad, {}, "2024-09-01",
     {"target_groups": {"ids": ["graduating_students", "youth"]}})
case("… and no longer on 2025-01-02", grad, {}, "2025-01-02",
     {"target_groups": {"ids": ["youth"]}})
case("youth: 35 on the as-of date is still young", {"birth_date": "1989-09-01", "statuses": [], "sex": "male", "employment": "employed", "school_type": "secondary_school", "graduation_date": "2008-07-01"}, {}, "2024-09-01",
     {"target_groups": {"ids": ["youth", "enterprise_employees"]}})
case("youth: 36 is not", {"birth_date": "1989-09-01", "statuses": [], "sex": "male", "employment": "employed", "school_type": "secondary_school", "graduation_date": "2008-07-01"}, {}, "2025-09-01",
     {"target_groups": {"ids": ["enterprise_employees"]}})
case("youth: 15 is not yet", {"birth_date": "2008-09-02", "statuses": [], "sex": "male", "employment": "student", "school_type": "secondary_school", "graduation_date": "2027-07-01"}, {}, "2024-09-01",
     {"target_groups": {"ids": []}})
case("sex unknown: the women group is undetermined and asks for it", {"statuses": [], "employment": "employed", "birth_date": "1980-01-01", "school_type": "secondary_school", "graduation_date": "1998-07-01"}, {}, "2024-09-01",
     {"target_groups": {"women": {"status": "undetermined", "missing_facts": ["profile.sex"]}}})
case("preparing a business: （四） entrepreneurs", {"employment": "preparing_business"}, {}, "2024-09-01",
     {"target_groups": {"entrepreneurs": {"status": "member", "clause": "（四）"}}})
case("a valid ID number gives the birth date and sex (never echoed)", {"id_number": VALID_ID, "statuses": []}, {}, "2024-09-01",
     {"target_groups": {"youth": {"status": "member", "reasons": [{"en": "aged 34 (16–35)"}]}, "women": {"status": "member"}}})
case("community correction: （三）", {"statuses": ["社区矫正对象"]}, {}, "2024-09-01",
     {"target_groups": {"correctional": {"status": "member"}}})
case("craftspeople: （十二）", {"statuses": ["craftsperson"]}, {}, "2024-09-01",
     {"target_groups": {"craftspeople": {"status": "member", "clause": "（十二）"}}})

# --- a plan's own eligibility section ----------------------------------------------------------
SAMPLE = "plans/good/eligibility.toml"
for name, profile, start, expect in [
    ("a plan file's own rules: version v1 covers only its categories", {"statuses": ["veteran"], "employment": "employed"}, "2027-05-01",
     {"status": "not_eligible", "version": {"id": "v1"}}),
    ("a plan file's own rules: v2 adds veterans, with its unconfirmed default", {"statuses": ["veteran"], "employment": "employed", "subsidies_received": []}, "2028-05-01",
     {"status": "eligible", "version": {"id": "v2"}, "unconfirmed": [{"parameter": "max_times_total", "note": "a sample default"}]}),
]:
    cases.append({"name": name, "call": "eligibility",
                  "args": {"plan": SAMPLE, "profile": profile, "offer": {"training_type": "employment", "certificate_kind": "level", "start_date": start}, "as_of": "2028-06-01"},
                  "expect": {"subsidies": {"len": 1, "training_subsidy": expect}, "target_groups": {"veterans": {"status": "member", "clause": "（一）"}}}})

# --- batch equals single --------------------------------------------------------------------
cases.append({"name": "a batch gives each profile the answer a single call gives", "call": "eligibility_batch",
              "args": {"profiles": [EMPLOYED, with_(EMPLOYED, unemployment_insurance_months=7), with_(EMPLOYED, unemployment_insurance_months=None)],
                       "offer": up("2024-06-01"), "as_of": "2024-06-10"},
              "expect": [sub(skill_upgrade_subsidy={"status": s, "amount": a}) for s, a in (("eligible", "1500"), ("not_eligible", None), ("undetermined", "1500"))]})
cases.append({"name": "a batch stops at the first bad profile, with its index in the path", "call": "eligibility_batch",
              "args": {"profiles": [EMPLOYED, {"sex": "x"}], "offer": {}, "as_of": "2024-06-10"},
              "expect_error": {"code": "INVALID_PROFILE", "path": "profiles[1].sex", "reason": "unknown_value"}})

# --- malformed profiles and offers ----------------------------------------------------------
A = "2024-06-10"
bad("a profile must be an object", [1, 2], {}, A, "INVALID_PROFILE", "profile", "wrong_type")
bad("an unknown field is refused (a typo, usually)", {"salary": 1}, {}, A, "INVALID_PROFILE", "profile.salary", "unknown_field")
bad("sex takes female or male", {"sex": "x"}, {}, A, "INVALID_PROFILE", "profile.sex", "unknown_value")
bad("an empty text is not a value", {"sex": ""}, {}, A, "INVALID_PROFILE", "profile.sex", "missing_field")
bad("hukou takes urban or rural", {"hukou": "city"}, {}, A, "INVALID_PROFILE", "profile.hukou", "unknown_value")
bad("education takes its listed values", {"education": "phd"}, {}, A, "INVALID_PROFILE", "profile.education", "unknown_value")
bad("employment takes its listed values", {"employment": "retired"}, {}, A, "INVALID_PROFILE", "profile.employment", "unknown_value")
bad("school_type takes its listed values", {"school_type": "college"}, {}, A, "INVALID_PROFILE", "profile.school_type", "unknown_value")
bad("a date that does not exist", {"birth_date": "1990-02-30"}, {}, A, "INVALID_PROFILE", "profile.birth_date", "invalid_date")
bad("a date not written YYYY-MM-DD", {"birth_date": "1990/01/01"}, {}, A, "INVALID_PROFILE", "profile.birth_date", "invalid_date")
bad("a date given as a number", {"birth_date": 19900101}, {}, A, "INVALID_PROFILE", "profile.birth_date", "wrong_type")
bad("a birth year of 1800 is out of range", {"birth_date": "1800-01-01"}, {}, A, "INVALID_PROFILE", "profile.birth_date", "out_of_range")
bad("born after the as-of date", {"birth_date": "2030-01-01"}, {}, A, "INVALID_PROFILE", "profile.birth_date", "future_date")
bad("insurance months cannot be negative", {"unemployment_insurance_months": -1}, {}, A, "INVALID_PROFILE", "profile.unemployment_insurance_months", "out_of_range")
bad("insurance months are whole (no floats)", {"unemployment_insurance_months": 12.5}, {}, A, "INVALID_PROFILE", "profile.unemployment_insurance_months", "wrong_type")
bad("insurance months are a number, not text", {"unemployment_insurance_months": "12"}, {}, A, "INVALID_PROFILE", "profile.unemployment_insurance_months", "wrong_type")
bad("insurance months above 100 years", {"unemployment_insurance_months": 5000}, {}, A, "INVALID_PROFILE", "profile.unemployment_insurance_months", "out_of_range")
bad("receiving benefit is true or false", {"receiving_unemployment_benefit": "yes"}, {}, A, "INVALID_PROFILE", "profile.receiving_unemployment_benefit", "wrong_type")
bad("statuses are a list", {"statuses": "veteran"}, {}, A, "INVALID_PROFILE", "profile.statuses", "wrong_type")
bad("a status is text", {"statuses": [1]}, {}, A, "INVALID_PROFILE", "profile.statuses[0]", "wrong_type")
bad("an unknown status", {"statuses": ["veteran", "astronaut"]}, {}, A, "INVALID_PROFILE", "profile.statuses[1]", "unknown_value")
bad("more than 200 statuses", {"statuses": ["veteran"] * 201}, {}, A, "INVALID_PROFILE", "profile.statuses", "too_many")
bad("a certificate needs its kind", {"certificates": [{}]}, {}, A, "INVALID_PROFILE", "profile.certificates[0].kind", "missing_field")
bad("a certificate needs its date", {"certificates": [{"kind": "skill_level_certificate"}]}, {}, A, "INVALID_PROFILE", "profile.certificates[0].date", "missing_field")
bad("an unknown certificate kind", {"certificates": [{"kind": "diploma", "date": "2020-01-01"}]}, {}, A, "INVALID_PROFILE", "profile.certificates[0].kind", "unknown_value")
bad("an unknown certificate level", {"certificates": [{"kind": "skill_level_certificate", "level": "master", "date": "2020-01-01"}]}, {}, A, "INVALID_PROFILE", "profile.certificates[0].level", "unknown_value")
bad("a certificate dated after the as-of date", {"certificates": [{"kind": "skill_level_certificate", "date": "2025-01-01"}]}, {}, A, "INVALID_PROFILE", "profile.certificates[0].date", "future_date")
bad("an occupation longer than 200 characters", {"certificates": [{"kind": "skill_level_certificate", "date": "2020-01-01", "occupation": "电" * 201}]}, {}, A, "INVALID_PROFILE", "profile.certificates[0].occupation", "too_long")
bad("an unknown subsidy kind received", {"subsidies_received": [{"kind": "bonus", "date": "2020-01-01"}]}, {}, A, "INVALID_PROFILE", "profile.subsidies_received[0].kind", "unknown_value")
bad("a subsidy received after the as-of date", {"subsidies_received": [{"kind": "training_subsidy", "date": "2024-07-01"}]}, {}, A, "INVALID_PROFILE", "profile.subsidies_received[0].date", "future_date")
bad("a received subsidy with an unknown field", {"subsidies_received": [{"kind": "training_subsidy", "date": "2020-01-01", "amount": "800"}]}, {}, A, "INVALID_PROFILE", "profile.subsidies_received[0].amount", "unknown_field")
bad("an ID number with a wrong check digit (not echoed)", {"id_number": WRONG_CHECK}, {}, A, "INVALID_PROFILE", "profile.id_number", "invalid_id_number", message_excludes=WRONG_CHECK[:17])
bad("a 15-digit ID number", {"id_number": "220102900501002"}, {}, A, "INVALID_PROFILE", "profile.id_number", "invalid_id_number", message_excludes="220102900501002")
bad("an ID number whose birth date does not exist", {"id_number": BAD_BIRTH_ID}, {}, A, "INVALID_PROFILE", "profile.id_number", "invalid_id_number", message_excludes=BAD_BIRTH_ID[:17])
bad("an ID number that contradicts the birth date", {"id_number": VALID_ID, "birth_date": "1991-05-01"}, {}, A, "INVALID_PROFILE", "profile.id_number", "inconsistent_id_number", message_excludes=VALID_ID[:17])
bad("an ID number given as a number", {"id_number": 220102199005010020}, {}, A, "INVALID_PROFILE", "profile.id_number", "wrong_type")
bad("a region the plan does not have", {"region": "北京市"}, {}, A, "INVALID_PROFILE", "profile.region", "unknown_value")
bad("another profile format", {"format": "skillplan-profile/2"}, {}, A, "INVALID_PROFILE", "profile.format", "unsupported_format")
bad("profile text that is not JSON", "{\"sex\": ", {}, A, "INVALID_PROFILE", "profile", "syntax")
bad("an offer must be an object", {}, ["course"], A, "INVALID_OFFER", "offer", "wrong_type")
bad("offer hours are whole", {}, {"hours": 1.5}, A, "INVALID_OFFER", "offer.hours", "wrong_type")
bad("an unknown training type", {}, {"training_type": "yoga"}, A, "INVALID_OFFER", "offer.training_type", "unknown_value")
bad("an unknown target level", {}, {"target_level": "grandmaster"}, A, "INVALID_OFFER", "offer.target_level", "unknown_value")
bad("a training that ends before it starts", {}, {"start_date": "2024-05-01", "end_date": "2024-04-01"}, A, "INVALID_OFFER", "offer.end_date", "date_order")
bad("an unknown offer field", {}, {"price": 100}, A, "INVALID_OFFER", "offer.price", "unknown_field")
bad("shortage_occupation is true or false", {}, {"shortage_occupation": 1}, A, "INVALID_OFFER", "offer.shortage_occupation", "wrong_type")

suite = {
    "suite": "eligibility",
    "description": "Eligibility decisions (target groups and the four subsidies of （二十五）) and malformed profiles and offers. Hand-worked from core/plans/jilin-2022-2025.toml [eligibility] and domain-facts §4; written by tests/conformance/oracle/eligibility_cases.py. `eligibility` maps to each binding's single check; `eligibility_batch` to its batch call (a list, one decision per profile, each also equal to the single call's). `message_excludes` in an error: the message must not contain that text.",
    "cases": cases,
}


def main() -> int:
    text = json.dumps(suite, ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is not what {Path(__file__).name} writes; run it without --check", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    decisions = sum(1 for c in cases if "expect" in c)
    print(f"wrote {len(cases)} cases ({decisions} decisions, {len(cases) - decisions} errors) to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
