//! WebAssembly binding of skillplan, for pages, WeChat mini-programs and Node: each export reads
//! its arguments under the core's host-value policy ([`host`]), calls the core and hands the
//! answer back as plain JavaScript objects (camelCase keys; decimals and dates as strings), or
//! throws an `Error` with `code`, `kind`, `path`, `reason` and `issues`, as the Node binding does.
//! No logic lives here. The JavaScript package (`js/`) wraps these exports: it loads the module,
//! and after a trap (a panic aborts in wasm) it starts a fresh instance and throws `INTERNAL`.

mod host;

use js_sys::{Object, Reflect};
use serde_json::Value;
use skillplan as core;
use skillplan::eligibility as el;
use skillplan::host::batch::{self, KeyStyle};
use skillplan::host::options::{self, DecisionOptions};
use skillplan::host::value::{self, Argument};
use skillplan::progress::observations::{self, Observations};
use wasm_bindgen::prelude::*;

use crate::host::Input;

type Result<T> = std::result::Result<T, JsValue>;

/// Runs an export's body under the core's fault guard and turns a core error into the
/// JavaScript `Error` thrown. (In wasm a panic aborts: the guard's part is the injected fault,
/// which traps as a real panic does; the JavaScript package handles the trap.)
fn guard<T>(operation: &'static str, body: impl FnOnce() -> std::result::Result<T, core::Error>) -> Result<T> {
    core::host::catch(operation, body).and_then(|r| r).map_err(|e| error(&e))
}

/// The `Error` of a core error, carrying the stable fields.
fn error(e: &core::Error) -> JsValue {
    let object: Object = js_sys::Error::new(&e.to_string()).into();
    let reason = e.reason().map_or(JsValue::NULL, JsValue::from_str);
    let fields = [
        ("code", JsValue::from_str(e.code().as_str())),
        ("path", JsValue::from_str(&e.path())),
        ("reason", reason),
        ("kind", JsValue::from_str(e.code().class().as_str())),
        ("issues", host::to_js(&e.issues())),
    ];
    for (name, value) in fields {
        // Setting a property of a fresh Error cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(name), &value);
    }
    object.into()
}

/// Runs when an instance starts. Nothing to set up; it exists because the glue's reset function
/// (`__wbg_reset_state`, called after a trap) starts the fresh instance through it.
#[wasm_bindgen(start)]
pub fn start() {}

/// The version of this package and of the skillplan core inside it.
#[wasm_bindgen]
pub fn version() -> String {
    core::VERSION.to_owned()
}

/// Makes the next call of `operation` (an export's name, e.g. `checkEligibility`, or `*`)
/// fail as a panic does, once: for testing a host's error path.
#[wasm_bindgen(js_name = injectFault)]
pub fn inject_fault(operation: &str) {
    core::host::inject_fault(operation);
}

/// The `INTERNAL` error of `operation`, as the core words it: the JavaScript package throws it
/// after a trap, from the fresh instance it started.
#[wasm_bindgen(js_name = internalError)]
pub fn internal_error(operation: &str) -> JsValue {
    error(&core::error::InternalError { operation: operation.to_owned() }.into())
}

/// Every error code with the kind of error it is.
#[wasm_bindgen(js_name = errorKinds)]
pub fn error_kinds() -> JsValue {
    let kinds: Vec<(core::ErrorCode, core::ErrorClass)> =
        core::ErrorCode::ALL.iter().map(|c| (*c, c.class())).collect();
    host::to_js(&kinds)
}

/// The JSON Schema of the plan data format.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema() -> String {
    core::json_schema()
}

/// A loaded, validated plan. Immutable.
#[wasm_bindgen]
pub struct Plan {
    inner: core::Plan,
}

/// The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号).
#[wasm_bindgen(js_name = defaultPlan)]
pub fn default_plan() -> Result<Plan> {
    guard("defaultPlan", || core::Plan::jilin_2022_2025().map(|inner| Plan { inner }))
}

/// Loads and validates a plan from TOML text, or from bytes (which must be UTF-8).
#[wasm_bindgen(js_name = loadPlanStr)]
pub fn load_plan_str(text: JsValue) -> Result<Plan> {
    guard("loadPlanStr", || {
        let plan = match Input::read(&text) {
            Some(Input::Text(text)) => core::Plan::from_str(&text),
            Some(Input::Bytes(bytes)) => core::Plan::from_bytes(&bytes),
            None => {
                Err(core::OptionsError { path: "text".into(), message: "expected a string or a Uint8Array".into() }
                    .into())
            }
        };
        plan.map(|inner| Plan { inner })
    })
}

