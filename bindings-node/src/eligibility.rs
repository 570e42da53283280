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

/// Reads a JavaScript value as JSON; NaN, Infinity, functions and the like are the wrong type
/// at `what` (napi's own conversion error would carry no code or path).
pub(crate) fn from_js(env: &Env, value: Unknown<'_>, what: &str) -> std::result::Result<serde_json::Value, core::Error> {
    match value.get_type() {
        Ok(ValueType::Undefined) | Ok(ValueType::Null) if what == "offer" => return Ok(serde_json::json!({})),
        _ => {}
    }
    env.from_js_value::<Strict, _>(value).map(|s| s.0).map_err(|_| {
        el::ProfileError::at_path("wrong_type", what, "a value JSON cannot hold (NaN, Infinity, a function, …)").into()
    })
}

/// A JSON value read from JavaScript that refuses NaN and the infinities, which serde_json
/// would otherwise turn into `null` (and so into "unknown").
struct Strict(serde_json::Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
        serde_json::Number::from_f64(v).map(serde_json::Value::Number).ok_or_else(|| E::custom("not a finite number"))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(serde_json::Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some((k, Strict(v))) = map.next_entry::<String, Strict>()? {
            out.insert(k, v);
        }
        Ok(serde_json::Value::Object(out))
    }
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

pub(crate) fn check(env: &Env, plan: &core::Plan, profile: Unknown<'_>, offer: Option<Unknown<'_>>, date: &str) -> Result<serde_json::Value> {
    let run = || -> std::result::Result<serde_json::Value, core::Error> {
        let profile = value_of(from_js(env, profile, "profile")?, "profile")?;
        let offer = match offer {
            Some(o) => value_of(from_js(env, o, "offer")?, "offer")?,
            None => serde_json::json!({}),
        };
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
    /// Reads the profiles and the offer on the calling thread (JavaScript values live there);
    /// a value JSON cannot hold is refused with its index.
    pub(crate) fn new(env: &Env, plan: &std::sync::Arc<core::Plan>, profiles: Vec<Unknown<'_>>, offer: Option<Unknown<'_>>, as_of: String) -> Result<Self> {
        let read = || -> std::result::Result<(Vec<serde_json::Value>, Option<serde_json::Value>), core::Error> {
            let profiles = profiles.into_iter().enumerate().map(|(i, p)| from_js(env, p, &format!("profiles[{i}]"))).collect::<std::result::Result<_, _>>()?;
            let offer = offer.map(|o| from_js(env, o, "offer")).transpose()?;
            Ok((profiles, offer))
        };
        let (profiles, offer) = read().map_err(|e| throw(env, e))?;
        Ok(BatchTask { plan: plan.clone(), profiles, offer, as_of })
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
