import Foundation
import PropertyBased
import Testing

@testable import Support

/// SLA arithmetic against a reference that walks minute by minute with plain integer
/// arithmetic (Riyadh is UTC+3 all year; 1970-01-01 was a Thursday).
@Suite("Business-hours SLA clocks")
struct BusinessCalendarTests {
    /// 2026-01-01T00:00:00Z, a Thursday.
    static let origin = Date(timeIntervalSince1970: 1_767_225_600)

    /// Is the minute starting at `minute` (minutes since 1970, UTC) inside working hours?
    static func referenceWorking(_ minute: Int, holidays: Set<String>) -> Bool {
        let local = minute + 3 * 60
        let day = local / (24 * 60)
        let minuteOfDay = local % (24 * 60)
        let weekday = (day + 4) % 7 + 1  // 1 = Sunday; day 0 (1970-01-01) was a Thursday (5)
        guard (1...5).contains(weekday), (8 * 60..<20 * 60).contains(minuteOfDay) else { return false }
        return !holidays.contains(referenceDay(day))
    }

    static func referenceDay(_ day: Int) -> String {
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static func minute(_ date: Date) -> Int { Int(date.timeIntervalSince1970) / 60 }

    /// The reference: the end of the `duration`-th working minute after `start`.
    static func referenceAdding(_ duration: Int, to start: Int, holidays: Set<String>) -> Int {
        guard duration > 0 else { return start }
        var counted = 0
        var minute = start
        while true {
            if referenceWorking(minute, holidays: holidays) {
                counted += 1
                if counted == duration { return minute + 1 }
            }
            minute += 1
        }
    }

    static func referenceElapsed(from start: Int, to end: Int, holidays: Set<String>) -> Int {
        (start..<max(start, end)).filter { referenceWorking($0, holidays: holidays) }.count
    }

    /// Some days of the 90 after the origin, as holidays.
    static func holidays(_ mask: UInt64) -> Set<String> {
        let first = minute(origin) / (24 * 60)
        return Set((0..<64).filter { mask & (1 << UInt64($0)) != 0 && $0 % 5 == 0 }.map { referenceDay(first + $0 + ($0 / 5) % 3) })
    }

    static func calendar(_ holidays: Set<String>) -> BusinessCalendar {
        var calendar = BusinessCalendar.riyadh
        calendar.holidays = holidays
        return calendar
    }

    @Test("Adding business time matches the minute-by-minute reference across weekends, holidays and day boundaries")
    func addingMatchesReference() async {
        await propertyCheck(
            count: 300, input: Gen<Int>.value(in: 0..<(40 * 24 * 60)), Gen<Int>.value(in: 0...(12 * 60 * 12)), Gen<UInt64>.value(in: 0...UInt64.max)
        ) { offset, duration, mask in
            let holidays = Self.holidays(mask)
            let start = Self.minute(Self.origin) + offset
            let expected = Self.referenceAdding(duration, to: start, holidays: holidays)
            let actual = Self.calendar(holidays).adding(TimeInterval(duration * 60), to: Date(timeIntervalSince1970: TimeInterval(start * 60)))
            #expect(Int(actual.timeIntervalSince1970) == expected * 60, "start \(start), \(duration) min, holidays \(holidays.sorted())")
        }
    }

    @Test("Elapsed business time matches the reference, and adding then measuring gives the duration back")
    func elapsedMatchesReference() async {
        await propertyCheck(
            count: 300, input: Gen<Int>.value(in: 0..<(40 * 24 * 60)), Gen<Int>.value(in: 0...(20 * 24 * 60)), Gen<UInt64>.value(in: 0...UInt64.max)
        ) { offset, span, mask in
            let holidays = Self.holidays(mask)
            let calendar = Self.calendar(holidays)
            let start = Self.minute(Self.origin) + offset
            let startDate = Date(timeIntervalSince1970: TimeInterval(start * 60))
            let elapsed = calendar.businessTime(from: startDate, to: Date(timeIntervalSince1970: TimeInterval((start + span) * 60)))
            #expect(Int(elapsed) == Self.referenceElapsed(from: start, to: start + span, holidays: holidays) * 60)
            let duration = TimeInterval(span % (12 * 60 * 5) * 60)
            #expect(calendar.businessTime(from: startDate, to: calendar.adding(duration, to: startDate)) == duration)
        }
    }

    static func riyadh(_ text: String) -> Date {
        try! Date(text + "+03:00", strategy: .iso8601)
    }

    @Test("Known cases: Thursday evening to Sunday, Friday and Saturday off, a holiday, the day's edges")
    func knownCases() {
        let calendar = BusinessCalendar.riyadh
        // Thursday 2026-01-01 19:00 + 2 h → Sunday 2026-01-04 09:00.
        #expect(calendar.adding(2 * 3_600, to: Self.riyadh("2026-01-01T19:00:00")) == Self.riyadh("2026-01-04T09:00:00"))
        // Friday noon + 1 h → Sunday 09:00; nothing elapses over Friday and Saturday.
        #expect(calendar.adding(3_600, to: Self.riyadh("2026-01-02T12:00:00")) == Self.riyadh("2026-01-04T09:00:00"))
        #expect(calendar.businessTime(from: Self.riyadh("2026-01-01T20:00:00"), to: Self.riyadh("2026-01-04T08:00:00")) == 0)
        // Exactly 12 h from an opening is that day's closing.
        #expect(calendar.adding(12 * 3_600, to: Self.riyadh("2026-01-04T08:00:00")) == Self.riyadh("2026-01-04T20:00:00"))
        // Before opening counts from opening.
        #expect(calendar.adding(30 * 60, to: Self.riyadh("2026-01-05T03:00:00")) == Self.riyadh("2026-01-05T08:30:00"))
        // A holiday Sunday moves it to Monday.
        var holiday = calendar
        holiday.holidays = ["2026-01-04"]
        #expect(holiday.adding(2 * 3_600, to: Self.riyadh("2026-01-01T19:00:00")) == Self.riyadh("2026-01-05T09:00:00"))
        #expect(holiday.isWorking(Self.riyadh("2026-01-04T10:00:00")) == false)
        #expect(calendar.isWorking(Self.riyadh("2026-01-04T10:00:00")))
        // Zero is now.
        #expect(calendar.adding(0, to: Self.riyadh("2026-01-02T12:00:00")) == Self.riyadh("2026-01-02T12:00:00"))
    }

    @Test("In a zone with daylight saving, the working day stays 08:00–20:00 local time on the days the clocks change")
    func daylightSaving() throws {
        var london = BusinessCalendar.riyadh
        london.timeZone = "Europe/London"
        london.workdays = Set(1...7)
        // 2026-03-29: clocks go forward at 01:00 UTC; 08:00 BST is 07:00 UTC.
        let opening = try Date("2026-03-29T07:00:00Z", strategy: .iso8601)
        #expect(london.isWorking(opening))
        #expect(!london.isWorking(opening.addingTimeInterval(-1)))
        #expect(london.adding(12 * 3_600, to: opening) == (try Date("2026-03-29T19:00:00Z", strategy: .iso8601)))
        // 2026-10-25: back to GMT; 08:00 is 08:00 UTC.
        #expect(london.isWorking(try Date("2026-10-25T08:00:00Z", strategy: .iso8601)))
        #expect(!london.isWorking(try Date("2026-10-25T07:59:59Z", strategy: .iso8601)))
    }

    @Test("The configuration: workdays by name, hours, time zone and holidays; mistakes are named")
    func configuration() throws {
        let config = try JSONDecoder().decode(
            SupportConfig.self,
            from: Data(#"{"calendar": {"workdays": ["mon", "tue"], "opens": "09:30", "closes": "17:00", "timeZone": "Asia/Dubai", "holidays": ["2026-02-02"]}}"#.utf8)
        )
        let calendar = try config.businessCalendar()
        #expect(calendar.workdays == [2, 3])
        #expect(calendar.opens == 9 * 60 + 30)
        #expect(calendar.closes == 17 * 60)
        #expect(calendar.timeZone == "Asia/Dubai")
        for bad in [#"{"calendar": {"workdays": ["funday"]}}"#, #"{"calendar": {"opens": "25:00"}}"#, #"{"calendar": {"opens": "18:00", "closes": "08:00"}}"#,
                    #"{"calendar": {"timeZone": "Mars/Olympus"}}"#, #"{"calendar": {"holidays": ["next friday"]}}"#] {
            let decoded = try JSONDecoder().decode(SupportConfig.self, from: Data(bad.utf8))
            #expect(throws: SupportConfigError.self, "\(bad)") { try decoded.businessCalendar() }
        }
    }
}
