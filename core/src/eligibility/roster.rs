//! A roster of profiles as Arrow record batches (feature `arrow`), decided against one offer:
//! one output row per input row, with the target groups, and per subsidy the status, the
//! amount (Decimal128, scale 2) and the facts missing. Columns are the profile's fields by
//! name; each cell is read as the JSON decoder reads the same field, so a row's answer is the
//! single call's. Rows are split across the machine's cores; the first bad cell (by row) stops
//! the roster with the path `rows[i].field` (rows from 0, as a DataFrame counts them).

use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use chrono::NaiveDate;

use crate::basics::arrow::{Ints, Text, UNIX_EPOCH_DAY, date64_days, list_parts, timestamp_days, zone_offset};
use crate::basics::text::shown;
use crate::error::{Error, ProfileError};
use crate::plan::Plan;
use crate::plan::counting::header_key;
use crate::records::ColumnMapping;

use super::decide::{Brief, Scratch, decide_brief};
use crate::model::eligibility::{Education, Employment, Hukou, SchoolKind, Sex, TechnicalClass};

use super::profile::{
    MAX_LIST, Offer, PROFILE_FIELDS, PROFILE_HEADERS, Profile, apply_id_number, check_year, parse_date,
    profile_from_value, region_id, term_ids, term_index, whole_float,
};

/// Rosters with fewer rows are decided on one thread.
const PARALLEL_FROM_ROWS: usize = 1 << 14;

/// How one column's cells are read.
enum Cells<'a> {
    Text(Text<'a>),
    Date32(&'a arrow_array::Date32Array),
    /// Day numbers from the common era.
    Days(Vec<Option<i64>>),
    Flags(&'a BooleanArray),
    Integers(Ints<'a>),
    Floats(Vec<Option<f64>>),
    List {
        offsets: Vec<usize>,
        values: Text<'a>,
        array: &'a dyn Array,
    },
    /// A type the field does not take: any value is refused.
    Wrong(&'a dyn Array),
    Null,
}

fn schema_error(column: &str, message: String) -> Error {
    ProfileError::new(crate::error::ErrorCode::InvalidProfile, "unsupported_type", format!("roster.{column}"), message)
        .into()
}

fn cells<'a>(array: &'a ArrayRef, name: &str) -> Result<Cells<'a>, Error> {
    let is_date = matches!(name, "birth_date" | "graduation_date");
    if let Some(text) = Text::new(array.as_ref()) {
        return Ok(Cells::Text(text));
    }
    Ok(match array.data_type() {
        DataType::Null => Cells::Null,
        DataType::Date32 if is_date => Cells::Date32(array.as_primitive::<arrow_array::types::Date32Type>()),
        DataType::Date64 if is_date => Cells::Days(date64_days(array)),
        DataType::Timestamp(unit, zone) if is_date => {
            let offset = match zone {
                None => 0,
                Some(z) => zone_offset(z).ok_or_else(|| {
                    schema_error(name, format!("the {name} column's time zone is not UTC, a fixed offset or China's"))
                })?,
            };
            Cells::Days(timestamp_days(array, unit, offset))
        }
        DataType::Boolean => Cells::Flags(array.as_boolean()),
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            let values: Vec<Option<f64>> = match array.data_type() {
                DataType::Float32 => {
                    array.as_primitive::<arrow_array::types::Float32Type>().iter().map(|v| v.map(f64::from)).collect()
                }
                DataType::Float64 => array.as_primitive::<arrow_array::types::Float64Type>().iter().collect(),
                _ => return Ok(Cells::Wrong(array.as_ref())),
            };
            Cells::Floats(values)
        }
        DataType::List(_) | DataType::LargeList(_) if name == "statuses" => {
            let (offsets, values) = list_parts(array);
            let values =
                Text::new(values).ok_or_else(|| schema_error(name, "statuses must be a list of strings".into()))?;
            Cells::List { offsets, values, array: array.as_ref() }
        }
        _ => match Ints::new(array.as_ref()) {
            Some(values) => Cells::Integers(values),
            None => Cells::Wrong(array.as_ref()),
        },
    })
}

/// One cell, as the decoder sees it.
enum Cell<'a> {
    Absent,
    Text(&'a str),
    Day(i64),
    Flag(bool),
    Integer(i64),
    Float(f64),
    /// A list of strings: read from the column by row.
    List,
    Wrong,
}

impl<'a> Cells<'a> {
    fn get(&self, row: usize) -> Cell<'a> {
        match self {
            Cells::Text(t) => t.value(row).map_or(Cell::Absent, Cell::Text),
            Cells::Date32(d) => {
                if d.is_null(row) {
                    Cell::Absent
                } else {
                    Cell::Day(i64::from(d.value(row)) + UNIX_EPOCH_DAY)
                }
            }
            Cells::Days(d) => d[row].map_or(Cell::Absent, Cell::Day),
            Cells::Flags(b) => {
                if b.is_null(row) {
                    Cell::Absent
                } else {
                    Cell::Flag(b.value(row))
                }
            }
            Cells::Integers(v) => v.get(row).map_or(Cell::Absent, Cell::Integer),
            Cells::Floats(v) => match v[row] {
                None => Cell::Absent,
                Some(x) if x.is_nan() => Cell::Absent,
                Some(x) => Cell::Float(x),
            },
            Cells::List { array, .. } => {
                if array.is_null(row) {
                    Cell::Absent
                } else {
                    Cell::List
                }
            }
            Cells::Wrong(a) => {
                if a.is_null(row) {
                    Cell::Absent
                } else {
                    Cell::Wrong
                }
            }
            Cells::Null => Cell::Absent,
        }
    }
}

