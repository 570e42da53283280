//! Node.js binding of skillplan: converts core types to plain JavaScript objects (decimals and
//! dates as strings) and core errors to `Error`s with `code`, `path`, `reason` and `issues`.
//! No logic lives here.

mod eligibility;
mod pathway;
mod progress;
mod records;

use napi::bindgen_prelude::*;
use napi::{Env, JsValue, Status, Task};
use napi_derive::napi;
use skillplan as core;

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
    let issues: Vec<Issue> = e.issues().iter().map(Issue::from).collect();
    object.set_named_property("issues", issues)?;
    Ok(object)
}

/// One problem found in a plan file.
#[napi(object)]
pub struct Issue {
    pub reason: String,
    pub path: String,
    pub message: String,
}

impl From<&core::Issue> for Issue {
    fn from(i: &core::Issue) -> Self {
        Issue { reason: i.reason.as_str().to_owned(), path: i.path.clone(), message: i.message.clone() }
    }
}

/// A text in Chinese (as the plan writes it) and English.
#[napi(object)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

impl From<&core::Label> for Label {
    fn from(l: &core::Label) -> Self {
        Label { zh: l.zh.clone(), en: l.en.clone() }
    }
}

/// A closed date interval; dates are ISO `YYYY-MM-DD` strings.
#[napi(object)]
pub struct Period {
    pub start: String,
    pub end: String,
}

/// Who issued the plan, when, under which number, for which period.
#[napi(object)]
pub struct Metadata {
    pub title: Label,
    pub notice_title_zh: Option<String>,
    pub document_number: String,
    pub index_number: Option<String>,
    pub issuers: Vec<String>,
    /// ISO date.
    pub written_on: String,
    /// ISO date.
    pub published_on: Option<String>,
    pub period: Period,
    pub addressees: Vec<String>,
    pub basis_documents: Vec<Label>,
    pub source_url: Option<String>,
    pub notice_text_zh: Option<String>,
    pub preamble_zh: Option<String>,
}

impl From<&core::Metadata> for Metadata {
    fn from(m: &core::Metadata) -> Self {
        Metadata {
            title: (&m.title).into(),
            notice_title_zh: m.notice_title_zh.clone(),
            document_number: m.document_number.clone(),
            index_number: m.index_number.clone(),
            issuers: m.issuers.clone(),
            written_on: m.written_on.to_string(),
            published_on: m.published_on.map(|d| d.to_string()),
            period: Period { start: m.period.start.to_string(), end: m.period.end.to_string() },
            addressees: m.addressees.clone(),
            basis_documents: m.basis_documents.iter().map(Label::from).collect(),
            source_url: m.source_url.clone(),
            notice_text_zh: m.notice_text_zh.clone(),
            preamble_zh: m.preamble_zh.clone(),
        }
    }
}

/// A quantitative target of the plan (专栏1 row).
#[napi(object)]
pub struct Indicator {
    pub id: String,
    pub clause: String,
    pub row: u32,
    pub name: Label,
    #[napi(ts_type = "'person_times' | 'count'")]
    pub unit: String,
    #[napi(ts_type = "'>=' | '>' | '<=' | '<' | '='")]
    pub comparator: String,
    /// The exact target as a decimal string, e.g. "840000".
    pub target: String,
    pub target_text_zh: String,
    #[napi(ts_type = "'expected' | 'binding'")]
    pub attribute: String,
    pub parent: Option<String>,
}

impl From<&core::Indicator> for Indicator {
    fn from(i: &core::Indicator) -> Self {
        Indicator {
            id: i.id.clone(),
            clause: i.clause.clone(),
            row: i.row,
            name: (&i.name).into(),
            unit: i.unit.as_str().to_owned(),
            comparator: i.comparator.as_str().to_owned(),
            target: i.target.to_string(),
            target_text_zh: i.target_text_zh.clone(),
            attribute: i.attribute.as_str().to_owned(),
            parent: i.parent.clone(),
        }
    }
}

/// Who the plan makes responsible for a measure.
#[napi(object)]
pub struct Responsibility {
    pub text_zh: String,
    pub lead: Option<String>,
    pub departments: Vec<String>,
    pub all_relevant: bool,
    pub by_division_of_duties: bool,
}

