//! The person profile and the training offer an eligibility check reads (format
//! `skillplan-profile/1`), decoded from JSON values with a typed error and a path for every bad
//! field. Every field may be absent: a rule that needs it answers "undetermined" and names it.
//!
//! Messages name the field and the values it takes, never the value given: a misplaced column
//! can put a 身份证号 in any field. The ID number itself is checked (GB 11643 check digit,
//! domain-facts §7), used to fill in the birth date and sex, and then dropped.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use crate::basics::id_number;
use crate::error::ProfileError;
use crate::model::eligibility::{Education, Employment, Hukou, SchoolKind, Sex, SubsidyKind, TechnicalClass};
use crate::plan::Plan;

/// The profile format this library reads; a profile may say so in `format`.
pub const PROFILE_FORMAT: &str = "skillplan-profile/1";
/// The most entries a list field (certificates, subsidies, statuses) may have.
pub const MAX_LIST: usize = 200;
/// The longest text a field may hold, in characters.
pub const MAX_TEXT: usize = 200;

/// A certificate the person holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldCertificate {
    /// Index into the plan's certificate kinds.
    pub kind: usize,
    /// Index into the plan's skill levels.
    pub level: Option<usize>,
    /// The occupation (工种) it is for, as written.
    pub occupation: Option<String>,
    /// The date it was obtained; not after the as-of date.
    pub date: NaiveDate,
}

/// A subsidy the person has received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedSubsidy {
    /// Which of the four subsidies.
    pub kind: SubsidyKind,
    /// The date it was received; not after the as-of date. Its year counts toward yearly limits.
    pub date: NaiveDate,
    /// Index into the plan's skill levels.
    pub level: Option<usize>,
    /// The occupation (工种) it was paid for, as written.
    pub occupation: Option<String>,
    /// Paid for a certificate in a 急需紧缺 occupation.
    pub shortage_occupation: Option<bool>,
}

/// What is known of a person. `None` is "not known", never "no": an absent `statuses` means the
/// statuses are unknown, while `[]` means the person has none of them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Date of birth, given or read from the ID number.
    pub birth_date: Option<NaiveDate>,
    /// Sex, given or read from the ID number.
    pub sex: Option<Sex>,
    /// 户籍: urban or rural.
    pub hukou: Option<Hukou>,
    /// A region id of the plan.
    pub region: Option<String>,
    /// Highest education completed.
    pub education: Option<Education>,
    /// The kind of school of the latest (or coming) graduation.
    pub school_type: Option<SchoolKind>,
    /// The class of a 技工院校 graduate.
    pub technical_school_class: Option<TechnicalClass>,
    /// The date of the latest (or coming) graduation; its year decides 毕业年度.
    pub graduation_date: Option<NaiveDate>,
    /// Employment status.
    pub employment: Option<Employment>,
    /// Bit `i` set: the person has the plan's status `i`.
    pub statuses: Option<u64>,
    /// Months of unemployment insurance paid, 0 to 1200.
    pub unemployment_insurance_months: Option<u32>,
    /// Whether the person is receiving unemployment benefit (失业保险金).
    pub receiving_unemployment_benefit: Option<bool>,
    /// Certificates held; `Some(vec![])` when the person has none.
    pub certificates: Option<Vec<HeldCertificate>>,
    /// Subsidies already received; `Some(vec![])` when none.
    pub subsidies_received: Option<Vec<ReceivedSubsidy>>,
    /// A valid ID number was given (it is not kept).
    pub id_number_checked: bool,
}

// Written by hand so that no future field can leak a person's data through `{:?}`.
impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("birth_date", &self.birth_date)
            .field("sex", &self.sex)
            .field("hukou", &self.hukou)
            .field("region", &self.region)
            .field("education", &self.education)
            .field("school_type", &self.school_type)
            .field("technical_school_class", &self.technical_school_class)
            .field("graduation_date", &self.graduation_date)
            .field("employment", &self.employment)
            .field("statuses", &self.statuses)
            .field("unemployment_insurance_months", &self.unemployment_insurance_months)
            .field("receiving_unemployment_benefit", &self.receiving_unemployment_benefit)
            .field("certificates", &self.certificates)
            .field("subsidies_received", &self.subsidies_received)
            .field("id_number_checked", &self.id_number_checked)
            .finish()
    }
}

