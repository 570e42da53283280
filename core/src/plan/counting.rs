//! Counting rules: each indicator's `counting` condition, compiled once when the plan loads into
//! bit masks and level ordinals, so that testing a record is a few integer comparisons and never
//! an interpretation of text. A rule that names an unknown field, term or level is a load error
//! with its path in the plan file.

use std::collections::HashMap;

use crate::basics::export_text::fold_width;
use crate::basics::short_map::ShortMap;
use crate::basics::text::{shown, trim};
use crate::error::{Issue, Reason};
use crate::model::{
    ConditionValue, CountingRule, HEADER_FIELDS, HeaderAliases, PlanData, RecordCondition as Condition, RecordField,
    RecordSubject, Term,
};

/// No date given.
pub(crate) const NO_DATE: i32 = i32::MIN;
/// No term given.
pub(crate) const NO_TERM: u8 = u8::MAX;

/// Where a record's dates are kept in [`Facts::dates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum DateSlot {
    Start = 0,
    End = 1,
    Completion = 2,
    Certificate = 3,
    Designated = 4,
}

/// One record reduced to what counting rules test: ids of terms, a bit mask of groups, level
/// ordinals and dates as day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Facts {
    pub subject: RecordSubject,
    /// Index of the region in the plan's regions.
    pub region: u16,
    pub training_type: u8,
    pub subsidised: bool,
    pub groups: u64,
    pub certificate_kind: u8,
    /// Ordinal of the certificate's skill level; 0 when none.
    pub certificate_level: u8,
    pub base_kind: u8,
    /// Days from the common era (`NaiveDate::num_days_from_ce`), or `NO_DATE`.
    pub dates: [i32; 5],
}

impl Facts {
    /// A record of `subject` with no values yet.
    pub fn empty(subject: RecordSubject) -> Facts {
        Facts {
            subject,
            region: 0,
            training_type: NO_TERM,
            subsidised: false,
            groups: 0,
            certificate_kind: NO_TERM,
            certificate_level: 0,
            base_kind: NO_TERM,
            dates: [NO_DATE; 5],
        }
    }
}

/// A vocabulary may have at most this many terms: each is one bit of a 64-bit mask.
pub const MAX_TERMS: usize = 64;

/// One vocabulary (training types, groups, …): the term ids in order, and every spelling a record
/// may use for them (id, Chinese name, aliases).
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    pub ids: Vec<String>,
    spellings: ShortMap<u8>,
}

impl Vocabulary {
    fn new(terms: &[Term]) -> Vocabulary {
        let mut v = Vocabulary::default();
        for (i, t) in terms.iter().enumerate().take(MAX_TERMS) {
            let i = i as u8;
            v.ids.push(t.id.clone());
            for s in std::iter::once(&t.id).chain([&t.name.zh, &t.name.en]).chain(&t.aliases) {
                v.spellings.insert_first(s.trim(), i);
                v.spellings.insert_first(&s.trim().to_lowercase(), i);
            }
        }
        v
    }

    /// The index of a term, by any of its spellings.
    #[inline]
    pub fn find(&self, text: &str) -> Option<u8> {
        let text = trim(text);
        if let Some(i) = self.spellings.get(text) {
            return Some(i);
        }
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.spellings.get(&text.to_lowercase());
        }
        None
    }

    fn index_of_id(&self, id: &str) -> Option<u8> {
        self.ids.iter().position(|x| x == id).map(|i| i as u8)
    }
}

/// The four vocabularies of a plan, and the header aliases of its record fields.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabularies {
    pub training_types: Vocabulary,
    pub groups: Vocabulary,
    pub certificate_kinds: Vocabulary,
    pub base_kinds: Vocabulary,
    /// Each alias (as [`header_key`] writes it) → its field's index in [`HEADER_FIELDS`].
    pub headers: ShortMap<u8>,
}

/// A header as aliases are compared: trimmed (a byte-order mark too), full-width characters
/// folded, ASCII letters in lower case.
pub(crate) fn header_key(header: &str) -> String {
    let header = header.trim_start_matches('\u{feff}');
    fold_width(header).trim().to_ascii_lowercase()
}

