//! Node.js binding of skillplan: each call reads its arguments under the core's host-value
//! policy (`host`), calls the core, and hands the answer to JavaScript as plain objects through
//! its serde form (camelCase keys; decimals and dates as strings; TypeScript declarations
//! generated from the core's boundary types). Core errors become `Error`s with `code`, `kind`,
//! `path`, `reason` and `issues`. No logic lives here.

mod decision;
mod eligibility;
mod host;
mod progress;
mod records;

use napi::bindgen_prelude::*;
use napi::{Env, JsValue, Status, Task};
use napi_derive::napi;
use skillplan as core;
use skillplan::host::value::Argument;

/// Runs the body of an exported call under the core's fault guard: a panic inside (a bug)
/// throws the usual `Error` with code `INTERNAL` instead of aborting the Node process.
pub(crate) fn guard<T>(env: &Env, operation: &'static str, body: impl FnOnce() -> Result<T>) -> Result<T> {
    core::host::catch(operation, body).unwrap_or_else(|e| Err(throw(env, e)))
}

/// A Promise-returning call: `prepare` reads the arguments into a task (under the guard), which
/// then runs off the event loop. Whatever goes wrong — a bad argument, a fault — rejects the
/// Promise; a Promise-returning function never throws.
pub(crate) fn promise<'env, T>(
    env: &'env Env,
    operation: &'static str,
    prepare: impl FnOnce() -> Result<T>,
) -> Result<Unknown<'env>>
where
    T: Task + 'env,
{
    match guard(env, operation, prepare) {
        Ok(task) => Ok(env.spawn(task)?.promise_object().to_unknown()),
        Err(error) => {
            let (deferred, promise) = env.create_deferred::<(), fn(Env) -> Result<()>>()?;
            deferred.reject(error);
            Ok(promise.to_unknown())
        }
    }
}

/// The guard of an async task's work (off the event loop): a fault becomes the task's error,
/// which rejects its Promise with code `INTERNAL`.
pub(crate) fn guard_task<T>(
    operation: &'static str,
    body: impl FnOnce() -> Result<std::result::Result<T, core::Error>>,
) -> Result<std::result::Result<T, core::Error>> {
    core::host::catch(operation, body).unwrap_or_else(|e| Ok(Err(e)))
}

/// The version of this package and of the skillplan core inside it (one version for every
/// package: the workspace's `Cargo.toml`).
// Lower case, as JavaScript packages name it (a `js_name` would leave napi's loader also
// exporting the Rust name, as undefined).
#[allow(non_upper_case_globals)]
#[napi]
pub const version: &str = core::VERSION;

/// Makes the next call of `operation` (an exported function's name, e.g. `checkEligibility`,
/// or `*` for any) throw (or reject) with code `INTERNAL`, once, in any thread: for testing a
/// host's error path.
#[napi]
pub fn inject_fault(operation: String) {
    core::host::inject_fault(&operation);
}

/// Converts `e` into a JavaScript `Error` carrying the stable fields; napi throws it (or rejects
/// the Promise with it) as it is.
pub(crate) fn throw(env: &Env, e: core::Error) -> Error {
    match build_error(env, &e) {
        Ok(object) => Error::from(object.to_unknown()),
        Err(failed) => failed,
    }
}

fn build_error<'env>(env: &'env Env, e: &core::Error) -> Result<Object<'env>> {
    let mut object = env.create_error(Error::new(Status::GenericFailure, e.to_string()))?;
    object.set_named_property("code", e.code().as_str())?;
    object.set_named_property("path", e.path())?;
    match e.reason() {
        Some(reason) => object.set_named_property("reason", reason)?,
        None => object.set_named_property("reason", Null)?,
    }
    object.set_named_property("kind", e.code().class().as_str())?;
    object.set_named_property("issues", host::to_js(env, &e.issues())?)?;
    Ok(object)
}

/// A loaded, validated plan. Immutable.
#[napi]
pub struct Plan {
    // Shared with the tallies counted under it.
    pub(crate) inner: std::sync::Arc<core::Plan>,
}