/// Lists given as JSON text (`certificates`, `subsidies_received`), parsed once per distinct
/// text by each thread: a roster repeats a few such texts on many rows. Refused texts are not
/// kept, so their errors are made again with their row.
#[derive(Default)]
struct ParsedLists<'a> {
    entries: Vec<(&'static str, &'a str, Profile)>,
}

/// At most this many distinct texts are kept per thread.
const PARSED_LISTS: usize = 64;

/// Reads one row into a profile, field by field as the JSON decoder does.
struct RowReader<'a> {
    plan: &'a Plan,
    columns: Vec<(&'static str, Cells<'a>)>,
}

impl<'a> RowReader<'a> {
    fn profile(&self, row: usize, index: usize, lists: &mut ParsedLists<'a>) -> Result<Profile, ProfileError> {
        let at = |field: &str| format!("rows[{index}].{field}");
        let wrong = |field: &str, what: &str| ProfileError::at("wrong_type", at(field), format!("expected {what}"));
        let mut p = Profile::default();
        let mut id_number = None;
        for (name, cells) in &self.columns {
            let name = *name;
            let cell = cells.get(row);
            if matches!(cell, Cell::Absent) {
                continue;
            }
            let text = || match cell {
                Cell::Text(t) if t.trim().is_empty() => Err(ProfileError::at(
                    "missing_field",
                    at(name),
                    "empty text; leave the cell null when it is unknown",
                )),
                // Bytes bound characters from above: count them only when the bytes are many.
                Cell::Text(t) if t.len() > super::profile::MAX_TEXT && t.chars().count() > super::profile::MAX_TEXT => {
                    Err(ProfileError::at("too_long", at(name), "too long"))
                }
                Cell::Text(t) => Ok(t.trim()),
                _ => Err(wrong(name, "a string")),
            };
            macro_rules! choice {
                ($t:ty) => {
                    <$t>::parse(text()?).ok_or_else(|| {
                        ProfileError::at(
                            "unknown_value",
                            at(name),
                            format!("unknown value; use one of {}", <$t>::ids()),
                        )
                    })
                };
            }
            let date = || match cell {
                Cell::Day(d) => i32::try_from(d)
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                    .ok_or_else(|| ProfileError::at("out_of_range", at(name), "the date is out of range"))
                    .and_then(|d| {
                        if (1900..=2200).contains(&chrono::Datelike::year(&d)) {
                            Ok(d)
                        } else {
                            check_year(d, &at(name))
                        }
                    }),
                Cell::Text(_) => {
                    let t = text()?;
                    // The path is written only for an error.
                    // ISO first, then the other forms of exports (2023/3/1, 20230301, 2023年3月1日).
                    crate::date_text::parse(t)
                        .ok()
                        .or_else(|| {
                            crate::basics::export_text::civil_date(t)
                                .ok()
                                .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
                        })
                        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
                        .map_or_else(|| parse_date(t, &at(name)), Ok)
                }
                _ => Err(wrong(name, "a date")),
            };
            let whole = |max: u32| match cell {
                Cell::Integer(v) if v < 0 => Err(ProfileError::at("out_of_range", at(name), "negative")),
                Cell::Integer(v) if v > i64::from(max) => {
                    Err(ProfileError::at("out_of_range", at(name), format!("above {max}")))
                }
                Cell::Integer(v) => Ok(v as u32),
                Cell::Float(x) if x.fract() == 0.0 && (0.0..=f64::from(max)).contains(&x) => Ok(x as u32),
                Cell::Float(x) => whole_float(x, max, &at(name)),
                _ => Err(wrong(name, "a whole number")),
            };
            let flag = || match cell {
                Cell::Flag(b) => Ok(b),
                // 是/否, Y/N, 1/0, true/false, as records read them.
                Cell::Text(_) => crate::records::parse_flag_text(text()?).ok_or_else(|| wrong(name, "true or false")),
                _ => Err(wrong(name, "true or false")),
            };
            match name {
                "birth_date" => p.birth_date = Some(date()?),
                "graduation_date" => p.graduation_date = Some(date()?),
                "sex" => p.sex = Some(choice!(Sex)?),
                "hukou" => p.hukou = Some(choice!(Hukou)?),
                "education" => p.education = Some(choice!(Education)?),
                "school_type" => p.school_type = Some(choice!(SchoolKind)?),
                "technical_school_class" => p.technical_school_class = Some(choice!(TechnicalClass)?),
                "employment" => p.employment = Some(choice!(Employment)?),
                "region" => p.region = Some(region_id(self.plan, text()?, &at(name))?),
                "unemployment_insurance_months" => p.unemployment_insurance_months = Some(whole(1200)?),
                "receiving_unemployment_benefit" => p.receiving_unemployment_benefit = Some(flag()?),
                "statuses" => p.statuses = Some(self.statuses(cells, &cell, row, index)?),
                "certificates" | "subsidies_received" => {
                    let t = text()?;
                    let known = lists.entries.iter().find(|(n, k, _)| *n == name && *k == t).map(|(_, _, p)| p);
                    let parsed = match known {
                        Some(parsed) => parsed.clone(),
                        None => {
                            let list: serde_json::Value = serde_json::from_str(t)
                                .map_err(|_| ProfileError::at("syntax", at(name), "expected a JSON array"))?;
                            let mut one = serde_json::Map::with_capacity(1);
                            one.insert(name.to_owned(), list);
                            let parsed = profile_from_value(self.plan, &serde_json::Value::Object(one))
                                .map_err(|e| e.in_rows(index))?;
                            if lists.entries.len() < PARSED_LISTS {
                                lists.entries.push((name, t, parsed.clone()));
                            }
                            parsed
                        }
                    };
                    if name == "certificates" {
                        p.certificates = parsed.certificates;
                    } else {
                        p.subsidies_received = parsed.subsidies_received;
                    }
                }
                "id_number" => id_number = Some(text()?),
                _ => {}
            }
        }
        if let Some(id) = id_number {
            apply_id_number(&mut p, id).map_err(|e| e.in_rows(index))?;
        }
        Ok(p)
    }