/// Observations from the bytes (or text) of a CSV or JSON file, every field as text, ready for
/// `plan.progress`. `encoding`: `auto` (UTF-8, else GB18030), `utf-8` or `gb18030`.
#[wasm_bindgen(js_name = readObservations)]
pub fn read_observations(input: JsValue, format: &str, encoding: Option<String>) -> Result<JsValue> {
    guard("readObservations", || {
        let encoding = core::host::encoding(encoding.as_deref().unwrap_or("auto"))?;
        let format = observations::Format::parse(format)?;
        let input = Input::read(&input).ok_or_else(|| {
            core::Error::from(core::OptionsError {
                path: "input".into(),
                message: "expected a string or a Uint8Array".into(),
            })
        })?;
        Ok(host::to_js(&observations::read_bytes(input.bytes(), format, encoding)?))
    })
}

/// The person key of one ID number: HMAC-SHA256(salt, the ID normalised under GB 11643) as 64
/// hex digits. `salt` is text (its UTF-8) or bytes.
#[wasm_bindgen(js_name = personKey)]
pub fn person_key(id_number: &str, salt: JsValue) -> Result<String> {
    guard("personKey", || {
        let salt = Input::read(&salt).map(|s| s.bytes().to_vec()).unwrap_or_default();
        core::records::person_key(&salt, id_number)
    })
}

/// A profile or offer: a string is JSON text; anything else a value, read as a document.
fn document(value: JsValue, argument: Argument<'_>, path: &str) -> std::result::Result<Value, core::Error> {
    match value.as_string() {
        Some(text) => Ok(el::parse_json(&text, path)?),
        None => host::json(value, argument),
    }
}

fn offer_value(offer: JsValue) -> std::result::Result<Value, core::Error> {
    if offer.is_null() || offer.is_undefined() {
        return Ok(Value::Object(Default::default()));
    }
    document(offer, Argument::Offer, "offer")
}

fn decision_options(options: JsValue) -> std::result::Result<DecisionOptions, core::Error> {
    options::decision(&host::options(options)?)
}

/// A decision as the options ask: explained (the default) or the summary, as JSON text.
fn decision_text(plan: &core::Plan, decided: &el::Decided, options: &DecisionOptions) -> String {
    if options.explain {
        batch::to_json_text(&decided.view(plan), KeyStyle::Camel)
    } else {
        batch::summary_text(&decided.summary(plan), KeyStyle::Camel)
    }
}

/// Observations and progress options read from JavaScript values.
fn progress_call(
    plan: &core::Plan,
    observations: JsValue,
    options: JsValue,
) -> std::result::Result<(Observations, core::progress::ProgressOptions), core::Error> {
    let rows = value::rows_to_json(&host::Js(observations), Argument::Observations)?;
    let options = options::progress_with_as_of(&host::json(options, Argument::Options)?)?;
    Ok((Observations::new(plan, &observations::from_values(&rows)?)?, options))
}

