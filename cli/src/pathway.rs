//! `skillplan pathway` and `skillplan crosswalk`: a worker's skill-level pathway, and the
//! 双贯通 crosswalk between skill levels and professional titles.

use std::path::Path;

use chrono::NaiveDate;
use skillplan::pathway::{self, Pathway};
use skillplan::{CrosswalkEntry, Error, OptionsError, Plan};

use crate::{Format, Lang, pick, table};

pub fn run(plan: &Plan, worker: &Path, as_of: NaiveDate, format: Format, lang: Lang) -> Result<(), Error> {
    let text = std::fs::read_to_string(worker).map_err(|e| {
        Error::from(OptionsError {
            path: "worker".into(),
            message: format!("cannot read {}: {}", worker.display(), e.kind()),
        })
    })?;
    let worker = pathway::parse_worker_json(&text)?;
    let p = pathway::pathway(plan, &worker, as_of)?;
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default()),
        Format::Table => print_pathway(&p, lang),
    }
    Ok(())
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
}

fn print_pathway(p: &Pathway, lang: Lang) {
    let held: Vec<String> = p.held.iter().map(|h| format!("{} ({})", pick(lang, &h.name), h.obtained_on)).collect();
    println!(
        "as of {} · requirements: {} · held: {}",
        p.as_of,
        pick(lang, &p.requirements_name),
        if held.is_empty() { "none".into() } else { held.join(", ") }
    );
    for u in &p.unlocked {
        println!("  unlocked: {} from {}", pick(lang, &u.name), date(u.available_from));
    }
    if p.at_top {
        println!("At the top of the ladder.");
        return;
    }
    let rows = p
        .steps
        .iter()
        .flat_map(|s| {
            let head = vec![
                format!("{}{}", if s.is_next { "→ " } else { "  " }, pick(lang, &s.name)),
                if s.can_apply_now { "now".into() } else { date(s.earliest_date) },
                String::new(),
                String::new(),
            ];
            let routes = s.routes.iter().map(|r| {
                vec![
                    format!("    {}", r.id),
                    date(r.earliest_date),
                    format!("{}%", (r.progress * rust_decimal::Decimal::ONE_HUNDRED).round_dp(0)),
                    r.conditions
                        .iter()
                        .filter_map(|c| c.missing.as_ref().map(|m| format!("missing: {}", pick(lang, m))))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            });
            std::iter::once(head).chain(routes).collect::<Vec<_>>()
        })
        .collect();
    print!("{}", table::render(&["level / route", "earliest", "progress", "note"], rows));
}

pub fn crosswalk(
    plan: &Plan,
    level: Option<&str>,
    title: Option<&str>,
    format: Format,
    lang: Lang,
) -> Result<(), Error> {
    let entries: Vec<&CrosswalkEntry> = match (level, title) {
        (Some(l), _) => plan.crosswalk_for_level(l)?,
        (None, Some(t)) => plan.crosswalk_for_title(t)?,
        (None, None) => plan.crosswalk().iter().collect(),
    };
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&entries).unwrap_or_default()),
        Format::Table => {
            let rows = entries
                .iter()
                .map(|x| {
                    let level = plan
                        .skill_level(&x.level)
                        .map(|l| pick(lang, &l.name).to_owned())
                        .unwrap_or_else(|| x.level.clone());
                    let title =
                        plan.title(&x.title).map(|t| pick(lang, &t.name).to_owned()).unwrap_or_else(|| x.title.clone());
                    let (from, to) = match x.direction {
                        skillplan::CrosswalkDirection::SkillToTitle => (level, title),
                        skillplan::CrosswalkDirection::TitleToSkill => (title, level),
                    };
                    vec![
                        from,
                        to,
                        format!("{}", x.years),
                        x.confidence.as_str().to_owned(),
                        x.source.chars().take(40).collect(),
                    ]
                })
                .collect();
            print!("{}", table::render(&["from", "to", "years", "confidence", "source"], rows));
        }
    }
    Ok(())
}
