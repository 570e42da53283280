//! The skill ladder (学徒工 … 首席技师, （十九）), the conditions to apply for each level, the
//! professional titles and the 双贯通 crosswalk between them, with the source of every fact.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::basics::closed_set::closed_set;

use crate::basics::decimal_text;

use super::{Label, label};

closed_set! {
    /// How sure a sourced fact is (domain-facts' scale).
    pub enum Confidence {
        /// High confidence.
        High = "high",
        /// Medium confidence.
        Medium = "medium",
        /// Low confidence.
        Low = "low",
        /// Not confirmed: a documented default or assumption.
        Unconfirmed = "unconfirmed",
    }
}

closed_set! {
    /// What a rung of the ladder is.
    pub enum LevelKind {
        /// Set within an enterprise (学徒工).
        EnterpriseInternal = "enterprise_internal",
        /// A 职业资格 or 职业技能等级 certificate level (五级 … 一级).
        Certificate = "certificate",
        /// A post an enterprise appoints (评聘): 特级技师, 首席技师.
        AppointedPost = "appointed_post",
    }
}

/// A rung of the skill ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillLevel {
    /// Stable identifier, e.g. `senior`.
    pub id: String,
    /// Position on the ladder, 1 = lowest.
    pub ordinal: u32,
    /// The national level number of certificate levels: 5 (初级) … 1 (高级技师).
    #[serde(default)]
    pub national_level: Option<u32>,
    /// The level's name, e.g. 三级/高级工; records may give either half.
    pub name: Label,
    /// What the rung is: set within an enterprise, a certificate level, or an appointed post.
    pub kind: LevelKind,
    /// The document the level comes from.
    pub source: String,
    /// How sure that source makes the level.
    pub confidence: Confidence,
    /// Cap of the 技能提升补贴 for a certificate at this level, in yuan, where national rules set one.
    #[serde(default, with = "decimal_text::option")]
    #[schemars(with = "Option<crate::basics::decimal_text::DecimalText>")]
    pub skill_upgrade_subsidy_cap: Option<Decimal>,
    /// Caveats, e.g. that an appointed post is not a certificate level.
    #[serde(default)]
    pub note: Option<String>,
}

closed_set! {
    /// Kinds of school diplomas that routes name.
    pub enum SchoolType {
        /// 技工学校
        TechnicalSchool = "technical_school",
        /// 高级技工学校
        SeniorTechnicalSchool = "senior_technical_school",
        /// 技师学院
        TechnicianCollege = "technician_college",
        /// 中等职业学校（中专）
        SecondaryVocational = "secondary_vocational",
        /// 高等职业学校
        HigherVocational = "higher_vocational",
        /// 大专
        JuniorCollege = "junior_college",
        /// 本科
        Bachelor = "bachelor",
        /// 硕士
        Master = "master",
        /// 博士
        Doctorate = "doctorate",
    }
}

impl SchoolType {
    /// The school type's name (技工学校, 本科, …).
    pub fn label(self) -> Label {
        let (zh, en) = match self {
            SchoolType::TechnicalSchool => ("技工学校", "technical school"),
            SchoolType::SeniorTechnicalSchool => ("高级技工学校", "senior technical school"),
            SchoolType::TechnicianCollege => ("技师学院", "technician college"),
            SchoolType::SecondaryVocational => ("中等职业学校", "secondary vocational school"),
            SchoolType::HigherVocational => ("高等职业学校", "higher vocational school"),
            SchoolType::JuniorCollege => ("大专", "junior college"),
            SchoolType::Bachelor => ("本科", "bachelor's degree"),
            SchoolType::Master => ("硕士", "master's degree"),
            SchoolType::Doctorate => ("博士", "doctorate"),
        };
        label(zh, en)
    }
}

