import Foundation
import InvoiceModel

extension RuleCheck {
    /// BT-1…BT-6, KSA-1/2/25: identity, dates, type and currencies.
    mutating func checkHeader() {
        let root = Self.root
        if !Self.present(invoice.number) { report("BR-02", "\(root)/cbc:ID") }
        if let number = invoice.number, Self.length(number) > 127 { report("BR-KSA-F-06-C1", "\(root)/cbc:ID", value: number) }
        if !Self.present(invoice.issueDate) { report("BR-03", "\(root)/cbc:IssueDate") }
        if !Self.present(invoice.typeCode) { report("BR-04", "\(root)/cbc:InvoiceTypeCode") }
        if !Self.present(invoice.documentCurrency) { report("BR-05", "\(root)/cbc:DocumentCurrencyCode") }
        if Self.normalized(invoice.profileID) != "reporting:1.0" {
            report("BR-KSA-EN16931-01", "\(root)/cbc:ProfileID", value: invoice.profileID)
        }

        // KSA-1: present, and starting with a letter, digit, '.', '_' or '-'.
        if let uuid = invoice.uuid, let first = uuid.unicodeScalars.first,
            first.properties.isAlphabetic || first.properties.numericType != nil || first == "_" || first == "." || first == "-"
        {
        } else {
            report("BR-KSA-03", "\(root)/cbc:UUID", value: invoice.uuid)
        }
        // The signing service refuses a UUID over 128 bytes: caught here, before a number is spent.
        if let uuid = invoice.uuid, uuid.utf8.count > 128 {
            report(
                "BR-KSA-03", "\(root)/cbc:UUID", value: String(uuid.prefix(40)) + "…",
                en: "This one is \(uuid.utf8.count) bytes; a UUID is 36 characters (8-4-4-4-12 hexadecimal digits), and at most 128 bytes are accepted.",
                ar: "هذا المعرّف طوله \(uuid.utf8.count) بايت؛ المعرّف الفريد 36 حرفاً (أرقام ست عشرية بالشكل 8-4-4-4-12)، والحد الأقصى المقبول 128 بايت."
            )
        }

        // BR-KSA-F-01: every date YYYY-MM-DD and a real calendar day.
        var dates: [(String?, String)] = [
            (invoice.issueDate, "\(root)/cbc:IssueDate"),
            (invoice.delivery?.actualDate, "\(root)/cac:Delivery/cbc:ActualDeliveryDate"),
            (invoice.delivery?.latestDate, "\(root)/cac:Delivery/cbc:LatestDeliveryDate"),
        ]
        for (index, line) in invoice.lines.enumerated() {
            dates.append((line.prepaymentReference?.issueDate, "\(Self.line(index))/cac:DocumentReference/cbc:IssueDate"))
        }
        for (date, path) in dates {
            guard let date else { continue }
            if !Self.isCalendarDate(date) {
                report("BR-KSA-F-01", path, value: date, en: "Write dates as YYYY-MM-DD, e.g. 2024-02-29.", ar: "اكتب التاريخ بالشكل YYYY-MM-DD، مثل 2024-02-29.")
            }
        }
        if let date = invoice.issueDate, Self.isCalendarDate(date), let today = Self.riyadhDate(options.now), date > today {
            report("BR-KSA-04", "\(root)/cbc:IssueDate", value: date, en: "Today is \(today).", ar: "تاريخ اليوم \(today).")
        }

        if let code = invoice.typeCode {
            if !["388", "383", "381", "386"].contains(Self.normalized(code)) {
                report("BR-KSA-05", "\(root)/cbc:InvoiceTypeCode", value: code)
            }
            if !Self.untdid1001.contains(Self.normalized(code)) {
                report("BR-CL-01", "\(root)/cbc:InvoiceTypeCode", value: code)
            }
            let name = invoice.typeName ?? ""
            if !Self.isTransactionCode(name) {
                report("BR-KSA-06", "\(root)/cbc:InvoiceTypeCode/@name", value: name)
            }
            let nameLength = Self.length(name)
            if nameLength < 7 || nameLength > 9 {
                report("BR-KSA-F-06-C40", "\(root)/cbc:InvoiceTypeCode/@name", value: name)
            }
            let characters = Array(name)
            if isSimplified {
                let flagsValid = characters.count >= 7 && characters[2...5].allSatisfy({ $0 == "0" || $0 == "1" }) && characters[6] == "0"
                if !flagsValid {
                    report("BR-KSA-31", "\(root)/cbc:InvoiceTypeCode/@name", value: name)
                }
            }
            if characters.count >= 7, characters[4] == "1", characters[6] == "1" {
                report("BR-KSA-07", "\(root)/cbc:InvoiceTypeCode/@name", value: name)
            }
            if characters.count == 9, characters[8] == "1", name.hasPrefix("01") || name.hasPrefix("02"),
                !Self.present(Self.normalized(invoice.contractReference))
            {
                report("BR-KSA-92", "\(root)/cac:ContractDocumentReference/cbc:ID")
            }
        }

        if let time = invoice.issueTime, Self.isIssueTime(time) {
        } else {
            report("BR-KSA-70", "\(root)/cbc:IssueTime", value: invoice.issueTime)
        }

        if !Self.present(invoice.taxCurrency) {
            report("BR-KSA-68", "\(root)/cbc:TaxCurrencyCode")
        } else if let tax = invoice.taxCurrency {
            if Self.normalized(tax).uppercased() != "SAR" { report("BR-KSA-EN16931-02", "\(root)/cbc:TaxCurrencyCode", value: tax) }
            if !Self.iso4217.contains(Self.normalized(tax)) { report("BR-CL-05", "\(root)/cbc:TaxCurrencyCode", value: tax) }
            if invoice.accountingTaxTotalCount != 1 {
                report("BR-KSA-EN16931-09", "\(root)/cac:TaxTotal", value: "\(invoice.accountingTaxTotalCount)")
            }
        }
        if let currency = invoice.documentCurrency, !Self.iso4217.contains(Self.normalized(currency)) {
            report("BR-CL-04", "\(root)/cbc:DocumentCurrencyCode", value: currency)
            report("BR-KSA-CL-01", "\(root)/cbc:DocumentCurrencyCode", value: currency)
        }

        for (index, note) in invoice.notes.enumerated() where Self.length(note.text) > 1000 {
            report("BR-KSA-F-06-C2", "\(root)/cbc:Note[\(index + 1)]", value: "\(Self.length(note.text)) characters")
        }
        if let order = invoice.orderReference, Self.length(order) > 127 {
            report("BR-KSA-F-06-C3", "\(root)/cac:OrderReference/cbc:ID", value: order)
        }
        if let contract = invoice.contractReference, Self.length(contract) > 127 {
            report("BR-KSA-F-06-C5", "\(root)/cac:ContractDocumentReference/cbc:ID", value: contract)
        }

        // BR-KSA-98: a simplified document older than a day when checked.
        if isSimplified, let date = invoice.issueDate, let time = invoice.issueTime, let issued = Self.dateTime(date: date, time: time),
            options.now.timeIntervalSince(issued) > 86_400
        {
            report("BR-KSA-98", "\(root)/cbc:IssueDate", value: "\(date)T\(time)")
        }
    }

