//! Splitting an indicator's target over regions by weights, in whole units, so that the parts
//! add up exactly (largest remainder).

use rust_decimal::Decimal;

use crate::basics::text::shown;
use crate::error::{Error, OptionsError};
use crate::plan::Plan;

use super::options::RegionalTarget;

/// Splits an indicator's target over regions in proportion to `weights`, in whole units, so
/// that the parts add up exactly to the target (largest remainder; ties go to the region listed
/// first). A target with decimals is split in units of its smallest decimal place.
pub fn decompose(plan: &Plan, indicator: &str, weights: &[(String, Decimal)]) -> Result<Vec<RegionalTarget>, Error> {
    let ind = plan.indicator(indicator)?;
    let err = |path: String, message: String| Error::from(OptionsError { path, message });
    if weights.is_empty() {
        return Err(err("weights".to_owned(), "give at least one region and weight".to_owned()));
    }
    let mut regions = Vec::with_capacity(weights.len());
    for (i, (region, weight)) in weights.iter().enumerate() {
        let r = plan
            .region(region)
            .map_err(|_| err(format!("weights[{i}].region"), format!("unknown region {:?}", shown(region))))?;
        if regions.contains(&r.id) {
            return Err(err(format!("weights[{i}].region"), format!("region {:?} is listed twice", r.id)));
        }
        if weight.is_sign_negative() || *weight > crate::MAX_VALUE {
            return Err(err(format!("weights[{i}].weight"), "a weight must lie between 0 and 10^15".to_owned()));
        }
        regions.push(r.id.clone());
    }
    let total_weight: Decimal = weights.iter().map(|w| w.1).sum();
    if total_weight.is_zero() {
        return Err(err("weights".to_owned(), "the weights sum to 0".to_owned()));
    }
    // Work in integer units of the target's smallest decimal place.
    let scale = ind.target.scale();
    let unit = Decimal::new(1, scale);
    let units_total = (ind.target / unit).trunc();
    let mut shares = Vec::with_capacity(weights.len());
    for (i, (_, w)) in weights.iter().enumerate() {
        let exact = units_total.checked_mul(*w).and_then(|x| x.checked_div(total_weight)).ok_or_else(|| {
            err(format!("weights[{i}].weight"), "the share is too large to compute exactly".to_owned())
        })?;
        shares.push((i, exact.trunc(), exact - exact.trunc()));
    }
    let assigned: Decimal = shares.iter().map(|s| s.1).sum();
    let mut left = (units_total - assigned).to_i64_saturating();
    if left < 0 || left > shares.len() as i64 {
        return Err(err("weights".to_owned(), "the target cannot be split exactly with these weights".to_owned()));
    }
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2).then(a.cmp(&b)));
    for &i in order.iter().cycle().take(shares.len() * 2) {
        if left <= 0 {
            break;
        }
        shares[i].1 += Decimal::ONE;
        left -= 1;
    }
    Ok(shares
        .into_iter()
        .map(|(i, units, _)| RegionalTarget {
            indicator: ind.id.clone(),
            region: regions[i].clone(),
            target: (units * unit).normalize(),
        })
        .collect())
}

trait SaturatingI64 {
    fn to_i64_saturating(self) -> i64;
}

impl SaturatingI64 for Decimal {
    fn to_i64_saturating(self) -> i64 {
        use rust_decimal::prelude::ToPrimitive;
        self.to_i64().unwrap_or(if self.is_sign_negative() { i64::MIN } else { i64::MAX })
    }
}
