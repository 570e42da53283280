//! Values for the property tests of the record readers: good values, other spellings, blanks
//! and bad values of each column, and a small deterministic generator to pick them.

use super::columns::Column;

/// A small deterministic generator, so one seed gives one batch.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const LONG: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// Text values each column may hold: good ones, spellings, blanks and bad ones.
pub(crate) fn pool(column: Column) -> &'static [&'static str] {
    match column {
        Column::RecordId | Column::BaseId => &["r1", " r2 ", "", "  ", LONG, "x"],
        Column::PersonKey => {
            &["k1", "9f86d081884c7d659a2f", "110105194912310021", "11010519491231002x", "110105491231002", LONG, " "]
        }
        Column::Region => &[
            "changchun",
            "长春市",
            "220100",
            "220102",
            "Changchun",
            "999999",
            "nowhere",
            "",
            "延边朝鲜族自治州",
            "222401",
        ],
        Column::TrainingType => {
            &["apprenticeship", "新型学徒制", "Apprenticeship", "employment_skills", "other", "bogus", ""]
        }
        Column::Subsidised => &["true", "0", "是", "否", "maybe", "", " yes "],
        Column::Groups => &[
            "migrant_worker",
            "migrant_worker;poverty_alleviated",
            "returning_migrant_worker|veteran",
            "监测帮扶对象、退役军人",
            "服刑人员、强制隔离戒毒人员、社区矫正对象",
            "bogus",
            ";",
            "",
        ],
        Column::StartDate
        | Column::EndDate
        | Column::CompletionDate
        | Column::CertificateDate
        | Column::DesignatedDate => &[
            "2023-05-01",
            "2022-01-01",
            "2025-12-31",
            "2023-02-29",
            "2023/05/01",
            "1949-12-31",
            "2024-03-01T08:00:00",
            "2021-06-30",
            "2026-01-15",
            "",
        ],
        Column::CertificateKind => &["skill_level_certificate", "职业资格证书", "special_ability", "bogus", ""],
        Column::CertificateLevel => &["senior", "高级工", "3", "三级", "technician", "bogus", ""],
        Column::BaseKind => &["public_training_base", "职业技能实训基地", "bogus", ""],
        Column::BaseName => &["a base", ""],
    }
}