    static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 2000, (1...12).contains(month), day >= 1 else {
            return false
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// `hh:mm:ss` or `hh:mm:ssZ`.
    static func isIssueTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 8 || (bytes.count == 9 && bytes[8] == UInt8(ascii: "Z")) else { return false }
        guard bytes[2] == UInt8(ascii: ":"), bytes[5] == UInt8(ascii: ":") else { return false }
        let digits = [bytes[0], bytes[1], bytes[3], bytes[4], bytes[6], bytes[7]]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let hour = Int(bytes[0] - 0x30) * 10 + Int(bytes[1] - 0x30)
        return hour <= 23 && bytes[3] <= UInt8(ascii: "5") && bytes[6] <= UInt8(ascii: "5")
    }

    /// KSA-2 as BR-KSA-06 accepts it: 7, 8 or 9 characters, `01` or `02`, then 0/1 flags.
    static func isTransactionCode(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (7...9).contains(bytes.count), bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "1") || bytes[1] == UInt8(ascii: "2") else {
            return false
        }
        return bytes[2...].allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }
    }

    /// Riyadh is UTC+3 all year (no daylight saving).
    static let riyadhOffset = 3 * 3_600

    /// Today's date in Riyadh, where issue dates are written and ZATCA checks them: an invoice
    /// issued at 01:00 in Riyadh (22:00 UTC the day before) carries Riyadh's date and is not
    /// future-dated.
    static func riyadhDate(_ now: Date) -> String? {
        let days = Int(((now.timeIntervalSince1970 + TimeInterval(riyadhOffset)) / 86_400).rounded(.down))
        let (year, month, day) = civil(days)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// An issue date and time as an instant: Riyadh local time, or UTC when the time ends in `Z`.
    static func dateTime(date: String, time: String) -> Date? {
        guard isCalendarDate(date), isIssueTime(time) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let clock = time.prefix(8).split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3, clock.count == 3 else { return nil }
        let days = daysFromCivil(parts[0], parts[1], parts[2])
        let offset = time.hasSuffix("Z") ? 0 : riyadhOffset
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2] - offset))
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Invoice {
    /// How many tax totals carry no breakdown (BT-111 in the tax currency).
    var accountingTaxTotalCount: Int { taxTotals.filter { $0.subtotals.isEmpty }.count }
}
