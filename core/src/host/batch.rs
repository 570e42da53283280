//! JSON in, JSON out: eligibility as a server receives and sends it. A profile (or a JSON array
//! of profiles) and an offer as JSON text are decided into JSON text — the explained decision or
//! the summary, for the subsidies asked — with keys in the host's style. A roster is split into
//! its items without building them, then read, decided and written on all cores, in order.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::value::RawValue;

use std::sync::Arc;

use crate::eligibility::{self, Decided, Decision, DecisionSummary, DecisionView, Offer, Profile};
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

/// The summary as JSON text with keys in `style`, written in camelCase directly rather than
/// rewritten: the summary is what a page or portal asks for at every keystroke, and rewriting
/// the keys was a sixth of its cost. The same text as `to_json_text` (a test holds them equal).
pub fn summary_text(summary: &DecisionSummary, style: KeyStyle) -> String {
    match style {
        KeyStyle::Snake => to_json_text(summary, style),
        // Serialising plain data cannot fail; an empty text would show if it did.
        KeyStyle::Camel => serde_json::to_string(&camel::Summary::of(summary)).unwrap_or_default(),
    }
}

/// An answer as JSON text with keys in `style`.
pub fn answer_text(answer: &Answer, style: KeyStyle) -> String {
    match answer {
        Answer::Summary(summary) => summary_text(summary, style),
        Answer::Explained(_) => to_json_text(answer, style),
    }
}

/// The summary's serde form under camelCase names (its values keep their spelling).
mod camel {
    use rust_decimal::Decimal;
    use serde::Serialize;

    use crate::basics::{date_text, decimal_text};
    use crate::eligibility::{CheckKind, DecisionSummary, Fact, Status, SubsidyKind};

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct Summary<'a> {
        #[serde(with = "date_text")]
        as_of: chrono::NaiveDate,
        target_groups: &'a [String],
        subsidies: Vec<Subsidy<'a>>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Subsidy<'a> {
        id: SubsidyKind,
        status: Status,
        #[serde(with = "decimal_text::option")]
        amount: Option<Decimal>,
        version: Option<&'a str>,
        failed: &'a [CheckKind],
        missing_facts: &'a [Fact],
    }