/// A training the person considers, and the certificate it leads to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offer {
    /// Index into the plan's training types.
    pub training_type: Option<usize>,
    /// Index into the plan's skill levels.
    pub target_level: Option<usize>,
    /// Index into the plan's certificate kinds.
    pub certificate_kind: Option<usize>,
    /// The occupation (工种) trained and certified, as written.
    pub occupation: Option<String>,
    /// On the 急需紧缺职业（工种） list.
    pub shortage_occupation: Option<bool>,
    /// Training hours (学时), 0 to 10000.
    pub hours: Option<u32>,
    /// Given by a provider on the published list (（五）「两目录」).
    pub provider_listed: Option<bool>,
    /// First day of the training; it chooses the rule version of 职业培训补贴 and 生活费补贴.
    pub start_date: Option<NaiveDate>,
    /// Last day of the training; not before `start_date`.
    pub end_date: Option<NaiveDate>,
    /// When the certificate was (or is expected to be) obtained.
    pub certificate_date: Option<NaiveDate>,
}

pub(crate) const PROFILE_FIELDS: &[&str] = &[
    "format",
    "birth_date",
    "sex",
    "hukou",
    "region",
    "education",
    "school_type",
    "technical_school_class",
    "graduation_date",
    "employment",
    "statuses",
    "unemployment_insurance_months",
    "receiving_unemployment_benefit",
    "certificates",
    "subsidies_received",
    "id_number",
];
/// The headers rosters exported from Chinese systems use for profile fields, besides the
/// fields' own names (matched trimmed, full-width characters folded); a caller's column mapping
/// overrides them. skillplan's choice, from the terms of the plan and of 人社 forms.
pub const PROFILE_HEADERS: &[(&str, &[&str])] = &[
    ("birth_date", &["出生日期", "出生年月日"]),
    ("sex", &["性别"]),
    ("hukou", &["户籍", "户籍性质", "户口性质"]),
    ("region", &["地区", "所在地区", "行政区划", "行政区划代码"]),
    ("education", &["学历", "文化程度"]),
    ("school_type", &["院校类型", "学校类型"]),
    ("technical_school_class", &["技工院校班级类型"]),
    ("graduation_date", &["毕业日期", "毕业时间"]),
    ("employment", &["就业状态", "就业情况"]),
    ("statuses", &["人员类别", "人员身份", "身份类别"]),
    ("unemployment_insurance_months", &["失业保险缴费月数", "参保月数"]),
    ("receiving_unemployment_benefit", &["是否领取失业保险金", "领取失业保险金"]),
    ("certificates", &["已有证书", "证书"]),
    ("subsidies_received", &["已享受补贴"]),
    ("id_number", &["身份证号", "身份证号码", "公民身份号码", "证件号码"]),
];

const OFFER_FIELDS: &[&str] = &[
    "training_type",
    "target_level",
    "certificate_kind",
    "occupation",
    "shortage_occupation",
    "hours",
    "provider_listed",
    "start_date",
    "end_date",
    "certificate_date",
];
const CERTIFICATE_FIELDS: &[&str] = &["kind", "level", "occupation", "date"];
const SUBSIDY_FIELDS: &[&str] = &["kind", "date", "level", "occupation", "shortage_occupation"];