/// An answer as JavaScript objects, or the error thrown.
fn answer<'e, T: serde::Serialize, E: Into<core::Error>>(
    env: &'e Env,
    result: std::result::Result<T, E>,
) -> Result<Unknown<'e>> {
    match result {
        Ok(value) => host::to_js(env, &value),
        Err(e) => Err(throw(env, e.into())),
    }
}

#[napi]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    #[napi(getter)]
    pub fn id(&self, env: Env) -> Result<String> {
        guard(&env, "id", || Ok(self.inner.id().to_owned()))
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    #[napi(getter)]
    pub fn fingerprint(&self, env: Env) -> Result<String> {
        guard(&env, "fingerprint", || Ok(self.inner.fingerprint().to_owned()))
    }

    /// Who issued the plan, when, under which number, for which period.
    #[napi(getter, ts_return_type = "Metadata")]
    pub fn metadata<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "metadata", || host::to_js(env, self.inner.metadata()))
    }

    /// All indicators, in the plan's order.
    #[napi(ts_return_type = "Array<Indicator>")]
    pub fn indicators<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "indicators", || host::to_js(env, self.inner.indicators()))
    }

    /// One indicator by id; throws UNKNOWN_INDICATOR.
    #[napi(ts_return_type = "Indicator")]
    pub fn indicator<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "indicator", || answer(env, self.inner.indicator(&id)))
    }

    /// The indicators that are parts (「其中」) of `id`.
    #[napi(ts_return_type = "Array<Indicator>")]
    pub fn parts<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "parts", || answer(env, self.inner.parts(&id)))
    }

    /// The measures （一）…, in the plan's order.
    #[napi(ts_return_type = "Array<Measure>")]
    pub fn measures<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "measures", || host::to_js(env, self.inner.measures()))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    #[napi(ts_return_type = "Measure")]
    pub fn measure<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "measure", || answer(env, self.inner.measure(&id)))
    }

    /// The boxed columns 专栏1…, each with its items.
    #[napi(ts_return_type = "Array<Column>")]
    pub fn columns<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "columns", || host::to_js(env, self.inner.columns()))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    #[napi(ts_return_type = "Clause")]
    pub fn clause<'e>(&self, env: &'e Env, id: String) -> Result<Unknown<'e>> {
        guard(env, "clause", || answer(env, self.inner.clause(&id)))
    }

    /// The departments the plan names.
    #[napi(ts_return_type = "Array<Department>")]
    pub fn departments<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "departments", || host::to_js(env, self.inner.departments()))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    #[napi(ts_return_type = "Department")]
    pub fn department<'e>(&self, env: &'e Env, name: String) -> Result<Unknown<'e>> {
        guard(env, "department", || answer(env, self.inner.department(&name)))
    }

    /// The measures that name `department` as responsible (lead or listed).
    #[napi(ts_return_type = "Array<Measure>")]
    pub fn measures_for_department<'e>(&self, env: &'e Env, department: String) -> Result<Unknown<'e>> {
        guard(env, "measuresForDepartment", || answer(env, self.inner.measures_for_department(&department)))
    }

    /// The measures assigned to 「所有相关部门」.
    #[napi(ts_return_type = "Array<Measure>")]
    pub fn measures_for_all_relevant<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "measuresForAllRelevant", || host::to_js(env, &self.inner.measures_for_all_relevant()))
    }

    /// The regions and administrative units, with GB/T 2260 codes.
    #[napi(ts_return_type = "Array<Region>")]
    pub fn regions<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "regions", || host::to_js(env, self.inner.regions()))
    }

    /// A region by id ("changchun") or GB/T 2260 code ("220100").
    #[napi(ts_return_type = "Region")]
    pub fn region<'e>(&self, env: &'e Env, id_or_code: String) -> Result<Unknown<'e>> {
        guard(env, "region", || answer(env, self.inner.region(&id_or_code)))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    #[napi]
    pub fn to_json(&self, env: Env) -> Result<String> {
        guard(&env, "toJson", || Ok(self.inner.to_canonical_json()))
    }

    /// Progress of every indicator as of `options.asOf`. Observations are
    /// `{ indicator, date, value, region?, kind? }` with values as decimal strings or safe
    /// integers (floats are refused).
    #[napi(ts_args_type = "observations: Array<ObservationInput>, options: ProgressOptions", ts_return_type = "Report")]
    pub fn progress<'e>(&self, env: &'e Env, observations: Unknown<'_>, options: Unknown<'_>) -> Result<Unknown<'e>> {
        guard(env, "progress", || {
            answer(env, progress::Call::read(observations, options).and_then(|c| c.report(&self.inner)))
        })
    }

    /// Like `progress`, computed off the event loop.
    #[napi(
        ts_args_type = "observations: Array<ObservationInput>, options: ProgressOptions",
        ts_return_type = "Promise<Report>"
    )]
    pub fn progress_async<'e>(
        &self,
        env: &'e Env,
        observations: Unknown<'_>,
        options: Unknown<'_>,
    ) -> Result<Unknown<'e>> {
        promise(env, "progressAsync", || Ok(progress::task(&self.inner, observations, options)))
    }

    /// The report of `progress` as CSV: one row per indicator (and region), projections as columns.
    #[napi(ts_args_type = "observations: Array<ObservationInput>, options: ProgressOptions")]
    pub fn progress_csv(&self, env: Env, observations: Unknown<'_>, options: Unknown<'_>) -> Result<String> {
        guard(&env, "progressCsv", || {
            let report = progress::Call::read(observations, options).and_then(|c| c.report(&self.inner));
            report.map(|r| r.to_csv()).map_err(|e| throw(&env, e))
        })
    }

    /// Progress of one indicator, for the whole area or (with `region`) a region that has a
    /// target in `options.regionalTargets`.
    #[napi(
        ts_args_type = "observations: Array<ObservationInput>, indicator: string, options: ProgressOptions, region?: string | null",
        ts_return_type = "IndicatorProgress"
    )]
    pub fn indicator_progress<'e>(
        &self,
        env: &'e Env,
        observations: Unknown<'_>,
        indicator: String,
        options: Unknown<'_>,
        region: Option<String>,
    ) -> Result<Unknown<'e>> {
        guard(env, "indicatorProgress", || {
            let row = progress::Call::read(observations, options)
                .and_then(|c| c.indicator(&self.inner, &indicator, region.as_deref()));
            answer(env, row)
        })
    }

    /// Splits an indicator's target over regions by weights so the parts add up exactly.
    #[napi(
        ts_args_type = "indicator: string, weights: Array<{ region: string; weight: string | number }>",
        ts_return_type = "Array<RegionalTarget>"
    )]
    pub fn decompose<'e>(&self, env: &'e Env, indicator: String, weights: Unknown<'_>) -> Result<Unknown<'e>> {
        guard(env, "decompose", || {
            let weights = host::json(weights, Argument::Options).and_then(|w| core::host::options::weights(&w));
            answer(env, weights.and_then(|w| core::progress::decompose(&self.inner, &indicator, &w)))
        })
    }

    /// The skill ladder, lowest level first (学徒工 … 首席技师).
    #[napi(ts_return_type = "Array<SkillLevel>")]
    pub fn skill_levels<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "skillLevels", || host::to_js(env, self.inner.skill_levels()))
    }

    /// The professional titles (职称) the crosswalk leads to.
    #[napi(ts_return_type = "Array<Title>")]
    pub fn titles<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "titles", || host::to_js(env, self.inner.titles()))
    }

    /// The 双贯通 crosswalk entries of a level, both directions.
    #[napi(ts_return_type = "Array<CrosswalkEntry>")]
    pub fn crosswalk_for_level<'e>(&self, env: &'e Env, level: String) -> Result<Unknown<'e>> {
        guard(env, "crosswalkForLevel", || answer(env, self.inner.crosswalk_for_level(&level)))
    }

    /// The 双贯通 crosswalk entries of a title (id or Chinese name), both directions.
    #[napi(ts_return_type = "Array<CrosswalkEntry>")]
    pub fn crosswalk_for_title<'e>(&self, env: &'e Env, title: String) -> Result<Unknown<'e>> {
        guard(env, "crosswalkForTitle", || answer(env, self.inner.crosswalk_for_title(&title)))
    }

    /// Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits.
    #[napi(ts_return_type = "Array<EducationEquivalence>")]
    pub fn education_equivalences<'e>(&self, env: &'e Env) -> Result<Unknown<'e>> {
        guard(env, "educationEquivalences", || host::to_js(env, self.inner.education_equivalences()))
    }

    /// A worker's pathway as of `asOf` (ISO date): levels held, every level above with its
    /// routes, the earliest date to apply and what each level unlocks.
    #[napi(ts_args_type = "worker: WorkerInput, asOf: string", ts_return_type = "Pathway")]
    pub fn pathway<'e>(&self, env: &'e Env, worker: Unknown<'_>, as_of: String) -> Result<Unknown<'e>> {
        guard(env, "pathway", || {
            let run = || -> std::result::Result<core::pathway::Pathway, core::Error> {
                let worker = core::pathway::worker_from_value(&host::json(worker, Argument::Worker)?)?;
                core::pathway::pathway(&self.inner, &worker, core::host::options::as_of_text(&as_of)?)
            };
            answer(env, run())
        })
    }

    /// Counts training and base records (plain objects, as `RecordInput`) by the plan's counting
    /// rules. Invalid records are skipped and listed, up to `maxRejected` (default 1000);
    /// `strict` fails on the first with `INVALID_RECORD`.
    #[napi(ts_args_type = "records: Array<RecordInput>, options?: CountOptions | null")]
    pub fn count_records(
        &self,
        env: Env,
        records: Vec<Unknown<'_>>,
        options: Option<Unknown<'_>>,
    ) -> Result<records::Tally> {
        guard(&env, "countRecords", || {
            records::count_values(&self.inner, records::read(records), options).map_err(|e| throw(&env, e))
        })
    }

    /// Like `countRecords`, counted off the event loop.
    #[napi(
        ts_args_type = "records: Array<RecordInput>, options?: CountOptions | null",
        ts_return_type = "Promise<Tally>"
    )]
    pub fn count_records_async<'e>(
        &self,
        env: &'e Env,
        records: Vec<Unknown<'_>>,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'e>> {
        promise(env, "countRecordsAsync", || {
            Ok(records::CountTask::values(&self.inner, records::read(records), options))
        })
    }

    /// Counts a CSV, JSON Lines or Excel (.xlsx/.xls) file of records, streamed, off the event
    /// loop. Files may be UTF-8 or GB18030 (`encoding`) and have Chinese headers (`columns` maps others).
    #[napi(ts_args_type = "path: string, options?: CountOptions | null", ts_return_type = "Promise<Tally>")]
    pub fn count_records_file<'e>(
        &self,
        env: &'e Env,
        path: String,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'e>> {
        promise(env, "countRecordsFile", || Ok(records::CountTask::file(&self.inner, path, options)))
    }

    /// Copies the CSV export at `input` to `output` (UTF-8) with its 身份证号 column replaced by
    /// `person_key` = HMAC-SHA256(salt, ID), off the event loop; rows whose ID is not valid under
    /// GB 11643 are left out and listed. `options` takes `encoding`, `columns`, `strict`, `maxRejected`.
    #[napi(
        ts_args_type = "input: string, output: string, salt: Buffer | string, options?: CountOptions | null",
        ts_return_type = "Promise<HashSummary>"
    )]
    pub fn hash_keys_file<'e>(
        &self,
        env: &'e Env,
        input: String,
        output: String,
        salt: Either<Buffer, String>,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'e>> {
        let salt = salt_bytes(salt);
        promise(env, "hashKeysFile", || Ok(records::HashTask::new(&self.inner, input, output, salt, options)))
    }

    /// Which target groups a person is in and, for each subsidy of （二十五）, eligible /
    /// not_eligible / undetermined with the amount, the checks, what would make it eligible and
    /// the values that are unconfirmed defaults. `profile` and `offer` are plain objects (or JSON
    /// text); `asOf` an ISO date. Throws INVALID_PROFILE / INVALID_OFFER with the field's path.
    #[napi(
        ts_generic_types = "O extends EligibilityOptions = {}",
        ts_args_type = "profile: ProfileInput | string, offer: OfferInput | string | null | undefined, asOf: string, options?: O | null",
        ts_return_type = "Answer<O>"
    )]
    pub fn check_eligibility<'e>(
        &self,
        env: &'e Env,
        profile: Unknown<'_>,
        offer: Option<Unknown<'_>>,
        as_of: String,
        options: Option<Unknown<'_>>,
    ) -> Result<Either<decision::EligibilityDecision, Unknown<'e>>> {
        guard(env, "checkEligibility", || eligibility::check(env, &self.inner, profile, offer, &as_of, options))
    }

    /// `checkEligibility` from JSON text to JSON text, as a server receives and sends them:
    /// no JavaScript objects are built. `options.explain: false` gives the summary (statuses,
    /// amounts, failed checks, missing facts); `options.subsidies` keeps only those subsidies.
    #[napi(
        ts_args_type = "profileJson: string, offerJson: string | null | undefined, asOf: string, options?: EligibilityOptions | null"
    )]
    pub fn check_eligibility_json(
        &self,
        env: Env,
        profile_json: String,
        offer_json: Option<String>,
        as_of: String,
        options: Option<Unknown<'_>>,
    ) -> Result<String> {
        guard(&env, "checkEligibilityJson", || {
            eligibility::check_json_text(&self.inner, &profile_json, offer_json.as_deref(), &as_of, options)
                .map_err(|e| throw(&env, e))
        })
    }

    /// `checkEligibilityJson` for a roster: a JSON array text of profiles in, a Promise of one
    /// JSON array text out, decided on all cores off the event loop.
    #[napi(
        ts_args_type = "profilesJson: string, offerJson: string | null | undefined, asOf: string, options?: EligibilityOptions | null",
        ts_return_type = "Promise<string>"
    )]
    pub fn check_eligibility_batch_json<'e>(
        &self,
        env: &'e Env,
        profiles_json: String,
        offer_json: Option<String>,
        as_of: String,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'e>> {
        promise(env, "checkEligibilityBatchJson", || {
            Ok(eligibility::BatchJsonTask::new(&self.inner, profiles_json, offer_json, as_of, options))
        })
    }

    /// `checkEligibility` for many profiles and one offer, computed off the event loop. The
    /// decisions come in order, each equal to the single call's; the first bad profile rejects
    /// the Promise with its index in the path (`profiles[3].sex`).
    #[napi(
        ts_generic_types = "O extends EligibilityOptions = {}",
        ts_args_type = "profiles: Array<ProfileInput>, offer: OfferInput | string | null | undefined, asOf: string, options?: O | null",
        ts_return_type = "Promise<Array<Answer<O>>>"
    )]
    pub fn check_eligibility_batch<'e>(
        &self,
        env: &'e Env,
        profiles: Vec<Unknown<'_>>,
        offer: Option<Unknown<'_>>,
        as_of: String,
        options: Option<Unknown<'_>>,
    ) -> Result<Unknown<'e>> {
        promise(env, "checkEligibilityBatch", || {
            eligibility::BatchTask::new(env, &self.inner, profiles, offer, as_of, options)
        })
    }
}

