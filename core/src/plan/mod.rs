//! `Plan`: a loaded, validated plan with the queries every binding exposes. Loading reads the
//! file (`load`, and `value_de` without `fast-load`), checks every reference (`validate`) and
//! compiles the rules once: the indicators' counting rules (`counting`) and the eligibility
//! section (`eligibility`). Clause references such as （二十五） resolve through `clause`.

mod clause;
pub(crate) mod counting;
pub(crate) mod eligibility;
mod load;
mod validate;
#[cfg(not(feature = "fast-load"))]
mod value_de;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use clause::ClauseRef;
pub use clause::{Clause, ClauseKind};
pub use load::MAX_PLAN_BYTES;

use crate::basics::text::shown;
use crate::error::{Error, PlanError, QueryError};
use crate::model::{
    Column, CrosswalkDirection, CrosswalkEntry, Department, EducationEquivalence, Indicator, LevelRequirements,
    Measure, Metadata, PlanData, Region, SkillLevel, Title,
};

/// The Jilin plan (吉人社联〔2022〕145号) as its data file: the source people edit.
pub const JILIN_2022_2025_TOML: &str = include_str!("../../plans/jilin-2022-2025.toml");

/// The same plan in canonical JSON, embedded as the default: it reads five times faster than
/// the TOML. A test keeps it equal to the TOML's canonical form.
pub const JILIN_2022_2025_JSON: &str = include_str!("../../plans/jilin-2022-2025.json");

/// A validated plan. Cheap to query; clone it or share it by reference across threads.
#[derive(Debug, Clone)]
pub struct Plan {
    data: PlanData,
    /// Computed on first use: loading should not pay for hashing the whole text.
    fingerprint: OnceLock<String>,
    indicator_index: HashMap<String, usize>,
    measure_index: HashMap<u32, usize>,
    /// The indicators' counting rules, compiled once.
    counting: counting::CountingRules,
    /// The eligibility rules, compiled once.
    eligibility: eligibility::EligibilityRules,
}

impl Plan {
    /// The embedded Jilin 2022–2025 plan.
    pub fn jilin_2022_2025() -> Result<Plan, Error> {
        if cfg!(feature = "fast-load") {
            Plan::from_json(JILIN_2022_2025_JSON)
        } else {
            Plan::from_str(JILIN_2022_2025_TOML)
        }
    }

    /// Loads and validates a plan from its canonical JSON form (see [`Plan::to_canonical_json`]).
    pub fn from_json(text: &str) -> Result<Plan, Error> {
        Plan::from_data(load::parse_json(text)?)
    }

    /// Loads and validates a plan from TOML text.
    #[allow(clippy::should_implement_trait)] // returns the crate's Error, with a path
    pub fn from_str(text: &str) -> Result<Plan, Error> {
        Plan::from_data(load::parse_str(text)?)
    }

    /// Loads and validates a plan from raw bytes (checked to be UTF-8).
    pub fn from_bytes(bytes: &[u8]) -> Result<Plan, Error> {
        Plan::from_data(load::parse_bytes(bytes)?)
    }

