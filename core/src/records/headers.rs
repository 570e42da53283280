//! Which record field each header of an export is: a caller's column mapping first, then the
//! field's own name, then the plan's header aliases (`[[records.headers]]`: 培训类型, 结业日期,
//! …). Headers are compared trimmed, full-width characters folded and ASCII letters in lower
//! case. CSV headers, JSON Lines keys, Arrow field names and workbook headers all go through
//! [`Headers`], so a header means the same field whichever way the records arrive.

use std::collections::BTreeMap;

use crate::basics::encoding::{self, Encoding};
use crate::error::Error;
use crate::model::HEADER_FIELDS;
use crate::plan::Plan;
use crate::plan::counting::header_key;

use super::columns::Column;
use super::tally::source_error;

/// A caller's column mapping: source header → record field (`{"身份证号码": "id_number",
/// "培训项目类别": "training_type"}`), read from JSON or TOML by [`ColumnMapping::parse`].
pub type ColumnMapping = BTreeMap<String, String>;

/// What a header is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderIs {
    /// A record field.
    Field(Column),
    /// A column of ID numbers (身份证号): never read as a record field.
    IdNumber,
    /// Neither: ignored and listed in the tally's `ignored_columns`.
    Unknown,
}

/// The header resolver of one call: the plan's aliases and the caller's mapping.
pub(crate) struct Headers<'p> {
    plan: &'p Plan,
    /// The mapping by header key: (the header as given, its field).
    mapping: Vec<(String, String, String)>,
}

impl<'p> Headers<'p> {
    pub fn new(plan: &'p Plan, mapping: Option<&ColumnMapping>) -> Headers<'p> {
        let mapping = mapping
            .into_iter()
            .flatten()
            .map(|(header, field)| (header_key(header), header.clone(), field.trim().to_owned()))
            .collect();
        Headers { plan, mapping }
    }

    /// What the header at `position` (from 0) is. A mapping to a field the format does not have,
    /// and a column of ID numbers mapped to `person_key`, are errors with the header's position.
    pub fn resolve(&self, header: &str, position: usize) -> Result<HeaderIs, Error> {
        let key = header_key(header);
        if let Some((_, _, field)) = self.mapping.iter().find(|(k, _, _)| *k == key) {
            return self.mapped(&key, field, &format!("header[{position}]"));
        }
        Ok(field_is(&key).or_else(|| self.aliased(&key).and_then(field_is)).unwrap_or(HeaderIs::Unknown))
    }

    /// The field the plan's aliases give a header key.
    fn aliased(&self, key: &str) -> Option<&'static str> {
        self.plan.counting_rules().vocabularies.headers.get(key).map(|i| HEADER_FIELDS[usize::from(i)])
    }

    /// What a mapping entry makes its header: refused at `path` when the field is unknown, or
    /// when a column of ID numbers is mapped to `person_key`.
    fn mapped(&self, key: &str, field: &str, path: &str) -> Result<HeaderIs, Error> {
        match field_is(field) {
            Some(HeaderIs::Field(Column::PersonKey)) if self.aliased(key) == Some("id_number") => {
                Err(id_number_mapped(path))
            }
            Some(is) => Ok(is),
            None => Err(unknown_field(path)),
        }
    }

    /// Checks every mapping entry, for inputs whose keys are not known up front (JSON Lines
    /// objects, host values): errors have the path `columns`.
    pub fn check_mapping(&self) -> Result<(), Error> {
        for (key, _, field) in &self.mapping {
            self.mapped(key, field, "columns")?;
        }
        Ok(())
    }

    /// The field of a key of a JSON object or host record (after [`Headers::check_mapping`]).
    pub fn key_column(&self, key: &str) -> Option<Column> {
        if self.mapping.is_empty()
            && let Some(c) = Column::from_name(key)
        {
            return Some(c);
        }
        match self.resolve(key, 0) {
            Ok(HeaderIs::Field(c)) => Some(c),
            _ => None,
        }
    }

    /// The fields of a header row, in order; a second header read as a field already taken is an
    /// error at its position, and unknown headers are noted through `ignored`.
    pub fn columns<'h>(
        &self,
        headers: impl IntoIterator<Item = &'h str>,
        mut ignored: impl FnMut(&str),
    ) -> Result<Vec<Option<Column>>, Error> {
        let mut columns: Vec<Option<Column>> = Vec::new();
        for (i, header) in headers.into_iter().enumerate() {
            let column = match self.resolve(header, i)? {
                HeaderIs::Field(c) => Some(c),
                HeaderIs::IdNumber | HeaderIs::Unknown => {
                    ignored(header.trim().trim_start_matches('\u{feff}'));
                    None
                }
            };
            if let Some(c) = column
                && let Some(first) = columns.iter().position(|x| *x == Some(c))
            {
                return Err(source_error(
                    "duplicate_column",
                    &format!("header[{i}]"),
                    format!(
                        "header {} and header {} are both read as {} (through its name, an alias or the column mapping)",
                        first + 1,
                        i + 1,
                        c.name()
                    ),
                ));
            }
            columns.push(column);
        }
        // Entries no header used are checked too: a mapping file is reused across exports.
        self.check_mapping()?;
        Ok(columns)
    }

    /// The position of the header read as ID numbers, if any.
    pub fn id_number_column<'h>(&self, headers: impl IntoIterator<Item = &'h str>) -> Result<Option<usize>, Error> {
        let mut found = None;
        for (i, header) in headers.into_iter().enumerate() {
            if self.resolve(header, i)? == HeaderIs::IdNumber {
                if found.is_some() {
                    return Err(source_error(
                        "duplicate_column",
                        &format!("header[{i}]"),
                        "two columns are read as ID numbers".into(),
                    ));
                }
                found = Some(i);
            }
        }
        Ok(found)
    }
}

