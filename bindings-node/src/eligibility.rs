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

/// Reads a JavaScript value as JSON; NaN, Infinity, functions, values nested deeper than
/// [`MAX_DEPTH`] and the like are the wrong type at `what` (napi's own conversion error would
/// carry no code or path, and its recursion has no bound: a deep enough value overflowed the stack).
pub(crate) fn from_js(
    env: &Env,
    value: Unknown<'_>,
    what: &str,
) -> std::result::Result<serde_json::Value, core::Error> {
    match value.get_type() {
        Ok(ValueType::Undefined) | Ok(ValueType::Null) if what == "offer" => return Ok(serde_json::json!({})),
        _ => {}
    }
    js_json(env, value).map_err(|problem| el::ProfileError::at_path("wrong_type", what, problem).into())
}

/// How deep a value from JavaScript may nest, as serde_json's own limit for JSON text.
pub(crate) const MAX_DEPTH: u32 = 128;

/// A JavaScript value as JSON, or what keeps it from being JSON.
pub(crate) fn js_json(env: &Env, value: Unknown<'_>) -> std::result::Result<serde_json::Value, &'static str> {
    env.from_js_value::<Strict, _>(value).map(|s| s.0).map_err(|e| {
        if e.reason.contains(TOO_DEEP) {
            "a value nested more than 128 levels deep"
        } else {
            "a value JSON cannot hold (NaN, Infinity, a function, …)"
        }
    })
}

const TOO_DEEP: &str = "nested too deeply";

/// A JSON value read from JavaScript that refuses NaN and the infinities, which serde_json
/// would otherwise turn into `null` (and so into "unknown"), and nesting past [`MAX_DEPTH`].
struct Strict(serde_json::Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor(0)).map(Strict)
    }
}

/// Reads one value `.0` levels down.
struct StrictVisitor(u32);

impl<'de> serde::de::DeserializeSeed<'de> for StrictVisitor {
    type Value = serde_json::Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl StrictVisitor {
    fn below<E: serde::de::Error>(&self) -> std::result::Result<StrictVisitor, E> {
        if self.0 >= MAX_DEPTH { Err(E::custom(TOO_DEEP)) } else { Ok(StrictVisitor(self.0 + 1)) }
    }
}

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
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self.below()?)? {
            items.push(v);
        }
        Ok(serde_json::Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(self.below()?)?;
            out.insert(k, v);
        }
        Ok(serde_json::Value::Object(out))
    }
}

/// A JSON string stands for the JSON text it holds; anything else is the value itself.
fn value_of(input: serde_json::Value, what: &str) -> std::result::Result<serde_json::Value, core::Error> {
    match input {
        serde_json::Value::String(text) => {
            Ok(serde_json::from_str(&text).map_err(|e| el::ProfileError::at_syntax(what, e.line(), e.column()))?)
        }
        other => Ok(other),
    }
}

/// What `checkEligibilityJson` returns.
#[napi_derive::napi(object)]
pub struct EligibilityJsonOptions {
    /// Only these subsidies (ids); all when absent.
    pub subsidies: Option<Vec<String>>,
    /// false: the summary without explanations (statuses, amounts, failed checks, missing facts).
    pub explain: Option<bool>,
}

/// The subsidies an options object names.
fn only_subsidies(options: &EligibilityJsonOptions) -> std::result::Result<Vec<el::SubsidyKind>, core::Error> {
    options
        .subsidies
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, id)| {
            el::SubsidyKind::parse(id).ok_or_else(|| {
                core::Error::from(core::OptionsError {
                    path: format!("options.subsidies[{i}]"),
                    message: "not a subsidy id".into(),
                })
            })
        })
        .collect()
}

/// One decision as the options ask: explained, or the summary; only some subsidies.
fn one_text(
    plan: &core::Plan,
    profile: &el::Profile,
    offer: &el::Offer,
    decision: &el::Decision,
    explain: bool,
    only: &[el::SubsidyKind],
) -> String {
    if explain {
        to_camel_text(&decision.view_of(plan, profile, offer, only))
    } else {
        to_camel_text(&decision.summary(plan, only))
    }
}