/// The fields of one JSON object, read with paths.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    fn new(value: &'a Value, path: &str, known: &[&str]) -> Result<Fields<'a>, ProfileError> {
        let Value::Object(map) = value else { return Err(ProfileError::at("wrong_type", path, "expected an object")) };
        if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
            let shown: String = key.chars().take(40).collect();
            return Err(ProfileError::at(
                "unknown_field",
                format!("{path}.{shown}"),
                format!("unknown field; the fields are {}", known.join(", ")),
            ));
        }
        Ok(Fields { map, path: path.to_owned() })
    }

    fn path(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn text(&self, key: &str) -> Result<Option<&'a str>, ProfileError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.chars().count() > MAX_TEXT => {
                Err(ProfileError::at("too_long", self.path(key), format!("longer than {MAX_TEXT} characters")))
            }
            Some(Value::String(s)) if s.trim().is_empty() => Err(ProfileError::at(
                "missing_field",
                self.path(key),
                "empty text; leave the field out when it is unknown",
            )),
            Some(Value::String(s)) => Ok(Some(s.trim())),
            Some(_) => Err(ProfileError::at("wrong_type", self.path(key), "expected a string")),
        }
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, ProfileError> {
        self.text(key)?.map(|t| parse_date(t, &self.path(key))).transpose()
    }

    fn flag(&self, key: &str) -> Result<Option<bool>, ProfileError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ProfileError::at("wrong_type", self.path(key), "expected true or false")),
        }
    }

    fn whole(&self, key: &str, max: u32) -> Result<Option<u32>, ProfileError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) if v <= u64::from(max) => Ok(Some(v as u32)),
                Some(_) => Err(ProfileError::at("out_of_range", self.path(key), format!("above {max}"))),
                None if n.is_i64() => Err(ProfileError::at("out_of_range", self.path(key), "negative")),
                None => whole_float(n.as_f64().unwrap_or(f64::NAN), max, &self.path(key)).map(Some),
            },
            Some(_) => Err(ProfileError::at("wrong_type", self.path(key), "expected a whole number")),
        }
    }

    fn choice<T>(
        &self,
        key: &str,
        parse: impl Fn(&str) -> Option<T>,
        ids: impl Fn() -> String,
    ) -> Result<Option<T>, ProfileError> {
        match self.text(key)? {
            None => Ok(None),
            Some(t) => parse(t).map(Some).ok_or_else(|| {
                ProfileError::at("unknown_value", self.path(key), format!("unknown value; use one of {}", ids()))
            }),
        }
    }

    fn list(&self, key: &str) -> Result<Option<&'a Vec<Value>>, ProfileError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(items)) if items.len() > MAX_LIST => {
                Err(ProfileError::at("too_many", self.path(key), format!("more than {MAX_LIST} entries")))
            }
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(_) => Err(ProfileError::at("wrong_type", self.path(key), "expected an array")),
        }
    }

    fn required<T>(&self, key: &str, value: Option<T>) -> Result<T, ProfileError> {
        value.ok_or_else(|| ProfileError::at("missing_field", self.path(key), "required"))
    }
}

/// A number written with a fraction part: accepted when it is whole (12.0, as pandas writes
/// an integer column with gaps), refused otherwise.
pub(crate) fn whole_float(x: f64, max: u32, path: &str) -> Result<u32, ProfileError> {
    if x.fract() != 0.0 || !x.is_finite() {
        Err(ProfileError::at("wrong_type", path, "expected a whole number, not a fraction"))
    } else if x < 0.0 {
        Err(ProfileError::at("out_of_range", path, "negative"))
    } else if x > f64::from(max) {
        Err(ProfileError::at("out_of_range", path, format!("above {max}")))
    } else {
        Ok(x as u32)
    }
}

/// The plan's region id for a region id, GB/T 2260 code or Chinese name.
pub(crate) fn region_id(plan: &Plan, text: &str, path: &str) -> Result<String, ProfileError> {
    plan.region(text)
        .map(|r| r.id.clone())
        .ok()
        .or_else(|| plan.regions().iter().find(|r| r.name.zh == text).map(|r| r.id.clone()))
        .ok_or_else(|| {
            ProfileError::at("unknown_value", path, "unknown region; use a region id, name or code of the plan")
        })
}

pub(crate) fn check_year(date: NaiveDate, path: &str) -> Result<NaiveDate, ProfileError> {
    if !(1900..=2200).contains(&date.year()) {
        return Err(ProfileError::at("out_of_range", path, "the year must lie between 1900 and 2200"));
    }
    Ok(date)
}

pub(crate) fn parse_date(text: &str, path: &str) -> Result<NaiveDate, ProfileError> {
    let date = crate::date_text::parse_any_year(text)
        .map_err(|_| ProfileError::at("invalid_date", path, "expected an ISO date YYYY-MM-DD that exists"))?;
    check_year(date, path)
}

/// Finds a term of a plan vocabulary by id, Chinese name or alias.
pub(crate) fn term_index(terms: &[crate::model::Term], text: &str) -> Option<usize> {
    terms.iter().position(|t| t.id == text || t.name.zh == text || t.aliases.iter().any(|a| a == text))
}

pub(crate) fn term_ids(terms: &[crate::model::Term]) -> String {
    terms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// Plan vocabularies a profile or offer refers to.
struct Vocab<'p> {
    plan: &'p Plan,
}

impl<'p> Vocab<'p> {
    fn certificate_kind(&self, f: &Fields, key: &str) -> Result<Option<usize>, ProfileError> {
        let terms = self.plan.record_vocabulary().map(|v| v.certificate_kinds.as_slice()).unwrap_or(&[]);
        f.choice(key, |t| term_index(terms, t), || term_ids(terms))
    }