    /// Loads and validates a plan file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Plan, Error> {
        Plan::from_data(load::read_path(path.as_ref())?)
    }

    /// Validates an already-built data model.
    pub fn from_data(data: PlanData) -> Result<Plan, Error> {
        let mut issues = validate::check(&data);
        let counting = match counting::compile(&data) {
            Ok(rules) => rules,
            Err(more) => {
                issues.extend(more);
                Default::default()
            }
        };
        let eligibility = match eligibility::compile(&data) {
            Ok(rules) => rules,
            Err(more) => {
                issues.extend(more);
                Default::default()
            }
        };
        if !issues.is_empty() {
            return Err(PlanError::Invalid { issues }.into());
        }
        let indicator_index = data.indicators.iter().enumerate().map(|(i, x)| (x.id.clone(), i)).collect();
        let measure_index = data.measures.iter().enumerate().map(|(i, m)| (m.number, i)).collect();
        Ok(Plan { data, fingerprint: OnceLock::new(), indicator_index, measure_index, counting, eligibility })
    }

    pub(crate) fn counting_rules(&self) -> &counting::CountingRules {
        &self.counting
    }

    pub(crate) fn eligibility_rules(&self) -> &eligibility::EligibilityRules {
        &self.eligibility
    }

    /// The eligibility section (statuses, groups, subsidy rules), if the plan has one.
    pub fn eligibility(&self) -> Option<&crate::model::eligibility::EligibilityData> {
        self.data.eligibility.as_ref()
    }

    /// The record vocabularies counting rules use, if the plan has them.
    pub fn record_vocabulary(&self) -> Option<&crate::model::RecordVocabulary> {
        self.data.records.as_ref()
    }

    /// The whole data model.
    pub fn data(&self) -> &PlanData {
        &self.data
    }

    /// The plan's stable identifier, e.g. `jilin-2022-2025`.
    pub fn id(&self) -> &str {
        &self.data.id
    }

    /// Who issued the plan, when, and the period it covers.
    pub fn metadata(&self) -> &Metadata {
        &self.data.metadata
    }

    /// SHA-256 (lower-case hex) of the plan's canonical JSON form: two systems that print the same
    /// fingerprint hold the same definition, whatever the layout or comments of their files.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint.get_or_init(|| fingerprint_of(&self.data))
    }

    /// The canonical JSON form of the plan (the fingerprint's input).
    pub fn to_canonical_json(&self) -> String {
        canonical_json(&self.data)
    }

    /// The quantitative targets (专栏1), in plan order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.data.indicators
    }

    /// An indicator by id; `UNKNOWN_INDICATOR` when the plan has none such.
    pub fn indicator(&self, id: &str) -> Result<&Indicator, QueryError> {
        self.indicator_index
            .get(id)
            .map(|&i| &self.data.indicators[i])
            .ok_or_else(|| QueryError::UnknownIndicator(shown(id)))
    }

    /// The indicators that are direct parts (「其中」) of `id`, in plan order.
    pub fn parts(&self, id: &str) -> Result<Vec<&Indicator>, QueryError> {
        let whole = self.indicator(id)?;
        Ok(self.data.indicators.iter().filter(|i| i.parent.as_deref() == Some(whole.id.as_str())).collect())
    }

    /// The numbered measures （一）…, in plan order.
    pub fn measures(&self) -> &[Measure] {
        &self.data.measures
    }

    /// A measure by number (25) or by label (（二十五）, (二十五), 二十五).
    pub fn measure(&self, id: &str) -> Result<&Measure, QueryError> {
        match ClauseRef::parse(id) {
            Some(ClauseRef::Measure(n)) => self.measure_by_number(n),
            _ => None,
        }
        .ok_or_else(|| QueryError::UnknownClause(shown(id)))
    }

    pub(crate) fn measure_by_number(&self, number: u32) -> Option<&Measure> {
        self.measure_index.get(&number).map(|&i| &self.data.measures[i])
    }

    /// The boxed columns 专栏1…, each with its items.
    pub fn columns(&self) -> &[Column] {
        &self.data.columns
    }

    /// Any clause — chapter, measure, column or column item — with its text.
    pub fn clause(&self, id: &str) -> Result<Clause, QueryError> {
        ClauseRef::parse(id).and_then(|r| r.resolve(self)).ok_or_else(|| QueryError::UnknownClause(shown(id)))
    }

    /// Every department or body the plan names.
    pub fn departments(&self) -> &[Department] {
        &self.data.departments
    }

    /// A department by id, short name (省教育厅), full name or an alias the plan writes (教育厅).
    pub fn department(&self, name: &str) -> Result<&Department, QueryError> {
        let name = name.trim();
        self.data
            .departments
            .iter()
            .find(|d| d.id == name || d.short_zh == name || d.full_zh == name || d.aliases.iter().any(|a| a == name))
            .ok_or_else(|| QueryError::UnknownDepartment(shown(name)))
    }

    /// The measures that name `department` as responsible (lead or listed), in plan order.
    /// Measures assigned to 「所有相关部门」 name no department and are not included; see
    /// [`Plan::measures_for_all_relevant`].
    pub fn measures_for_department(&self, department: &str) -> Result<Vec<&Measure>, QueryError> {
        let dept = self.department(department)?;
        Ok(self
            .data
            .measures
            .iter()
            .filter(|m| m.responsibility.as_ref().is_some_and(|r| r.departments.contains(&dept.id)))
            .collect())
    }

    /// The measures assigned to 「所有相关部门」 (every relevant department).
    pub fn measures_for_all_relevant(&self) -> Vec<&Measure> {
        self.data.measures.iter().filter(|m| m.responsibility.as_ref().is_some_and(|r| r.all_relevant)).collect()
    }

    /// The regions the plan addresses, in plan order.
    pub fn regions(&self) -> &[Region] {
        &self.data.regions
    }

    /// The region that stands for the whole plan area: the province, or else the first region
    /// without a parent. Observations for it count as the whole area's.
    pub fn root_region(&self) -> Option<&Region> {
        let regions = &self.data.regions;
        regions
            .iter()
            .find(|r| r.kind == crate::model::RegionKind::Province && r.parent.is_none())
            .or_else(|| regions.iter().find(|r| r.parent.is_none()))
    }

    /// A region by id (changchun) or GB/T 2260 code (220100).
    pub fn region(&self, id_or_code: &str) -> Result<&Region, QueryError> {
        let key = id_or_code.trim();
        self.data
            .regions
            .iter()
            .find(|r| r.id == key || r.code.as_deref() == Some(key))
            .ok_or_else(|| QueryError::UnknownRegion(shown(key)))
    }
}

