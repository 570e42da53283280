//! An eligibility decision as a JavaScript class over the core's [`Decided`]: `subsidies` (and
//! `subsidy(id)`) give each subsidy's status, amount, version, failed checks and missing facts
//! as small plain objects without a word explained; `checks(id)` the check codes with their
//! numbers; `explain(lang)`, `explainSubsidy(id, lang)` and `explainCheck(id, i, lang)` render
//! explanations on demand, and `toJSON()` the whole explained decision (so `JSON.stringify`
//! writes what the JSON calls write). No rule and no sentence is written here.

use std::sync::Arc;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use skillplan as core;
use skillplan::eligibility::{Decided, Lang};
use skillplan::host::batch::{self, KeyStyle};
use skillplan::host::options;

use crate::{guard, host, throw};

fn lang(env: &Env, text: Option<String>) -> Result<Lang> {
    text.map_or(Ok(Lang::Zh), |t| options::lang(&t).map_err(|e| throw(env, e)))
}

/// Target groups and the subsidies of （二十五） for one person and offer, as of a date: the
/// answer at once, the explanations when asked.
#[napi]
pub struct EligibilityDecision {
    plan: Arc<core::Plan>,
    decided: Arc<Decided>,
}

impl EligibilityDecision {
    pub(crate) fn new(plan: &Arc<core::Plan>, decided: Decided) -> EligibilityDecision {
        EligibilityDecision { plan: Arc::clone(plan), decided: Arc::new(decided) }
    }

    fn index(&self, env: &Env, id: &str) -> Result<usize> {
        self.decided.position_of(id).map_err(|e| throw(env, e))
    }
}

#[napi]
impl EligibilityDecision {
    /// The date decided for (ISO).
    #[napi(getter)]
    pub fn as_of(&self) -> String {
        self.decided.decision.as_of.to_string()
    }

    /// Ids of the plan's target groups the person is in (undetermined ones are left out).
    #[napi(getter, ts_return_type = "Array<string>")]
    pub fn target_groups<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.targetGroups", || {
            host::to_js(env, &self.decided.summary(&self.plan).target_groups)
        })
    }

    /// One answer per subsidy asked for, in the plan's order: id, status, amount (exact decimal
    /// text), version, failed checks and missing facts. Nothing is explained.
    #[napi(getter, ts_return_type = "Array<SubsidySummary>")]
    pub fn subsidies<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.subsidies", || {
            let summary = self.decided.summary(&self.plan);
            host::parse_in_js(env, batch::to_json_text(&summary.subsidies, KeyStyle::Camel))
        })
    }

    /// The answer for one subsidy, as in `subsidies`. Throws INVALID_OPTIONS for another id.
    #[napi(ts_args_type = "id: SubsidyKind", ts_return_type = "SubsidySummary")]
    pub fn subsidy<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.subsidy", || {
            let i = self.index(env, &id)?;
            let summary = self.decided.summary(&self.plan);
            let kind = self.decided.decision.subsidies[i].kind;
            let one = summary.subsidies.iter().find(|s| s.id == kind);
            host::parse_in_js(env, batch::to_json_text(&one, KeyStyle::Camel))
        })
    }

    /// One subsidy's checks, in order: code, outcome, and the numbers the check compared
    /// (`have`, `need`, `date`), with the facts an unknown outcome lacks. Nothing is explained.
    #[napi(ts_args_type = "id: SubsidyKind", ts_return_type = "Array<CheckCode>")]
    pub fn checks<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.checks", || {
            let i = self.index(env, &id)?;
            host::parse_in_js(env, batch::to_json_text(&self.decided.check_codes(i), KeyStyle::Camel))
        })
    }

    /// The whole decision as text in one language: "zh" (the default) or "en".
    #[napi(ts_args_type = "lang?: 'zh' | 'en' | null")]
    pub fn explain(&self, env: Env, lang: Option<String>) -> Result<String> {
        guard(&env, "EligibilityDecision.explain", || Ok(self.decided.explain(&self.plan, self::lang(&env, lang)?)))
    }

    /// One subsidy as text in one language: its status and amount, each check, what would qualify.
    #[napi(ts_args_type = "id: SubsidyKind, lang?: 'zh' | 'en' | null")]
    pub fn explain_subsidy(&self, env: Env, id: String, lang: Option<String>) -> Result<String> {
        guard(&env, "EligibilityDecision.explainSubsidy", || {
            let (i, lang) = (self.index(&env, &id)?, self::lang(&env, lang)?);
            Ok(self.decided.explain_subsidy(&self.plan, i, lang).unwrap_or_default())
        })
    }

    /// What check `index` (a position in `checks(id)`) of one subsidy found, in one language.
    #[napi(ts_args_type = "id: SubsidyKind, index: number, lang?: 'zh' | 'en' | null")]
    pub fn explain_check(&self, env: Env, id: String, index: u32, lang: Option<String>) -> Result<String> {
        guard(&env, "EligibilityDecision.explainCheck", || {
            let (i, lang) = (self.index(&env, &id)?, self::lang(&env, lang)?);
            self.decided.explain_check(&self.plan, i, index as usize, lang).ok_or_else(|| {
                throw(
                    &env,
                    core::OptionsError { path: "index".into(), message: "no check at this index".into() }.into(),
                )
            })
        })
    }

    /// One subsidy explained in both languages, as in `toJSON().subsidies`.
    #[napi(ts_args_type = "id: SubsidyKind", ts_return_type = "SubsidyView")]
    pub fn subsidy_view<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.subsidyView", || {
            let i = self.index(env, &id)?;
            host::parse_in_js(env, batch::to_json_text(&self.decided.subsidy_view(&self.plan, i), KeyStyle::Camel))
        })
    }

    /// The whole explained decision (keys camelCase), the form of `checkEligibilityJson`.
    #[napi(js_name = "toJSON", ts_return_type = "DecisionView")]
    pub fn to_json<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.toJSON", || host::parse_in_js(env, self.json_text()))
    }

    /// The whole explained decision as JSON text (keys camelCase).
    #[napi]
    pub fn json(&self, env: Env) -> Result<String> {
        guard(&env, "EligibilityDecision.json", || Ok(self.json_text()))
    }

    /// The answer without explanations, as `checkEligibility(…, { explain: false })` gives it.
    #[napi(ts_return_type = "DecisionSummary")]
    pub fn summary<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "EligibilityDecision.summary", || {
            host::parse_in_js(env, batch::summary_text(&self.decided.summary(&self.plan), KeyStyle::Camel))
        })
    }

    /// True when both decisions give the same answer for the same profile and offer.
    #[napi]
    pub fn equals(&self, other: &EligibilityDecision) -> bool {
        self.decided == other.decided
    }
}

impl EligibilityDecision {
    fn json_text(&self) -> String {
        batch::to_json_text(&self.decided.view(&self.plan), KeyStyle::Camel)
    }
}
