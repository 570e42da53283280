//! Tallies: counts of records by indicator × region × month under the plan's counting rules,
//! with what was read, counted and rejected. A tally is a partial aggregate: tallies of separate
//! partitions merge into the tally of the whole, and serialise to JSON to travel between
//! processes. Its observations feed the progress report.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::basics::text::{redact, shown};
use crate::error::{Error, ErrorCode, RecordsError};
use crate::plan::Plan;
use crate::plan::counting::{Facts, NO_DATE};
use crate::progress::observations::{ObservationInput, Observations, last_day_of_month};

use super::columns::RecordInput;
use super::files::ValueScratch;
use super::headers::{ColumnMapping, Headers};
use super::parse::{Raw, RecordParser, Refusal};
use crate::basics::encoding::Encoding;

/// The serialised format's name and version.
pub const TALLY_FORMAT: &str = "skillplan-tally/1";
/// A tally keeps at most this many rejections in detail; the count of rejected rows is exact.
pub const MAX_KEPT_REJECTIONS: usize = 1000;

/// How records are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountOptions {
    /// Fail on the first invalid record (`INVALID_RECORD`) instead of skipping it.
    pub strict: bool,
    /// Skip at most this many invalid records in one call; one more fails the call with
    /// `TOO_MANY_INVALID_RECORDS`. Default 1000.
    pub max_rejected: u64,
    /// A name for the input (a file name, a partition) shown with its rejections.
    pub source: Option<String>,
    /// The text encoding of files: `Auto` (the default) reads UTF-8, else GB18030.
    pub encoding: Encoding,
    /// Source header → record field, over the plan's header aliases (`--columns`).
    pub columns: Option<ColumnMapping>,
    /// The worksheet of a workbook to read; the first when `None`.
    pub sheet: Option<String>,
}

impl Default for CountOptions {
    fn default() -> Self {
        CountOptions {
            strict: false,
            max_rejected: 1000,
            source: None,
            encoding: Encoding::Auto,
            columns: None,
            sheet: None,
        }
    }
}

/// A record that was refused and skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema, Deserialize)]
pub struct Rejection {
    /// The input it came from, when one was named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its row in that input, from 1 (a CSV header is not a row).
    pub row: u64,
    /// The field at fault, e.g. `region`.
    pub field: String,
    /// A stable reason such as `unknown_region`.
    pub code: String,
    /// What was expected, in English; never the value found.
    pub message: String,
}

/// Per-indicator figures: how many records met the rule, and why some of those were not
/// placed in a month of the plan period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema, Deserialize)]
pub struct IndicatorTally {
    /// The indicator's id.
    pub indicator: String,
    /// Records that met the rule.
    pub matched: u64,
    /// Of those, records counted in a month of the plan period.
    pub counted: u64,
    /// Met the rule but lack the date the rule counts by (e.g. not yet completed).
    pub undated: u64,
    /// Met the rule but are dated before the plan period.
    pub before_period: u64,
    /// Met the rule but are dated after the plan period.
    pub after_period: u64,
}

/// One non-zero cell of a tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema, Deserialize)]
pub struct TallyCell {
    /// The indicator's id.
    pub indicator: String,
    /// The region the records name (not rolled up).
    pub region: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Records counted in the cell.
    pub count: u64,
}

/// Counts of records by indicator × region × month for one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    plan_fingerprint: String,
    indicators: Vec<String>,
    regions: Vec<String>,
    /// Index of each region's parent region, for subtree sums.
    region_parent: Vec<Option<usize>>,
    first_month: (i32, u32),
    months: usize,
    period: (i32, i32),
    /// The month index of each day of the period (day − period start), so placing a record in
    /// its month is one lookup.
    month_of_day: std::sync::Arc<Vec<u16>>,
    /// `[indicator][region][month]`, flattened.
    cells: Vec<u64>,
    per_indicator: Vec<IndicatorTally>,
    /// Rows read, whether counted, not counted or rejected.
    pub rows_read: u64,
    /// Rows counted toward at least one indicator, in a month of the plan period.
    pub rows_counted: u64,
    /// Rows refused as invalid.
    pub rows_rejected: u64,
    rejections: Vec<Rejection>,
    ignored_columns: Vec<String>,
}

