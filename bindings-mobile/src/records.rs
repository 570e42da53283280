//! Records and tallies for Kotlin and Swift: typed records (every field text) or a file path in,
//! a tally object out. JSON text is the route for values a typed record cannot hold.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use skillplan as core;

use crate::progress::Observation;
use crate::{HashSummary, IndicatorTally, Plan, RecordInput, Rejection, SkillplanError, TallyCell, guard};

/// How records are counted.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CountOptions {
    /// Fail on the first invalid record (INVALID_RECORD) instead of skipping it.
    #[uniffi(default = false)]
    pub strict: bool,
    /// Skip at most this many invalid records; one more fails with TOO_MANY_INVALID_RECORDS.
    #[uniffi(default = 1000)]
    pub max_rejected: u64,
    /// A name for the input, shown with its rejections.
    #[uniffi(default = None)]
    pub source_name: Option<String>,
    /// Files' text encoding: "auto" (UTF-8 if the bytes are UTF-8, else GB18030), "utf-8" or
    /// "gb18030"; INVALID_OPTIONS at `encoding` otherwise.
    #[uniffi(default = "auto")]
    pub encoding: String,
    /// Source header → record field (`mapOf("培训项目" to "training_type")`), over the plan's
    /// header aliases.
    #[uniffi(default = None)]
    pub columns: Option<HashMap<String, String>>,
}

impl CountOptions {
    fn core(self) -> Result<core::CountOptions, core::Error> {
        Ok(core::CountOptions {
            strict: self.strict,
            max_rejected: self.max_rejected,
            source: self.source_name,
            encoding: core::host::encoding(&self.encoding)?,
            columns: self.columns.map(|c| c.into_iter().collect()),
            sheet: None,
        })
    }
}

/// Counts of records by indicator × region × month under one plan's rules. Thread-safe.
#[derive(uniffi::Object)]
pub struct Tally {
    plan: Arc<Plan>,
    inner: Mutex<core::Tally>,
}

impl Tally {
    fn with<T>(&self, f: impl FnOnce(&core::Tally) -> T) -> T {
        let guard = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&guard)
    }
}

#[uniffi::export]
impl Tally {
    /// Rows read, valid or not.
    pub fn rows_read(&self) -> Result<u64, SkillplanError> {
        guard("rowsRead", || Ok(self.with(|t| t.rows_read)))
    }
    /// Rows that counted toward at least one indicator.
    pub fn rows_counted(&self) -> Result<u64, SkillplanError> {
        guard("rowsCounted", || Ok(self.with(|t| t.rows_counted)))
    }
    /// Rows refused as invalid (and skipped).
    pub fn rows_rejected(&self) -> Result<u64, SkillplanError> {
        guard("rowsRejected", || Ok(self.with(|t| t.rows_rejected)))
    }
    /// Counted records per indicator, whole area and period.
    pub fn totals(&self) -> Result<HashMap<String, u64>, SkillplanError> {
        guard("totals", || Ok(self.with(|t| t.totals(&self.plan.inner).into_iter().collect())))
    }
    /// Counted records of one indicator in a region (id or code) and the regions inside it.
    pub fn region_total(&self, indicator: String, region: String) -> Result<u64, SkillplanError> {
        guard("regionTotal", || Ok(self.with(|t| t.count_in_region(&self.plan.inner, &indicator, &region))?))
    }
    /// Per-indicator figures, for indicators with a counting rule.
    pub fn indicators(&self) -> Result<Vec<IndicatorTally>, SkillplanError> {
        guard("indicators", || Ok(self.with(|t| t.summary(&self.plan.inner).indicators)))
    }
    /// The refused records (up to 1000).
    pub fn rejections(&self) -> Result<Vec<Rejection>, SkillplanError> {
        guard("rejections", || Ok(self.with(|t| t.rejections().to_vec())))
    }
    /// Columns or keys the inputs had that the record format does not.
    pub fn ignored_columns(&self) -> Result<Vec<String>, SkillplanError> {
        guard("ignoredColumns", || Ok(self.with(|t| t.ignored_columns().to_vec())))
    }
    /// The non-zero counts.
    pub fn cells(&self) -> Result<Vec<TallyCell>, SkillplanError> {
        guard("cells", || Ok(self.with(|t| t.cells())))
    }
    /// Everything the tally says, as JSON (totals, region totals, indicators, rejections, cells).
    pub fn summary_json(&self) -> Result<String, SkillplanError> {
        guard("summaryJson", || {
            Ok(self.with(|t| serde_json::to_string(&t.summary(&self.plan.inner)).unwrap_or_default()))
        })
    }
    /// Monthly observations for `Plan.progress`.
    pub fn observations(&self) -> Result<Vec<Observation>, SkillplanError> {
        guard("observations", || {
            let inputs = self.with(|t| t.observations(&self.plan.inner))?;
            crate::progress::from_inputs(inputs)
        })
    }
    /// Adds another tally of the same plan into this one.
    pub fn merge(&self, other: Arc<Tally>) -> Result<(), SkillplanError> {
        guard("merge", || {
            let theirs = other.with(Clone::clone);
            let mut guard = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            Ok(guard.merge(&theirs)?)
        })
    }
    /// The tally as JSON, to merge elsewhere (`Plan.tallyFromJson`).
    pub fn to_json(&self) -> Result<String, SkillplanError> {
        guard("toJson", || Ok(self.with(core::Tally::to_json)))
    }
}

