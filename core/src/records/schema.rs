//! The JSON Schema of training and base records: the record format, documented field by field.

/// The JSON Schema of training and base records (one object per CSV row or JSON line), with
/// what each field means. `core/plans/records.schema.json` is this text; a test keeps them equal.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RecordSchema);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// A record of the real-name training system (（九）（十八）): a person's training, or a
/// training base. A row with `base_id` is a base; any other row is a training. In CSV every
/// value is text; JSON may also give booleans, integer codes and a list of groups. Files may be
/// UTF-8 or GB18030, and their headers may be the plan's header aliases (培训类型, 是否补贴,
/// 结业日期, …; `[[records.headers]]`) or names a column mapping gives. Values are trimmed of
/// spaces and full-width spaces, and full-width digits and letters are read as ASCII.
///
/// Dates are written `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYYMMDD` or `YYYY年M月D日`, each
/// optionally followed by a time of day (` 00:00:00`, `T08:30`), which is ignored; in workbooks
/// a date cell or a number (an Excel serial date) too. A date with the year last (`3/1/2023`) is
/// refused as `ambiguous_date`: day-first and month-first systems write it for different days.
#[allow(dead_code)] // documentation of the format: only its schema is used
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
enum RecordSchema {
    Training(TrainingRecordSchema),
    Base(BaseRecordSchema),
}

/// One person's training (one row per person per training), with the certificate it led to.
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
struct TrainingRecordSchema {
    /// The training system's id of the record; at most 128 bytes.
    record_id: String,
    /// A hashed person key (`skillplan hash-keys` writes HMAC-SHA256 of the 身份证号 with a
    /// secret salt); at most 128 bytes. A value shaped like a 身份证号 (15 or 18 characters) is
    /// refused and never repeated.
    person_key: String,
    /// A region id (`changchun`), name (`长春市`) or GB/T 2260 code; a county code (`220102`)
    /// counts toward its prefecture. 长白山管委会 and 长春新区 have no code: give their id or name.
    region: CodeOrText,
    /// An id, Chinese name or alias of the plan's `records.training_types` (就业技能培训 …).
    training_type: String,
    /// Whether the training was subsidised: 是/否, Y/N, yes/no, 1/0 or true/false (any case).
    subsidised: FlagOrText,
    /// Ids or names of the plan's `records.groups` (农民工, 脱贫劳动力 …): a list, or one text
    /// separated by `;`, `；`, `|`, `,`, `，` or `、` (`农民工、脱贫劳动力`).
    #[serde(default)]
    groups: Option<GroupsSchema>,
    /// A date (YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日; a time after it is
    /// ignored), 1950–2100. In JSON a date is text: a number is refused as `wrong_type`.
    start_date: String,
    /// A date as start_date, not before it.
    #[serde(default)]
    end_date: Option<String>,
    /// The date the person completed the training (结业), not before start_date; absent while
    /// not completed. The plan's training rules count by it.
    #[serde(default)]
    completion_date: Option<String>,
    /// An id or name of the plan's `records.certificate_kinds` (职业技能等级证书 …); then
    /// certificate_date is required.
    #[serde(default)]
    certificate_kind: Option<String>,
    /// A skill level id (`senior`), name (`高级工`, `三级`) or national level 1–5.
    #[serde(default)]
    certificate_level: Option<String>,
    /// The date the certificate was issued, not before start_date.
    #[serde(default)]
    certificate_date: Option<String>,
}

/// A training base (公共实训基地, 职业技能实训基地, 职业技能竞赛集训基地), counted by 专栏1 row 6.
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
struct BaseRecordSchema {
    /// The base's id; at most 128 bytes.
    base_id: String,
    /// An id or name of the plan's `records.base_kinds`.
    base_kind: String,
    /// As for trainings.
    region: CodeOrText,
    /// The date the base was built or designated (written as start_date).
    designated_date: String,
    /// The base's name (not read by any rule).
    #[serde(default)]
    base_name: Option<String>,
}

#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
enum CodeOrText {
    Text(String),
    Code(u32),
}

#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
enum FlagOrText {
    Flag(bool),
    Text(String),
}

#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
enum GroupsSchema {
    List(Vec<String>),
    Text(String),
}