pub(crate) fn check_json_text(
    plan: &core::Plan,
    profile: &str,
    offer: Option<&str>,
    date: &str,
    options: Option<EligibilityJsonOptions>,
) -> std::result::Result<String, core::Error> {
    let options = options.unwrap_or(EligibilityJsonOptions { subsidies: None, explain: None });
    let only = only_subsidies(&options)?;
    let as_of = as_of(date)?;
    let profile = el::parse_profile_json(plan, profile)?;
    let offer = el::parse_offer_json(plan, offer.unwrap_or("{}"))?;
    let decision = el::decide(plan, &profile, &offer, as_of)?;
    Ok(one_text(plan, &profile, &offer, &decision, options.explain.unwrap_or(true), &only))
}

/// `checkEligibilityJson` for a roster given as one JSON array text, decided on all cores off
/// the event loop; resolves to one JSON array text.
pub struct BatchJsonTask {
    plan: std::sync::Arc<core::Plan>,
    profiles: String,
    offer: Option<String>,
    as_of: String,
    options: EligibilityJsonOptions,
}

impl BatchJsonTask {
    pub(crate) fn new(
        plan: &std::sync::Arc<core::Plan>,
        profiles: String,
        offer: Option<String>,
        as_of: String,
        options: Option<EligibilityJsonOptions>,
    ) -> Self {
        let options = options.unwrap_or(EligibilityJsonOptions { subsidies: None, explain: None });
        BatchJsonTask { plan: plan.clone(), profiles, offer, as_of, options }
    }
}

impl Task for BatchJsonTask {
    type Output = std::result::Result<String, core::Error>;
    type JsValue = String;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("checkEligibilityBatchJson", || {
            let plan = &self.plan;
            let run = || -> Self::Output {
                let only = only_subsidies(&self.options)?;
                let as_of = as_of(&self.as_of)?;
                // The array is only split here; each part reads, decides and writes its profiles on
                // its own core, and the parts are joined in order.
                let profiles: Vec<&serde_json::value::RawValue> = match serde_json::from_str(&self.profiles) {
                    Ok(items) => items,
                    Err(e) if e.is_data() => {
                        return Err(el::ProfileError::at_path("wrong_type", "profiles", "expected a JSON array").into());
                    }
                    Err(e) => return Err(el::ProfileError::at_syntax("profiles", e.line(), e.column()).into()),
                };
                let offer = el::parse_offer_json(plan, self.offer.as_deref().unwrap_or("{}"))?;
                let explain = self.options.explain.unwrap_or(true);
                let read = |raw: &&serde_json::value::RawValue| -> std::result::Result<el::Profile, el::ProfileError> {
                    el::parse_profile_json(plan, raw.get())
                };
                let texts = el::decide_each(plan, &profiles, read, &offer, as_of, |profile, decision| {
                    one_text(plan, profile, &offer, decision, explain, &only)
                })?;
                let mut out = String::with_capacity(texts.iter().map(String::len).sum::<usize>() + texts.len() + 2);
                out.push('[');
                for (i, t) in texts.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(t);
                }
                out.push(']');
                Ok(out)
            };
            Ok(run())
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<String> {
        crate::guard(&env, "checkEligibilityBatchJson", || output.map_err(|e| throw(&env, e)))
    }
}

/// JSON text with every object key in camelCase, as JavaScript objects have them; values
/// (codes, field paths, texts) keep their spelling. Works on the text serde wrote: a string
/// followed by `:` is a key.
pub(crate) fn camel_keys(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            let next = json[i..].find('"').map_or(bytes.len(), |k| i + k);
            out.push_str(&json[i..next]);
            i = next;
            continue;
        }
        // A string: find its end, skipping escaped characters.
        let mut end = i + 1;
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let is_key = bytes.get(end + 1) == Some(&b':');
        let text = &json[i..=end.min(bytes.len() - 1)];
        if is_key && text.contains('_') {
            let mut upper = false;
            for c in text.chars() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    out.extend(c.to_uppercase());
                    upper = false;
                } else {
                    out.push(c);
                }
            }
        } else {
            out.push_str(text);
        }
        i = end + 1;
    }
    out
}

