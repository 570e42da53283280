//! JSON in, JSON out: eligibility as a server receives and sends it. A profile (or a JSON array
//! of profiles) and an offer as JSON text are decided into JSON text — the explained decision or
//! the summary, for the subsidies asked — with keys in the host's style. A roster is split into
//! its items without building them, then read, decided and written on all cores, in order.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::eligibility::{self, Decision, DecisionSummary, DecisionView, Offer, Profile};
use crate::error::{Error, ProfileError};
use crate::plan::Plan;

use super::options::DecisionOptions;

/// How the keys of objects are spelled in JSON text for a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStyle {
    /// As the core writes them (`missing_facts`): Python, Kotlin, the CLI, HTTP APIs.
    Snake,
    /// As JavaScript objects have them (`missingFacts`). Values keep their spelling.
    Camel,
}

/// A decision as the options ask: explained, or the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// Every check explained, with what would make each subsidy eligible.
    Explained(DecisionView),
    /// Statuses, amounts, failed checks and missing facts.
    Summary(DecisionSummary),
}

/// The answer the options ask for, of one decision.
pub fn answer(plan: &Plan, profile: &Profile, offer: &Offer, decision: &Decision, options: &DecisionOptions) -> Answer {
    if options.explain {
        Answer::Explained(decision.view_of(plan, profile, offer, &options.subsidies))
    } else {
        Answer::Summary(decision.summary(plan, &options.subsidies))
    }
}

/// Writes a value as JSON text with keys in `style`.
pub fn to_json_text<T: Serialize>(value: &T, style: KeyStyle) -> String {
    // Serialising plain data cannot fail; an empty text would show if it did.
    let text = serde_json::to_string(value).unwrap_or_default();
    match style {
        KeyStyle::Snake => text,
        KeyStyle::Camel => camel_keys(&text),
    }
}

/// Decides one profile and offer given as JSON text (the offer `{}` when absent).
pub fn decide_json(
    plan: &Plan,
    profile: &str,
    offer: Option<&str>,
    as_of: NaiveDate,
    options: &DecisionOptions,
    style: KeyStyle,
) -> Result<String, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = eligibility::parse_profile_json(plan, profile)?;
    let offer = eligibility::parse_offer_json(plan, offer.unwrap_or("{}"))?;
    let decision = eligibility::decide(plan, &profile, &offer, as_of)?;
    Ok(to_json_text(&answer(plan, &profile, &offer, &decision, options), style))
}

/// The items of a JSON array text, unparsed; errors name `what` (`profiles`).
pub fn split_array<'a>(text: &'a str, what: &str) -> Result<Vec<&'a RawValue>, Error> {
    match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(items) => Ok(items),
        Err(e) if e.is_data() => Err(ProfileError::at_path("wrong_type", what, "expected a JSON array").into()),
        Err(e) => Err(ProfileError::at_syntax(what, e.line(), e.column()).into()),
    }
}

/// Decides a roster given as a JSON array text of profiles, for one offer, into one JSON array
/// text, in order; each decision is the single call's. The first bad profile (by index) stops
/// it, with its index in the path (`profiles[3].sex`).
pub fn decide_batch_json(
    plan: &Plan,
    profiles: &str,
    offer: Option<&str>,
    as_of: NaiveDate,
    options: &DecisionOptions,
    style: KeyStyle,
) -> Result<String, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    // The array is only split here; each part reads, decides and writes its profiles on its own
    // core, and the parts are joined in order.
    let items = split_array(profiles, "profiles")?;
    let offer = eligibility::parse_offer_json(plan, offer.unwrap_or("{}"))?;
    let read = |raw: &&RawValue| eligibility::parse_profile_json(plan, raw.get());
    let write =
        |profile: &Profile, decision: &Decision| to_json_text(&answer(plan, profile, &offer, decision, options), style);
    let texts = eligibility::decide_each(plan, &items, read, &offer, as_of, write)?;
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
}

/// Decides many profiles given as JSON values for one offer value, in order, on all cores.
pub fn decide_values(
    plan: &Plan,
    profiles: &[serde_json::Value],
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Vec<Answer>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let offer = eligibility::offer_from_value(plan, offer)?;
    let read = |value: &serde_json::Value| eligibility::profile_from_value(plan, value);
    eligibility::decide_each(plan, profiles, read, &offer, as_of, |profile, decision| {
        answer(plan, profile, &offer, decision, options)
    })
}

/// Decides one profile and offer given as JSON values.
pub fn decide_value(
    plan: &Plan,
    profile: &serde_json::Value,
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Answer, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = eligibility::profile_from_value(plan, profile)?;
    let offer = eligibility::offer_from_value(plan, offer)?;
    let decision = eligibility::decide(plan, &profile, &offer, as_of)?;
    Ok(answer(plan, &profile, &offer, &decision, options))
}

/// JSON text with every object key in camelCase, as JavaScript objects have them; values
/// (codes, field paths, texts) keep their spelling. Works on the text serde wrote: a string
/// followed by `:` is a key.
pub fn camel_keys(json: &str) -> String {
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