fn header_aliases(issues: &mut Vec<Issue>, aliases: &[HeaderAliases]) -> ShortMap<u8> {
    let mut map = ShortMap::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (j, a) in aliases.iter().enumerate() {
        let Some(field) = HEADER_FIELDS.iter().position(|f| *f == a.field) else {
            issues.push(issue(
                Reason::UnknownReference,
                &format!("records.headers[{j}].field"),
                format!("not a record field; use one of {}", HEADER_FIELDS.join(", ")),
            ));
            continue;
        };
        for (k, alias) in a.aliases.iter().enumerate() {
            let key = header_key(alias);
            let path = format!("records.headers[{j}].aliases[{k}]");
            if key.is_empty() {
                issues.push(issue(Reason::EmptyId, &path, "the alias is empty".into()));
            } else if HEADER_FIELDS.iter().any(|f| *f == key && *f != a.field) {
                issues.push(issue(Reason::DuplicateId, &path, "the alias is another field's own name".into()));
            } else if let Some(&other) = seen.get(&key).filter(|o| **o != j) {
                issues.push(issue(
                    Reason::DuplicateId,
                    &path,
                    format!(
                        "{alias:?} already names the field of records.headers[{other}]: a header must name one field"
                    ),
                ));
            }
            seen.insert(key.clone(), j);
            map.insert_first(&key, field as u8);
        }
    }
    map
}

/// A compiled condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    All(Vec<Test>),
    Any(Vec<Test>),
    Not(Box<Test>),
    TrainingTypeIn(u64),
    CertificateKindIn(u64),
    BaseKindIn(u64),
    GroupsAny(u64),
    Subsidised(bool),
    LevelAtLeast(u8),
    LevelIs(u8),
    /// A field is given (`true`) or absent (`false`); `slot` is a date slot or a coded field.
    Present(PresentField, bool),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PresentField {
    Date(DateSlot),
    CertificateKind,
    CertificateLevel,
    Groups,
}

impl Test {
    #[inline]
    pub fn holds(&self, f: &Facts) -> bool {
        match self {
            Test::All(ts) => ts.iter().all(|t| t.holds_leaf_or(f)),
            Test::Any(ts) => ts.iter().any(|t| t.holds(f)),
            Test::Not(t) => !t.holds(f),
            Test::TrainingTypeIn(mask) => in_mask(f.training_type, *mask),
            Test::CertificateKindIn(mask) => in_mask(f.certificate_kind, *mask),
            Test::BaseKindIn(mask) => in_mask(f.base_kind, *mask),
            Test::GroupsAny(mask) => f.groups & mask != 0,
            Test::Subsidised(v) => f.subsidised == *v,
            Test::LevelAtLeast(o) => f.certificate_level != 0 && f.certificate_level >= *o,
            Test::LevelIs(o) => f.certificate_level == *o,
            Test::Present(field, want) => {
                let given = match field {
                    PresentField::Date(slot) => f.dates[*slot as usize] != NO_DATE,
                    PresentField::CertificateKind => f.certificate_kind != NO_TERM,
                    PresentField::CertificateLevel => f.certificate_level != 0,
                    PresentField::Groups => f.groups != 0,
                };
                given == *want
            }
        }
    }
}

impl Test {
    /// Leaves are tested here without a further call; only nested groups recurse.
    #[inline]
    fn holds_leaf_or(&self, f: &Facts) -> bool {
        match self {
            Test::Subsidised(v) => f.subsidised == *v,
            Test::TrainingTypeIn(mask) => in_mask(f.training_type, *mask),
            Test::GroupsAny(mask) => f.groups & mask != 0,
            Test::CertificateKindIn(mask) => in_mask(f.certificate_kind, *mask),
            Test::LevelAtLeast(o) => f.certificate_level != 0 && f.certificate_level >= *o,
            other => other.holds(f),
        }
    }
}

#[inline]
fn in_mask(term: u8, mask: u64) -> bool {
    term < 64 && mask & (1u64 << term) != 0
}

/// An indicator's compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRule {
    pub subject: RecordSubject,
    pub date: DateSlot,
    pub test: Option<Test>,
    /// When the test is a leaf or an `all` of leaves: the bits of those leaves in
    /// [`CountingRules::leaves`], so the rule holds when all of them are set.
    pub leaf_mask: Option<u64>,
}

impl CompiledRule {
    /// Whether the rule counts the record, given the bits of the shared leaves it met.
    #[inline]
    pub fn counts(&self, f: &Facts, leaf_bits: u64) -> bool {
        f.subject == self.subject
            && match (self.leaf_mask, &self.test) {
                (Some(mask), _) => leaf_bits & mask == mask,
                (None, None) => true,
                (None, Some(t)) => t.holds(f),
            }
    }
}

