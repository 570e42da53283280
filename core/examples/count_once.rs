//! Counts 100,000 sample records once by one path, for instruction counts under
//! `valgrind --tool=callgrind`: repeatable on a shared machine, unlike timings. Paths: `csv`,
//! `typed` (host records), `arrow` (text columns and Date32 dates) and `columnar` (the typed
//! layout of a database export: int32 region codes, dictionary-encoded terms, booleans, Date32
//! dates and an int8 certificate level, as `scripts/bench/columnar.py` writes them).

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "typed".into());
    if path == "decode" {
        decode();
        return;
    }
    let plan = skillplan::Plan::jilin_2022_2025().expect("embedded plan");
    let rows = 100_000;
    let mut tally = skillplan::Tally::new(&plan);
    let options = skillplan::CountOptions::default();
    #[cfg(feature = "arrow")]
    if path == "arrow" {
        use skillplan::arrow_array::{ArrayRef, BooleanArray, Date32Array, RecordBatch, StringArray};
        use std::sync::Arc;
        let rows: Vec<_> = (0..rows).map(|i| skillplan::sample::training(1, i)).collect();
        let text = |f: &dyn Fn(&skillplan::sample::SampleTraining) -> Option<String>| -> ArrayRef {
            Arc::new(StringArray::from(rows.iter().map(f).collect::<Vec<_>>()))
        };
        let day = |d: chrono::NaiveDate| (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32;
        let dates = |f: &dyn Fn(&skillplan::sample::SampleTraining) -> Option<chrono::NaiveDate>| -> ArrayRef {
            Arc::new(Date32Array::from(rows.iter().map(|r| f(r).map(day)).collect::<Vec<_>>()))
        };
        let batch = RecordBatch::try_from_iter([
            ("record_id", text(&|r| Some(r.record_id.clone()))),
            ("person_key", text(&|r| Some(r.person_key.clone()))),
            ("region", text(&|r| Some(r.region.to_owned()))),
            ("training_type", text(&|r| Some(r.training_type.to_owned()))),
            (
                "subsidised",
                Arc::new(BooleanArray::from(rows.iter().map(|r| r.subsidised).collect::<Vec<_>>())) as ArrayRef,
            ),
            ("groups", text(&|r| Some(r.groups.join(";")))),
            ("start_date", dates(&|r| Some(r.start_date))),
            ("end_date", dates(&|r| Some(r.end_date))),
            ("completion_date", dates(&|r| r.completion_date)),
            ("certificate_kind", text(&|r| r.certificate.map(|c| c.0.to_owned()))),
            ("certificate_level", text(&|r| r.certificate.and_then(|c| c.1.map(str::to_owned)))),
            ("certificate_date", dates(&|r| r.certificate.map(|c| c.2))),
        ])
        .expect("batch");
        tally.add_arrow_batch(&plan, &batch, &options, 0).expect("valid records");
        println!("{}", tally.rows_counted);
        return;
    }
    #[cfg(feature = "arrow")]
    if path == "columnar" {
        // SKILLPLAN_REPEAT counts the batch again, for a profiler to see the counting, not the sample.
        let batch = columnar_batch(rows);
        let repeat: usize = std::env::var("SKILLPLAN_REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
        for _ in 1..repeat {
            skillplan::Tally::new(&plan).add_arrow_batch(&plan, &batch, &options, 0).expect("valid records");
        }
        tally.add_arrow_batch(&plan, &batch, &options, 0).expect("valid records");
        println!("{}", tally.rows_counted);
        return;
    }
    if path == "csv" {
        let mut csv = Vec::new();
        skillplan::sample::write_training_csv(&mut csv, rows, 1, |_| {}).expect("in memory");
        tally.add_csv(&plan, csv.as_slice(), &options, None).expect("valid records");
    } else {
        let inputs: Vec<_> = (0..rows).map(|i| skillplan::sample::training(1, i).to_input()).collect();
        tally.add_inputs(&plan, &inputs, &options).expect("valid records");
    }
    println!("{}", tally.rows_counted);
}

/// `decode FILE ENCODING`: decodes a file in 4 MiB blocks on one thread, as the record readers do
/// (blocks cut after a newline), `SKILLPLAN_REPEAT` times; prints the bytes, the characters, the
/// SHA-256 of the text as UTF-8 (so another decoder can be checked against it) and the best MB/s.
/// `SKILLPLAN_DECODE_ONLY=1` leaves the characters and hash out (zero), for instruction counts
/// of the decoding alone.
fn decode() {
    use skillplan::basics::encoding::{Detector, Encoding, decode};
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[2]).expect("a readable file");
    let encoding = Encoding::parse(args.get(3).map_or("auto", String::as_str)).expect("auto, utf-8 or gb18030");
    let repeat: usize = std::env::var("SKILLPLAN_REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or(1);
    use sha2::Digest;
    let check = std::env::var("SKILLPLAN_DECODE_ONLY").map_or(true, |v| v != "1");
    let mut best = f64::MAX;
    let (mut chars, mut hash) = (0u64, String::new());
    for _ in 0..repeat {
        // Only the decoding is timed; the hash is taken after each block's clock stops.
        let mut spent = std::time::Duration::ZERO;
        let mut detector = Detector::new(encoding);
        chars = 0;
        let mut sha = sha2::Sha256::new();
        let mut at = 0;
        while at < bytes.len() {
            let end = (at + (4 << 20)).min(bytes.len());
            let end = bytes[end..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| end + i + 1);
            let block = &bytes[at..end];
            let started = std::time::Instant::now();
            let settled = detector.settle(block, at as u64).expect("text");
            let text = decode(block, settled, at as u64).expect("text");
            spent += started.elapsed();
            if check {
                chars += text.chars().count() as u64;
                sha.update(text.as_bytes());
            }
            at = end;
        }
        hash = sha.finalize().iter().map(|b| format!("{b:02x}")).collect();
        best = best.min(spent.as_secs_f64());
    }
    println!("{} {} {} {:.1}", bytes.len(), chars, hash, bytes.len() as f64 / best / 1e6);
}

/// Records in the typed layout, from the same sample: region codes as int32, terms as
/// dictionaries, levels as national levels in int8.
#[cfg(feature = "arrow")]
fn columnar_batch(rows: u64) -> skillplan::arrow_array::RecordBatch {
    use skillplan::arrow_array::builder::StringDictionaryBuilder;
    use skillplan::arrow_array::types::Int16Type;
    use skillplan::arrow_array::{
        ArrayRef, BooleanArray, Date32Array, Int8Array, Int32Array, RecordBatch, StringArray,
    };
    use std::sync::Arc;
    let rows: Vec<_> = (0..rows).map(|i| skillplan::sample::training(1, i)).collect();
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let day = |d: chrono::NaiveDate| (d - epoch).num_days() as i32;
    let dates = |f: &dyn Fn(&skillplan::sample::SampleTraining) -> Option<chrono::NaiveDate>| -> ArrayRef {
        Arc::new(Date32Array::from(rows.iter().map(|r| f(r).map(day)).collect::<Vec<_>>()))
    };
    let dictionary = |f: &dyn Fn(&skillplan::sample::SampleTraining) -> Option<String>| -> ArrayRef {
        let mut b = StringDictionaryBuilder::<Int16Type>::new();
        for r in &rows {
            b.append_option(f(r));
        }
        Arc::new(b.finish())
    };
    let plan = skillplan::Plan::jilin_2022_2025().expect("embedded plan");
    let code = |id: &str| -> Option<i32> {
        let region = plan.regions().iter().find(|r| r.id == id || r.name.zh == id)?;
        region.code.as_deref()?.parse().ok()
    };
    let level = |l: &str| -> Option<i8> {
        plan.skill_levels().iter().find(|s| s.id == l || s.name.zh == l)?.national_level.map(|n| n as i8)
    };
    RecordBatch::try_from_iter([
        ("record_id", Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.record_id.clone()))) as ArrayRef),
        ("person_key", Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.person_key.clone())))),
        (
            "region",
            Arc::new(Int32Array::from(
                rows.iter()
                    .map(|r| r.region.parse().ok().or_else(|| code(r.region)).or(Some(220100)))
                    .collect::<Vec<_>>(),
            )),
        ),
        ("training_type", dictionary(&|r| Some(r.training_type.to_owned()))),
        ("subsidised", Arc::new(BooleanArray::from(rows.iter().map(|r| r.subsidised).collect::<Vec<_>>()))),
        ("groups", dictionary(&|r| Some(r.groups.join(";")))),
        ("start_date", dates(&|r| Some(r.start_date))),
        ("end_date", dates(&|r| Some(r.end_date))),
        ("completion_date", dates(&|r| r.completion_date)),
        ("certificate_kind", dictionary(&|r| r.certificate.map(|c| c.0.to_owned()))),
        (
            "certificate_level",
            Arc::new(Int8Array::from(
                rows.iter().map(|r| r.certificate.and_then(|c| c.1).and_then(level)).collect::<Vec<_>>(),
            )),
        ),
        ("certificate_date", dates(&|r| r.certificate.map(|c| c.2))),
    ])
    .expect("batch")
}
