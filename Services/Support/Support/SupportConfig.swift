import Foundation
import SupportContract

/// Business hours, holidays and SLA targets, from `<data>/support/config.json` (or
/// `$EINVOICE_SUPPORT_CONFIG`); every field has a default.
///
/// ```json
/// { "calendar": { "workdays": ["sun", "mon", "tue", "wed", "thu"], "opens": "08:00", "closes": "20:00",
///                 "timeZone": "Asia/Riyadh", "holidays": ["2026-03-20", "2026-09-23"] },
///   "targets": { "urgent": { "firstResponseHours": 1, "resolutionHours": 8 } },
///   "warnMinutes": 30 }
/// ```
struct SupportConfig: Codable, Sendable {
    struct Calendar: Codable, Sendable {
        var workdays: [String]?
        var opens: String?
        var closes: String?
        var timeZone: String?
        var holidays: [String]?
    }

    struct Target: Codable, Sendable {
        var firstResponseHours: Double
        var resolutionHours: Double
    }

    var calendar: Calendar?
    var targets: [String: Target]?
    /// Warn this many minutes (of wall time) before a target is breached.
    var warnMinutes: Double?

    static let defaultTargets: [TicketPriority: Target] = [
        .urgent: Target(firstResponseHours: 1, resolutionHours: 8),
        .high: Target(firstResponseHours: 4, resolutionHours: 24),
        .normal: Target(firstResponseHours: 8, resolutionHours: 60),
        .low: Target(firstResponseHours: 24, resolutionHours: 120),
    ]

    func target(_ priority: TicketPriority) -> Target {
        targets?[priority.rawValue] ?? Self.defaultTargets[priority]!
    }

    var warnLead: TimeInterval { (warnMinutes ?? 30) * 60 }

    func businessCalendar() throws -> BusinessCalendar {
        var result = BusinessCalendar.riyadh
        guard let calendar else { return result }
        if let names = calendar.workdays {
            let days = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]
            result.workdays = Set(try names.map { name in
                guard let day = days[String(name.lowercased().prefix(3))] else { throw SupportConfigError("Unknown workday '\(name)': use sun, mon, tue, wed, thu, fri, sat.") }
                return day
            })
        }
        if let opens = calendar.opens { result.opens = try Self.minutes(opens) }
        if let closes = calendar.closes { result.closes = try Self.minutes(closes) }
        guard result.closes > result.opens else { throw SupportConfigError("Business hours must close after they open.") }
        if let zone = calendar.timeZone {
            guard TimeZone(identifier: zone) != nil else { throw SupportConfigError("Unknown time zone '\(zone)'.") }
            result.timeZone = zone
        }
        for day in calendar.holidays ?? [] where !Self.isDay(day) {
            throw SupportConfigError("Holiday '\(day)' is not a date: use YYYY-MM-DD.")
        }
        result.holidays = Set(calendar.holidays ?? [])
        return result
    }

    static func minutes(_ text: String) throws -> Int {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]), parts[0] * 60 + parts[1] <= 24 * 60 else {
            throw SupportConfigError("'\(text)' is not a time of day: use HH:MM.")
        }
        return parts[0] * 60 + parts[1]
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    static func load(dataDirectory: String, environment: [String: String]) throws -> SupportConfig {
        let path = environment["EINVOICE_SUPPORT_CONFIG"] ?? (dataDirectory as NSString).appendingPathComponent("support/config.json")
        guard FileManager.default.fileExists(atPath: path) else { return SupportConfig() }
        do {
            let config = try JSONDecoder().decode(SupportConfig.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            _ = try config.businessCalendar()
            for key in config.targets?.keys ?? [:].keys where TicketPriority(rawValue: key) == nil {
                throw SupportConfigError("Unknown priority '\(key)' in targets: use urgent, high, normal, low.")
            }
            return config
        } catch let error as SupportConfigError {
            throw SupportConfigError("\(path): \(error.description)")
        } catch {
            throw SupportConfigError("\(path) is not a valid support configuration: \(error)")
        }
    }
}

struct SupportConfigError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