/// Everything counting needs from a plan: vocabularies, and one rule per indicator (in the
/// plan's order; `None` where an indicator has no rule).
#[derive(Debug, Clone, Default)]
pub(crate) struct CountingRules {
    pub vocabularies: Vocabularies,
    pub rules: Vec<Option<CompiledRule>>,
    /// The distinct leaf tests of rules that are a leaf or an `all` of leaves, tested once per
    /// record and shared by the rules (subsidised = true appears in three of Jilin's rules).
    pub leaves: Vec<Test>,
}

impl CountingRules {
    /// The bits of the leaves a record meets.
    #[inline]
    pub fn leaf_bits(&self, f: &Facts) -> u64 {
        self.leaves.iter().enumerate().fold(0, |bits, (i, t)| if t.holds_leaf_or(f) { bits | 1 << i } else { bits })
    }
}

fn is_leaf(t: &Test) -> bool {
    !matches!(t, Test::All(_) | Test::Any(_) | Test::Not(_))
}

/// Gives each rule whose test is a leaf or an `all` of leaves a mask of shared leaves.
fn share_leaves(rules: &mut [Option<CompiledRule>]) -> Vec<Test> {
    let mut leaves: Vec<Test> = Vec::new();
    for rule in rules.iter_mut().flatten() {
        let parts: Vec<&Test> = match &rule.test {
            Some(Test::All(ts)) if ts.iter().all(is_leaf) => ts.iter().collect(),
            Some(t) if is_leaf(t) => vec![t],
            _ => continue,
        };
        let mut mask = 0u64;
        for part in parts {
            let i = match leaves.iter().position(|l| l == part) {
                Some(i) => i,
                None if leaves.len() < 64 => {
                    leaves.push(part.clone());
                    leaves.len() - 1
                }
                None => {
                    mask = u64::MAX;
                    break;
                }
            };
            mask |= 1 << i;
        }
        // More than 64 distinct leaves: this rule keeps its tree.
        rule.leaf_mask = (mask != u64::MAX).then_some(mask);
    }
    leaves
}

