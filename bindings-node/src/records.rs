//! Records and tallies for Node: arrays of plain objects (read under the core's host-value
//! policy) or a file path go to the core's counting (off the event loop when asked); the tally
//! comes back as a class whose views are plain objects.

use std::sync::Arc;

use napi::bindgen_prelude::*;
use napi::{Env, Task};
use napi_derive::napi;
use skillplan as core;

use skillplan::host::value::Argument;

use crate::{guard, host, throw};

/// Each record read under the core's host-value policy for rows: a field of the wrong type
/// (NaN is absent; Infinity, a function, a value nested past the limit are not) is refused at
/// that field when the record is counted, and the rest are counted.
pub(crate) fn read(records: Vec<Unknown<'_>>) -> Vec<serde_json::Value> {
    records
        .into_iter()
        .map(|record| host::json(record, Argument::Records).unwrap_or_else(|_| serde_json::Value::Array(Vec::new())))
        .collect()
}

fn core_options(options: Option<Unknown<'_>>) -> std::result::Result<core::CountOptions, core::Error> {
    core::host::options::count(&host::options(options)?)
}

pub fn count_values(
    plan: &Arc<core::Plan>,
    records: Vec<serde_json::Value>,
    options: Option<Unknown<'_>>,
) -> std::result::Result<Tally, core::Error> {
    let options = core_options(options)?;
    let mut tally = core::Tally::new(plan);
    tally.add_values(plan, &records, &options)?;
    Ok(Tally { plan: plan.clone(), inner: tally })
}

enum Source {
    Values(Vec<serde_json::Value>),
    File(String),
}

/// Counts records on the libuv thread pool; JavaScript values were converted on the main thread.
pub struct CountTask {
    plan: Arc<core::Plan>,
    source: Source,
    options: std::result::Result<core::CountOptions, core::Error>,
}

impl CountTask {
    /// The exported call this task does, as `injectFault` and error messages name it.
    fn operation(&self) -> &'static str {
        match self.source {
            Source::Values(_) => "countRecordsAsync",
            Source::File(_) => "countRecordsFile",
        }
    }
    pub fn values(plan: &Arc<core::Plan>, records: Vec<serde_json::Value>, options: Option<Unknown<'_>>) -> CountTask {
        CountTask { plan: plan.clone(), source: Source::Values(records), options: core_options(options) }
    }
    pub fn file(plan: &Arc<core::Plan>, path: String, options: Option<Unknown<'_>>) -> CountTask {
        CountTask { plan: plan.clone(), source: Source::File(path), options: core_options(options) }
    }
}