/// A tally's cells and per-indicator figures, borrowed for counting rows that met a rule.
pub(crate) struct Counter<'t> {
    cells: &'t mut [u64],
    per_indicator: &'t mut [IndicatorTally],
    period: (i32, i32),
    month_of_day: &'t [u16],
    regions: usize,
    months: usize,
}

impl Counter<'_> {
    /// Counts the rows `takes` selects as meeting `indicator`'s rule, each in its region and the
    /// month of its day (or `NO_DATE`), marking in `counted` the rows placed in a month. The
    /// figures are kept in registers and the indicator's cells sliced once, so a row costs a
    /// few comparisons and one increment.
    #[inline]
    pub fn add_rows(
        &mut self,
        indicator: usize,
        regions: &[u16],
        days: &[i32],
        takes: impl Fn(usize) -> bool,
        counted: &mut [bool],
    ) {
        let (first, last) = self.period;
        let months = self.months;
        let size = self.regions * months;
        let cells = &mut self.cells[indicator * size..(indicator + 1) * size];
        let (mut matched, mut undated, mut before, mut after, mut placed) = (0u64, 0u64, 0u64, 0u64, 0u64);
        for (row, (&region, &day)) in regions.iter().zip(days).enumerate() {
            if !takes(row) {
                continue;
            }
            matched += 1;
            if day == NO_DATE {
                undated += 1;
            } else if day < first {
                before += 1;
            } else if day > last {
                after += 1;
            } else {
                placed += 1;
                let month = self.month_of_day[(day - first) as usize] as usize;
                cells[region as usize * months + month] += 1;
                counted[row] = true;
            }
        }
        let stats = &mut self.per_indicator[indicator];
        stats.matched += matched;
        stats.undated += undated;
        stats.before_period += before;
        stats.after_period += after;
        stats.counted += placed;
    }

    /// Counts a record that met `indicator`'s rule, dated `day` (or `NO_DATE`); true when it
    /// was placed in a month of the plan period.
    #[inline]
    pub fn add(&mut self, indicator: usize, region: usize, day: i32) -> bool {
        let stats = &mut self.per_indicator[indicator];
        stats.matched += 1;
        if day == NO_DATE {
            stats.undated += 1;
        } else if day < self.period.0 {
            stats.before_period += 1;
        } else if day > self.period.1 {
            stats.after_period += 1;
        } else {
            stats.counted += 1;
            let month = self.month_of_day[(day - self.period.0) as usize] as usize;
            self.cells[(indicator * self.regions + region) * self.months + month] += 1;
            return true;
        }
        false
    }
}

/// Everything a tally says, in one serialisable value: what hosts show and the conformance
/// corpus checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TallySummary {
    /// The fingerprint of the plan whose rules made the tally.
    pub plan: String,
    /// Rows read, whether counted, not counted or rejected.
    pub rows_read: u64,
    /// Rows counted toward at least one indicator, in a month of the plan period.
    pub rows_counted: u64,
    /// Rows refused as invalid.
    pub rows_rejected: u64,
    /// Counted records per indicator (that has a rule), whole area and period.
    pub totals: std::collections::BTreeMap<String, u64>,
    /// Per region (including the regions inside it) with any records, per indicator.
    pub region_totals: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>>,
    /// Figures of each indicator that has a counting rule, in the plan's order.
    pub indicators: Vec<IndicatorTally>,
    /// Refused records, up to [`MAX_KEPT_REJECTIONS`].
    pub rejections: Vec<Rejection>,
    /// Columns or keys the inputs had that the record format does not.
    pub ignored_columns: Vec<String>,
    /// The non-zero cells, by indicator, region and month.
    pub cells: Vec<TallyCell>,
}

