//! The quantitative targets (专栏1): unit, comparator, the exact target, 预期性 or 约束性, the
//! 「其中」 parent, milestones and the counting rule.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::basics::closed_set::closed_set;

use crate::basics::{date_text, decimal_text};

use super::{CountingRule, Label, label};

closed_set! {
    /// The unit an indicator is counted in.
    pub enum Unit {
        /// 人次: one per person per training or certificate.
        PersonTimes = "person_times",
        /// 个: a count of things such as training bases.
        Count = "count",
    }
}

impl Unit {
    /// The unit as the plan writes it.
    pub fn label(self) -> Label {
        match self {
            Unit::PersonTimes => label("人次", "person-times"),
            Unit::Count => label("个", "units"),
        }
    }
}

closed_set! {
    /// How the achieved value is compared with the target.
    pub enum Comparator {
        /// ≥
        AtLeast = ">=",
        /// >
        MoreThan = ">",
        /// ≤
        AtMost = "<=",
        /// <
        LessThan = "<",
        /// =
        Equal = "=",
    }
}

impl Comparator {
    /// The comparator's symbol: ≥, >, ≤, <, =.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "≤",
            Comparator::LessThan => "<",
            Comparator::Equal => "=",
        }
    }

    /// Whether `achieved` satisfies this comparator against `target`.
    pub fn is_satisfied(self, achieved: Decimal, target: Decimal) -> bool {
        match self {
            Comparator::AtLeast => achieved >= target,
            Comparator::MoreThan => achieved > target,
            Comparator::AtMost => achieved <= target,
            Comparator::LessThan => achieved < target,
            Comparator::Equal => achieved == target,
        }
    }
}

closed_set! {
    /// 预期性 (expected, guiding) or 约束性 (binding) indicator.
    pub enum Attribute {
        /// 预期性
        Expected = "expected",
        /// 约束性
        Binding = "binding",
    }
}

impl Attribute {
    /// The attribute as the plan writes it: 预期性 or 约束性.
    pub fn label(self) -> Label {
        match self {
            Attribute::Expected => label("预期性", "expected"),
            Attribute::Binding => label("约束性", "binding"),
        }
    }
}

/// A quantitative target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable identifier, e.g. `subsidized-training`.
    pub id: String,
    /// The clause that sets it, e.g. `专栏1`.
    pub clause: String,
    /// Its row in that clause, from 1.
    pub row: u32,
    /// The indicator's name as the plan writes it.
    pub name: Label,
    /// What the target counts: 人次 or 个.
    pub unit: Unit,
    /// How the achieved value is compared with the target.
    pub comparator: Comparator,
    /// The exact target in units (≥84万 → "840000"). Written as a string or an integer, never a float.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub target: Decimal,
    /// The target as the plan writes it, e.g. ≥84 万.
    pub target_text_zh: String,
    /// 预期性 or 约束性.
    pub attribute: Attribute,
    /// The indicator this one is part of (「其中」), if any.
    #[serde(default)]
    pub parent: Option<String>,
    /// Cumulative values the plan expects by given dates (annual milestones), if it sets any;
    /// progress interpolates between them instead of linearly over the period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<PlanMilestone>,
    /// Which training or base records count toward this indicator, and on which date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting: Option<CountingRule>,
}

/// A value an indicator should have reached by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanMilestone {
    /// The date, an ISO date within the plan period.
    #[serde(with = "date_text")]
    #[schemars(with = "crate::basics::date_text::DateText")]
    pub date: NaiveDate,
    /// The cumulative value expected by then, an exact decimal between 0 and the target.
    #[serde(with = "decimal_text")]
    #[schemars(with = "crate::basics::decimal_text::DecimalText")]
    pub value: Decimal,
}