/// The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号).
#[napi]
pub fn default_plan(env: Env) -> Result<Plan> {
    guard(&env, "defaultPlan", || {
        core::Plan::jilin_2022_2025().map(|inner| Plan { inner: inner.into() }).map_err(|e| throw(&env, e))
    })
}

/// Loads and validates a plan file (TOML).
#[napi]
pub fn load_plan(env: Env, path: String) -> Result<Plan> {
    guard(&env, "loadPlan", || {
        core::Plan::from_path(&path).map(|inner| Plan { inner: inner.into() }).map_err(|e| throw(&env, e))
    })
}

/// Loads and validates a plan from TOML text, or from a Buffer (which must be UTF-8).
#[napi]
pub fn load_plan_str(env: Env, text: Either<String, Buffer>) -> Result<Plan> {
    guard(&env, "loadPlanStr", || {
        let result = match text {
            Either::A(s) => core::Plan::from_str(&s),
            Either::B(b) => core::Plan::from_bytes(&b),
        };
        result.map(|inner| Plan { inner: inner.into() }).map_err(|e| throw(&env, e))
    })
}

/// Reads and validates a plan file on the libuv thread pool.
pub struct LoadPlanTask {
    path: String,
}

impl Task for LoadPlanTask {
    type Output = std::result::Result<core::Plan, core::Error>;
    type JsValue = Plan;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("loadPlanAsync", || Ok(core::Plan::from_path(&self.path)))
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Plan> {
        crate::guard(&env, "loadPlanAsync", || {
            output.map(|inner| Plan { inner: inner.into() }).map_err(|e| throw(&env, e))
        })
    }
}

