//! The `skillplan` command: show, validate and query a training action plan.

mod chart;
mod eligibility;
mod pathway;
mod records;
mod report;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use skillplan::{Error, Plan};

#[derive(Parser)]
#[command(
    name = "skillplan",
    version,
    about = "One definition of a vocational-skills training action plan (default: 吉人社联〔2022〕145号, Jilin 2022–2025)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show, validate and query the plan itself.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// A worker's skill-level pathway: levels held, each level above, routes, earliest dates.
    Pathway {
        /// The worker as JSON: occupation, work_started_on, levels, diplomas, … (see the README).
        #[arg(long)]
        worker: PathBuf,
        /// The as-of date (YYYY-MM-DD); default today.
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        args: PlanArgs,
    },
    /// Which target groups a person is in and which subsidies of （二十五） they can get for a
    /// training offer, with reasons and what is missing.
    Eligibility {
        /// The person profile as JSON (see the README); `-` reads standard input.
        #[arg(long)]
        profile: PathBuf,
        /// The training offer as JSON; absent means nothing is known of the offer.
        #[arg(long)]
        offer: Option<PathBuf>,
        /// The as-of date (YYYY-MM-DD); default today.
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        args: PlanArgs,
    },
    /// The 双贯通 crosswalk between skill levels and professional titles.
    Crosswalk {
        /// Entries of this skill level (e.g. senior).
        #[arg(long)]
        level: Option<String>,
        /// Entries of this title (e.g. engineer or 工程师).
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        args: PlanArgs,
    },
    /// Progress of every indicator as of a date, from an observations file (CSV or JSON).
    Report {
        /// Observations: CSV with the columns indicator, region, date, value, kind, or JSON.
        #[arg(long, required_unless_present = "records", conflicts_with = "records")]
        observations: Option<PathBuf>,
        /// Training or base records (CSV or JSON Lines) to count by the plan's rules instead;
        /// give the option once per file.
        #[arg(long)]
        records: Vec<PathBuf>,
        #[command(flatten)]
        count: records::CountArgs,
        /// The as-of date (YYYY-MM-DD); default today.
        #[arg(long)]
        as_of: Option<String>,
        /// Regional targets: CSV with the columns indicator, region, target.
        #[arg(long)]
        targets: Option<PathBuf>,
        /// Write a burn-up chart per indicator to this SVG file.
        #[arg(long)]
        chart: Option<PathBuf>,
        /// A plan file (TOML) to use instead of the embedded Jilin plan.
        #[arg(long)]
        plan: Option<PathBuf>,
        /// Language of labels.
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// Count training and base records (CSV or JSON Lines) by the plan's counting rules.
    Count {
        /// The record files; training and base files may be mixed.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        count: records::CountArgs,
        /// A plan file (TOML) to use instead of the embedded Jilin plan.
        #[arg(long)]
        plan: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// table: counts by indicator; json: the whole tally; csv: counts by indicator, region, month.
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// Replace the 身份证号 column of a CSV export with person_key = HMAC-SHA256(salt, ID),
    /// checking each ID against GB 11643; rows with an invalid ID are left out and listed.
    HashKeys {
        /// The CSV export (UTF-8 or GB18030).
        input: PathBuf,
        /// Where to write the hashed CSV (UTF-8).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        salt: records::SaltArgs,
        #[command(flatten)]
        count: records::CountArgs,
        /// A plan file (TOML) whose header aliases to use instead of the embedded plan's.
        #[arg(long)]
        plan: Option<PathBuf>,
    },
    /// Write deterministic synthetic records (same seed, same rows) for demos and benchmarks.
    SampleRecords {
        #[arg(long, default_value_t = 1000)]
        rows: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_enum, default_value = "training")]
        kind: records::SampleKind,
        #[arg(long, value_enum, default_value = "csv")]
        format: records::SampleFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Lang {
    Zh,
    En,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    Table,
    Json,
    Csv,
}

#[derive(clap::Args)]
struct PlanArgs {
    /// A plan file (TOML) to use instead of the embedded Jilin plan.
    #[arg(long, global = true)]
    plan: Option<PathBuf>,
    /// Language of labels.
    #[arg(long, value_enum, default_value = "zh", global = true)]
    lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", global = true)]
    format: Format,
}

#[derive(Subcommand)]
enum PlanCommand {
    /// The plan's metadata and its indicator table (专栏1).
    Show {
        #[command(flatten)]
        args: PlanArgs,
    },
    /// Check a plan file; lists every problem and exits 1 if there is any.
    Validate {
        /// The plan file to check.
        file: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// The measures a department is responsible for.
    Measures {
        /// Department id, short name (省教育厅), full name or alias.
        #[arg(long)]
        department: String,
        #[command(flatten)]
        args: PlanArgs,
    },
    /// A clause and its text: 三, （二十五）, 25, 专栏2, 专栏2.1.
    Clause {
        id: String,
        #[command(flatten)]
        args: PlanArgs,
    },
    /// The departments the plan names.
    Departments {
        #[command(flatten)]
        args: PlanArgs,
    },
    /// The regions and administrative units, with GB/T 2260 codes.
    Regions {
        #[command(flatten)]
        args: PlanArgs,
    },
    /// Print the JSON Schema of the plan data format (or, with --records, of training and base records).
    Schema {
        #[arg(long)]
        records: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Plan { command } => run(command),
        Command::Pathway { worker, as_of, args } => run_pathway(&worker, as_of, &args),
        Command::Eligibility { profile, offer, as_of, args } => load(&args)
            .and_then(|plan| {
                eligibility::run(&plan, &profile, offer.as_deref(), parse_as_of(as_of)?, args.format, args.lang)
            })
            .map(|()| ExitCode::SUCCESS),
        Command::Crosswalk { level, title, args } => load(&args)
            .and_then(|plan| pathway::crosswalk(&plan, level.as_deref(), title.as_deref(), args.format, args.lang))
            .map(|()| ExitCode::SUCCESS),
        Command::Report { observations, records, count, as_of, targets, chart, plan, lang, format } => {
            let input = match observations {
                Some(path) => report::Input::Observations(path),
                None => report::Input::Records(records, count),
            };
            let files = report::Files { input, targets, chart };
            run_report(files, as_of, plan, lang, format)
        }
        Command::Count { files, count, plan, lang, format } => load(&PlanArgs { plan, lang, format: Format::Table })
            .and_then(|plan| records::run_count(&plan, &files, &count, format, lang))
            .map(|()| ExitCode::SUCCESS),
        Command::HashKeys { input, out, salt, count, plan } => {
            load(&PlanArgs { plan, lang: Lang::En, format: Format::Table })
                .and_then(|plan| records::run_hash_keys(&plan, &input, &out, &salt, &count))
                .map(|()| ExitCode::SUCCESS)
        }
        Command::SampleRecords { rows, seed, kind, format, out } => {
            records::run_sample(rows, seed, kind, format, out.as_deref()).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(&e);
            ExitCode::from(1)
        }
    }
}

fn report_error(e: &Error) {
    if e.issues().is_empty() {
        let path = e.path();
        let at = if path.is_empty() { String::new() } else { format!(" at {path}") };
        eprintln!("error[{}]{at}: {e}", e.code());
    } else {
        for issue in e.issues() {
            eprintln!("error[{}/{}] {issue}", e.code(), issue.reason.as_str());
        }
    }
}

fn load(args: &PlanArgs) -> Result<Plan, Error> {
    match &args.plan {
        Some(path) => Plan::from_path(path),
        None => Plan::jilin_2022_2025(),
    }
}

fn parse_as_of(as_of: Option<String>) -> Result<chrono::NaiveDate, Error> {
    match as_of {
        Some(text) => skillplan::date_text::parse(&text)
            .map_err(|message| Error::from(skillplan::OptionsError { path: "as_of".into(), message })),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn run_pathway(worker: &std::path::Path, as_of: Option<String>, args: &PlanArgs) -> Result<ExitCode, Error> {
    let plan = load(args)?;
    pathway::run(&plan, worker, parse_as_of(as_of)?, args.format, args.lang)?;
    Ok(ExitCode::SUCCESS)
}

fn run_report(
    files: report::Files,
    as_of: Option<String>,
    plan: Option<PathBuf>,
    lang: Lang,
    format: ReportFormat,
) -> Result<ExitCode, Error> {
    let plan = load(&PlanArgs { plan, lang, format: Format::Table })?;
    let as_of = parse_as_of(as_of)?;
    report::run(&plan, files, as_of, format, lang)?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn pick(lang: Lang, label: &skillplan::Label) -> &str {
    match lang {
        Lang::Zh => &label.zh,
        Lang::En => &label.en,
    }
}

fn print_json<T: serde::Serialize + ?Sized>(value: &T) {
    println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}

fn run(command: PlanCommand) -> Result<ExitCode, Error> {
    match command {
        PlanCommand::Show { args } => {
            let plan = load(&args)?;
            match args.format {
                Format::Json => print_json(plan.data()),
                Format::Table => show(&plan, args.lang),
            }
        }
        PlanCommand::Validate { file, format } => {
            return Ok(validate(&file, format));
        }
        PlanCommand::Measures { department, args } => {
            let plan = load(&args)?;
            let dept = plan.department(&department)?;
            let measures = plan.measures_for_department(&department)?;
            match args.format {
                Format::Json => print_json(&measures),
                Format::Table => {
                    println!("{} ({}): {} measures", dept.short_zh, dept.en, measures.len());
                    let rows = measures
                        .iter()
                        .map(|m| {
                            let lead =
                                m.responsibility.as_ref().and_then(|r| r.lead.as_deref()) == Some(dept.id.as_str());
                            vec![
                                m.id.clone(),
                                pick(args.lang, &m.title).to_owned(),
                                if lead { "lead" } else { "listed" }.to_owned(),
                            ]
                        })
                        .collect();
                    print!("{}", table::render(&["clause", "title", "role"], rows));
                    let all = plan.measures_for_all_relevant();
                    if !all.is_empty() {
                        let ids: Vec<&str> = all.iter().map(|m| m.id.as_str()).collect();
                        println!("Also for every relevant department (所有相关部门): {}", ids.join(" "));
                    }
                }
            }
        }
        PlanCommand::Clause { id, args } => {
            let plan = load(&args)?;
            let clause = plan.clause(&id)?;
            match args.format {
                Format::Json => print_json(&clause),
                Format::Table => {
                    println!("{} {}", clause.id, pick(args.lang, &clause.title));
                    if !clause.text_zh.is_empty() {
                        println!("\n{}", clause.text_zh);
                    }
                }
            }
        }
        PlanCommand::Departments { args } => {
            let plan = load(&args)?;
            match args.format {
                Format::Json => print_json(plan.departments()),
                Format::Table => {
                    let rows = plan
                        .departments()
                        .iter()
                        .map(|d| {
                            let n = plan.measures_for_department(&d.id).map(|m| m.len()).unwrap_or(0);
                            let name = match args.lang {
                                Lang::Zh => d.full_zh.clone(),
                                Lang::En => d.en.clone(),
                            };
                            vec![d.id.clone(), d.short_zh.clone(), name, n.to_string()]
                        })
                        .collect();
                    print!("{}", table::render(&["id", "as written", "name", "measures"], rows));
                }
            }
        }
        PlanCommand::Regions { args } => {
            let plan = load(&args)?;
            match args.format {
                Format::Json => print_json(plan.regions()),
                Format::Table => {
                    let rows = plan
                        .regions()
                        .iter()
                        .map(|r| {
                            vec![
                                r.id.clone(),
                                r.code.clone().unwrap_or_else(|| "—".into()),
                                pick(args.lang, &r.name).to_owned(),
                                pick(args.lang, &r.kind.label()).to_owned(),
                            ]
                        })
                        .collect();
                    print!("{}", table::render(&["id", "code", "name", "kind"], rows));
                }
            }
        }
        PlanCommand::Schema { records } => {
            print!("{}", if records { skillplan::records::json_schema() } else { skillplan::json_schema() })
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(plan: &Plan, lang: Lang) {
    let m = plan.metadata();
    println!("{}", pick(lang, &m.title));
    println!(
        "{}  ·  {} – {}  ·  fingerprint {}",
        m.document_number,
        m.period.start,
        m.period.end,
        &plan.fingerprint()[..12]
    );
    println!();
    let rows = plan
        .indicators()
        .iter()
        .map(|i| {
            let indent = if i.parent.is_some() { "  " } else { "" };
            vec![
                format!("{}", i.row),
                format!("{indent}{}", pick(lang, &i.name)),
                format!("{} {}", i.comparator.symbol(), group_thousands(&i.target.to_string())),
                pick(lang, &i.unit.label()).to_owned(),
                pick(lang, &i.attribute.label()).to_owned(),
                i.id.clone(),
            ]
        })
        .collect();
    let head: &[&str] = match lang {
        Lang::Zh => &["行", "主要指标", "目标", "单位", "属性", "id"],
        Lang::En => &["row", "indicator", "target", "unit", "attribute", "id"],
    };
    print!("{}", table::render(head, rows));
    if let Some(first) = plan.indicators().first() {
        println!("\nSource: {} of {}", first.clause, m.document_number);
    }
}

/// 840000 → 840,000 (the integer part only; the decimal part is kept as is).
pub(crate) fn group_thousands(number: &str) -> String {
    let (int, frac) = number.split_once('.').map_or((number, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{}", frac.map(|f| format!(".{f}")).unwrap_or_default())
}

fn validate(file: &PathBuf, format: Format) -> ExitCode {
    match Plan::from_path(file) {
        Ok(plan) => {
            match format {
                Format::Json => print_json(
                    &serde_json::json!({ "valid": true, "id": plan.id(), "fingerprint": plan.fingerprint() }),
                ),
                Format::Table => println!(
                    "{}: valid plan {:?} ({} indicators, {} measures), fingerprint {}",
                    file.display(),
                    plan.id(),
                    plan.indicators().len(),
                    plan.measures().len(),
                    plan.fingerprint()
                ),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            match format {
                Format::Json => {
                    let issues: Vec<_> = e
                        .issues()
                        .iter()
                        .map(|i| {
                            serde_json::json!({
                        "reason": i.reason.as_str(), "path": i.path, "message": i.message })
                        })
                        .collect();
                    print_json(&serde_json::json!({ "valid": false, "code": e.code().as_str(), "path": e.path(),
                        "message": e.to_string(), "issues": issues }));
                }
                Format::Table => {
                    eprintln!("{}: invalid plan", file.display());
                    report_error(&e);
                }
            }
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::group_thousands("840000"), "840,000");
        assert_eq!(super::group_thousands("32"), "32");
        assert_eq!(super::group_thousands("1234567.5"), "1,234,567.5");
        assert_eq!(super::group_thousands("-1000"), "-1,000");
    }
}
