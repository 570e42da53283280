//! GB 11643-1999 citizen ID numbers (公民身份号码), recognised so that they are refused where a
//! hashed person key is expected and never repeated in a message (domain-facts §7).

/// The weights of the first 17 digits: 2^(i−1) mod 11, counting from the right with the check
/// digit at i = 1 (ISO 7064 MOD 11-2).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each remainder of the weighted sum modulo 11.
const CHECK: &[u8; 11] = b"10X98765432";

/// The check character of an 18-character ID number, from its first 17 digits; `None` when
/// those are not 17 ASCII digits.
pub fn check_digit(first17: &[u8]) -> Option<u8> {
    if first17.len() != 17 || !first17.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    Some(CHECK[(sum % 11) as usize])
}

/// True when `text` is an 18-character ID number whose check character is right.
pub fn is_valid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 18 && check_digit(&b[..17]).is_some_and(|c| c == b[17].to_ascii_uppercase())
}

/// True when `text` has the shape of an ID number, valid or not: 18 characters (17 digits and a
/// digit or X) or the old 15 digits. Such values are refused as person keys whatever their check
/// digit, because a mistyped ID number is still personal data.
pub fn looks_like_id_number(text: &str) -> bool {
    let b = super::text::trim(text).as_bytes();
    match b.len() {
        15 => b.iter().all(u8::is_ascii_digit),
        18 => b[..17].iter().all(u8::is_ascii_digit) && (b[17].is_ascii_digit() || b[17] == b'X' || b[17] == b'x'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_samples_check() {
        // The two samples domain-facts §7 recomputed.
        assert!(is_valid("11010519491231002X"));
        assert!(is_valid("53010219200508011X"));
        assert!(!is_valid("110105194912310021"));
        assert!(looks_like_id_number("110105194912310021"));
        assert!(looks_like_id_number("110105491231002"));
        assert!(!looks_like_id_number("9f86d081884c7d659a2feaa0c55ad015"));
    }
}