/// One condition of an application route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Cumulative years of work in the occupation or a related one.
    YearsOfWork {
        /// Whole years.
        years: u32,
    },
    /// Years of work since obtaining the certificate of `level`.
    YearsSinceLevel {
        /// A skill level id.
        level: String,
        /// Whole years.
        years: u32,
    },
    /// Holds the certificate of `level`.
    HoldsLevel {
        /// A skill level id.
        level: String,
    },
    /// An apprenticeship in the occupation completed (学徒期满).
    ApprenticeshipCompleted,
    /// A diploma of one of `schools`; final-year students count when `final_year_students`.
    Diploma {
        /// The school types whose diploma counts; at least one.
        schools: Vec<SchoolType>,
        /// Students in their final year count as well.
        #[serde(default)]
        final_year_students: bool,
    },
    /// Years of work since obtaining a 预备技师 certificate.
    YearsSincePreparatoryTechnician {
        /// Whole years.
        years: u32,
    },
}

/// One way to qualify for a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Stable identifier, e.g. `junior-by-experience`.
    pub id: String,
    /// The level this route leads to.
    pub to: String,
    /// The route as the standard words it.
    pub label: Label,
    /// All must hold.
    pub conditions: Vec<Condition>,
}

/// The application routes of an occupation (or the `default` template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRequirements {
    /// `default`, or an occupation code (职业分类大典 code such as 4-07-02-03) or name.
    pub occupation: String,
    /// The occupation's name, or the template's.
    pub name: Label,
    /// The standard these routes come from.
    pub source: String,
    /// How sure that source makes the routes.
    pub confidence: Confidence,
    /// The highest level this occupation's standard has.
    #[serde(default)]
    pub max_level: Option<String>,
    /// For an occupation: replaces the default's routes for the levels it names.
    #[serde(default)]
    pub routes: Vec<Route>,
}

closed_set! {
    /// Grade of a professional title.
    pub enum TitleGrade {
        /// 初级 (助理)
        Junior = "junior",
        /// 中级
        Intermediate = "intermediate",
        /// 副高级
        DeputySenior = "deputy_senior",
        /// 正高级
        Senior = "senior",
    }
}

/// A professional title (职称).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Title {
    /// Stable identifier, e.g. `engineer`.
    pub id: String,
    /// The title's name, e.g. 工程师.
    pub name: Label,
    /// 初级, 中级, 副高级 or 正高级.
    pub grade: TitleGrade,
    /// The 职称 series, e.g. `engineering`.
    pub series: String,
}

closed_set! {
    /// Which way a crosswalk entry leads.
    pub enum CrosswalkDirection {
        /// Holding a skill level, apply for a title.
        SkillToTitle = "skill_to_title",
        /// Holding a title, apply for a skill level.
        TitleToSkill = "title_to_skill",
    }
}

/// One 双贯通 route between a skill level and a professional title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkEntry {
    /// Stable identifier, e.g. `technician-to-engineer`.
    pub id: String,
    /// Whether the level leads to the title or the title to the level.
    pub direction: CrosswalkDirection,
    /// The skill level, by id.
    pub level: String,
    /// The professional title, by id.
    pub title: String,
    /// Years of (technical) work needed after obtaining the starting level or title.
    pub years: u32,
    /// Further conditions as the rule words them.
    pub conditions: Label,
    /// The documents the entry comes from.
    pub source: String,
    /// How sure those documents make the entry.
    pub confidence: Confidence,
}

/// An education equivalence of a 技工院校 class, for a stated purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EducationEquivalence {
    /// The class: `intermediate-class`, `senior-class`, `preparatory-technician-class`.
    pub school_class: String,
    /// The class's name, e.g. 技工院校中级工班.
    pub class_name: Label,
    /// The diploma the class counts as, e.g. 中专.
    pub equivalent: Label,
    /// What the equivalence is for, e.g. `title_application` (职称申报).
    pub purpose: String,
    /// The documents the equivalence comes from.
    pub source: String,
    /// How sure those documents make the equivalence.
    pub confidence: Confidence,
    /// Where it does not hold.
    #[serde(default)]
    pub limits: Option<String>,
}
