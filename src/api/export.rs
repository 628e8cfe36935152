//! CSV for every report-like GET: `Accept: text/csv` or `?format=csv` gives
//! UTF-8 with a BOM (so that Excel shows Chinese text correctly) and one
//! header row.

use poem::Request;
use poem_openapi::Enum;

/// `format=` of report-like GETs.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum Format {
    Json,
    Csv,
}

/// Whether the caller asked for CSV (`format=csv` wins over `Accept`).
pub fn wants_csv(req: &Request, format: Option<Format>) -> bool {
    match format {
        Some(f) => f == Format::Csv,
        None => req
            .header("accept")
            .is_some_and(|a| a.split(',').any(|t| t.trim().starts_with("text/csv"))),
    }
}

pub use crate::csvfile::{csv, num};
