//! Plain-text tables whose columns line up with Chinese text (two columns per CJK character).

use unicode_width::UnicodeWidthStr;

pub fn render(head: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = head.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - c.width()))).collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(head.to_vec());
    out += &line(widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().iter().map(String::as_str).collect());
    for row in &rows {
        out += &line(row.iter().map(String::as_str).collect());
    }
    out
}