    /// Statuses from a list of strings, or from one text separated by `;` or `,` (empty: none).
    fn statuses(&self, cells: &Cells<'_>, cell: &Cell<'_>, row: usize, index: usize) -> Result<u64, ProfileError> {
        // The path is written only for an error.
        let path = || format!("rows[{index}].statuses");
        let terms = self.plan.eligibility().map(|e| e.statuses.as_slice()).unwrap_or(&[]);
        let mut bits = 0u64;
        let mut add = |i: usize, item: Option<&str>| -> Result<(), ProfileError> {
            if i >= MAX_LIST {
                return Err(ProfileError::at("too_many", path(), format!("more than {MAX_LIST} entries")));
            }
            let item =
                item.ok_or_else(|| ProfileError::at("wrong_type", format!("{}[{i}]", path()), "expected a string"))?;
            let index = term_index(terms, item.trim()).ok_or_else(|| {
                ProfileError::at(
                    "unknown_value",
                    format!("{}[{i}]", path()),
                    format!("unknown status; use one of {}", term_ids(terms)),
                )
            })?;
            bits |= 1 << index;
            Ok(())
        };
        match (cells, cell) {
            (Cells::List { offsets, values, .. }, _) => {
                for (i, k) in (offsets[row]..offsets[row + 1]).enumerate() {
                    add(i, values.value(k))?;
                }
            }
            (_, Cell::Text(t)) => {
                for (i, item) in
                    t.split(crate::records::LIST_SEPARATORS).map(str::trim).filter(|s| !s.is_empty()).enumerate()
                {
                    add(i, Some(item))?;
                }
            }
            _ => {
                return Err(ProfileError::at(
                    "wrong_type",
                    path(),
                    "expected a list of strings or a text separated by ;",
                ));
            }
        }
        Ok(bits)
    }
}

