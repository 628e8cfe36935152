//! CSV for every report-like GET: `Accept: text/csv` or `?format=csv` gives
//! UTF-8 with a BOM (so that Excel shows Chinese text correctly) and one
//! header row.

use poem::Request;
use poem_openapi::Enum;

use crate::error::ApiError;

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

/// The CSV bytes: BOM, header, rows.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ApiError> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |e: csv::Error| ApiError::Internal(anyhow::anyhow!("csv: {e}"));
    w.write_record(header).map_err(fail)?;
    for r in rows {
        w.write_record(r).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("csv: {e}")))
}

/// A number as CSV text: integers plainly, others with up to 4 decimals.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_header_and_quoting() -> Result<(), Box<dyn std::error::Error>> {
        let b = csv(&["名称", "n"], &[vec!["凤城镇, 司法所".into(), num(2.5)]])?;
        assert!(b.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&b[3..])?;
        assert_eq!(text, "名称,n\n\"凤城镇, 司法所\",2.5\n");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(0.6667), "0.6667");
        Ok(())
    }
}