    fn training_type(&self, f: &Fields, key: &str) -> Result<Option<usize>, ProfileError> {
        let terms = self.plan.record_vocabulary().map(|v| v.training_types.as_slice()).unwrap_or(&[]);
        f.choice(key, |t| term_index(terms, t), || term_ids(terms))
    }

    fn level(&self, f: &Fields, key: &str) -> Result<Option<usize>, ProfileError> {
        let levels = self.plan.skill_levels();
        f.choice(
            key,
            |t| levels.iter().position(|l| l.id == t || l.name.zh == t),
            || levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", "),
        )
    }
}

/// Reads a profile from JSON text (see [`profile_from_value`]).
pub fn parse_profile_json(plan: &Plan, text: &str) -> Result<Profile, ProfileError> {
    let value = parse_json(text, "profile")?;
    profile_from_value(plan, &value)
}

/// Reads an offer from JSON text (see [`offer_from_value`]).
pub fn parse_offer_json(plan: &Plan, text: &str) -> Result<Offer, ProfileError> {
    let value = parse_json(text, "offer")?;
    offer_from_value(plan, &value)
}

/// The JSON value of a profile or an offer given as text; malformed text is the `syntax` error
/// at `what` (`profile`, `offer`, `profiles[3]`).
pub fn parse_json(text: &str, what: &str) -> Result<Value, ProfileError> {
    serde_json::from_str(text).map_err(|e| ProfileError::at_syntax(what, e.line(), e.column()))
}

/// Reads a profile from a JSON object: every field optional, dates ISO, statuses and
/// certificate kinds by the plan's ids or Chinese names. Refuses unknown fields.
pub fn profile_from_value(plan: &Plan, value: &Value) -> Result<Profile, ProfileError> {
    let f = Fields::new(value, "profile", PROFILE_FIELDS)?;
    if let Some(format) = f.text("format")?
        && format != PROFILE_FORMAT
    {
        return Err(ProfileError::at(
            "unsupported_format",
            "profile.format",
            format!("this library reads {PROFILE_FORMAT}"),
        ));
    }
    let vocab = Vocab { plan };
    let mut profile = Profile {
        birth_date: f.date("birth_date")?,
        sex: f.choice("sex", Sex::parse, Sex::ids)?,
        hukou: f.choice("hukou", Hukou::parse, Hukou::ids)?,
        region: f.text("region")?.map(|t| region_id(plan, t, "profile.region")).transpose()?,
        education: f.choice("education", Education::parse, Education::ids)?,
        school_type: f.choice("school_type", SchoolKind::parse, SchoolKind::ids)?,
        technical_school_class: f.choice("technical_school_class", TechnicalClass::parse, TechnicalClass::ids)?,
        graduation_date: f.date("graduation_date")?,
        employment: f.choice("employment", Employment::parse, Employment::ids)?,
        statuses: None,
        unemployment_insurance_months: f.whole("unemployment_insurance_months", 1200)?,
        receiving_unemployment_benefit: f.flag("receiving_unemployment_benefit")?,
        certificates: None,
        subsidies_received: None,
        id_number_checked: false,
    };
    if let Some(items) = f.list("statuses")? {
        let terms = plan.eligibility().map(|e| e.statuses.as_slice()).unwrap_or(&[]);
        let mut bits = 0u64;
        for (i, item) in items.iter().enumerate() {
            let path = format!("profile.statuses[{i}]");
            let Value::String(text) = item else {
                return Err(ProfileError::at("wrong_type", path, "expected a string"));
            };
            let index = term_index(terms, text.trim()).ok_or_else(|| {
                ProfileError::at("unknown_value", &path, format!("unknown status; use one of {}", term_ids(terms)))
            })?;
            bits |= 1 << index;
        }
        profile.statuses = Some(bits);
    }
    if let Some(items) = f.list("certificates")? {
        let mut certificates = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let c = Fields::new(item, &format!("profile.certificates[{i}]"), CERTIFICATE_FIELDS)?;
            let kind = vocab.certificate_kind(&c, "kind")?;
            certificates.push(HeldCertificate {
                kind: c.required("kind", kind)?,
                level: vocab.level(&c, "level")?,
                occupation: c.text("occupation")?.map(str::to_owned),
                date: {
                    let d = c.date("date")?;
                    c.required("date", d)?
                },
            });
        }
        profile.certificates = Some(certificates);
    }
    if let Some(items) = f.list("subsidies_received")? {
        let mut received = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let s = Fields::new(item, &format!("profile.subsidies_received[{i}]"), SUBSIDY_FIELDS)?;
            let kind = s.choice("kind", SubsidyKind::parse, || {
                SubsidyKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            })?;
            received.push(ReceivedSubsidy {
                kind: s.required("kind", kind)?,
                date: {
                    let d = s.date("date")?;
                    s.required("date", d)?
                },
                level: vocab.level(&s, "level")?,
                occupation: s.text("occupation")?.map(str::to_owned),
                shortage_occupation: s.flag("shortage_occupation")?,
            });
        }
        profile.subsidies_received = Some(received);
    }
    if let Some(id) = f.get("id_number") {
        let Value::String(text) = id else {
            return Err(ProfileError::at("wrong_type", "profile.id_number", "expected a string"));
        };
        apply_id_number(&mut profile, text)?;
    }
    Ok(profile)
}