/// The skill ladder and the 双贯通 crosswalk.
impl Plan {
    /// The ladder, lowest level first.
    pub fn skill_levels(&self) -> &[SkillLevel] {
        &self.data.skill_levels
    }

    /// A level by id (`senior`); see [`Plan::level`] for the query error.
    pub fn skill_level(&self, id: &str) -> Option<&SkillLevel> {
        self.data.skill_levels.iter().find(|l| l.id == id.trim())
    }

    /// A level by id, or the query error.
    pub fn level(&self, id: &str) -> Result<&SkillLevel, QueryError> {
        self.skill_level(id).ok_or_else(|| QueryError::UnknownLevel(shown(id)))
    }

    /// The requirement set of an occupation (code or name), or `default`.
    pub fn requirements(&self, occupation: &str) -> Option<&LevelRequirements> {
        self.data.level_requirements.iter().find(|r| r.occupation == occupation || r.name.zh == occupation)
    }

    /// Every requirement set: the `default` template and the per-occupation overrides.
    pub fn level_requirements(&self) -> &[LevelRequirements] {
        &self.data.level_requirements
    }

    /// The professional titles (职称) of the crosswalk.
    pub fn titles(&self) -> &[Title] {
        &self.data.titles
    }

    /// A title by id or Chinese name (工程师).
    pub fn title(&self, id: &str) -> Option<&Title> {
        self.data.titles.iter().find(|t| t.id == id.trim() || t.name.zh == id.trim())
    }

    /// Every entry of the 双贯通 crosswalk, both directions.
    pub fn crosswalk(&self) -> &[CrosswalkEntry] {
        &self.data.crosswalk
    }

    /// Titles a level leads to (skill → title).
    pub fn crosswalk_from_level(&self, level: &str) -> Vec<&CrosswalkEntry> {
        self.data
            .crosswalk
            .iter()
            .filter(|x| x.direction == CrosswalkDirection::SkillToTitle && x.level == level)
            .collect()
    }

    /// Both directions of the crosswalk for a level: the titles it leads to, and the titles that
    /// lead to it (title → skill entries a province has filled in).
    pub fn crosswalk_for_level(&self, level: &str) -> Result<Vec<&CrosswalkEntry>, QueryError> {
        let l = self.level(level)?;
        Ok(self.data.crosswalk.iter().filter(|x| x.level == l.id).collect())
    }

    /// Both directions of the crosswalk for a title: the levels that lead to it, and the levels
    /// it leads to.
    pub fn crosswalk_for_title(&self, title: &str) -> Result<Vec<&CrosswalkEntry>, QueryError> {
        let t = self.title(title).ok_or_else(|| QueryError::UnknownTitle(shown(title)))?;
        Ok(self.data.crosswalk.iter().filter(|x| x.title == t.id).collect())
    }

    /// The education equivalences of 技工院校 classes.
    pub fn education_equivalences(&self) -> &[EducationEquivalence] {
        &self.data.education_equivalences
    }
}

fn canonical_json(data: &PlanData) -> String {
    // Struct fields serialise in declaration order and the model holds no maps, so this is
    // deterministic; serialising plain data to a String cannot fail.
    serde_json::to_string(data).unwrap_or_default()
}

fn fingerprint_of(data: &PlanData) -> String {
    let digest = Sha256::digest(canonical_json(data).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