    impl<'a> Summary<'a> {
        pub(super) fn of(summary: &'a DecisionSummary) -> Summary<'a> {
            Summary {
                as_of: summary.as_of,
                target_groups: &summary.target_groups,
                subsidies: summary
                    .subsidies
                    .iter()
                    .map(|s| Subsidy {
                        id: s.id,
                        status: s.status,
                        amount: s.amount,
                        version: s.version.as_deref(),
                        failed: &s.failed,
                        missing_facts: &s.missing_facts,
                    })
                    .collect(),
            }
        }
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
    decide_text_with(plan, profile, offer, as_of, |profile, offer, decision| {
        answer_text(&answer(plan, profile, offer, decision, options), style)
    })
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
    // The array is only split here; each part reads, decides and writes its profiles on its own
    // core, and the parts are joined in order.
    let texts = decide_texts_with(plan, profiles, offer, as_of, |profile, offer, decision| {
        answer_text(&answer(plan, profile, offer, decision, options), style)
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
}

/// Decides many profiles given as JSON values for one offer value, in order, on all cores.
pub fn decide_values(
    plan: &Plan,
    profiles: &[serde_json::Value],
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Vec<Answer>, Error> {
    decide_values_with(plan, profiles, offer, as_of, |profile, offer, decision| {
        answer(plan, profile, offer, decision, options)
    })
}

/// [`decide_values`] with each answer written by `write` (a view, a summary, a host's own form).
pub fn decide_values_with<T: Send>(
    plan: &Plan,
    profiles: &[serde_json::Value],
    offer: &serde_json::Value,
    as_of: NaiveDate,
    write: impl Fn(&Profile, &Offer, &Decision) -> T + Sync,
) -> Result<Vec<T>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let offer = eligibility::offer_from_value(plan, offer)?;
    let read = |value: &serde_json::Value| eligibility::profile_from_value(plan, value);
    eligibility::decide_each(plan, profiles.iter().collect(), read, &offer, as_of, |profile, decision| {
        write(&profile, &offer, &decision)
    })
}

/// Decides a JSON array text of profiles for an offer as JSON text (`{}` when absent), in order,
/// on all cores, each answer written by `write`.
pub fn decide_texts_with<T: Send>(
    plan: &Plan,
    profiles: &str,
    offer: Option<&str>,
    as_of: NaiveDate,
    write: impl Fn(&Profile, &Offer, &Decision) -> T + Sync,
) -> Result<Vec<T>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let items = split_array(profiles, "profiles")?;
    let offer = eligibility::parse_offer_json(plan, offer.unwrap_or("{}"))?;
    let read = |raw: &RawValue| eligibility::parse_profile_json(plan, raw.get());
    eligibility::decide_each(plan, items, read, &offer, as_of, |profile, decision| write(&profile, &offer, &decision))
}

/// Decides one profile and offer given as JSON values.
pub fn decide_value(
    plan: &Plan,
    profile: &serde_json::Value,
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Answer, Error> {
    decide_value_with(plan, profile, offer, as_of, |profile, offer, decision| {
        answer(plan, profile, offer, decision, options)
    })
}

/// [`decide_value`] with the answer written by `write`.
pub fn decide_value_with<T>(
    plan: &Plan,
    profile: &serde_json::Value,
    offer: &serde_json::Value,
    as_of: NaiveDate,
    write: impl FnOnce(&Profile, &Offer, &Decision) -> T,
) -> Result<T, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = eligibility::profile_from_value(plan, profile)?;
    let offer = eligibility::offer_from_value(plan, offer)?;
    let decision = eligibility::decide(plan, &profile, &offer, as_of)?;
    Ok(write(&profile, &offer, &decision))
}

/// Decides one profile and offer given as JSON texts (the offer `{}` when absent), the answer
/// written by `write`.
pub fn decide_text_with<T>(
    plan: &Plan,
    profile: &str,
    offer: Option<&str>,
    as_of: NaiveDate,
    write: impl FnOnce(&Profile, &Offer, &Decision) -> T,
) -> Result<T, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = eligibility::parse_profile_json(plan, profile)?;
    let offer = eligibility::parse_offer_json(plan, offer.unwrap_or("{}"))?;
    let decision = eligibility::decide(plan, &profile, &offer, as_of)?;
    Ok(write(&profile, &offer, &decision))
}

/// What a decision is kept as: the answer with its profile, the shared offer and the subsidies asked.
fn holding<'a>(
    offer: &'a Arc<Offer>,
    options: &'a DecisionOptions,
) -> impl Fn(Profile, Decision) -> Decided + Sync + 'a {
    move |profile, decision| Decided { decision, profile, offer: Arc::clone(offer), only: options.subsidies.clone() }
}

/// Decides for a profile and an offer given as JSON values, into the object a binding holds:
/// the answer at once, explanations on demand. `options.explain` does not apply (nothing is
/// explained until asked); `options.subsidies` chooses the subsidies shown.
pub fn decided_value(
    plan: &Plan,
    profile: &serde_json::Value,
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Decided, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = eligibility::profile_from_value(plan, profile)?;
    let offer = eligibility::offer_from_value(plan, offer)?;
    let decision = eligibility::decide(plan, &profile, &offer, as_of)?;
    Ok(holding(&Arc::new(offer), options)(profile, decision))
}

/// [`decided_value`] for a profile and an offer as JSON texts.
pub fn decided_text(
    plan: &Plan,
    profile: &str,
    offer: Option<&str>,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Decided, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let profile = eligibility::parse_profile_json(plan, profile)?;
    let offer = eligibility::parse_offer_json(plan, offer.unwrap_or("{}"))?;
    let decision = eligibility::decide(plan, &profile, &offer, as_of)?;
    Ok(holding(&Arc::new(offer), options)(profile, decision))
}