/// Compiles every counting rule of `plan`, collecting every problem.
pub(crate) fn compile(plan: &PlanData) -> Result<CountingRules, Vec<Issue>> {
    let mut issues = Vec::new();
    let vocabularies = match &plan.records {
        Some(r) => {
            for (name, terms) in [
                ("training_types", &r.training_types),
                ("groups", &r.groups),
                ("certificate_kinds", &r.certificate_kinds),
                ("base_kinds", &r.base_kinds),
            ] {
                check_terms(&mut issues, name, terms);
            }
            Vocabularies {
                training_types: Vocabulary::new(&r.training_types),
                groups: Vocabulary::new(&r.groups),
                certificate_kinds: Vocabulary::new(&r.certificate_kinds),
                base_kinds: Vocabulary::new(&r.base_kinds),
                headers: header_aliases(&mut issues, &r.headers),
            }
        }
        None => Vocabularies::default(),
    };
    let levels: HashMap<&str, u8> =
        plan.skill_levels.iter().map(|l| (l.id.as_str(), l.ordinal.min(255) as u8)).collect();
    let mut rules = Vec::with_capacity(plan.indicators.len());
    for (i, ind) in plan.indicators.iter().enumerate() {
        let Some(rule) = &ind.counting else {
            rules.push(None);
            continue;
        };
        let path = format!("indicators[{i}].counting");
        if plan.records.is_none() {
            issues.push(issue(
                Reason::MissingField,
                "records",
                "counting rules need the [records] vocabularies of training types, groups, certificate and base kinds"
                    .into(),
            ));
        }
        let mut c = Compiler { vocab: &vocabularies, levels: &levels, subject: rule.subject, issues: &mut issues };
        rules.push(c.rule(rule, &path));
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let leaves = share_leaves(&mut rules);
    Ok(CountingRules { vocabularies, rules, leaves })
}

fn check_terms(issues: &mut Vec<Issue>, name: &str, terms: &[Term]) {
    if terms.len() > MAX_TERMS {
        issues.push(issue(
            Reason::OutOfRange,
            &format!("records.{name}"),
            format!("at most {MAX_TERMS} terms; there are {}", terms.len()),
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (j, t) in terms.iter().enumerate() {
        if t.id.trim().is_empty() {
            issues.push(issue(Reason::EmptyId, &format!("records.{name}[{j}].id"), "the id is empty".into()));
        }
        for s in std::iter::once(&t.id).chain([&t.name.zh]).chain(&t.aliases) {
            if let Some(&other) = seen.get(s.trim())
                && other != j
            {
                issues.push(issue(
                    Reason::DuplicateId,
                    &format!("records.{name}[{j}]"),
                    format!("{s:?} already names {name}[{other}]: a spelling must name one term"),
                ));
            }
            seen.insert(s.trim().to_owned(), j);
        }
    }
}

fn issue(reason: Reason, path: &str, message: String) -> Issue {
    Issue { reason, path: path.to_owned(), message }
}

struct Compiler<'a> {
    vocab: &'a Vocabularies,
    levels: &'a HashMap<&'a str, u8>,
    subject: RecordSubject,
    issues: &'a mut Vec<Issue>,
}

impl Compiler<'_> {
    fn rule(&mut self, rule: &CountingRule, path: &str) -> Option<CompiledRule> {
        let date = match self.date_slot(rule.date) {
            Some(d) => Some(d),
            None => {
                self.push(
                    Reason::InvalidRule,
                    &format!("{path}.date"),
                    format!("{} is not a date of a {} record", rule.date.as_str(), subject_name(self.subject)),
                );
                None
            }
        };
        if rule.source.trim().is_empty() {
            self.push(Reason::MissingField, &format!("{path}.source"), "say where the rule comes from".into());
        }
        let test = rule.when.as_ref().map(|w| self.condition(w, &format!("{path}.when"), 0));
        Some(CompiledRule {
            subject: rule.subject,
            date: date?,
            test: match test {
                Some(t) => Some(t?),
                None => None,
            },
            leaf_mask: None,
        })
    }

    fn push(&mut self, reason: Reason, path: &str, message: String) {
        self.issues.push(issue(reason, path, message));
    }

    fn date_slot(&self, field: RecordField) -> Option<DateSlot> {
        let slot = match field {
            RecordField::StartDate => DateSlot::Start,
            RecordField::EndDate => DateSlot::End,
            RecordField::CompletionDate => DateSlot::Completion,
            RecordField::CertificateDate => DateSlot::Certificate,
            RecordField::DesignatedDate => DateSlot::Designated,
            _ => return None,
        };
        let of_base = slot == DateSlot::Designated;
        (of_base == (self.subject == RecordSubject::Base)).then_some(slot)
    }

    fn condition(&mut self, c: &Condition, path: &str, depth: usize) -> Option<Test> {
        if depth > 16 {
            self.push(Reason::InvalidRule, path, "conditions nest more than 16 deep".into());
            return None;
        }
        let forms = [c.all.is_some(), c.any.is_some(), c.not.is_some(), c.field.is_some()];
        if forms.iter().filter(|&&f| f).count() != 1 {
            self.push(
                Reason::InvalidRule,
                path,
                "a condition has exactly one of all, any, not, or field with a test".into(),
            );
            return None;
        }
        if let Some(list) = c.all.as_ref().or(c.any.as_ref()) {
            let key = if c.all.is_some() { "all" } else { "any" };
            if list.is_empty() {
                self.push(Reason::InvalidRule, &format!("{path}.{key}"), format!("{key} needs at least one condition"));
                return None;
            }
            let tests: Vec<Option<Test>> = list
                .iter()
                .enumerate()
                .map(|(j, x)| self.condition(x, &format!("{path}.{key}[{j}]"), depth + 1))
                .collect();
            let tests: Option<Vec<Test>> = tests.into_iter().collect();
            return tests.map(|t| if c.all.is_some() { Test::All(t) } else { Test::Any(t) });
        }
        if let Some(inner) = &c.not {
            return self.condition(inner, &format!("{path}.not"), depth + 1).map(|t| Test::Not(Box::new(t)));
        }
        let field = c.field?;
        self.leaf(c, field, path)
    }

    fn leaf(&mut self, c: &Condition, field: RecordField, path: &str) -> Option<Test> {
        let tests =
            [c.equals.is_some(), c.one_of.is_some(), c.has_any.is_some(), c.at_least.is_some(), c.present.is_some()];
        if tests.iter().filter(|&&t| t).count() != 1 {
            self.push(
                Reason::InvalidRule,
                path,
                "a field condition has exactly one of equals, in, has_any, at_least, present".into(),
            );
            return None;
        }
        let belongs = match field {
            RecordField::BaseKind | RecordField::DesignatedDate => self.subject == RecordSubject::Base,
            _ => self.subject == RecordSubject::Training,
        };
        if !belongs {
            self.push(
                Reason::InvalidRule,
                &format!("{path}.field"),
                format!("{} is not a field of a {} record", field.as_str(), subject_name(self.subject)),
            );
            return None;
        }
        if let Some(want) = c.present {
            let pf = match field {
                RecordField::CertificateKind => PresentField::CertificateKind,
                RecordField::CertificateLevel => PresentField::CertificateLevel,
                RecordField::Groups => PresentField::Groups,
                other => match self.date_slot(other) {
                    Some(slot) => PresentField::Date(slot),
                    None => {
                        self.push(
                            Reason::InvalidRule,
                            &format!("{path}.present"),
                            format!("{} is always given", other.as_str()),
                        );
                        return None;
                    }
                },
            };
            return Some(Test::Present(pf, want));
        }
        let vocab = match field {
            RecordField::TrainingType => Some((&self.vocab.training_types, "training type")),
            RecordField::CertificateKind => Some((&self.vocab.certificate_kinds, "certificate kind")),
            RecordField::BaseKind => Some((&self.vocab.base_kinds, "base kind")),
            RecordField::Groups => Some((&self.vocab.groups, "group")),
            _ => None,
        };
        match (field, vocab) {
            (RecordField::Groups, Some((v, what))) => {
                let Some(ids) = &c.has_any else { return self.wrong_test(field, path, "has_any") };
                let mask = self.mask(v, ids, &format!("{path}.has_any"), what)?;
                Some(Test::GroupsAny(mask))
            }
            (_, Some((v, what))) => {
                let mask = match (&c.equals, &c.one_of) {
                    (Some(ConditionValue::Text(id)), _) => {
                        self.mask(v, std::slice::from_ref(id), &format!("{path}.equals"), what)?
                    }
                    (None, Some(ids)) => self.mask(v, ids, &format!("{path}.in"), what)?,
                    _ => return self.wrong_test(field, path, "equals (a term id) or in"),
                };
                Some(match field {
                    RecordField::TrainingType => Test::TrainingTypeIn(mask),
                    RecordField::CertificateKind => Test::CertificateKindIn(mask),
                    _ => Test::BaseKindIn(mask),
                })
            }
            (RecordField::Subsidised, _) => match &c.equals {
                Some(ConditionValue::Flag(b)) => Some(Test::Subsidised(*b)),
                _ => self.wrong_test(field, path, "equals = true or false"),
            },
            (RecordField::CertificateLevel, _) => {
                let (id, at_least, key) = match (&c.at_least, &c.equals) {
                    (Some(id), _) => (id, true, "at_least"),
                    (None, Some(ConditionValue::Text(id))) => (id, false, "equals"),
                    _ => return self.wrong_test(field, path, "at_least or equals (a skill level id)"),
                };
                let Some(&ordinal) = self.levels.get(id.as_str()) else {
                    self.push(
                        Reason::UnknownReference,
                        &format!("{path}.{key}"),
                        format!("unknown skill level {:?}", shown(id)),
                    );
                    return None;
                };
                Some(if at_least { Test::LevelAtLeast(ordinal) } else { Test::LevelIs(ordinal) })
            }
            _ => self.wrong_test(field, path, "present"),
        }
    }

    fn wrong_test(&mut self, field: RecordField, path: &str, allowed: &str) -> Option<Test> {
        self.push(Reason::InvalidRule, path, format!("{} takes {allowed}", field.as_str()));
        None
    }

    fn mask(&mut self, v: &Vocabulary, ids: &[String], path: &str, what: &str) -> Option<u64> {
        if ids.is_empty() {
            self.push(Reason::InvalidRule, path, "name at least one term".into());
            return None;
        }
        let mut mask = 0u64;
        let mut ok = true;
        for (j, id) in ids.iter().enumerate() {
            match v.index_of_id(id) {
                Some(i) => mask |= 1u64 << i,
                None => {
                    let p = if ids.len() == 1 && !path.ends_with("in") && !path.ends_with("has_any") {
                        path.to_owned()
                    } else {
                        format!("{path}[{j}]")
                    };
                    self.push(Reason::UnknownReference, &p, format!("unknown {what} {:?}", shown(id)));
                    ok = false;
                }
            }
        }
        ok.then_some(mask)
    }
}

fn subject_name(s: RecordSubject) -> &'static str {
    match s {
        RecordSubject::Training => "training",
        RecordSubject::Base => "base",
    }
}