#[wasm_bindgen]
impl Plan {
    /// Stable identifier of the plan, e.g. "jilin-2022-2025".
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// SHA-256 of the plan's canonical form: equal fingerprints mean the same definition.
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_owned()
    }

    /// Who issued the plan, when, under which number, for which period.
    #[wasm_bindgen(getter)]
    pub fn metadata(&self) -> Result<JsValue> {
        guard("metadata", || Ok(host::to_js(self.inner.metadata())))
    }

    /// All indicators, in the plan's order.
    pub fn indicators(&self) -> Result<JsValue> {
        guard("indicators", || Ok(host::to_js(self.inner.indicators())))
    }

    /// One indicator by id; throws UNKNOWN_INDICATOR.
    pub fn indicator(&self, id: &str) -> Result<JsValue> {
        guard("indicator", || Ok(host::to_js(self.inner.indicator(id)?)))
    }

    /// The indicators that are parts (「其中」) of `id`.
    pub fn parts(&self, id: &str) -> Result<JsValue> {
        guard("parts", || Ok(host::to_js(&self.inner.parts(id)?)))
    }

    /// The measures （一）…, in the plan's order.
    pub fn measures(&self) -> Result<JsValue> {
        guard("measures", || Ok(host::to_js(self.inner.measures())))
    }

    /// A measure by label ("（二十五）", "(二十五)") or number ("25").
    pub fn measure(&self, id: &str) -> Result<JsValue> {
        guard("measure", || Ok(host::to_js(self.inner.measure(id)?)))
    }

    /// The boxed columns 专栏1…, each with its items.
    pub fn columns(&self) -> Result<JsValue> {
        guard("columns", || Ok(host::to_js(self.inner.columns())))
    }

    /// Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1".
    pub fn clause(&self, id: &str) -> Result<JsValue> {
        guard("clause", || Ok(host::to_js(&self.inner.clause(id)?)))
    }

    /// The departments the plan names.
    pub fn departments(&self) -> Result<JsValue> {
        guard("departments", || Ok(host::to_js(self.inner.departments())))
    }

    /// A department by id, short name (省教育厅), full name or alias.
    pub fn department(&self, name: &str) -> Result<JsValue> {
        guard("department", || Ok(host::to_js(self.inner.department(name)?)))
    }

    /// The measures that name `department` as responsible (lead or listed).
    #[wasm_bindgen(js_name = measuresForDepartment)]
    pub fn measures_for_department(&self, department: &str) -> Result<JsValue> {
        guard("measuresForDepartment", || Ok(host::to_js(&self.inner.measures_for_department(department)?)))
    }

    /// The measures assigned to 「所有相关部门」.
    #[wasm_bindgen(js_name = measuresForAllRelevant)]
    pub fn measures_for_all_relevant(&self) -> Result<JsValue> {
        guard("measuresForAllRelevant", || Ok(host::to_js(&self.inner.measures_for_all_relevant())))
    }

    /// The regions and administrative units, with GB/T 2260 codes.
    pub fn regions(&self) -> Result<JsValue> {
        guard("regions", || Ok(host::to_js(self.inner.regions())))
    }

    /// A region by id, name or code.
    pub fn region(&self, id_or_code: &str) -> Result<JsValue> {
        guard("region", || Ok(host::to_js(self.inner.region(id_or_code)?)))
    }

    /// The plan's canonical JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_canonical_json()
    }

    /// Progress of every indicator as of `options.asOf`. Observations are
    /// `{ indicator, date, value, region?, kind? }` with values as decimal strings or safe
    /// integers (floats are refused).
    pub fn progress(&self, observations: JsValue, options: JsValue) -> Result<JsValue> {
        guard("progress", || {
            let (observations, options) = progress_call(&self.inner, observations, options)?;
            Ok(host::to_js(&core::progress::report(&self.inner, &observations, &options)?))
        })
    }

    /// The report of `progress` as CSV: one row per indicator (and region).
    #[wasm_bindgen(js_name = progressCsv)]
    pub fn progress_csv(&self, observations: JsValue, options: JsValue) -> Result<String> {
        guard("progressCsv", || {
            let (observations, options) = progress_call(&self.inner, observations, options)?;
            Ok(core::progress::report(&self.inner, &observations, &options)?.to_csv())
        })
    }

    /// Progress of one indicator, for the whole area or (with `region`) a region that has a
    /// target in `options.regionalTargets`.
    #[wasm_bindgen(js_name = indicatorProgress)]
    pub fn indicator_progress(
        &self,
        observations: JsValue,
        indicator: &str,
        options: JsValue,
        region: Option<String>,
    ) -> Result<JsValue> {
        guard("indicatorProgress", || {
            let (observations, options) = progress_call(&self.inner, observations, options)?;
            let row = core::progress::indicator(&self.inner, &observations, &options, indicator, region.as_deref())?;
            Ok(host::to_js(&row))
        })
    }

    /// Splits an indicator's target over regions by weights so the parts add up exactly.
    pub fn decompose(&self, indicator: &str, weights: JsValue) -> Result<JsValue> {
        guard("decompose", || {
            let weights = options::weights(&host::json(weights, Argument::Options)?)?;
            Ok(host::to_js(&core::progress::decompose(&self.inner, indicator, &weights)?))
        })
    }

    /// The skill ladder, lowest level first (学徒工 … 首席技师).
    #[wasm_bindgen(js_name = skillLevels)]
    pub fn skill_levels(&self) -> Result<JsValue> {
        guard("skillLevels", || Ok(host::to_js(self.inner.skill_levels())))
    }

    /// The professional titles (职称) the crosswalk leads to.
    pub fn titles(&self) -> Result<JsValue> {
        guard("titles", || Ok(host::to_js(self.inner.titles())))
    }

    /// The 双贯通 crosswalk entries of a level, both directions.
    #[wasm_bindgen(js_name = crosswalkForLevel)]
    pub fn crosswalk_for_level(&self, level: &str) -> Result<JsValue> {
        guard("crosswalkForLevel", || Ok(host::to_js(&self.inner.crosswalk_for_level(level)?)))
    }

    /// The 双贯通 crosswalk entries of a title (id or Chinese name), both directions.
    #[wasm_bindgen(js_name = crosswalkForTitle)]
    pub fn crosswalk_for_title(&self, title: &str) -> Result<JsValue> {
        guard("crosswalkForTitle", || Ok(host::to_js(&self.inner.crosswalk_for_title(title)?)))
    }

    /// Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits.
    #[wasm_bindgen(js_name = educationEquivalences)]
    pub fn education_equivalences(&self) -> Result<JsValue> {
        guard("educationEquivalences", || Ok(host::to_js(self.inner.education_equivalences())))
    }

    /// A worker's pathway as of `asOf` (ISO date): levels held, every level above with its
    /// routes, the earliest date to apply and what each level unlocks.
    pub fn pathway(&self, worker: JsValue, as_of: &str) -> Result<JsValue> {
        guard("pathway", || {
            let worker = core::pathway::worker_from_value(&host::json(worker, Argument::Worker)?)?;
            Ok(host::to_js(&core::pathway::pathway(&self.inner, &worker, options::as_of_text(as_of)?)?))
        })
    }

    /// Which target groups a person is in and, for each subsidy of （二十五）, eligible /
    /// not_eligible / undetermined with the amount. `profile` and `offer` are plain objects (or
    /// JSON text); `asOf` an ISO date. Explained (every check, what would make each subsidy
    /// eligible) unless `options.explain` is false, which gives the fast answer: statuses,
    /// amounts, failed checks and missing facts. Throws INVALID_PROFILE / INVALID_OFFER with the
    /// field's path.
    #[wasm_bindgen(js_name = checkEligibility)]
    pub fn check_eligibility(
        &self,
        profile: JsValue,
        offer: JsValue,
        as_of: &str,
        options: JsValue,
    ) -> Result<JsValue> {
        guard("checkEligibility", || {
            let profile = document(profile, Argument::Profile("profile"), "profile")?;
            let offer = offer_value(offer)?;
            let options = decision_options(options)?;
            let decided = batch::decided_value(&self.inner, &profile, &offer, options::as_of_text(as_of)?, &options)?;
            Ok(host::parse(&decision_text(&self.inner, &decided, &options)))
        })
    }

    /// `checkEligibility` from JSON text to JSON text: no JavaScript objects are built.
    #[wasm_bindgen(js_name = checkEligibilityJson)]
    pub fn check_eligibility_json(
        &self,
        profile_json: &str,
        offer_json: Option<String>,
        as_of: &str,
        options: JsValue,
    ) -> Result<String> {
        guard("checkEligibilityJson", || {
            let options = decision_options(options)?;
            batch::decide_json(
                &self.inner,
                profile_json,
                offer_json.as_deref(),
                options::as_of_text(as_of)?,
                &options,
                KeyStyle::Camel,
            )
        })
    }

    /// `checkEligibility` for many profiles and one offer, in order, each equal to the single
    /// call's; the first bad profile throws with its index in the path (`profiles[3].sex`).
    #[wasm_bindgen(js_name = checkEligibilityBatch)]
    pub fn check_eligibility_batch(
        &self,
        profiles: JsValue,
        offer: JsValue,
        as_of: &str,
        options: JsValue,
    ) -> Result<JsValue> {
        guard("checkEligibilityBatch", || {
            let list = profiles.dyn_into::<js_sys::Array>().map_err(|_| {
                core::Error::from(el::ProfileError::at_path("wrong_type", "profiles", "expected an array of profiles"))
            })?;
            let profiles = list
                .iter()
                .enumerate()
                .map(|(i, p)| host::json(p, Argument::Profile(&format!("profiles[{i}]"))))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            let offer = offer_value(offer)?;
            let options = decision_options(options)?;
            let decided = batch::decided_values(&self.inner, &profiles, &offer, options::as_of_text(as_of)?, &options)?;
            let texts: Vec<String> = decided.iter().map(|d| decision_text(&self.inner, d, &options)).collect();
            Ok(host::parse(&format!("[{}]", texts.join(","))))
        })
    }
}