/// [`decided_value`] for many profiles and one offer, on all cores, in order; each equals the
/// single call's. The first bad profile stops it, with its index in the path.
pub fn decided_values(
    plan: &Plan,
    profiles: &[serde_json::Value],
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Vec<Decided>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let offer = Arc::new(eligibility::offer_from_value(plan, offer)?);
    let read = |value: &serde_json::Value| eligibility::profile_from_value(plan, value);
    eligibility::decide_each(plan, profiles.iter().collect(), read, &offer, as_of, holding(&offer, options))
}

/// [`decided_values`] for profiles already read (each read from its host value as it came, so
/// that no batch of intermediate values is held): decided on all cores, in order.
pub fn decided_profiles(
    plan: &Plan,
    profiles: Vec<Profile>,
    offer: &serde_json::Value,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Vec<Decided>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let offer = Arc::new(eligibility::offer_from_value(plan, offer)?);
    eligibility::decide_each(plan, profiles, Ok, &offer, as_of, holding(&offer, options))
}

/// [`decided_values`] for a JSON array of profiles as text.
pub fn decided_texts(
    plan: &Plan,
    profiles: &str,
    offer: Option<&str>,
    as_of: NaiveDate,
    options: &DecisionOptions,
) -> Result<Vec<Decided>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let items = split_array(profiles, "profiles")?;
    let offer = Arc::new(eligibility::parse_offer_json(plan, offer.unwrap_or("{}"))?);
    let read = |raw: &RawValue| eligibility::parse_profile_json(plan, raw.get());
    eligibility::decide_each(plan, items, read, &offer, as_of, holding(&offer, options))
}

/// JSON text with every object key in camelCase, as JavaScript objects have them; values
/// (codes, field paths, texts) keep their spelling.
pub fn camel_keys(json: &str) -> String {
    rewrite(json, KeyStyle::Camel, false)
}

/// Compact JSON text (as serde_json writes it) with its keys in `style` and, when `omit_nulls`,
/// without the members whose value is null: the objects of a host that leaves absent values
/// out (napi's objects do). Members keep their order. Text that is not compact JSON is
/// returned as far as it could be read.
pub fn rewrite(json: &str, style: KeyStyle, omit_nulls: bool) -> String {
    let mut w = Rewriter { b: json.as_bytes(), text: json, out: String::with_capacity(json.len()), style, omit_nulls };
    let mut i = 0;
    while i < w.b.len() {
        i = w.value(i);
    }
    w.out
}

struct Rewriter<'a> {
    b: &'a [u8],
    text: &'a str,
    out: String,
    style: KeyStyle,
    omit_nulls: bool,
}

impl Rewriter<'_> {
    /// The end of the string that starts at `i` (one past its closing quote).
    fn string_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        while end < self.b.len() && self.b[end] != b'"' {
            end += if self.b[end] == b'\\' { 2 } else { 1 };
        }
        (end + 1).min(self.b.len())
    }

    /// Copies (and rewrites) the value at `i`; returns where it ends.
    fn value(&mut self, i: usize) -> usize {
        match self.b.get(i) {
            Some(b'{') => self.object(i),
            Some(b'[') => self.array(i),
            Some(b'"') => {
                let end = self.string_end(i);
                self.out.push_str(&self.text[i..end]);
                end
            }
            Some(_) => {
                let end =
                    self.b[i..].iter().position(|c| matches!(c, b',' | b'}' | b']')).map_or(self.b.len(), |k| i + k);
                let end = end.max(i + 1);
                self.out.push_str(&self.text[i..end]);
                end
            }
            None => i,
        }
    }

    fn array(&mut self, i: usize) -> usize {
        self.out.push('[');
        let mut at = i + 1;
        while at < self.b.len() && self.b[at] != b']' {
            if self.b[at] == b',' {
                self.out.push(',');
                at += 1;
                continue;
            }
            at = self.value(at);
        }
        self.out.push(']');
        at + 1
    }

    fn object(&mut self, i: usize) -> usize {
        self.out.push('{');
        let mut at = i + 1;
        let mut wrote = false;
        while at < self.b.len() && self.b[at] != b'}' {
            if self.b[at] == b',' {
                at += 1;
                continue;
            }
            if self.b[at] != b'"' {
                // Not compact JSON: copy the rest as it is.
                self.out.push_str(&self.text[at..]);
                return self.b.len();
            }
            let key_end = self.string_end(at);
            let value_at = key_end + 1;
            let null =
                self.b[value_at..].starts_with(b"null") && matches!(self.b.get(value_at + 4), Some(b',' | b'}') | None);
            if null && self.omit_nulls {
                at = value_at + 4;
                continue;
            }
            if wrote {
                self.out.push(',');
            }
            wrote = true;
            let key = &self.text[at..key_end];
            match self.style {
                KeyStyle::Camel if key.contains('_') => {
                    let mut upper = false;
                    for c in key.chars() {
                        match c {
                            '_' => upper = true,
                            c if upper => {
                                self.out.extend(c.to_uppercase());
                                upper = false;
                            }
                            c => self.out.push(c),
                        }
                    }
                }
                _ => self.out.push_str(key),
            }
            self.out.push(':');
            at = self.value(value_at);
        }
        self.out.push('}');
        at + 1
    }
}

