//! `skillplan count`, `skillplan sample-records` and the record input of `skillplan report`:
//! training and base records counted by the plan's rules, with a progress bar on large files.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use skillplan::basics::encoding::{ENCODING_NAMES, Encoding};
use skillplan::records::parse_column_mapping;
use skillplan::{CountOptions, Error, OptionsError, Plan, Tally};

use crate::{Lang, ReportFormat, pick};

/// When to draw the progress bar.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProgressMode {
    /// On a terminal, for files of 8 MiB or more.
    Auto,
    Always,
    Never,
}

/// How records are read.
#[derive(clap::Args)]
pub struct CountArgs {
    /// Fail on the first invalid record instead of skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Skip at most this many invalid records per file.
    #[arg(long, default_value_t = 1000)]
    pub max_rejected: u64,
    /// Show a progress bar on standard error.
    #[arg(long, value_enum, default_value = "auto")]
    pub progress: ProgressMode,
    /// Also write the tally (mergeable partial counts) as JSON to this file.
    #[arg(long)]
    pub tally_out: Option<PathBuf>,
    /// The files' text encoding: auto (UTF-8 if the bytes are UTF-8, else GB18030), utf-8 or
    /// gb18030 (which covers GBK).
    #[arg(long, default_value = "auto", value_parser = parse_encoding)]
    pub encoding: Encoding,
    /// A JSON or TOML file mapping source headers to record fields (`{"培训项目": "training_type"}`),
    /// over the plan's header aliases.
    #[arg(long, value_name = "FILE")]
    pub columns: Option<PathBuf>,
    /// The worksheet of .xlsx/.xls files to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
}

/// Where the salt of `hash-keys` comes from: a file or an environment variable, never an
/// argument (which other users of the machine can read in its process list).
#[derive(clap::Args)]
pub struct SaltArgs {
    /// A file holding the salt (its final newline is dropped).
    #[arg(long, value_name = "FILE")]
    pub salt_file: Option<PathBuf>,
    /// The environment variable holding the salt, when no --salt-file is given.
    #[arg(long, value_name = "NAME", default_value = "SKILLPLAN_SALT")]
    pub salt_env: String,
}

impl SaltArgs {
    fn salt(&self) -> Result<Vec<u8>, Error> {
        let missing = |message: String| Error::from(OptionsError { path: "salt".into(), message });
        match &self.salt_file {
            Some(path) => std::fs::read(path).map_err(|e| missing(format!("cannot read the salt file: {}", e.kind()))),
            None => std::env::var_os(&self.salt_env).map(|v| v.into_encoded_bytes()).ok_or_else(|| {
                missing(format!(
                    "no salt: give --salt-file FILE or set the environment variable {} (a secret of at least 16 bytes)",
                    self.salt_env
                ))
            }),
        }
    }
}

/// `skillplan hash-keys`: the hashed copy of an export, and a summary on standard error.
pub fn run_hash_keys(plan: &Plan, input: &Path, out: &Path, salt: &SaltArgs, args: &CountArgs) -> Result<(), Error> {
    let salt = salt.salt()?;
    let summary = skillplan::host::hash_key_file(plan, input, out, &salt, &args.options()?)?;
    eprintln!(
        "hash-keys: {} rows read, {} written, {} left out (invalid ID numbers)",
        summary.rows_read, summary.rows_written, summary.rows_rejected
    );
    for r in summary.rejections.iter().take(10) {
        eprintln!("  left out row {} {} [{}]: {}", r.row, r.field, r.code, r.message);
    }
    Ok(())
}

fn parse_encoding(text: &str) -> Result<Encoding, String> {
    Encoding::parse(text).ok_or_else(|| format!("use one of {ENCODING_NAMES}"))
}

impl CountArgs {
    /// The count options these arguments give (the column mapping read from its file).
    pub fn options(&self) -> Result<CountOptions, Error> {
        let columns = match &self.columns {
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| {
                    Error::from(OptionsError {
                        path: "columns".into(),
                        message: format!("cannot read the column mapping: {}", e.kind()),
                    })
                })?;
                Some(parse_column_mapping(&bytes)?)
            }
            None => None,
        };
        Ok(CountOptions {
            strict: self.strict,
            max_rejected: self.max_rejected,
            source: None,
            encoding: self.encoding,
            columns,
            sheet: self.sheet.clone(),
        })
    }
}

/// A progress bar on standard error, redrawn at most every 100 ms.
struct Bar {
    total: u64,
    started: Instant,
    last: Instant,
    label: String,
}

impl Bar {
    fn draw(&mut self, done: u64, force: bool) {
        if !force && self.last.elapsed().as_millis() < 100 {
            return;
        }
        self.last = Instant::now();
        let fraction = if self.total == 0 { 1.0 } else { (done as f64 / self.total as f64).min(1.0) };
        let width = 30;
        let filled = (fraction * width as f64) as usize;
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
        eprint!(
            "\r{} [{}{}] {:>3.0}% {:.0}/{:.0} MiB {:.0} MiB/s ",
            self.label,
            "#".repeat(filled),
            "-".repeat(width - filled),
            fraction * 100.0,
            mib(done),
            mib(self.total),
            mib(done) / secs
        );
        let _ = std::io::stderr().flush();
    }
}