/// The serialised form: only non-zero cells.
#[derive(Debug, Serialize, schemars::JsonSchema, Deserialize)]
#[serde(deny_unknown_fields)]
struct TallyJson {
    format: String,
    plan: String,
    rows_read: u64,
    rows_counted: u64,
    rows_rejected: u64,
    indicators: Vec<IndicatorTally>,
    cells: Vec<TallyCell>,
    #[serde(default)]
    rejections: Vec<Rejection>,
    #[serde(default)]
    ignored_columns: Vec<String>,
}

fn month_index(first: (i32, u32), date: NaiveDate) -> usize {
    ((date.year() - first.0) * 12 + date.month() as i32 - first.1 as i32) as usize
}

impl Tally {
    /// An empty tally for `plan`.
    pub fn new(plan: &Plan) -> Tally {
        let period = &plan.metadata().period;
        let first_month = (period.start.year(), period.start.month());
        let months = month_index(first_month, period.end) + 1;
        let regions: Vec<String> = plan.regions().iter().map(|r| r.id.clone()).collect();
        let region_parent = plan
            .regions()
            .iter()
            .map(|r| r.parent.as_deref().and_then(|p| regions.iter().position(|x| x == p)))
            .collect();
        let indicators: Vec<String> = plan.indicators().iter().map(|i| i.id.clone()).collect();
        let month_of_day = period
            .start
            .iter_days()
            .take_while(|d| *d <= period.end)
            .map(|d| month_index(first_month, d) as u16)
            .collect();
        Tally {
            month_of_day: std::sync::Arc::new(month_of_day),
            plan_fingerprint: plan.fingerprint().to_owned(),
            cells: vec![0; indicators.len() * regions.len().max(1) * months],
            per_indicator: indicators
                .iter()
                .map(|id| IndicatorTally { indicator: id.clone(), ..Default::default() })
                .collect(),
            indicators,
            regions,
            region_parent,
            first_month,
            months,
            period: (period.start.num_days_from_ce(), period.end.num_days_from_ce()),
            rows_read: 0,
            rows_counted: 0,
            rows_rejected: 0,
            rejections: Vec::new(),
            ignored_columns: Vec::new(),
        }
    }

    /// An empty tally of the same plan (for counting a part apart).
    #[cfg_attr(not(feature = "arrow"), allow(dead_code))]
    pub(crate) fn new_like(&self) -> Tally {
        Tally {
            plan_fingerprint: self.plan_fingerprint.clone(),
            indicators: self.indicators.clone(),
            regions: self.regions.clone(),
            region_parent: self.region_parent.clone(),
            first_month: self.first_month,
            months: self.months,
            period: self.period,
            month_of_day: self.month_of_day.clone(),
            cells: vec![0; self.cells.len()],
            per_indicator: self
                .per_indicator
                .iter()
                .map(|t| IndicatorTally { indicator: t.indicator.clone(), ..Default::default() })
                .collect(),
            rows_read: 0,
            rows_counted: 0,
            rows_rejected: 0,
            rejections: Vec::new(),
            ignored_columns: Vec::new(),
        }
    }

    /// The fingerprint of the plan whose rules made this tally.
    pub fn plan_fingerprint(&self) -> &str {
        &self.plan_fingerprint
    }

    pub(crate) fn check_plan(&self, plan: &Plan) -> Result<(), Error> {
        if plan.fingerprint() != self.plan_fingerprint {
            return Err(tally_error(
                "other_plan",
                "plan",
                "this tally was made under another plan (its fingerprint differs)".into(),
            ));
        }
        Ok(())
    }

    /// Records that were refused, up to [`MAX_KEPT_REJECTIONS`]; `rows_rejected` is the count.
    pub fn rejections(&self) -> &[Rejection] {
        &self.rejections
    }

