//! Burn-up charts (SVG): for each indicator, the achieved cumulative series against the expected
//! trajectory and the target, with the as-of date marked. Labels are Chinese; the SVG names CJK
//! fonts first so viewers render them.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use skillplan::progress::IndicatorProgress;
use skillplan::progress::observations::Point;

/// One panel: an indicator's progress row and the series behind it.
pub struct Panel<'a> {
    pub row: &'a IndicatorProgress,
    pub number: u32,
    pub points: Vec<Point>,
}

const FONT: &str =
    "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif";
const ACHIEVED: RGBColor = RGBColor(31, 100, 180);
const EXPECTED: RGBColor = RGBColor(140, 140, 140);
const TARGET: RGBColor = RGBColor(200, 50, 40);
const AS_OF: RGBColor = RGBColor(230, 150, 20);

fn days(from: NaiveDate, to: NaiveDate) -> i32 {
    (to - from).num_days() as i32
}

/// A value with up to two decimals of 万 (39700 → "3.97万"), for annotations.
fn precise_number(value: f64) -> String {
    if value.abs() >= 10_000.0 {
        let text = format!("{:.2}", value / 10_000.0);
        format!("{}万", text.trim_end_matches('0').trim_end_matches('.'))
    } else {
        short_number(value)
    }
}

/// 840000 → "84万", 32 → "32".
fn short_number(value: f64) -> String {
    if value.abs() >= 10_000.0 {
        let wan = value / 10_000.0;
        if (wan - wan.round()).abs() < 0.05 { format!("{:.0}万", wan) } else { format!("{:.1}万", wan) }
    } else if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

pub fn draw(path: &Path, title: &str, start: NaiveDate, end: NaiveDate, panels: &[Panel]) -> Result<(), String> {
    let columns = 2usize;
    let rows = panels.len().div_ceil(columns).max(1);
    let (width, height) = (1200u32, 80 + 380 * rows as u32);
    let root = SVGBackend::new(path, (width, height)).into_drawing_area();
    let fail = |e: &dyn std::fmt::Display| format!("cannot draw the chart: {e}");
    root.fill(&WHITE).map_err(|e| fail(&e))?;
    let (header, body) = root.split_vertically(70);
    header.draw(&Text::new(title.to_owned(), (20, 18), (FONT, 26).into_font().color(&BLACK))).map_err(|e| fail(&e))?;
    let legend = [
        ("累计完成 achieved", ACHIEVED),
        ("按进度应完成 expected", EXPECTED),
        ("目标 target", TARGET),
        ("统计截止 as of", AS_OF),
    ];
    for (i, (name, color)) in legend.iter().enumerate() {
        let x = 20 + i as i32 * 270;
        header.draw(&Rectangle::new([(x, 52), (x + 24, 56)], color.filled())).map_err(|e| fail(&e))?;
        header
            .draw(&Text::new(name.to_string(), (x + 30, 46), (FONT, 15).into_font().color(&BLACK)))
            .map_err(|e| fail(&e))?;
    }
    let total_days = days(start, end) + 1;
    for (area, panel) in body.split_evenly((rows, columns)).into_iter().zip(panels) {
        let row = panel.row;
        let target = row.target.to_f64().unwrap_or(0.0);
        let achieved_max = panel.points.iter().filter_map(|p| p.value.to_f64()).fold(0.0, f64::max);
        let y_max = (target.max(achieved_max) * 1.12).max(1.0);
        let caption = format!("{}. {} — {}", panel.number, row.name.zh, row.status.label().zh);
        // A tick at the start of each year of the period.
        let year_starts: Vec<i32> = (start.year()..=end.year())
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .map(|d| days(start, d).max(0))
            .collect();
        let mut chart = ChartBuilder::on(&area)
            .margin(14)
            .margin_right(28)
            .caption(caption, (FONT, 17))
            .x_label_area_size(30)
            .y_label_area_size(62)
            .build_cartesian_2d((0..total_days).with_key_points(year_starts), 0.0..y_max)
            .map_err(|e| fail(&e))?;
        chart
            .configure_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.08))
            .y_labels(6)
            .x_label_formatter(&|d| {
                let date = start + chrono::Duration::days(i64::from(*d));
                format!("{}年", date.year())
            })
            .y_label_formatter(&|v| short_number(*v))
            .label_style((FONT, 13))
            .draw()
            .map_err(|e| fail(&e))?;
        // Expected trajectory: linear from 0 on the first day to the target on the last.
        let at = |d: i32| d;
        chart
            .draw_series(LineSeries::new([(at(0), 0.0), (at(total_days), target)], EXPECTED.stroke_width(2)))
            .map_err(|e| fail(&e))?;
        chart
            .draw_series(LineSeries::new([(at(0), target), (at(total_days), target)], TARGET.stroke_width(2)))
            .map_err(|e| fail(&e))?;
        let as_of = days(start, row.as_of.min(end)).clamp(0, total_days);
        chart
            .draw_series(LineSeries::new([(at(as_of), 0.0), (at(as_of), y_max)], AS_OF.stroke_width(1)))
            .map_err(|e| fail(&e))?;
        let mut achieved: Vec<(i32, f64)> = vec![(0, 0.0)];
        achieved.extend(
            panel
                .points
                .iter()
                .filter(|p| p.date <= row.as_of)
                .map(|p| (days(start, p.date) + 1, p.value.to_f64().unwrap_or(0.0))),
        );
        chart
            .draw_series(LineSeries::new(achieved.iter().map(|&(x, y)| (at(x), y)), ACHIEVED.stroke_width(3)))
            .map_err(|e| fail(&e))?;
        chart
            .draw_series(achieved.iter().skip(1).map(|&(x, y)| Circle::new((at(x), y), 4, ACHIEVED.filled())))
            .map_err(|e| fail(&e))?;
        if let (Some(&(x, y)), Some(completion)) = (achieved.last(), row.completion) {
            let pct = (completion * rust_decimal::Decimal::ONE_HUNDRED).round_dp(1);
            // Anchored at its right end, left of the latest point, so it never leaves the panel.
            let style = (FONT, 14).into_font().color(&ACHIEVED).pos(Pos::new(HPos::Right, VPos::Bottom));
            let label = format!("{}（{}%） ", precise_number(y), pct);
            chart.draw_series(std::iter::once(Text::new(label, (at(x), y), style))).map_err(|e| fail(&e))?;
        }
    }
    root.present().map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::short_number;

    #[test]
    fn precise_numbers() {
        assert_eq!(super::precise_number(39700.0), "3.97万");
        assert_eq!(super::precise_number(801000.0), "80.1万");
        assert_eq!(super::precise_number(29.0), "29");
    }

    #[test]
    fn numbers_in_wan() {
        assert_eq!(short_number(840000.0), "84万");
        assert_eq!(short_number(176000.0), "17.6万");
        assert_eq!(short_number(32.0), "32");
        assert_eq!(short_number(12.5), "12.5");
    }
}
