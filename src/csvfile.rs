//! The one CSV writer: UTF-8 with a BOM (so that Excel shows Chinese text
//! correctly), one header row, every cell neutralised against formula
//! injection. Used by the report-like GETs and the monthly summary mail.

use crate::error::ApiError;

/// A cell as it is safe to open in a spreadsheet: text starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would run as a formula in Excel
/// or LibreOffice (CSV injection, OWASP), so it gets a leading `'`, which
/// spreadsheets show as text. Plain numbers (`-3.5`) stay numbers.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The CSV bytes: BOM, header, rows; every cell neutralised.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ApiError> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |e: csv::Error| ApiError::Internal(anyhow::anyhow!("csv: {e}"));
    w.write_record(header.iter().map(|c| neutralise(c).into_owned()))
        .map_err(fail)?;
    for r in rows {
        w.write_record(r.iter().map(|c| neutralise(c).into_owned()))
            .map_err(fail)?;
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

    #[test]
    fn formula_cells_are_neutralised_and_numbers_kept() -> Result<(), Box<dyn std::error::Error>> {
        for bad in [
            "=HYPERLINK(\"x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in ["-3.5", "12", "凤城镇", "a=b", ""] {
            assert_eq!(neutralise(fine), fine);
        }
        let b = csv(&["n"], &[vec!["=1+2".into()], vec!["-4".into()]])?;
        assert_eq!(std::str::from_utf8(&b[3..])?, "n\n'=1+2\n-4\n");
        Ok(())
    }
}
