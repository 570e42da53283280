//! The Rust API's first five minutes: the embedded plan, exact targets, clauses, errors.
//! Run: cargo run -p skillplan --example plan_queries

use skillplan::{ErrorCode, Plan};

fn main() -> Result<(), skillplan::Error> {
    let plan = Plan::jilin_2022_2025()?;
    let meta = plan.metadata();
    println!("{} ({}), {} – {}", meta.title.en, meta.document_number, meta.period.start, meta.period.end);

    for indicator in plan.indicators() {
        let indent = if indicator.parent.is_some() { "  " } else { "" };
        println!(
            "{indent}{}. {}: {} {}",
            indicator.row,
            indicator.name.zh,
            indicator.comparator.symbol(),
            indicator.target
        );
    }

    let parts = plan.parts("new-certificates")?;
    println!("row 4 has {} part(s): {}", parts.len(), parts[0].name.en);

    let clause = plan.clause("专栏2.1")?;
    println!("{} {}", clause.id, clause.title.zh);

    match plan.indicator("employment-rate") {
        Err(e) => {
            assert_eq!(e.code(), ErrorCode::UnknownIndicator);
            println!("error {} at {:?}: {e}", e.code(), e.path());
        }
        Ok(_) => unreachable!("the plan has no such indicator"),
    }
    Ok(())
}
