//! Calendar arithmetic for the simulated clock (UTC, proleptic Gregorian), with no system calls.

/// A point in time broken into calendar fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// The year, e.g. 2024.
    pub year: i64,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, 1–31.
    pub day: u32,
    /// The hour, 0–23.
    pub hour: u32,
    /// The minute, 0–59.
    pub minute: u32,
    /// The second, 0–59.
    pub second: u32,
    /// The day of the week, 0 = Sunday.
    pub weekday: u32,
}

/// Breaks seconds since the epoch into calendar fields (days-from-civil, inverted).
pub fn civil(t: i64) -> Civil {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400) as u32;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil {
        year,
        month,
        day,
        hour: secs / 3600,
        minute: secs / 60 % 60,
        second: secs % 60,
        weekday: (days + 4).rem_euclid(7) as u32,
    }
}

/// Abbreviated month names, as `%b` prints them in the C locale.
pub const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Abbreviated day names from Sunday, as `%a` prints them in the C locale.
pub const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// The days in a month of a year.
fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since the epoch of a calendar date and time (UTC); `None` when a field is out of
/// range (the 31st of April, hour 24).
pub fn timestamp(year: i64, month: i64, day: i64, hour: i64, minute: i64, second: i64) -> Option<i64> {
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..=60).contains(&second);
    valid.then(|| days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_dates() {
        let c = civil(crate::fs::DEFAULT_EPOCH);
        assert_eq!((c.year, c.month, c.day, c.hour, c.weekday), (2026, 10, 21, 9, 3));
        assert_eq!(timestamp(2026, 10, 21, 9, 0, 0), Some(crate::fs::DEFAULT_EPOCH));
        assert_eq!(civil(0).year, 1970);
        assert_eq!(timestamp(2024, 2, 29, 12, 0, 0).map(|t| civil(t).day), Some(29));
        assert_eq!(timestamp(2024, 13, 1, 0, 0, 0), None);
        assert_eq!(timestamp(2023, 2, 29, 0, 0, 0), None);
        let c = civil(-1);
        assert_eq!((c.year, c.month, c.day, c.hour, c.minute, c.second), (1969, 12, 31, 23, 59, 59));
        let c = civil(1_705_314_600);
        assert_eq!((c.year, c.month, c.day, c.hour, c.minute), (2024, 1, 15, 10, 30));
    }
}
