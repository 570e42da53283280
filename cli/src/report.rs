//! `skillplan report`: progress of every indicator as of a date, from an observations file, as a
//! table, JSON or CSV, with an optional burn-up chart.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use skillplan::progress::observations::{self, Observations};
use skillplan::progress::{self, ProgressOptions, ProjectionClass, ProjectionMethod, RegionalTarget, Report};
use skillplan::{Error, OptionsError, Plan};

use crate::chart;
use crate::table;
use crate::{Lang, ReportFormat, pick};

/// Regional targets from CSV with the columns indicator, region, target.
fn read_targets(path: &Path) -> Result<Vec<RegionalTarget>, Error> {
    let bad = |message: String| Error::from(OptionsError { path: "targets".into(), message });
    let mut reader = csv_reader(path).map_err(|e| bad(format!("cannot read {}: {e}", path.display())))?;
    let headers = reader.headers().map_err(|e| bad(format!("cannot read the header: {e}")))?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(ic), Some(rc), Some(tc)) = (column("indicator"), column("region"), column("target")) else {
        return Err(bad("the header must name the columns indicator, region and target".into()));
    };
    let mut targets = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| bad(format!("row {i}: {e}")))?;
        let (Some(indicator), Some(region), Some(target)) = (record.get(ic), record.get(rc), record.get(tc)) else {
            return Err(bad(format!("row {i}: expected indicator,region,target")));
        };
        let target = skillplan::decimal_text::parse(target).map_err(|m| bad(format!("row {i}: {m}")))?;
        targets.push(RegionalTarget { indicator: indicator.to_owned(), region: region.to_owned(), target });
    }
    Ok(targets)
}

fn csv_reader(path: &Path) -> Result<csv::Reader<std::fs::File>, csv::Error> {
    csv::ReaderBuilder::new().trim(csv::Trim::All).from_path(path)
}

/// What a report is computed from.
pub enum Input {
    /// An observations file.
    Observations(PathBuf),
    /// Record files, counted by the plan's rules.
    Records(Vec<PathBuf>, crate::records::CountArgs),
}

/// The files a report reads and writes.
pub struct Files {
    pub input: Input,
    pub targets: Option<PathBuf>,
    pub chart: Option<PathBuf>,
}

pub fn run(plan: &Plan, args: Files, as_of: NaiveDate, format: ReportFormat, lang: Lang) -> Result<(), Error> {
    let inputs = match &args.input {
        Input::Observations(path) => observations::read_file(path)?,
        Input::Records(files, count) => crate::records::count_files(plan, files, count)?.observations(plan)?,
    };
    let obs = Observations::new(plan, &inputs)?;
    let mut options = ProgressOptions::new(as_of);
    if let Some(path) = &args.targets {
        options.regional_targets = read_targets(path)?;
    }
    let report = progress::report(plan, &obs, &options)?;
    match format {
        ReportFormat::Json => println!("{}", report.to_json()),
        ReportFormat::Csv => print!("{}", report.to_csv()),
        ReportFormat::Table => print_table(plan, &report, lang),
    }
    if let Some(path) = &args.chart {
        let panels: Vec<chart::Panel> = report
            .indicators
            .iter()
            .map(|row| chart::Panel {
                row,
                number: plan.indicator(&row.indicator).map(|i| i.row).unwrap_or(0),
                points: progress::achieved_series(plan, &obs, &row.indicator, None),
            })
            .collect();
        let meta = plan.metadata();
        let title = format!("{} 目标进度（截至 {}）", meta.title.zh, report.as_of);
        chart::draw(path, &title, report.period_start, report.period_end, &panels)
            .map_err(|message| Error::from(OptionsError { path: "chart".into(), message }))?;
        eprintln!("chart written to {}", path.display());
    }
    Ok(())
}

fn percent(value: Option<Decimal>) -> String {
    value.map(|v| format!("{}%", (v * Decimal::ONE_HUNDRED).round_dp(1))).unwrap_or_else(|| "—".into())
}

/// Whole numbers for large amounts, one decimal below 100 (a pace of 0.5 bases a month).
fn amount(value: Option<Decimal>) -> String {
    let shown = |v: Decimal| if v.abs() >= Decimal::ONE_HUNDRED { v.round_dp(0) } else { v.round_dp(1).normalize() };
    value.map(|v| crate::group_thousands(&shown(v).to_string())).unwrap_or_else(|| "—".into())
}

fn print_table(plan: &Plan, report: &Report, lang: Lang) {
    let final_note = if report.is_final { "  (final: the period has ended)" } else { "" };
    println!("{} — as of {}{final_note}", pick(lang, &plan.metadata().title), report.as_of);
    println!("period {} – {}, fingerprint {}\n", report.period_start, report.period_end, &report.fingerprint[..12]);
    let head: &[&str] = match lang {
        Lang::Zh => {
            &["行", "指标", "目标", "完成", "完成率", "应完成", "进度比", "状态", "每月尚需", "线性趋势", "UNSD"]
        }
        Lang::En => &[
            "row",
            "indicator",
            "target",
            "achieved",
            "done",
            "expected",
            "perf.",
            "status",
            "needed/month",
            "trend",
            "UNSD",
        ],
    };
    let rows = report
        .indicators
        .iter()
        .chain(&report.regions)
        .map(|r| {
            let number = plan.indicator(&r.indicator).map(|i| i.row.to_string()).unwrap_or_default();
            let mut name = pick(lang, &r.name).to_owned();
            if let Some(region) = &r.region {
                let region_name =
                    plan.region(region).map(|x| pick(lang, &x.name).to_owned()).unwrap_or_else(|_| region.clone());
                name = format!("{name} · {region_name}");
            }
            let class = |m: ProjectionMethod| {
                r.projection(m).and_then(|p| p.classification).map_or("—", ProjectionClass::as_str).to_owned()
            };
            vec![
                number,
                name,
                amount(Some(r.target)),
                amount(r.achieved),
                percent(r.completion),
                amount(Some(r.expected)),
                percent(r.performance),
                pick(lang, &r.status.label()).to_owned(),
                amount(r.required_per_month),
                class(ProjectionMethod::LinearTrend),
                class(ProjectionMethod::UnsdCagr),
            ]
        })
        .collect();
    print!("{}", table::render(head, rows));
    for p in &report.parts {
        let parts = p.parts.join(" + ");
        let state = if p.consistent { "consistent" } else { "INCONSISTENT" };
        println!(
            "其中 {parts} of {}: {} of {} achieved ({state})",
            p.whole,
            amount(p.parts_achieved),
            amount(p.whole_achieved)
        );
    }
    for w in &report.warnings {
        println!("warning[{}] {}: {}", w.code, w.indicator, w.message);
    }
}