/// What a field name is, if the format has it.
fn field_is(name: &str) -> Option<HeaderIs> {
    if name == "id_number" {
        return Some(HeaderIs::IdNumber);
    }
    Column::from_name(name).map(HeaderIs::Field)
}

fn unknown_field(path: &str) -> Error {
    source_error(
        "unknown_field",
        path,
        format!(
            "the column mapping names a field the record format does not have; use one of {}",
            HEADER_FIELDS.join(", ")
        ),
    )
}

fn id_number_mapped(path: &str) -> Error {
    source_error(
        "id_number_column",
        path,
        "the column mapped to person_key holds ID numbers (身份证号); hash the keys first with `skillplan hash-keys` (or hash_person_key in a binding), then count the hashed file".into(),
    )
}

/// Reads a column mapping from JSON or TOML text (`{ "source header" = "field" }`), in any
/// encoding [`Encoding::Auto`] reads. Values must be strings.
pub fn parse_column_mapping(bytes: &[u8]) -> Result<ColumnMapping, Error> {
    let bad = |message: String| source_error("invalid_mapping", "columns", message);
    let text = encoding::decode_all(bytes, Encoding::Auto).map_err(|f| bad(f.message()))?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('{') {
        serde_json::from_str::<ColumnMapping>(text).map_err(|e| {
            bad(format!("the column mapping is not a JSON object of header → field texts (line {})", e.line()))
        })
    } else {
        toml::from_str::<ColumnMapping>(text)
            .map_err(|_| bad("the column mapping is neither a JSON object nor TOML of header = \"field\" lines".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(columns: &[Option<Column>]) -> Vec<&str> {
        columns.iter().map(|c| c.map_or("-", Column::name)).collect()
    }

    #[test]
    fn aliases_names_and_mappings() {
        let plan = Plan::jilin_2022_2025().unwrap();
        let headers = Headers::new(&plan, None);
        let mut ignored = Vec::new();
        let got = headers
            .columns(["\u{feff}培训类型 ", "是否补贴", "ＲＥＧＩＯＮ", "身份证号", "备注"], |h| {
                ignored.push(h.to_owned())
            })
            .unwrap();
        assert_eq!(names(&got), ["training_type", "subsidised", "region", "-", "-"]);
        assert_eq!(ignored, ["身份证号", "备注"]);

        let mapping = ColumnMapping::from([("备注".to_owned(), "base_name".to_owned())]);
        let headers = Headers::new(&plan, Some(&mapping));
        assert_eq!(names(&headers.columns(["备注"], |_| {}).unwrap()), ["base_name"]);
    }

    #[test]
    fn refusals_name_the_position() {
        let plan = Plan::jilin_2022_2025().unwrap();
        let e = Headers::new(&plan, None).columns(["培训类型", "training_type"], |_| {}).unwrap_err();
        assert_eq!((e.path().as_str(), e.code().as_str()), ("header[1]", "INVALID_RECORD_SOURCE"));
        let mapping = ColumnMapping::from([("备注".to_owned(), "remarks".to_owned())]);
        let e = Headers::new(&plan, Some(&mapping)).columns(["a", "备注"], |_| {}).unwrap_err();
        assert_eq!(e.path(), "header[1]");
        let e = Headers::new(&plan, Some(&mapping)).columns(["a"], |_| {}).unwrap_err();
        assert_eq!(e.path(), "columns");
        let mapping = ColumnMapping::from([("身份证号".to_owned(), "person_key".to_owned())]);
        let e = Headers::new(&plan, Some(&mapping)).columns(["record_id", "身份证号"], |_| {}).unwrap_err();
        assert_eq!(e.path(), "header[1]");
        assert!(e.to_string().contains("hash-keys"), "{e}");
    }

    #[test]
    fn mappings_read_as_json_or_toml() {
        let json = parse_column_mapping("{\"人员类别\": \"groups\"}".as_bytes()).unwrap();
        let toml = parse_column_mapping("\"人员类别\" = \"groups\"\n".as_bytes()).unwrap();
        assert_eq!(json, toml);
        assert!(parse_column_mapping(b"[1, 2]").is_err());
    }
}