/// A numbered measure such as （二十五）.
#[napi(object)]
pub struct Measure {
    pub id: String,
    pub number: u32,
    pub chapter: String,
    pub title: Label,
    pub text_zh: String,
    pub responsibility: Option<Responsibility>,
}

impl From<&core::Measure> for Measure {
    fn from(m: &core::Measure) -> Self {
        Measure {
            id: m.id.clone(),
            number: m.number,
            chapter: m.chapter.clone(),
            title: (&m.title).into(),
            text_zh: m.text_zh.clone(),
            responsibility: m.responsibility.as_ref().map(|r| Responsibility {
                text_zh: r.text_zh.clone(),
                lead: r.lead.clone(),
                departments: r.departments.clone(),
                all_relevant: r.all_relevant,
                by_division_of_duties: r.by_division_of_duties,
            }),
        }
    }
}

/// One numbered item of a column.
#[napi(object)]
pub struct ColumnItem {
    pub number: u32,
    pub title_zh: String,
    pub text_zh: String,
}

/// A boxed column (专栏).
#[napi(object)]
pub struct Column {
    pub id: String,
    pub number: u32,
    pub title: Label,
    pub after_measure: Option<String>,
    pub items: Vec<ColumnItem>,
}

impl From<&core::Column> for Column {
    fn from(c: &core::Column) -> Self {
        Column {
            id: c.id.clone(),
            number: c.number,
            title: (&c.title).into(),
            after_measure: c.after_measure.clone(),
            items: c
                .items
                .iter()
                .map(|i| ColumnItem { number: i.number, title_zh: i.title_zh.clone(), text_zh: i.text_zh.clone() })
                .collect(),
        }
    }
}

/// A clause of the plan with its text.
#[napi(object)]
pub struct Clause {
    pub id: String,
    #[napi(ts_type = "'chapter' | 'measure' | 'column' | 'column_item'")]
    pub kind: String,
    pub title: Label,
    pub text_zh: String,
    pub parent: Option<String>,
}

impl From<core::Clause> for Clause {
    fn from(c: core::Clause) -> Self {
        Clause {
            id: c.id,
            kind: c.kind.as_str().to_owned(),
            title: (&c.title).into(),
            text_zh: c.text_zh,
            parent: c.parent,
        }
    }
}

/// A department or body named in the plan.
#[napi(object)]
pub struct Department {
    pub id: String,
    pub short_zh: String,
    pub full_zh: String,
    pub en: String,
    pub aliases: Vec<String>,
}

impl From<&core::Department> for Department {
    fn from(d: &core::Department) -> Self {
        Department {
            id: d.id.clone(),
            short_zh: d.short_zh.clone(),
            full_zh: d.full_zh.clone(),
            en: d.en.clone(),
            aliases: d.aliases.clone(),
        }
    }
}

/// A region or administrative unit.
#[napi(object)]
pub struct Region {
    pub id: String,
    /// GB/T 2260 code; absent for units that have none (长白山管委会, 长春新区).
    pub code: Option<String>,
    pub name: Label,
    #[napi(ts_type = "'province' | 'prefecture_city' | 'autonomous_prefecture' | 'management_area' | 'new_area'")]
    pub kind: String,
    pub parent: Option<String>,
    pub note: Option<String>,
}

impl From<&core::Region> for Region {
    fn from(r: &core::Region) -> Self {
        Region {
            id: r.id.clone(),
            code: r.code.clone(),
            name: (&r.name).into(),
            kind: r.kind.as_str().to_owned(),
            parent: r.parent.clone(),
            note: r.note.clone(),
        }
    }
}

fn convert_all<'a, S: 'a, T: From<&'a S>>(items: impl IntoIterator<Item = &'a S>) -> Vec<T> {
    items.into_iter().map(T::from).collect()
}

/// A loaded, validated plan. Immutable.
#[napi]
pub struct Plan {
    // Shared with the tallies counted under it.
    pub(crate) inner: std::sync::Arc<core::Plan>,
}

