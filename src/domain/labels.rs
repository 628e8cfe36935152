//! The Chinese names of stored codes, as the provincial platform and the
//! roster import spell them (the import reads them back).

/// Correction types (矫正类别).
pub const CORRECTION_TYPES: [(&str, &str); 4] = [
    ("control", "管制"),
    ("probation", "缓刑"),
    ("parole", "假释"),
    ("medical_parole", "暂予监外执行"),
];

/// Supervision levels (管理类别).
pub const SUPERVISION_LEVELS: [(&str, &str); 3] = [
    ("strict", "严管"),
    ("ordinary", "普管"),
    ("lenient", "宽管"),
];

/// Session types.
pub const SESSION_TYPES: [(&str, &str); 5] = [
    ("education", "教育学习"),
    ("skills_training", "技能培训"),
    ("group_counseling", "团体辅导"),
    ("individual_counseling", "个别辅导"),
    ("public_welfare", "公益活动"),
];

/// Discipline records (奖惩).
pub const DISCIPLINE_KINDS: [(&str, &str); 3] = [
    ("commendation", "表扬"),
    ("reprimand", "训诫"),
    ("warning", "警告"),
];

/// Referral statuses.
pub const REFERRAL_STATUSES: [(&str, &str); 4] = [
    ("open", "待受理"),
    ("accepted", "已受理"),
    ("resolved", "已办结"),
    ("declined", "已拒绝"),
];

/// The Chinese name of `code` in `table`, or the code itself.
pub fn zh<'a>(table: &[(&'a str, &'a str)], code: &'a str) -> &'a str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, z)| z)
}

/// The code of a Chinese name (or of the code itself) in `table`.
pub fn code_of<'a>(table: &[(&'a str, &'a str)], text: &str) -> Option<&'a str> {
    table
        .iter()
        .find(|(c, z)| *c == text || *z == text)
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip() {
        for table in [
            &CORRECTION_TYPES[..],
            &SUPERVISION_LEVELS[..],
            &SESSION_TYPES[..],
        ] {
            for (code, name) in table {
                assert_eq!(code_of(table, zh(table, code)), Some(*code), "{name}");
                assert_eq!(code_of(table, code), Some(*code));
            }
        }
        assert_eq!(zh(&CORRECTION_TYPES, "unknown"), "unknown");
        assert_eq!(code_of(&SUPERVISION_LEVELS, "特管"), None);
    }
}