    /// Columns or keys that inputs had and the record format does not, so were not read.
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored_columns
    }

    pub(crate) fn note_ignored(&mut self, name: &str) {
        let name = shown(name);
        if let Err(at) = self.ignored_columns.binary_search(&name)
            && self.ignored_columns.len() < 100
        {
            // Kept sorted, so the list does not depend on the order hosts give keys in.
            self.ignored_columns.insert(at, name);
        }
    }

    /// Per-indicator figures, in the plan's order.
    pub fn indicators(&self) -> &[IndicatorTally] {
        &self.per_indicator
    }

    fn cell_index(&self, indicator: usize, region: usize, month: usize) -> usize {
        (indicator * self.regions.len() + region) * self.months + month
    }

    /// Counts one record's facts under every rule.
    #[inline]
    pub(crate) fn add_facts(&mut self, plan: &Plan, facts: &Facts) {
        self.rows_read += 1;
        let mut counted = false;
        let rules = plan.counting_rules();
        let leaf_bits = rules.leaf_bits(facts);
        let mut counter = self.counter();
        for (i, rule) in rules.rules.iter().enumerate() {
            let Some(rule) = rule else { continue };
            if rule.counts(facts, leaf_bits) {
                counted |= counter.add(i, facts.region as usize, facts.dates[rule.date as usize]);
            }
        }
        if counted {
            self.rows_counted += 1;
        }
    }

    /// The cells and per-indicator figures, for the counting kernel to add to.
    pub(crate) fn counter(&mut self) -> Counter<'_> {
        Counter {
            cells: &mut self.cells,
            per_indicator: &mut self.per_indicator,
            period: self.period,
            month_of_day: &self.month_of_day,
            regions: self.regions.len(),
            months: self.months,
        }
    }

    /// Records a refused row: kept in detail, or an error in strict mode or past the limit.
    pub(crate) fn reject(
        &mut self,
        row: u64,
        refusal: Refusal,
        options: &CountOptions,
        rejected_here: &mut u64,
    ) -> Result<(), Error> {
        self.rows_read += 1;
        self.rows_rejected += 1;
        *rejected_here += 1;
        let path = format!("rows[{row}].{}", refusal.field);
        let message = refusal.reason.message(refusal.field);
        if options.strict {
            return Err(RecordsError {
                code: ErrorCode::InvalidRecord,
                reason: refusal.reason.as_str(),
                path,
                message,
            }
            .into());
        }
        if *rejected_here > options.max_rejected {
            return Err(RecordsError {
                code: ErrorCode::TooManyInvalidRecords,
                reason: refusal.reason.as_str(),
                path,
                message: format!("more than {} invalid records; the last: {message}", options.max_rejected),
            }
            .into());
        }
        if self.rejections.len() < MAX_KEPT_REJECTIONS {
            self.rejections.push(Rejection {
                source: options.source.clone(),
                row,
                field: refusal.field.to_owned(),
                code: refusal.reason.as_str().to_owned(),
                message,
            });
        }
        Ok(())
    }

    /// Adds records a host built itself (Kotlin, Swift), numbered from 1.
    pub fn add_inputs(&mut self, plan: &Plan, records: &[RecordInput], options: &CountOptions) -> Result<(), Error> {
        self.check_plan(plan)?;
        let parser = RecordParser::new(plan);
        let mut rejected = 0;
        let mut joined = String::new();
        for (i, r) in records.iter().enumerate() {
            let raw = Raw::from_input(r, &mut joined);
            match parser.facts(&raw) {
                Ok(f) => self.add_facts(plan, &f),
                Err(refusal) => self.reject(i as u64 + 1, refusal, options, &mut rejected)?,
            }
        }
        Ok(())
    }

    /// Adds records given as JSON objects (from Node, Python dicts or JSON text), numbered from 1.
    pub fn add_values(
        &mut self,
        plan: &Plan,
        records: &[serde_json::Value],
        options: &CountOptions,
    ) -> Result<(), Error> {
        self.check_plan(plan)?;
        let parser = RecordParser::new(plan);
        let mut rejected = 0;
        let headers = Headers::new(plan, options.columns.as_ref());
        headers.check_mapping()?;
        let mut scratch = ValueScratch::new(&headers);
        for (i, value) in records.iter().enumerate() {
            match scratch.raw(value, self) {
                Ok(raw) => match parser.facts(&raw) {
                    Ok(f) => self.add_facts(plan, &f),
                    Err(refusal) => self.reject(i as u64 + 1, refusal, options, &mut rejected)?,
                },
                Err(refusal) => self.reject(i as u64 + 1, refusal, options, &mut rejected)?,
            }
        }
        Ok(())
    }

    /// Adds records given as JSON text: an array of objects (hosts without a JSON value type of
    /// their own use this).
    pub fn add_json_text(&mut self, plan: &Plan, text: &str, options: &CountOptions) -> Result<(), Error> {
        let values: Vec<serde_json::Value> = serde_json::from_str(text)
            .map_err(|_| source_error("syntax", "records", "the records are not a JSON array".into()))?;
        self.add_values(plan, &values, options)
    }

    /// Adds another tally of the same plan: counts and figures add up; rejections are kept up to
    /// [`MAX_KEPT_REJECTIONS`].
    pub fn merge(&mut self, other: &Tally) -> Result<(), Error> {
        if other.plan_fingerprint != self.plan_fingerprint || other.cells.len() != self.cells.len() {
            return Err(tally_error("other_plan", "plan", "the tallies were made under different plans".into()));
        }
        let merged = |a: u64, b: u64| u128::from(a) + u128::from(b);
        let fits = merged(self.cell_total(), other.cell_total()) <= u128::from(MAX_COUNT)
            && [
                (self.rows_read, other.rows_read),
                (self.rows_counted, other.rows_counted),
                (self.rows_rejected, other.rows_rejected),
            ]
            .iter()
            .chain(
                self.per_indicator
                    .iter()
                    .zip(&other.per_indicator)
                    .flat_map(|(a, b)| {
                        [
                            (a.matched, b.matched),
                            (a.counted, b.counted),
                            (a.undated, b.undated),
                            (a.before_period, b.before_period),
                            (a.after_period, b.after_period),
                        ]
                    })
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .all(|&(a, b)| merged(a, b) <= u128::from(MAX_COUNT));
        if !fits {
            return Err(tally_error(
                "out_of_range",
                "",
                format!("the merged tally would count more than {MAX_COUNT} records"),
            ));
        }
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            *a += b;
        }
        for (a, b) in self.per_indicator.iter_mut().zip(&other.per_indicator) {
            a.matched += b.matched;
            a.counted += b.counted;
            a.undated += b.undated;
            a.before_period += b.before_period;
            a.after_period += b.after_period;
        }
        self.rows_read += other.rows_read;
        self.rows_counted += other.rows_counted;
        self.rows_rejected += other.rows_rejected;
        let room = MAX_KEPT_REJECTIONS.saturating_sub(self.rejections.len());
        self.rejections.extend(other.rejections.iter().take(room).cloned());
        for c in &other.ignored_columns {
            self.note_ignored(c);
        }
        Ok(())
    }

    fn month_label(&self, m: usize) -> String {
        let total = self.first_month.1 as usize - 1 + m;
        format!("{:04}-{:02}", self.first_month.0 + (total / 12) as i32, total % 12 + 1)
    }

    fn parse_month(&self, text: &str) -> Option<usize> {
        let (y, m) = text.split_once('-')?;
        let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
        if !(1..=12).contains(&m) || text.len() != 7 {
            return None;
        }
        let index = (y - self.first_month.0) * 12 + m as i32 - self.first_month.1 as i32;
        (0..self.months as i32).contains(&index).then_some(index as usize)
    }

    /// The non-zero cells, by indicator, region and month.
    pub fn cells(&self) -> Vec<TallyCell> {
        let mut out = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            for (r, region) in self.regions.iter().enumerate() {
                for m in 0..self.months {
                    let count = self.cells[self.cell_index(i, r, m)];
                    if count > 0 {
                        out.push(TallyCell {
                            indicator: ind.clone(),
                            region: region.clone(),
                            month: self.month_label(m),
                            count,
                        });
                    }
                }
            }
        }
        out
    }

    /// The count of one indicator over the whole plan area and period.
    pub fn total(&self, indicator: &str) -> Option<u64> {
        let i = self.indicators.iter().position(|x| x == indicator)?;
        let start = self.cell_index(i, 0, 0);
        Some(self.cells[start..start + self.regions.len() * self.months].iter().sum())
    }

    /// The count of one indicator in a region and the regions inside it.
    pub fn region_total(&self, indicator: &str, region: &str) -> Option<u64> {
        let i = self.indicators.iter().position(|x| x == indicator)?;
        let r = self.regions.iter().position(|x| x == region)?;
        Some(
            (0..self.regions.len())
                .filter(|&x| self.is_within(x, r))
                .map(|x| (0..self.months).map(|m| self.cells[self.cell_index(i, x, m)]).sum::<u64>())
                .sum(),
        )
    }

    /// True when region `x` is `ancestor` or lies inside it.
    fn is_within(&self, x: usize, ancestor: usize) -> bool {
        let mut at = Some(x);
        for _ in 0..=self.regions.len() {
            match at {
                Some(a) if a == ancestor => return true,
                Some(a) => at = self.region_parent[a],
                None => return false,
            }
        }
        false
    }

    /// Monthly observations for the progress report: for every counted indicator, the whole
    /// area and each region that has records (with the regions inside it), every month from the
    /// plan's start to the last month any record was counted in, zeros included.
    pub fn observations(&self, plan: &Plan) -> Result<Vec<ObservationInput>, Error> {
        self.check_plan(plan)?;
        let n_regions = self.regions.len();
        let last_month = (0..self.months).rev().find(|&m| {
            (0..self.indicators.len()).any(|i| (0..n_regions).any(|r| self.cells[self.cell_index(i, r, m)] > 0))
        });
        let Some(last_month) = last_month else { return Ok(Vec::new()) };
        let root = plan.root_region().and_then(|root| self.regions.iter().position(|r| *r == root.id));
        let with_records: Vec<usize> = (0..n_regions)
            .filter(|&r| {
                (0..self.indicators.len()).any(|i| (0..self.months).any(|m| self.cells[self.cell_index(i, r, m)] > 0))
            })
            .collect();
        // A region reports when it or a region inside it has records.
        let reporting: Vec<usize> =
            (0..n_regions).filter(|&r| Some(r) != root && with_records.iter().any(|&x| self.is_within(x, r))).collect();
        let mut out = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            if plan.counting_rules().rules[i].is_none() {
                continue;
            }
            let mut series = |region: Option<usize>| {
                for m in 0..=last_month {
                    let value: u64 = (0..n_regions)
                        .filter(|&x| region.is_none_or(|r| self.is_within(x, r)))
                        .map(|x| self.cells[self.cell_index(i, x, m)])
                        .sum();
                    let total = self.first_month.1 as usize - 1 + m;
                    let end = last_day_of_month(self.first_month.0 + (total / 12) as i32, (total % 12 + 1) as u32)
                        .unwrap_or_default();
                    out.push(ObservationInput {
                        indicator: ind.clone(),
                        region: region.map(|r| self.regions[r].clone()),
                        date: end.format("%Y-%m-%d").to_string(),
                        value: value.to_string(),
                        kind: Some("month".into()),
                    });
                }
            };
            series(None);
            for &r in &reporting {
                series(Some(r));
            }
        }
        Ok(out)
    }

    /// The progress report of the counted records.
    pub fn report(
        &self,
        plan: &Plan,
        options: &crate::progress::ProgressOptions,
    ) -> Result<crate::progress::Report, Error> {
        let observations = Observations::new(plan, &self.observations(plan)?)?;
        crate::progress::report(plan, &observations, options)
    }

    /// Counted records per indicator that has a counting rule, whole area and period.
    pub fn totals(&self, plan: &Plan) -> std::collections::BTreeMap<String, u64> {
        (0..self.indicators.len())
            .filter(|&i| plan.counting_rules().rules.get(i).is_some_and(Option::is_some))
            .map(|i| (self.indicators[i].clone(), self.total(&self.indicators[i]).unwrap_or(0)))
            .collect()
    }

    /// Counted records of an indicator in a region (id, name or code, as the plan's queries take
    /// it) and the regions inside it; unknown indicators and regions are typed errors.
    pub fn count_in_region(&self, plan: &Plan, indicator: &str, region: &str) -> Result<u64, Error> {
        plan.indicator(indicator)?;
        let region = &plan.region(region)?.id;
        Ok(self.region_total(indicator, region).unwrap_or(0))
    }

    /// Everything the tally says, for display and checks.
    pub fn summary(&self, plan: &Plan) -> TallySummary {
        let counted: Vec<usize> = (0..self.indicators.len())
            .filter(|&i| plan.counting_rules().rules.get(i).is_some_and(Option::is_some))
            .collect();
        let totals = self.totals(plan);
        let mut region_totals = std::collections::BTreeMap::new();
        for region in &self.regions {
            let row: std::collections::BTreeMap<String, u64> = counted
                .iter()
                .map(|&i| (self.indicators[i].clone(), self.region_total(&self.indicators[i], region).unwrap_or(0)))
                .collect();
            if row.values().any(|&n| n > 0) {
                region_totals.insert(region.clone(), row);
            }
        }
        TallySummary {
            plan: self.plan_fingerprint.clone(),
            rows_read: self.rows_read,
            rows_counted: self.rows_counted,
            rows_rejected: self.rows_rejected,
            totals,
            region_totals,
            indicators: counted.iter().map(|&i| self.per_indicator[i].clone()).collect(),
            rejections: self.rejections.clone(),
            ignored_columns: self.ignored_columns.clone(),
            cells: self.cells(),
        }
    }

    /// The tally as JSON, for another process to merge.
    pub fn to_json(&self) -> String {
        let json = TallyJson {
            format: TALLY_FORMAT.to_owned(),
            plan: self.plan_fingerprint.clone(),
            rows_read: self.rows_read,
            rows_counted: self.rows_counted,
            rows_rejected: self.rows_rejected,
            indicators: self.per_indicator.clone(),
            cells: self.cells(),
            rejections: self.rejections.clone(),
            ignored_columns: self.ignored_columns.clone(),
        };
        serde_json::to_string(&json).unwrap_or_default()
    }

    /// Reads a tally written by [`Tally::to_json`] under the same plan.
    pub fn from_json(plan: &Plan, text: &str) -> Result<Tally, Error> {
        let json: TallyJson = serde_json::from_str(text)
            .map_err(|e| tally_error("syntax", "", format!("not a tally: {}", shown(&e.to_string()))))?;
        if json.format != TALLY_FORMAT {
            return Err(tally_error("unsupported_format", "format", format!("this library reads {TALLY_FORMAT}")));
        }
        let mut tally = Tally::new(plan);
        if json.plan != tally.plan_fingerprint {
            return Err(tally_error(
                "other_plan",
                "plan",
                "this tally was made under another plan (its fingerprint differs)".into(),
            ));
        }
        for (j, c) in json.cells.iter().enumerate() {
            let i = tally.indicators.iter().position(|x| *x == c.indicator);
            let r = tally.regions.iter().position(|x| *x == c.region);
            let m = tally.parse_month(&c.month);
            let (Some(i), Some(r), Some(m)) = (i, r, m) else {
                return Err(tally_error(
                    "unknown_cell",
                    &format!("cells[{j}]"),
                    "no such indicator, region or month in the plan".into(),
                ));
            };
            let at = tally.cell_index(i, r, m);
            tally.cells[at] = tally.cells[at].saturating_add(c.count);
        }
        if json.indicators.len() != tally.per_indicator.len()
            || json.indicators.iter().zip(&tally.per_indicator).any(|(a, b)| a.indicator != b.indicator)
        {
            return Err(tally_error("unknown_cell", "indicators", "the indicators differ from the plan's".into()));
        }
        tally.per_indicator = json.indicators;
        tally.rows_read = json.rows_read;
        tally.rows_counted = json.rows_counted;
        tally.rows_rejected = json.rows_rejected;
        let counts = [tally.cell_total(), tally.rows_read, tally.rows_counted, tally.rows_rejected].into_iter().chain(
            tally.per_indicator.iter().flat_map(|t| [t.matched, t.counted, t.undated, t.before_period, t.after_period]),
        );
        if counts.into_iter().any(|n| n > MAX_COUNT) {
            return Err(tally_error(
                "out_of_range",
                "",
                format!("a count is above {MAX_COUNT}, more records than any tally holds"),
            ));
        }
        // The text of a tally made elsewhere is shown back to people: nothing ID-shaped passes.
        tally.rejections = json.rejections;
        tally.rejections.truncate(MAX_KEPT_REJECTIONS);
        for r in &mut tally.rejections {
            for text in [&mut r.field, &mut r.code, &mut r.message].into_iter().chain(r.source.as_mut()) {
                *text = redact(text).into_owned();
            }
        }
        tally.ignored_columns = json.ignored_columns.iter().map(|c| redact(c).into_owned()).collect();
        Ok(tally)
    }

    /// Every counted record of every cell, without overflow (cells are bounded by
    /// [`MAX_COUNT`], their number by the plan).
    fn cell_total(&self) -> u64 {
        self.cells.iter().fold(0u64, |n, c| n.saturating_add(*c))
    }
}