/// A decision (or anything serialisable) as camelCase JSON text.
fn to_camel_text<T: serde::Serialize>(value: &T) -> String {
    // Serialising plain data cannot fail; an empty text would show if it did.
    camel_keys(&serde_json::to_string(value).unwrap_or_default())
}

/// Hands a decision (or a list) to JavaScript as one JSON text for V8's `JSON.parse`: far
/// cheaper than building the objects property by property through napi.
pub(crate) fn parse_in_js<'e>(env: &'e Env, text: String) -> Result<Unknown<'e>> {
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<'_, String, Unknown<'_>> = json.get_named_property("parse")?;
    parse.apply(json, text)
}

pub(crate) fn check<'e>(
    env: &'e Env,
    plan: &core::Plan,
    profile: Unknown<'_>,
    offer: Option<Unknown<'_>>,
    date: &str,
) -> Result<Unknown<'e>> {
    let run = || -> std::result::Result<String, core::Error> {
        let profile = value_of(from_js(env, profile, "profile")?, "profile")?;
        let offer = match offer {
            Some(o) => value_of(from_js(env, o, "offer")?, "offer")?,
            None => serde_json::json!({}),
        };
        Ok(to_camel_text(&el::check_values(plan, &profile, &offer, as_of(date)?)?))
    };
    let text = run().map_err(|e| throw(env, e))?;
    parse_in_js(env, text)
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
    pub(crate) fn new(
        env: &Env,
        plan: &std::sync::Arc<core::Plan>,
        profiles: Vec<Unknown<'_>>,
        offer: Option<Unknown<'_>>,
        as_of: String,
    ) -> Result<Self> {
        let read = || -> std::result::Result<(Vec<serde_json::Value>, Option<serde_json::Value>), core::Error> {
            let profiles = profiles
                .into_iter()
                .enumerate()
                .map(|(i, p)| from_js(env, p, &format!("profiles[{i}]")))
                .collect::<std::result::Result<_, _>>()?;
            let offer = offer.map(|o| from_js(env, o, "offer")).transpose()?;
            Ok((profiles, offer))
        };
        let (profiles, offer) = read().map_err(|e| throw(env, e))?;
        Ok(BatchTask { plan: plan.clone(), profiles, offer, as_of })
    }
}

impl Task for BatchTask {
    type Output = std::result::Result<String, core::Error>;
    type JsValue = Unknown<'static>;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("checkEligibilityBatch", || {
            let plan = &self.plan;
            let offer = self.offer.take();
            let run = || -> Self::Output {
                let offer = value_of(offer.unwrap_or(serde_json::json!({})), "offer")?;
                let offer = el::offer_from_value(plan, &offer)?;
                let decisions = el::check_batch(plan, &self.profiles, &offer, as_of(&self.as_of)?)?;
                Ok(to_camel_text(&decisions))
            };
            Ok(run())
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Self::JsValue> {
        crate::guard(&env, "checkEligibilityBatch", || {
            let text = output.map_err(|e| throw(&env, e))?;
            // SAFETY of the lifetime: napi hands the value to the Promise before `env` goes.
            parse_in_js(&env, text).map(|v| unsafe { std::mem::transmute::<Unknown<'_>, Unknown<'static>>(v) })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::camel_keys;

    #[test]
    fn keys_become_camel_case_and_values_do_not() {
        let text = r#"{"as_of":"2025-01-01","to_qualify":[{"field":"profile.unemployment_insurance_months","note":"a \"quoted_word\": x"}],"missing_facts":[]}"#;
        assert_eq!(
            camel_keys(text),
            r#"{"asOf":"2025-01-01","toQualify":[{"field":"profile.unemployment_insurance_months","note":"a \"quoted_word\": x"}],"missingFacts":[]}"#
        );
    }
}
