public import Foundation

/// Working time for SLA clocks: by default Sunday to Thursday, 08:00–20:00 Asia/Riyadh, minus
/// configured holidays. Durations are counted in business seconds: the clock runs only inside
/// working hours.
public struct BusinessCalendar: Sendable, Codable, Hashable {
    /// Gregorian weekday numbers that are working days (1 = Sunday … 7 = Saturday).
    public var workdays: Set<Int>
    /// Minutes after midnight when work starts and ends (local time).
    public var opens: Int
    public var closes: Int
    public var timeZone: String
    /// Whole days off, `YYYY-MM-DD` in local time.
    public var holidays: Set<String>

    public static let riyadh = BusinessCalendar(workdays: [1, 2, 3, 4, 5], opens: 8 * 60, closes: 20 * 60, timeZone: "Asia/Riyadh", holidays: [])

    public init(workdays: Set<Int>, opens: Int, closes: Int, timeZone: String, holidays: Set<String>) {
        self.workdays = workdays
        self.opens = opens
        self.closes = closes
        self.timeZone = timeZone
        self.holidays = holidays
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 3 * 3_600)!
        return calendar
    }

    /// The working window of the local day that contains `date`, if that day is worked.
    private func window(ofDayContaining date: Date, _ calendar: Calendar) -> (start: Date, end: Date)? {
        let day = calendar.startOfDay(for: date)
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        guard let weekday = parts.weekday, workdays.contains(weekday), closes > opens else { return nil }
        let key = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard !holidays.contains(key) else { return nil }
        // Wall-clock times of that day (right on days when a zone changes its clocks too).
        func at(_ minutes: Int) -> Date? {
            minutes >= 24 * 60
                ? calendar.date(byAdding: .day, value: 1, to: day)
                : calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: day)
        }
        guard let start = at(opens), let end = at(closes) else { return nil }
        return (start, end)
    }

    private func nextDay(after date: Date, _ calendar: Calendar) -> Date {
        calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date))!
    }

    /// The moment `seconds` of working time after `start`.
    public func adding(_ seconds: TimeInterval, to start: Date) -> Date {
        let calendar = calendar
        var remaining = max(0, seconds)
        guard remaining > 0 else { return start }
        var cursor = start
        // Ten years without a single working day means a broken calendar: give up there.
        for _ in 0..<3_660 {
            if let (open, close) = window(ofDayContaining: cursor, calendar), cursor < close {
                let from = max(cursor, open)
                let available = close.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            cursor = nextDay(after: cursor, calendar)
        }
        return .distantFuture
    }

    /// Working time between two moments (zero when `end` is not after `start`).
    public func businessTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        let calendar = calendar
        var total: TimeInterval = 0
        var cursor = start
        while cursor < end {
            if let (open, close) = window(ofDayContaining: cursor, calendar) {
                let from = max(cursor, open)
                let to = min(end, close)
                if to > from { total += to.timeIntervalSince(from) }
            }
            cursor = nextDay(after: cursor, calendar)
        }
        return total
    }

    /// Whether `date` falls inside working hours.
    public func isWorking(_ date: Date) -> Bool {
        guard let (open, close) = window(ofDayContaining: date, calendar) else { return false }
        return date >= open && date < close
    }
}
