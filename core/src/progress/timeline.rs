//! The plan period counted in days (day 1 is the first, day N the last), and the value expected
//! by the end of a day: linear over the period, or through milestones.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::basics::decimal_text::round;
use crate::plan::Plan;

use super::options::Milestone;
use super::result::ExpectedMethod;

/// Days in a year and in a month when a pace is stated per year or per month.
pub(super) const DAYS_PER_YEAR: Decimal = Decimal::from_parts(36525, 0, 0, false, 2);
pub(super) const DAYS_PER_MONTH: Decimal = Decimal::from_parts(304375, 0, 0, false, 4);

/// The timeline of a plan period, in days.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timeline {
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) days: i64,
}

impl Timeline {
    pub(super) fn new(plan: &Plan) -> Timeline {
        let p = plan.metadata().period;
        Timeline { start: p.start, end: p.end, days: (p.end - p.start).num_days() + 1 }
    }

    /// Days elapsed by the end of `date`, between 0 and the period's length.
    pub(super) fn day(&self, date: NaiveDate) -> i64 {
        ((date - self.start).num_days() + 1).clamp(0, self.days)
    }

    pub(super) fn elapsed(&self, date: NaiveDate) -> Decimal {
        round(Decimal::from(self.day(date)) / Decimal::from(self.days))
    }
}

/// Expected value by the end of `day`: linear over the period, or through the milestones.
pub(super) fn expected(
    t: &Timeline,
    target: Decimal,
    milestones: &[&Milestone],
    day: i64,
) -> (Decimal, ExpectedMethod) {
    if milestones.is_empty() {
        return (round(target * Decimal::from(day) / Decimal::from(t.days)), ExpectedMethod::Linear);
    }
    let mut knots = vec![(0i64, Decimal::ZERO)];
    knots.extend(milestones.iter().map(|m| (t.day(m.date), m.value)));
    knots.push((t.days, target));
    for pair in knots.windows(2) {
        let ((d0, v0), (d1, v1)) = (pair[0], pair[1]);
        if day <= d1 {
            if d1 == d0 {
                return (v1, ExpectedMethod::Milestones);
            }
            let share = Decimal::from(day - d0) / Decimal::from(d1 - d0);
            return (round(v0 + (v1 - v0) * share), ExpectedMethod::Milestones);
        }
    }
    (target, ExpectedMethod::Milestones)
}