#[cfg(test)]
mod tests {
    use super::camel_keys;

    /// The summary written in camelCase is the summary's JSON with its keys rewritten, for
    /// every eligibility case of the conformance corpus, all subsidies and one.
    #[test]
    fn the_camel_summary_is_the_rewritten_summary() {
        use crate::eligibility::SubsidyKind;
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance");
        let cases: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(corpus.join("eligibility.json")).unwrap()).unwrap();
        let mut compared = 0;
        for case in cases["cases"].as_array().unwrap() {
            let args = &case["args"];
            if case["call"] != "eligibility" || case.get("expect_error").is_some() || args.get("profile").is_none() {
                continue;
            }
            let plan = match args["plan"].as_str() {
                Some(file) if file != "jilin" => crate::Plan::from_path(corpus.join(file)).unwrap(),
                _ => crate::Plan::jilin_2022_2025().unwrap(),
            };
            let as_of = chrono::NaiveDate::parse_from_str(args["as_of"].as_str().unwrap(), "%Y-%m-%d").unwrap();
            let offer = args.get("offer").cloned().unwrap_or_else(|| serde_json::json!({}));
            for only in [vec![], vec![SubsidyKind::ALL[1]]] {
                let options = super::DecisionOptions { subsidies: only, explain: false };
                let decided = super::decided_value(&plan, &args["profile"], &offer, as_of, &options).unwrap();
                let summary = decided.summary(&plan);
                assert_eq!(
                    super::summary_text(&summary, super::KeyStyle::Camel),
                    super::to_json_text(&summary, super::KeyStyle::Camel),
                    "{}",
                    case["name"]
                );
                compared += 1;
            }
        }
        assert!(compared > 150, "only {compared} summaries compared");
    }

    #[test]
    fn nulls_are_left_out_in_order_and_strings_kept() {
        let text = r#"{"b_c":null,"a":[1,null,{"x":null}],"q":"x\":null,","z":{"k_v":null},"y":true}"#;
        assert_eq!(
            super::rewrite(text, super::KeyStyle::Camel, true),
            r#"{"a":[1,null,{}],"q":"x\":null,","z":{},"y":true}"#
        );
        assert_eq!(super::rewrite(text, super::KeyStyle::Snake, false), text);
    }

    #[test]
    fn keys_become_camel_case_and_values_do_not() {
        let text = r#"{"as_of":"2025-01-01","to_qualify":[{"field":"profile.unemployment_insurance_months","note":"a \"quoted_word\": x"}],"missing_facts":[]}"#;
        assert_eq!(
            camel_keys(text),
            r#"{"asOf":"2025-01-01","toQualify":[{"field":"profile.unemployment_insurance_months","note":"a \"quoted_word\": x"}],"missingFacts":[]}"#
        );
    }
}
