//! `skillplan eligibility`: a person profile and a training offer (JSON files) → the target
//! groups and the four subsidies of （二十五）, with reasons and what would make each "eligible".

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use skillplan::eligibility::{self, DecisionView, GroupStatus, Tri};
use skillplan::{Error, OptionsError, Plan};

use crate::{Format, Lang, pick};

fn read(path: &Path, what: &str) -> Result<String, Error> {
    let fail = |e: std::io::Error| {
        Error::from(OptionsError {
            path: what.into(),
            message: format!("cannot read {}: {}", path.display(), e.kind()),
        })
    };
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(fail)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(fail)
    }
}

pub fn run(
    plan: &Plan,
    profile: &Path,
    offer: Option<&Path>,
    as_of: NaiveDate,
    format: Format,
    lang: Lang,
) -> Result<(), Error> {
    let profile = read(profile, "profile")?;
    let offer = match offer {
        Some(path) => read(path, "offer")?,
        None => "{}".into(),
    };
    let decision = eligibility::check_json(plan, &profile, &offer, as_of)?;
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&decision).unwrap_or_default()),
        Format::Table => print(&decision, lang),
    }
    Ok(())
}

fn print(d: &DecisionView, lang: Lang) {
    println!("as of {}", d.as_of);
    for g in &d.target_groups {
        let why: Vec<String> = g.reasons.iter().map(|r| pick(lang, r).to_owned()).collect();
        let missing: Vec<&str> = g.missing_facts.iter().map(|f| f.as_str()).collect();
        let detail =
            if g.status == GroupStatus::Member { why.join("; ") } else { format!("missing: {}", missing.join(", ")) };
        println!("  {} {} {} — {}", g.clause, pick(lang, &g.name), g.status, detail);
    }
    for s in &d.subsidies {
        let amount = s.amount.map(|a| format!(" {a} 元")).unwrap_or_default();
        let version = s.version.as_ref().map(|v| format!(" [{}: {}]", v.id, v.source)).unwrap_or_default();
        println!("{} {}{amount}{version}", pick(lang, &s.name), s.status.as_str());
        for c in &s.checks {
            let mark = match c.outcome {
                Tri::Yes => "✓",
                Tri::No => "✗",
                Tri::Unknown => "?",
            };
            println!("    {mark} {}", pick(lang, &c.explanation));
        }
        for r in &s.to_qualify {
            println!("    → {}", pick(lang, &r.explanation));
        }
        for u in &s.unconfirmed {
            println!("    ! unconfirmed {}: {}", u.parameter, u.note);
        }
    }
}