/// Loads and validates a plan file without blocking the event loop.
#[napi(ts_return_type = "Promise<Plan>")]
pub fn load_plan_async<'e>(env: &'e Env, path: String) -> Result<Unknown<'e>> {
    promise(env, "loadPlanAsync", || Ok(LoadPlanTask { path }))
}

/// The JSON Schema of the plan data format.
#[napi]
pub fn json_schema(env: Env) -> Result<String> {
    guard(&env, "jsonSchema", || Ok(core::json_schema()))
}

/// Observations from a CSV or JSON file (UTF-8 or GB18030, or as `encoding` says), every field
/// as text, ready for `plan.progress`.
#[napi(
    ts_args_type = "path: string, encoding?: 'auto' | 'utf-8' | 'gb18030' | null",
    ts_return_type = "Array<ObservationInput>"
)]
pub fn read_observations<'e>(env: &'e Env, path: String, encoding: Option<String>) -> Result<Unknown<'e>> {
    guard(env, "readObservations", || {
        let encoding = core::host::encoding(encoding.as_deref().unwrap_or("auto")).map_err(|e| throw(env, e))?;
        answer(env, core::progress::observations::read_file_in(std::path::Path::new(&path), encoding))
    })
}

/// The person key of one ID number: HMAC-SHA256(salt, the ID normalised under GB 11643) as 64
/// hex digits. Throws INVALID_RECORD at `id_number` for an ID that is not valid (never shown),
/// INVALID_OPTIONS at `salt` for a salt missing or under 16 bytes.
#[napi(ts_args_type = "idNumber: string, salt: Buffer | string")]
pub fn person_key(env: Env, id_number: String, salt: Either<Buffer, String>) -> Result<String> {
    guard(&env, "personKey", || core::records::person_key(&salt_bytes(salt), &id_number).map_err(|e| throw(&env, e)))
}

/// A salt given as a Buffer, or as text (its UTF-8 bytes).
fn salt_bytes(salt: Either<Buffer, String>) -> Vec<u8> {
    match salt {
        Either::A(b) => b.to_vec(),
        Either::B(s) => s.into_bytes(),
    }
}

/// Every error code with the kind of error it is (`kind` of the errors thrown).
#[napi(ts_return_type = "Array<[ErrorCode, ErrorClass]>")]
pub fn error_kinds<'e>(env: &'e Env) -> Result<Unknown<'e>> {
    let kinds: Vec<(core::ErrorCode, core::ErrorClass)> =
        core::ErrorCode::ALL.iter().map(|c| (*c, c.class())).collect();
    host::to_js(env, &kinds)
}
