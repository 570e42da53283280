//! Eligibility for Node: a profile and an offer as plain objects (or JSON text) in, the decision
//! as a plain object out; the batch call runs off the event loop. No logic lives here.

use napi::bindgen_prelude::*;
use napi::{Env, Task};
use skillplan as core;
use skillplan::eligibility as el;

use crate::throw;

fn as_of(text: &str) -> std::result::Result<chrono::NaiveDate, core::Error> {
    core::date_text::parse(text).map_err(|m| core::OptionsError { path: "as_of".into(), message: m }.into())
}

/// A JSON string stands for the JSON text it holds; anything else is the value itself.
fn value_of(input: serde_json::Value, what: &str) -> std::result::Result<serde_json::Value, core::Error> {
    match input {
        serde_json::Value::String(text) => Ok(serde_json::from_str(&text).map_err(|e| {
            el::ProfileError::at_syntax(what, e.line(), e.column())
        })?),
        other => Ok(other),
    }
}

/// The decision with camelCase keys, as JavaScript objects have them (codes and field paths,
/// which are values, keep their spelling).
fn to_json(view: &el::DecisionView) -> serde_json::Value {
    fn camel(key: &str) -> String {
        let mut out = String::with_capacity(key.len());
        let mut upper = false;
        for c in key.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }
    fn convert(v: serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Object(map) => serde_json::Value::Object(map.into_iter().map(|(k, v)| (camel(&k), convert(v))).collect()),
            serde_json::Value::Array(items) => serde_json::Value::Array(items.into_iter().map(convert).collect()),
            other => other,
        }
    }
    // Serialising plain data into a Value cannot fail; an empty object would show if it did.
    convert(serde_json::to_value(view).unwrap_or_default())
}

pub(crate) fn check(env: &Env, plan: &core::Plan, profile: serde_json::Value, offer: Option<serde_json::Value>, date: &str) -> Result<serde_json::Value> {
    let run = || -> std::result::Result<serde_json::Value, core::Error> {
        let profile = value_of(profile, "profile")?;
        let offer = value_of(offer.unwrap_or(serde_json::json!({})), "offer")?;
        Ok(to_json(&el::check_values(plan, &profile, &offer, as_of(date)?)?))
    };
    run().map_err(|e| throw(env, e))
}

/// Decides a roster on a worker thread; the Promise resolves to one decision per profile.
pub struct BatchTask {
    plan: std::sync::Arc<core::Plan>,
    profiles: Vec<serde_json::Value>,
    offer: Option<serde_json::Value>,
    as_of: String,
}

impl BatchTask {
    pub(crate) fn new(plan: &std::sync::Arc<core::Plan>, profiles: Vec<serde_json::Value>, offer: Option<serde_json::Value>, as_of: String) -> Self {
        BatchTask { plan: plan.clone(), profiles, offer, as_of }
    }
}

impl Task for BatchTask {
    type Output = std::result::Result<Vec<serde_json::Value>, core::Error>;
    type JsValue = Vec<serde_json::Value>;

    fn compute(&mut self) -> Result<Self::Output> {
        let plan = &self.plan;
        let offer = self.offer.take();
        let run = || -> Self::Output {
            let offer = value_of(offer.unwrap_or(serde_json::json!({})), "offer")?;
            let offer = el::offer_from_value(plan, &offer)?;
            let decisions = el::check_batch(plan, &self.profiles, &offer, as_of(&self.as_of)?)?;
            Ok(decisions.iter().map(to_json).collect())
        };
        Ok(run())
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Self::JsValue> {
        output.map_err(|e| throw(&env, e))
    }
}