impl ProfileError {
    /// The same error for row `index` of a roster: `profile.x` → `rows[index].x`.
    pub(crate) fn in_rows(mut self, index: usize) -> Self {
        if let Some(rest) = self.path.strip_prefix("profile") {
            self.path = format!("rows[{index}]{rest}");
        }
        self
    }
}

/// The readers of a batch's columns; an unknown column is refused, not ignored.
/// The profile field a roster column is: the caller's mapping first, then the field's own name,
/// then [`PROFILE_HEADERS`]; `None` when it is none of them.
fn profile_field(name: &str, columns: Option<&ColumnMapping>) -> Result<Option<&'static str>, ProfileError> {
    let key = header_key(name);
    let known = |field: &str| PROFILE_FIELDS.iter().copied().find(|f| *f == field && *f != "format");
    if let Some((_, field)) = columns.into_iter().flatten().find(|(header, _)| header_key(header) == key) {
        return known(field.trim()).map(Some).ok_or_else(|| {
            ProfileError::new(
                crate::error::ErrorCode::InvalidProfile,
                "unknown_field",
                format!("roster.{}", shown(name)),
                format!("the column mapping names no profile field; the fields are {}", PROFILE_FIELDS[1..].join(", ")),
            )
        });
    }
    Ok(known(&key).or_else(|| {
        PROFILE_HEADERS.iter().find(|(_, aliases)| aliases.contains(&key.as_str())).and_then(|(f, _)| known(f))
    }))
}

fn row_reader<'a>(
    plan: &'a Plan,
    batch: &'a RecordBatch,
    mapping: Option<&ColumnMapping>,
) -> Result<RowReader<'a>, Error> {
    let mut columns: Vec<(&'static str, Cells<'a>)> = Vec::new();
    for (field, array) in batch.schema_ref().fields().iter().zip(batch.columns()) {
        let name = field.name().as_str();
        let Some(known) = profile_field(name, mapping)? else {
            return Err(ProfileError::new(
                crate::error::ErrorCode::InvalidProfile,
                "unknown_field",
                format!("roster.{}", shown(name)),
                format!(
                    "not a profile field; the fields are {} (or their Chinese headers, or a column mapping)",
                    PROFILE_FIELDS[1..].join(", ")
                ),
            )
            .into());
        };
        if columns.iter().any(|(f, _)| *f == known) {
            return Err(ProfileError::new(
                crate::error::ErrorCode::InvalidProfile,
                "duplicate_field",
                format!("roster.{}", shown(name)),
                format!("a second column is read as {known} (through its name, a Chinese header or the mapping)"),
            )
            .into());
        }
        columns.push((known, cells(array, known)?));
    }
    Ok(RowReader { plan, columns })
}

/// One row's answer: the groups the person is in (bits), one brief per subsidy.
type RowAnswer = (u64, [Option<Brief>; 4]);

fn decide_rows(
    reader: &RowReader<'_>,
    offer: &Offer,
    as_of: NaiveDate,
    rows: std::ops::Range<usize>,
    first: usize,
) -> Result<Vec<RowAnswer>, Error> {
    let mut scratch = Scratch::default();
    let mut lists = ParsedLists::default();
    rows.map(|row| {
        let index = first + row;
        let profile = reader.profile(row, index, &mut lists)?;
        brief(reader.plan, &profile, offer, as_of, &mut scratch, index)
    })
    .collect()
}

fn brief(
    plan: &Plan,
    profile: &Profile,
    offer: &Offer,
    as_of: NaiveDate,
    scratch: &mut Scratch,
    index: usize,
) -> Result<RowAnswer, Error> {
    decide_brief(plan, profile, offer, as_of, scratch).map_err(|e| match e {
        Error::Profile(p) => Error::Profile(p.in_rows(index)),
        other => other,
    })
}

