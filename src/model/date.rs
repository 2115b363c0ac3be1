//! RFC 3339 date-times, parsed without a date library (every kilobyte of wasm counts).

/// A point in time as the publisher wrote it: the instant, plus the UTC offset they used.
#[derive(Clone, Debug, PartialEq)]
pub struct DateTime {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
    /// The offset from UTC in minutes that the string carried (`Z` is 0).
    pub offset_minutes: i32,
    /// The original string, for `<time datetime>`.
    pub original: String,
}

impl DateTime {
    /// Parses `2018-11-01T00:00:00Z`, `2018-11-01T09:30:00.5+02:00` and the like. A space or a
    /// lowercase `t`/`z` is accepted, as RFC 3339 allows.
    pub fn parse_rfc3339(input: &str) -> Option<DateTime> {
        let s = input.trim();
        let b = s.as_bytes();
        if b.len() < 20 {
            return None;
        }
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        let hour = digits(b, 11, 2)?;
        let minute = digits(b, 14, 2)?;
        let second = digits(b, 17, 2)?;
        let separators_ok = b.get(4) == Some(&b'-')
            && b.get(7) == Some(&b'-')
            && matches!(b.get(10), Some(b'T' | b't' | b' '))
            && b.get(13) == Some(&b':')
            && b.get(16) == Some(&b':');
        if !separators_ok
            || !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut i = 19;
        let mut millis = 0i64;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            // Only the first three fraction digits matter for milliseconds.
            let frac = s.get(start..i.min(start + 3))?;
            millis = frac.parse::<i64>().ok()? * 10i64.pow(3 - frac.len() as u32);
        }
        let offset_minutes = match b.get(i)? {
            b'Z' | b'z' if i + 1 == b.len() => 0,
            sign @ (b'+' | b'-') if i + 6 == b.len() && b.get(i + 3) == Some(&b':') => {
                let oh = digits(b, i + 1, 2)?;
                let om = digits(b, i + 4, 2)?;
                if oh > 23 || om > 59 {
                    return None;
                }
                let minutes = (oh * 60 + om) as i32;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        // A leap second (:60) is read as the next second, as JavaScript's Date does.
        let local_seconds = days * 86_400 + hour * 3600 + minute * 60 + second;
        let utc_seconds = local_seconds - i64::from(offset_minutes) * 60;
        Some(DateTime {
            epoch_ms: utc_seconds * 1000 + millis,
            offset_minutes,
            original: s.to_string(),
        })
    }

    /// The publisher's calendar date as written (year, month 1-12, day), whatever the offset.
    pub fn calendar_date(&self) -> Option<(i64, u8, u8)> {
        let b = self.original.as_bytes();
        let (year, month, day) = (digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?);
        Some((year, u8::try_from(month).ok()?, u8::try_from(day).ok()?))
    }

    /// The publisher's wall-clock time expressed as if it were UTC. Formatting this with
    /// `timeZone: "UTC"` shows the date the publisher wrote, wherever the reader is.
    pub fn wall_clock_ms(&self) -> i64 {
        self.epoch_ms + i64::from(self.offset_minutes) * 60_000
    }
}

fn digits(b: &[u8], start: usize, len: usize) -> Option<i64> {
    let slice = b.get(start..start + len)?;
    slice.iter().try_fold(0i64, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