impl Task for CountTask {
    type Output = std::result::Result<core::Tally, core::Error>;
    type JsValue = Tally;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task(self.operation(), || {
            let plan = &self.plan;
            Ok(self.options.clone().and_then(|options| {
                let mut tally = core::Tally::new(plan);
                match &self.source {
                    Source::Values(values) => tally.add_values(plan, values, &options)?,
                    Source::File(path) => tally.add_path(plan, std::path::Path::new(path), &options, None)?,
                }
                Ok(tally)
            }))
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Tally> {
        crate::guard(&env, self.operation(), || {
            output.map(|inner| Tally { plan: self.plan.clone(), inner }).map_err(|e| throw(&env, e))
        })
    }
}

/// Hashes an export's ID numbers into person keys on the libuv thread pool.
pub struct HashTask {
    plan: Arc<core::Plan>,
    input: String,
    output: String,
    salt: Vec<u8>,
    options: std::result::Result<core::CountOptions, core::Error>,
}

impl HashTask {
    pub fn new(
        plan: &Arc<core::Plan>,
        input: String,
        output: String,
        salt: Vec<u8>,
        options: Option<Unknown<'_>>,
    ) -> HashTask {
        HashTask { plan: plan.clone(), input, output, salt, options: core_options(options) }
    }
}

impl Task for HashTask {
    type Output = std::result::Result<String, core::Error>;
    type JsValue = Unknown<'static>;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("hashKeysFile", || {
            Ok(self.options.clone().and_then(|options| {
                let (input, output) = (std::path::Path::new(&self.input), std::path::Path::new(&self.output));
                core::host::hash_key_file(&self.plan, input, output, &self.salt, &options)
                    .map(|s| host::object_text(&s))
            }))
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Self::JsValue> {
        crate::guard(&env, "hashKeysFile", || {
            let text = output.map_err(|e| throw(&env, e))?;
            // SAFETY of the lifetime: napi hands the value to the Promise before `env` goes.
            host::parse_in_js(&env, text).map(|v| unsafe { std::mem::transmute::<Unknown<'_>, Unknown<'static>>(v) })
        })
    }
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Counts of records by indicator × region × month under one plan's rules, with what was read,
/// counted and rejected. Tallies of parts merge into the tally of the whole.
#[napi]
pub struct Tally {
    plan: Arc<core::Plan>,
    inner: core::Tally,
}

#[napi]
impl Tally {
    /// Rows read, valid or not.
    #[napi(getter)]
    pub fn rows_read(&self, env: Env) -> Result<i64> {
        guard(&env, "rowsRead", || Ok(self.inner.rows_read as i64))
    }
    /// Rows that counted toward at least one indicator.
    #[napi(getter)]
    pub fn rows_counted(&self, env: Env) -> Result<i64> {
        guard(&env, "rowsCounted", || Ok(self.inner.rows_counted as i64))
    }
    /// Rows refused as invalid (and skipped).
    #[napi(getter)]
    pub fn rows_rejected(&self, env: Env) -> Result<i64> {
        guard(&env, "rowsRejected", || Ok(self.inner.rows_rejected as i64))
    }
    /// Columns or keys the inputs had that the record format does not.
    #[napi(getter)]
    pub fn ignored_columns(&self, env: Env) -> Result<Vec<String>> {
        guard(&env, "ignoredColumns", || Ok(self.inner.ignored_columns().to_vec()))
    }
    /// The refused records (up to 1000).
    #[napi(getter, ts_return_type = "Array<Rejection>")]
    pub fn rejections(&self, env: Env) -> Result<serde_json::Value> {
        guard(&env, "rejections", || Ok(json(&self.inner.rejections())))
    }
    /// Counted records per indicator, whole area and period.
    #[napi(ts_return_type = "Record<string, number>")]
    pub fn totals(&self, env: Env) -> Result<serde_json::Value> {
        guard(&env, "totals", || Ok(json(&self.inner.totals(&self.plan))))
    }
    /// Counted records of one indicator in a region (id or code) and the regions inside it.
    #[napi]
    pub fn region_total(&self, env: Env, indicator: String, region: String) -> Result<i64> {
        guard(&env, "regionTotal", || {
            self.inner.count_in_region(&self.plan, &indicator, &region).map(|n| n as i64).map_err(|e| throw(&env, e))
        })
    }
    /// Everything the tally says, as plain objects.
    #[napi(ts_return_type = "TallySummary")]
    pub fn summary(&self, env: Env) -> Result<serde_json::Value> {
        guard(&env, "summary", || Ok(json(&self.inner.summary(&self.plan))))
    }
    /// The non-zero counts.
    #[napi(ts_return_type = "Array<TallyCell>")]
    pub fn cells(&self, env: Env) -> Result<serde_json::Value> {
        guard(&env, "cells", || Ok(json(&self.inner.cells())))
    }
    /// Monthly observations for `plan.progress`.
    #[napi(ts_return_type = "Array<ObservationInput>")]
    pub fn observations(&self, env: Env) -> Result<serde_json::Value> {
        guard(&env, "observations", || {
            self.inner.observations(&self.plan).map(|o| json(&o)).map_err(|e| throw(&env, e))
        })
    }
    /// Adds another tally of the same plan into this one.
    #[napi]
    pub fn merge(&mut self, env: Env, other: &Tally) -> Result<()> {
        guard(&env, "merge", || self.inner.merge(&other.inner).map_err(|e| throw(&env, e)))
    }
    /// The tally as JSON text, to merge in another process (`Tally.fromJson`).
    #[napi]
    pub fn to_json_text(&self, env: Env) -> Result<String> {
        guard(&env, "toJsonText", || Ok(self.inner.to_json()))
    }
    /// Reads a tally written by `toJsonText` under the same plan.
    #[napi(factory)]
    pub fn from_json(env: Env, plan: &crate::Plan, text: String) -> Result<Tally> {
        guard(&env, "fromJson", || {
            core::Tally::from_json(&plan.inner, &text)
                .map(|inner| Tally { plan: plan.inner.clone(), inner })
                .map_err(|e| throw(&env, e))
        })
    }
}