/// Counts the records of every file into one tally, with a summary on standard error.
pub fn count_files(plan: &Plan, files: &[PathBuf], args: &CountArgs) -> Result<Tally, Error> {
    let mut tally = Tally::new(plan);
    let options = args.options()?;
    for path in files {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let show = match args.progress {
            ProgressMode::Always => true,
            ProgressMode::Never => false,
            ProgressMode::Auto => std::io::stderr().is_terminal() && size >= 8 << 20,
        };
        let started = Instant::now();
        let label = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut bar = Bar { total: size, started, last: started, label };
        let mut on_progress = |done: u64| bar.draw(done, false);
        let progress: Option<skillplan::BytesRead<'_>> = if show { Some(&mut on_progress) } else { None };
        tally.add_path(plan, path, &options, progress)?;
        if show {
            bar.draw(size, true);
            eprintln!();
        }
    }
    if let Some(out) = &args.tally_out {
        std::fs::write(out, tally.to_json() + "\n").map_err(|e| {
            Error::from(OptionsError {
                path: "tally_out".into(),
                message: format!("cannot write the tally: {}", e.kind()),
            })
        })?;
    }
    eprintln!("records: {} read, {} counted, {} rejected", tally.rows_read, tally.rows_counted, tally.rows_rejected);
    for r in tally.rejections().iter().take(10) {
        let source = r.source.as_deref().map(|s| format!("{s} ")).unwrap_or_default();
        eprintln!("  rejected {source}row {} {} [{}]: {}", r.row, r.field, r.code, r.message);
    }
    if tally.rejections().len() > 10 {
        eprintln!("  … {} more rejections (all are in --tally-out)", tally.rows_rejected - 10);
    }
    if !tally.ignored_columns().is_empty() {
        eprintln!("  columns not read: {}", tally.ignored_columns().join(", "));
    }
    Ok(tally)
}

/// `skillplan count`: the counts by indicator (and, in JSON, the whole tally).
pub fn run_count(
    plan: &Plan,
    files: &[PathBuf],
    args: &CountArgs,
    format: ReportFormat,
    lang: Lang,
) -> Result<(), Error> {
    let tally = count_files(plan, files, args)?;
    match format {
        ReportFormat::Json => println!("{}", tally.to_json()),
        ReportFormat::Csv => {
            println!("indicator,region,month,count");
            for c in tally.cells() {
                println!("{},{},{},{}", c.indicator, c.region, c.month, c.count);
            }
        }
        ReportFormat::Table => {
            let head: &[&str] = match lang {
                Lang::Zh => &["行", "指标", "计入", "符合规则", "无日期", "期前", "期后"],
                Lang::En => &["row", "indicator", "counted", "matched", "undated", "before", "after"],
            };
            let rows = tally
                .indicators()
                .iter()
                .filter_map(|t| {
                    let ind = plan.indicator(&t.indicator).ok()?;
                    ind.counting.as_ref()?;
                    Some(vec![
                        ind.row.to_string(),
                        pick(lang, &ind.name).to_owned(),
                        crate::group_thousands(&t.counted.to_string()),
                        crate::group_thousands(&t.matched.to_string()),
                        t.undated.to_string(),
                        t.before_period.to_string(),
                        t.after_period.to_string(),
                    ])
                })
                .collect();
            print!("{}", crate::table::render(head, rows));
        }
    }
    Ok(())
}

/// What `sample-records` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SampleKind {
    Training,
    Bases,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SampleFormat {
    Csv,
    Jsonl,
}

/// `skillplan sample-records`: deterministic synthetic records.
pub fn run_sample(
    rows: u64,
    seed: u64,
    kind: SampleKind,
    format: SampleFormat,
    out: Option<&Path>,
) -> Result<(), Error> {
    let fail = |e: std::io::Error| {
        Error::from(OptionsError { path: "out".into(), message: format!("cannot write the records: {}", e.kind()) })
    };
    let sink: Box<dyn Write> = match out {
        Some(path) => Box::new(std::fs::File::create(path).map_err(fail)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 20, sink);
    match (kind, format) {
        (SampleKind::Training, SampleFormat::Csv) => skillplan::sample::write_training_csv(&mut w, rows, seed, |_| {}),
        (SampleKind::Training, SampleFormat::Jsonl) => skillplan::sample::write_training_json_lines(&mut w, rows, seed),
        (SampleKind::Bases, SampleFormat::Csv) => skillplan::sample::write_base_csv(&mut w, rows, seed),
        (SampleKind::Bases, SampleFormat::Jsonl) => (0..rows).try_for_each(|i| {
            let line =
                serde_json::to_string(&skillplan::sample::base(seed, i).to_input()).map_err(std::io::Error::other)?;
            writeln!(w, "{line}")
        }),
    }
    .and_then(|()| w.flush())
    .map_err(fail)
}
