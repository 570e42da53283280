//! Eligibility for Node: a profile and an offer as plain objects (read under the core's
//! host-value policy) or JSON text in, the decision as an `EligibilityDecision` (`decision`) out; the JSON calls and the
//! batches go through the core's JSON in / JSON out (`skillplan::host::batch`), off the event loop
//! for a roster. No logic lives here.

use napi::bindgen_prelude::*;
use napi::{Env, Task};
use serde_json::Value;
use skillplan as core;
use skillplan::eligibility as el;
use skillplan::host::batch::{self, KeyStyle};
use skillplan::host::options::{self, DecisionOptions};
use skillplan::host::value::Argument;

use crate::decision::EligibilityDecision;
use crate::{host, throw};

/// A profile or offer: a JavaScript string is JSON text; anything else a value, read as a document.
fn document(value: Unknown<'_>, argument: Argument<'_>, path: &str) -> std::result::Result<Value, core::Error> {
    if matches!(value.get_type(), Ok(ValueType::String)) {
        let text = unsafe { value.cast::<String>() }
            .map_err(|_| el::ProfileError::at_path("wrong_type", path, "unreadable text"))?;
        return Ok(el::parse_json(&text, path)?);
    }
    host::json(value, argument)
}

fn offer_value(offer: Option<Unknown<'_>>) -> std::result::Result<Value, core::Error> {
    match offer {
        Some(o) if !matches!(o.get_type(), Ok(ValueType::Undefined | ValueType::Null)) => {
            document(o, Argument::Offer, "offer")
        }
        _ => Ok(Value::Object(Default::default())),
    }
}

fn decision_options(options: Option<Unknown<'_>>) -> std::result::Result<DecisionOptions, core::Error> {
    options::decision(&host::options(options)?)
}

pub(crate) fn check_json_text(
    plan: &core::Plan,
    profile: &str,
    offer: Option<&str>,
    as_of: &str,
    given: Option<Unknown<'_>>,
) -> std::result::Result<String, core::Error> {
    let decision = decision_options(given)?;
    batch::decide_json(plan, profile, offer, options::as_of_text(as_of)?, &decision, KeyStyle::Camel)
}

/// `checkEligibilityJson` for a roster given as one JSON array text, decided on all cores off
/// the event loop; resolves to one JSON array text.
pub struct BatchJsonTask {
    plan: std::sync::Arc<core::Plan>,
    profiles: String,
    offer: Option<String>,
    as_of: String,
    options: std::result::Result<DecisionOptions, core::Error>,
}

impl BatchJsonTask {
    pub(crate) fn new(
        plan: &std::sync::Arc<core::Plan>,
        profiles: String,
        offer: Option<String>,
        as_of: String,
        options: Option<Unknown<'_>>,
    ) -> Self {
        BatchJsonTask { plan: plan.clone(), profiles, offer, as_of, options: decision_options(options) }
    }
}

impl Task for BatchJsonTask {
    type Output = std::result::Result<String, core::Error>;
    type JsValue = String;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("checkEligibilityBatchJson", || {
            let run = || -> Self::Output {
                let decision = self.options.clone()?;
                let as_of = options::as_of_text(&self.as_of)?;
                batch::decide_batch_json(
                    &self.plan,
                    &self.profiles,
                    self.offer.as_deref(),
                    as_of,
                    &decision,
                    KeyStyle::Camel,
                )
            };
            Ok(run())
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<String> {
        crate::guard(&env, "checkEligibilityBatchJson", || output.map_err(|e| throw(&env, e)))
    }
}

pub(crate) fn check<'e>(
    env: &'e Env,
    plan: &std::sync::Arc<core::Plan>,
    profile: Unknown<'_>,
    offer: Option<Unknown<'_>>,
    as_of: &str,
    given: Option<Unknown<'_>>,
) -> Result<Either<EligibilityDecision, Unknown<'e>>> {
    let run = || -> std::result::Result<(el::Decided, DecisionOptions), core::Error> {
        let profile = document(profile, Argument::Profile("profile"), "profile")?;
        let offer = offer_value(offer)?;
        let options = decision_options(given)?;
        let decided = batch::decided_value(plan, &profile, &offer, options::as_of_text(as_of)?, &options)?;
        Ok((decided, options))
    };
    let (decided, options) = run().map_err(|e| throw(env, e))?;
    if options.explain {
        Ok(Either::A(EligibilityDecision::new(plan, decided)))
    } else {
        Ok(Either::B(host::parse_in_js(env, batch::summary_text(&decided.summary(plan), KeyStyle::Camel))?))
    }
}

/// Decides a roster on a worker thread; the Promise resolves to one decision per profile.
pub struct BatchTask {
    plan: std::sync::Arc<core::Plan>,
    profiles: Vec<Value>,
    offer: Value,
    as_of: String,
    options: DecisionOptions,
}

impl BatchTask {
    /// Reads the profiles and the offer on the calling thread (JavaScript values live there);
    /// a value JSON cannot hold is refused with its index.
    pub(crate) fn new(
        env: &Env,
        plan: &std::sync::Arc<core::Plan>,
        profiles: Vec<Unknown<'_>>,
        offer: Option<Unknown<'_>>,
        as_of: String,
        given: Option<Unknown<'_>>,
    ) -> Result<Self> {
        let read = || -> std::result::Result<(Vec<Value>, Value, DecisionOptions), core::Error> {
            let profiles = profiles
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let path = format!("profiles[{i}]");
                    host::json(p, Argument::Profile(&path))
                })
                .collect::<std::result::Result<_, _>>()?;
            Ok((profiles, offer_value(offer)?, decision_options(given)?))
        };
        let (profiles, offer, options) = read().map_err(|e| throw(env, e))?;
        Ok(BatchTask { plan: plan.clone(), profiles, offer, as_of, options })
    }
}

impl Task for BatchTask {
    type Output = std::result::Result<Vec<el::Decided>, core::Error>;
    type JsValue = Either<Vec<EligibilityDecision>, Unknown<'static>>;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("checkEligibilityBatch", || {
            let run = || -> Self::Output {
                let as_of = options::as_of_text(&self.as_of)?;
                batch::decided_values(&self.plan, &self.profiles, &self.offer, as_of, &self.options)
            };
            Ok(run())
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Self::JsValue> {
        crate::guard(&env, "checkEligibilityBatch", || {
            let decided = output.map_err(|e| throw(&env, e))?;
            if self.options.explain {
                return Ok(Either::A(decided.into_iter().map(|d| EligibilityDecision::new(&self.plan, d)).collect()));
            }
            let summaries: Vec<_> = decided.iter().map(|d| d.summary(&self.plan)).collect();
            let text = batch::to_json_text(&summaries, KeyStyle::Camel);
            // SAFETY of the lifetime: napi hands the value to the Promise before `env` goes.
            host::parse_in_js(&env, text)
                .map(|v| Either::B(unsafe { std::mem::transmute::<Unknown<'_>, Unknown<'static>>(v) }))
        })
    }
}