fn tally(plan: &Arc<Plan>, inner: core::Tally) -> Arc<Tally> {
    Arc::new(Tally { plan: plan.clone(), inner: Mutex::new(inner) })
}

#[uniffi::export]
impl Plan {
    /// Counts typed records by the plan's counting rules.
    pub fn count_records(
        self: Arc<Self>,
        records: Vec<RecordInput>,
        options: CountOptions,
    ) -> Result<Arc<Tally>, SkillplanError> {
        guard("countRecords", || {
            let mut t = core::Tally::new(&self.inner);
            t.add_inputs(&self.inner, &records, &options.core()?)?;
            Ok(tally(&self, t))
        })
    }

    /// Counts records given as JSON text (an array of objects).
    pub fn count_records_json(
        self: Arc<Self>,
        text: String,
        options: CountOptions,
    ) -> Result<Arc<Tally>, SkillplanError> {
        guard("countRecordsJson", || {
            let mut t = core::Tally::new(&self.inner);
            t.add_json_text(&self.inner, &text, &options.core()?)?;
            Ok(tally(&self, t))
        })
    }

    /// Counts a CSV or JSON Lines file of records, streamed. Blocking: call it off the main thread.
    pub fn count_records_file(
        self: Arc<Self>,
        path: String,
        options: CountOptions,
    ) -> Result<Arc<Tally>, SkillplanError> {
        guard("countRecordsFile", || {
            let mut t = core::Tally::new(&self.inner);
            t.add_path(&self.inner, std::path::Path::new(&path), &options.core()?, None)?;
            Ok(tally(&self, t))
        })
    }

    /// Copies the CSV export at `input` to `output` (UTF-8) with its 身份证号 column replaced by
    /// person_key = HMAC-SHA256(salt, ID); rows whose ID is not valid under GB 11643 are left out
    /// and listed. Blocking: call it off the main thread.
    pub fn hash_keys_file(
        self: Arc<Self>,
        input: String,
        output: String,
        salt: Vec<u8>,
        options: CountOptions,
    ) -> Result<HashSummary, SkillplanError> {
        guard("hashKeysFile", || {
            let (input, output) = (std::path::Path::new(&input), std::path::Path::new(&output));
            Ok(core::host::hash_key_file(&self.inner, input, output, &salt, &options.core()?)?)
        })
    }

    /// Reads a tally written by `Tally.toJson` under this plan.
    pub fn tally_from_json(self: Arc<Self>, text: String) -> Result<Arc<Tally>, SkillplanError> {
        guard("tallyFromJson", || {
            let t = core::Tally::from_json(&self.inner, &text)?;
            Ok(tally(&self, t))
        })
    }
}

/// The person key of one ID number: HMAC-SHA256(salt, the ID normalised under GB 11643) as 64 hex
/// digits. An ID that is not valid is INVALID_RECORD at `id_number` (never shown); a salt missing
/// or under 16 bytes is INVALID_OPTIONS at `salt`.
#[uniffi::export]
pub fn person_key(id_number: String, salt: Vec<u8>) -> Result<String, SkillplanError> {
    guard("personKey", || Ok(core::records::person_key(&salt, &id_number)?))
}