/// The largest count a tally holds: 2^53, the largest whole number a JavaScript number keeps
/// exact, and far above any province's records. Tallies read or merged above it are refused, so
/// no sum overflows.
pub const MAX_COUNT: u64 = 1 << 53;

pub(crate) fn tally_error(reason: &'static str, path: &str, message: String) -> Error {
    RecordsError { code: ErrorCode::InvalidTally, reason, path: path.to_owned(), message }.into()
}

pub(crate) fn source_error(reason: &'static str, path: &str, message: String) -> Error {
    RecordsError { code: ErrorCode::InvalidRecordSource, reason, path: path.to_owned(), message }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally_with_rows(plan: &Plan, rows: u64) -> Tally {
        let mut json: serde_json::Value = serde_json::from_str(&Tally::new(plan).to_json()).unwrap();
        json["rows_read"] = rows.into();
        Tally::from_json(plan, &json.to_string()).unwrap()
    }

    #[test]
    fn a_merge_past_max_count_is_refused_and_changes_nothing() {
        let plan = Plan::jilin_2022_2025().unwrap();
        let mut a = tally_with_rows(&plan, MAX_COUNT);
        let b = tally_with_rows(&plan, 1);
        let e = a.merge(&b).unwrap_err();
        assert_eq!((e.code(), e.reason()), (ErrorCode::InvalidTally, Some("out_of_range")));
        assert_eq!(a.rows_read, MAX_COUNT);
        a.rows_read -= 1;
        a.merge(&b).unwrap();
        assert_eq!(a.rows_read, MAX_COUNT);
    }

    #[test]
    fn text_read_from_a_tally_is_redacted() {
        let plan = Plan::jilin_2022_2025().unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&Tally::new(&plan).to_json()).unwrap();
        json["rejections"] =
            serde_json::json!([{"row": 1, "field": "x", "code": "y", "message": "11010519491231002X"}]);
        json["ignored_columns"] = serde_json::json!(["110105194912310021"]);
        let t = Tally::from_json(&plan, &json.to_string()).unwrap();
        assert!(!t.to_json().contains("1101051949"));
    }
}