/// Checks an ID number (GB 11643: 18 characters, check digit, a real birth date) and fills in
/// the birth date and sex it encodes, refusing a profile that says otherwise.
pub fn apply_id_number(profile: &mut Profile, text: &str) -> Result<(), ProfileError> {
    const PATH: &str = "profile.id_number";
    let text = text.trim();
    if !id_number::is_valid(text) {
        let message = if id_number::looks_like_id_number(text) && text.len() == 18 {
            "the check digit is wrong (GB 11643)"
        } else {
            "not an 18-character citizen ID number (GB 11643)"
        };
        return Err(ProfileError::at("invalid_id_number", PATH, message));
    }
    let digits = text.as_bytes();
    let number = |range: std::ops::Range<usize>| digits[range].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let birth = NaiveDate::from_ymd_opt(number(6..10) as i32, number(10..12), number(12..14))
        .filter(|d| (1900..=2200).contains(&d.year()))
        .ok_or_else(|| ProfileError::at("invalid_id_number", PATH, "the birth date it encodes does not exist"))?;
    let sex = if number(16..17) % 2 == 1 { Sex::Male } else { Sex::Female };
    if profile.birth_date.is_some_and(|d| d != birth) {
        return Err(ProfileError::at(
            "inconsistent_id_number",
            PATH,
            "the birth date it encodes differs from birth_date",
        ));
    }
    if profile.sex.is_some_and(|s| s != sex) {
        return Err(ProfileError::at("inconsistent_id_number", PATH, "the sex it encodes differs from sex"));
    }
    profile.birth_date = Some(birth);
    profile.sex = Some(sex);
    profile.id_number_checked = true;
    Ok(())
}

/// Reads an offer from a JSON object: every field optional, dates ISO, training type,
/// certificate kind and level by the plan's ids or Chinese names.
pub fn offer_from_value(plan: &Plan, value: &Value) -> Result<Offer, ProfileError> {
    let f = Fields::new(value, "offer", OFFER_FIELDS)?;
    let vocab = Vocab { plan };
    let offer = Offer {
        training_type: vocab.training_type(&f, "training_type")?,
        target_level: vocab.level(&f, "target_level")?,
        certificate_kind: vocab.certificate_kind(&f, "certificate_kind")?,
        occupation: f.text("occupation")?.map(str::to_owned),
        shortage_occupation: f.flag("shortage_occupation")?,
        hours: f.whole("hours", 10_000)?,
        provider_listed: f.flag("provider_listed")?,
        start_date: f.date("start_date")?,
        end_date: f.date("end_date")?,
        certificate_date: f.date("certificate_date")?,
    };
    if let (Some(start), Some(end)) = (offer.start_date, offer.end_date)
        && end < start
    {
        return Err(ProfileError::at("date_order", "offer.end_date", "the training ends before it starts"));
    }
    Ok(offer)
}

/// Checks the dates of held certificates and received subsidies against the as-of date: they
/// cannot lie after it.
pub(crate) fn check_as_of(profile: &Profile, as_of: NaiveDate) -> Result<(), ProfileError> {
    for (i, c) in profile.certificates.iter().flatten().enumerate() {
        if c.date > as_of {
            return Err(ProfileError::at(
                "future_date",
                format!("profile.certificates[{i}].date"),
                "after the as-of date",
            ));
        }
    }
    for (i, s) in profile.subsidies_received.iter().flatten().enumerate() {
        if s.date > as_of {
            return Err(ProfileError::at(
                "future_date",
                format!("profile.subsidies_received[{i}].date"),
                "after the as-of date",
            ));
        }
    }
    if profile.birth_date.is_some_and(|b| b > as_of) {
        return Err(ProfileError::at("future_date", "profile.birth_date", "after the as-of date"));
    }
    Ok(())
}