#[napi]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    #[napi(getter)]
    pub fn id(&self, env: Env) -> Result<String> {
        guard(&env, "id", || Ok({ self.inner.id().to_owned() }))
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    #[napi(getter)]
    pub fn fingerprint(&self, env: Env) -> Result<String> {
        guard(&env, "fingerprint", || Ok({ self.inner.fingerprint().to_owned() }))
    }

    #[napi(getter)]
    pub fn metadata(&self, env: Env) -> Result<Metadata> {
        guard(&env, "metadata", || Ok({ self.inner.metadata().into() }))
    }

    /// All indicators, in the plan's order.
    #[napi]
    pub fn indicators(&self, env: Env) -> Result<Vec<Indicator>> {
        guard(&env, "indicators", || Ok({ convert_all(self.inner.indicators()) }))
    }

    /// One indicator by id; throws UNKNOWN_INDICATOR.
    #[napi]
    pub fn indicator(&self, env: Env, id: String) -> Result<Indicator> {
        guard(&env, "indicator", || self.inner.indicator(&id).map(Indicator::from).map_err(|e| throw(&env, e.into())))
    }

    /// The indicators that are parts (「其中」) of `id`.
    #[napi]
    pub fn parts(&self, env: Env, id: String) -> Result<Vec<Indicator>> {
        guard(&env, "parts", || self.inner.parts(&id).map(convert_all).map_err(|e| throw(&env, e.into())))
    }

    #[napi]
    pub fn measures(&self, env: Env) -> Result<Vec<Measure>> {
        guard(&env, "measures", || Ok({ convert_all(self.inner.measures()) }))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    #[napi]
    pub fn measure(&self, env: Env, id: String) -> Result<Measure> {
        guard(&env, "measure", || self.inner.measure(&id).map(Measure::from).map_err(|e| throw(&env, e.into())))
    }

    #[napi]
    pub fn columns(&self, env: Env) -> Result<Vec<Column>> {
        guard(&env, "columns", || Ok({ convert_all(self.inner.columns()) }))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    #[napi]
    pub fn clause(&self, env: Env, id: String) -> Result<Clause> {
        guard(&env, "clause", || self.inner.clause(&id).map(Clause::from).map_err(|e| throw(&env, e.into())))
    }

    #[napi]
    pub fn departments(&self, env: Env) -> Result<Vec<Department>> {
        guard(&env, "departments", || Ok({ convert_all(self.inner.departments()) }))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    #[napi]
    pub fn department(&self, env: Env, name: String) -> Result<Department> {
        guard(&env, "department", || {
            self.inner.department(&name).map(Department::from).map_err(|e| throw(&env, e.into()))
        })
    }

    /// The measures that name `department` as responsible (lead or listed).
    #[napi]
    pub fn measures_for_department(&self, env: Env, department: String) -> Result<Vec<Measure>> {
        guard(&env, "measuresForDepartment", || {
            self.inner.measures_for_department(&department).map(convert_all).map_err(|e| throw(&env, e.into()))
        })
    }

    /// The measures assigned to 「所有相关部门」.
    #[napi]
    pub fn measures_for_all_relevant(&self, env: Env) -> Result<Vec<Measure>> {
        guard(&env, "measuresForAllRelevant", || Ok({ convert_all(self.inner.measures_for_all_relevant()) }))
    }

    #[napi]
    pub fn regions(&self, env: Env) -> Result<Vec<Region>> {
        guard(&env, "regions", || Ok({ convert_all(self.inner.regions()) }))
    }

    /// A region by id ("changchun") or GB/T 2260 code ("220100").
    #[napi]
    pub fn region(&self, env: Env, id_or_code: String) -> Result<Region> {
        guard(&env, "region", || self.inner.region(&id_or_code).map(Region::from).map_err(|e| throw(&env, e.into())))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    #[napi]
    pub fn to_json(&self, env: Env) -> Result<String> {
        guard(&env, "toJson", || Ok({ self.inner.to_canonical_json() }))
    }

    /// Progress of every indicator as of `options.asOf`. Observations are
    /// `{ indicator, date, value, region?, kind? }` with values as decimal strings or safe
    /// integers (floats are refused).
    #[napi(ts_args_type = "observations: Array<ObservationInput>, options: ProgressOptions")]
    pub fn progress(
        &self,
        env: Env,
        observations: Vec<Object>,
        options: progress::ProgressOptions,
    ) -> Result<progress::Report> {
        guard(&env, "progress", || {
            progress::report(&self.inner, &observations, &options)
                .map(|r| progress::Report::from(&r))
                .map_err(|e| throw(&env, e))
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
        observations: Vec<Object>,
        options: progress::ProgressOptions,
    ) -> Result<Unknown<'e>> {
        promise(env, "progressAsync", || Ok(progress::task(&self.inner, &observations, &options)))
    }

    /// The report of `progress` as CSV: one row per indicator (and region), projections as columns.
    #[napi(ts_args_type = "observations: Array<ObservationInput>, options: ProgressOptions")]
    pub fn progress_csv(
        &self,
        env: Env,
        observations: Vec<Object>,
        options: progress::ProgressOptions,
    ) -> Result<String> {
        guard(&env, "progressCsv", || {
            progress::report(&self.inner, &observations, &options).map(|r| r.to_csv()).map_err(|e| throw(&env, e))
        })
    }

    /// Progress of one indicator, for the whole area or (with `region`) a region that has a
    /// target in `options.regionalTargets`.
    #[napi(
        ts_args_type = "observations: Array<ObservationInput>, indicator: string, options: ProgressOptions, region?: string | null"
    )]
    pub fn indicator_progress(
        &self,
        env: Env,
        observations: Vec<Object>,
        indicator: String,
        options: progress::ProgressOptions,
        region: Option<String>,
    ) -> Result<progress::IndicatorProgress> {
        guard(&env, "indicatorProgress", || {
            progress::indicator(&self.inner, &observations, &indicator, region.as_deref(), &options)
                .map_err(|e| throw(&env, e))
        })
    }

    /// The skill ladder, lowest level first (学徒工 … 首席技师).
    #[napi]
    pub fn skill_levels(&self, env: Env) -> Result<Vec<pathway::SkillLevel>> {
        guard(&env, "skillLevels", || Ok({ pathway::skill_levels(&self.inner) }))
    }

    /// The professional titles (职称) the crosswalk leads to.
    #[napi]
    pub fn titles(&self, env: Env) -> Result<Vec<pathway::Title>> {
        guard(&env, "titles", || Ok({ pathway::titles(&self.inner) }))
    }

    /// The 双贯通 crosswalk entries of a level, both directions.
    #[napi]
    pub fn crosswalk_for_level(&self, env: Env, level: String) -> Result<Vec<pathway::CrosswalkEntry>> {
        guard(&env, "crosswalkForLevel", || {
            self.inner.crosswalk_for_level(&level).map(convert_all).map_err(|e| throw(&env, e.into()))
        })
    }

    /// The 双贯通 crosswalk entries of a title (id or Chinese name), both directions.
    #[napi]
    pub fn crosswalk_for_title(&self, env: Env, title: String) -> Result<Vec<pathway::CrosswalkEntry>> {
        guard(&env, "crosswalkForTitle", || {
            self.inner.crosswalk_for_title(&title).map(convert_all).map_err(|e| throw(&env, e.into()))
        })
    }

    /// Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits.
    #[napi]
    pub fn education_equivalences(&self, env: Env) -> Result<Vec<pathway::EducationEquivalence>> {
        guard(&env, "educationEquivalences", || Ok({ pathway::education_equivalences(&self.inner) }))
    }

    /// A worker's pathway as of `asOf` (ISO date): levels held, every level above with its
    /// routes, the earliest date to apply and what each level unlocks.
    #[napi(ts_args_type = "worker: WorkerInput, asOf: string")]
    pub fn pathway(&self, env: Env, worker: Unknown<'_>, as_of: String) -> Result<pathway::Pathway> {
        guard(&env, "pathway", || pathway::pathway(&env, &self.inner, worker, &as_of))
    }

    /// Counts training and base records (plain objects, as `RecordInput`) by the plan's counting
    /// rules. Invalid records are skipped and listed, up to `maxRejected` (default 1000);
    /// `strict` fails on the first with `INVALID_RECORD`.
    #[napi(ts_args_type = "records: Array<RecordInput>, options?: CountOptions | null")]
    pub fn count_records(
        &self,
        env: Env,
        records: Vec<Unknown<'_>>,
        options: Option<records::CountOptions>,
    ) -> Result<records::Tally> {
        guard(&env, "countRecords", || {
            records::count_values(&self.inner, records::from_js(&env, records), options).map_err(|e| throw(&env, e))
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
        options: Option<records::CountOptions>,
    ) -> Result<Unknown<'e>> {
        promise(env, "countRecordsAsync", || {
            Ok(records::CountTask::values(&self.inner, records::from_js(env, records), options))
        })
    }

    /// Counts a CSV or JSON Lines file of records, streamed, off the event loop.
    #[napi(ts_args_type = "path: string, options?: CountOptions | null", ts_return_type = "Promise<Tally>")]
    pub fn count_records_file<'e>(
        &self,
        env: &'e Env,
        path: String,
        options: Option<records::CountOptions>,
    ) -> Result<Unknown<'e>> {
        promise(env, "countRecordsFile", || Ok(records::CountTask::file(&self.inner, path, options)))
    }

    /// Which target groups a person is in and, for each subsidy of （二十五）, eligible /
    /// not_eligible / undetermined with the amount, the checks, what would make it eligible and
    /// the values that are unconfirmed defaults. `profile` and `offer` are plain objects (or JSON
    /// text); `asOf` an ISO date. Throws INVALID_PROFILE / INVALID_OFFER with the field's path.
    #[napi(
        ts_args_type = "profile: ProfileInput | string, offer: OfferInput | string | null | undefined, asOf: string",
        ts_return_type = "EligibilityDecision"
    )]
    pub fn check_eligibility<'e>(
        &self,
        env: &'e Env,
        profile: Unknown<'_>,
        offer: Option<Unknown<'_>>,
        as_of: String,
    ) -> Result<Unknown<'e>> {
        guard(&env, "checkEligibility", || eligibility::check(env, &self.inner, profile, offer, &as_of))
    }

    /// `checkEligibility` from JSON text to JSON text, as a server receives and sends them:
    /// no JavaScript objects are built. `options.explain: false` gives the summary (statuses,
    /// amounts, failed checks, missing facts); `options.subsidies` keeps only those subsidies.
    #[napi(
        ts_args_type = "profileJson: string, offerJson: string | null | undefined, asOf: string, options?: EligibilityJsonOptions | null"
    )]
    pub fn check_eligibility_json(
        &self,
        env: Env,
        profile_json: String,
        offer_json: Option<String>,
        as_of: String,
        options: Option<eligibility::EligibilityJsonOptions>,
    ) -> Result<String> {
        guard(&env, "checkEligibilityJson", || {
            eligibility::check_json_text(&self.inner, &profile_json, offer_json.as_deref(), &as_of, options)
                .map_err(|e| throw(&env, e))
        })
    }

    /// `checkEligibilityJson` for a roster: a JSON array text of profiles in, a Promise of one
    /// JSON array text out, decided on all cores off the event loop.
    #[napi(
        ts_args_type = "profilesJson: string, offerJson: string | null | undefined, asOf: string, options?: EligibilityJsonOptions | null",
        ts_return_type = "Promise<string>"
    )]
    pub fn check_eligibility_batch_json<'e>(
        &self,
        env: &'e Env,
        profiles_json: String,
        offer_json: Option<String>,
        as_of: String,
        options: Option<eligibility::EligibilityJsonOptions>,
    ) -> Result<Unknown<'e>> {
        promise(env, "checkEligibilityBatchJson", || {
            Ok(eligibility::BatchJsonTask::new(&self.inner, profiles_json, offer_json, as_of, options))
        })
    }

    /// `checkEligibility` for many profiles and one offer, computed off the event loop. The
    /// decisions come in order, each equal to the single call's; the first bad profile rejects
    /// the Promise with its index in the path (`profiles[3].sex`).
    #[napi(
        ts_args_type = "profiles: Array<ProfileInput>, offer: OfferInput | string | null | undefined, asOf: string",
        ts_return_type = "Promise<Array<EligibilityDecision>>"
    )]
    pub fn check_eligibility_batch<'e>(
        &self,
        env: &'e Env,
        profiles: Vec<Unknown<'_>>,
        offer: Option<Unknown<'_>>,
        as_of: String,
    ) -> Result<Unknown<'e>> {
        promise(env, "checkEligibilityBatch", || eligibility::BatchTask::new(env, &self.inner, profiles, offer, as_of))
    }

    /// Splits an indicator's target over regions by weights so the parts add up exactly.
    #[napi(ts_args_type = "indicator: string, weights: Array<{ region: string; weight: string | number }>")]
    pub fn decompose(
        &self,
        env: Env,
        indicator: String,
        weights: Vec<Object>,
    ) -> Result<Vec<progress::RegionalTarget>> {
        guard(&env, "decompose", || progress::decompose(&self.inner, &indicator, &weights).map_err(|e| throw(&env, e)))
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
    guard(&env, "jsonSchema", || Ok({ core::json_schema() }))
}