/// Decides every row of the batches for `offer` as of `as_of`, into batches in row order (one per
/// part the rows were split into). The result has the columns
/// `target_groups` (member group ids, comma-separated), and per subsidy `<id>` (status),
/// `<id>_amount` (Decimal128(18, 2)) and `<id>_missing` (missing fact paths, comma-separated).
///
/// Columns are profile fields by name, by the Chinese headers of [`PROFILE_HEADERS`] (出生日期,
/// 户籍, 就业状态, …), or as `mapping` maps them (source header → field).
pub fn decide_roster(
    plan: &Plan,
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
    offer: &Offer,
    as_of: NaiveDate,
    mapping: Option<&ColumnMapping>,
) -> Result<Vec<RecordBatch>, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let mut out = Vec::new();
    let mut first = 0;
    for batch in batches {
        let batch = batch.map_err(|e| {
            schema_error(
                "stream",
                format!("the Arrow stream failed: {}", e.to_string().chars().take(200).collect::<String>()),
            )
        })?;
        let reader = row_reader(plan, &batch, mapping)?;
        let rows = batch.num_rows();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(rows / PARALLEL_FROM_ROWS + 1);
        // Each part decides its rows and writes its own output batch, so the writing is shared
        // out too; the parts come back in row order, which makes the first error the first by row.
        let chunk = rows.div_ceil(threads.max(1)).max(1);
        let part = |range: std::ops::Range<usize>| {
            decide_rows(&reader, offer, as_of, range, first).and_then(|answers| columns(plan, &answers))
        };
        if threads <= 1 {
            out.push(part(0..rows)?);
        } else {
            let parts: Vec<Result<RecordBatch, Error>> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let range = (t * chunk).min(rows)..((t + 1) * chunk).min(rows);
                        let part = &part;
                        s.spawn(move || part(range))
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(internal()))).collect()
            });
            for p in parts {
                out.push(p?);
            }
        }
        first += rows;
    }
    if out.is_empty() {
        // No rows: the columns are still there.
        out.push(columns(plan, &[])?);
    }
    Ok(out)
}

fn internal() -> Error {
    crate::InternalError { operation: "decide_roster".to_owned() }.into()
}

fn columns(plan: &Plan, answers: &[RowAnswer]) -> Result<RecordBatch, Error> {
    let data = plan.eligibility();
    let groups = data.map(|d| d.groups.as_slice()).unwrap_or(&[]);
    let subsidies = data.map(|d| d.subsidies.as_slice()).unwrap_or(&[]);
    let mut fields = vec![Field::new("target_groups", DataType::Utf8, false)];
    let mut target = StringBuilder::with_capacity(answers.len(), answers.len() * 24);
    let mut line = String::new();
    for (members, _) in answers {
        line.clear();
        for (i, group) in groups.iter().enumerate().take(64) {
            if members & (1 << i) != 0 && group.clause.is_some() {
                if !line.is_empty() {
                    line.push(',');
                }
                line.push_str(&group.id);
            }
        }
        target.append_value(&line);
    }
    let mut arrays: Vec<ArrayRef> = vec![Arc::new(target.finish())];
    for (k, s) in subsidies.iter().enumerate() {
        let id = s.id.as_str();
        let mut status = StringBuilder::with_capacity(answers.len(), answers.len() * 12);
        let mut amount = Decimal128Builder::with_capacity(answers.len());
        let mut missing = StringBuilder::with_capacity(answers.len(), answers.len() * 16);
        for (_, briefs) in answers {
            // Every row has a brief for each of the plan's subsidies (at most four kinds).
            let (st, am, miss) = briefs[k].unwrap_or((super::decide::Status::Undetermined, None, Default::default()));
            status.append_value(st.as_str());
            match am {
                Some(x) => {
                    let mut x = x;
                    x.rescale(2);
                    amount.append_value(x.mantissa());
                }
                None => amount.append_null(),
            }
            if miss.is_empty() {
                missing.append_value("");
                continue;
            }
            line.clear();
            for name in miss.names() {
                if !line.is_empty() {
                    line.push(',');
                }
                line.push_str(name);
            }
            missing.append_value(&line);
        }
        let amount =
            amount.finish().with_precision_and_scale(18, 2).map_err(|e| schema_error("amount", e.to_string()))?;
        fields.push(Field::new(id, DataType::Utf8, false));
        fields.push(Field::new(format!("{id}_amount"), DataType::Decimal128(18, 2), true));
        fields.push(Field::new(format!("{id}_missing"), DataType::Utf8, false));
        arrays.push(Arc::new(status.finish()));
        arrays.push(Arc::new(amount));
        arrays.push(Arc::new(missing.finish()));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| schema_error("output", e.to_string()))
}

/// [`decide_roster`] for profiles given as JSON values (a list of dicts from Python): the same
/// columns, rows in order, the first bad profile stopping it at `rows[i].field`.
pub fn decide_roster_values(
    plan: &Plan,
    profiles: &[serde_json::Value],
    offer: &Offer,
    as_of: NaiveDate,
) -> Result<RecordBatch, Error> {
    crate::error::OptionsError::check_as_of(as_of)?;
    let mut scratch = Scratch::default();
    let answers = profiles
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let profile = profile_from_value(plan, v).map_err(|e| e.in_rows(i))?;
            brief(plan, &profile, offer, as_of, &mut scratch, i)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    columns(plan, &answers)
}
