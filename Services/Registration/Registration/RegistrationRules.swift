import Foundation
import InvoiceModel
import RegistrationContract

/// One thing wrong with registration input: the field, the rule it breaks and what to do.
struct RegistrationProblem: Sendable, Hashable, CustomStringConvertible {
    var field: String
    var rule: String
    var message: String

    var description: String { "\(field): \(message) [\(rule)]" }
}

/// The checks on taxpayers, units and buyers, named so support staff can look them up:
///
/// | rule | checks |
/// |---|---|
/// | REG-VAT-01 | a VAT number is 15 digits, first and last `3` |
/// | REG-VAT-02 | a VAT group's number has `1` as 11th digit, and its 10-digit TIN is given |
/// | REG-NAME-01 | a name is given |
/// | REG-ID-01 | the other identifier's scheme is one ZATCA knows; a CRN is 10 digits |
/// | REG-ADDR-01 | the building number is 4 digits |
/// | REG-ADDR-02 | the postal code is 5 digits |
/// | REG-ADDR-03 | street, district and city are given (a seller's address is in SA) |
/// | REG-ADDR-04 | the additional number is 4 digits |
/// | REG-EGS-01 | the unit id is 1–64 letters, digits, `.`, `_` or `-` |
/// | REG-EGS-02 | the serial is `1-<solution>\|2-<model>\|3-<serial>` |
/// | REG-EGS-03 | invoice types are `1100`, `1000` or `0100` |
/// | REG-CSR-01 | every CSR field is at most 64 characters |
/// | REG-BUY-01 | a buyer without a VAT number has another identifier |
/// | REG-BUY-02 | the e-mail address is one address |
/// | REG-BUY-03 | the phone number has 7–15 digits |
/// | REG-BUY-04 | the language is `ar` or `en` |
enum RegistrationRules {
    static let sellerSchemes: Set<String> = ["CRN", "MOM", "MLS", "700", "SAG", "OTH"]
    static let buyerSchemes: Set<String> = ["TIN", "CRN", "MOM", "MLS", "700", "SAG", "NAT", "GCC", "IQA", "PAS", "OTH"]
    static let csrFieldLimit = 64

    static func check(_ taxpayer: Taxpayer) -> [RegistrationProblem] {
        var problems = vatNumber(taxpayer.vatNumber, field: "vatNumber")
        if taxpayer.vatGroup {
            if taxpayer.vatNumber.count == 15, Array(taxpayer.vatNumber)[10] != "1" {
                problems.append(.init(field: "vatNumber", rule: "REG-VAT-02", message: "a VAT group's number has 1 as its 11th digit; '\(taxpayer.vatNumber)' does not"))
            }
            if !digits(taxpayer.groupTIN ?? "", count: 10) {
                problems.append(.init(field: "groupTIN", rule: "REG-VAT-02", message: "a VAT group needs the group's 10-digit TIN; got '\(taxpayer.groupTIN ?? "")'"))
            }
        }
        problems += name(taxpayer.nameAR, field: "nameAR")
        if let english = taxpayer.nameEN, english.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.init(field: "nameEN", rule: "REG-NAME-01", message: "the English name is blank; leave it out or give it"))
        }
        problems += identifier(taxpayer.sellerID, field: "sellerID", schemes: sellerSchemes)
        problems += address(taxpayer.address, field: "address", seller: true)
        return problems
    }

    static func check(_ unit: AddUnitRequest, taxpayer: Taxpayer?, csr: [String: String]) -> [RegistrationProblem] {
        var problems: [RegistrationProblem] = []
        if !isUnitID(unit.egsID) {
            problems.append(.init(field: "egsID", rule: "REG-EGS-01", message: "a unit id is 1–64 letters, digits, '.', '_' or '-'; got '\(unit.egsID)'"))
        }
        problems += vatNumber(unit.vatNumber, field: "vatNumber")
        if taxpayer == nil, problems.isEmpty {
            problems.append(.init(field: "vatNumber", rule: "REG-VAT-01", message: "no taxpayer \(unit.vatNumber) is registered; add it first (einvoice taxpayer add)"))
        }
        if !isSerial(unit.serial) {
            problems.append(
                .init(field: "serial", rule: "REG-EGS-02", message: "the serial is written 1-<solution>|2-<model>|3-<serial>, for example 1-einvoice|2-1.0|3-0001; got '\(unit.serial)'")
            )
        }
        if !["1100", "1000", "0100"].contains(unit.invoiceTypes) {
            problems.append(
                .init(field: "invoiceTypes", rule: "REG-EGS-03", message: "invoice types are 1100 (standard and simplified), 1000 (standard) or 0100 (simplified); got '\(unit.invoiceTypes)'")
            )
        }
        problems += name(unit.name, field: "name") + name(unit.branch, field: "branch")
        for (field, value) in csr.sorted(by: { $0.key < $1.key }) where value.count > csrFieldLimit {
            problems.append(
                .init(field: field, rule: "REG-CSR-01", message: "goes into the CSR, where ZATCA allows at most \(csrFieldLimit) characters; it has \(value.count)")
            )
        }
        return problems
    }

    static func check(_ buyer: Buyer) -> [RegistrationProblem] {
        var problems = name(buyer.name, field: "name")
        problems += vatNumber(buyer.sellerVAT, field: "sellerVAT")
        if let vat = buyer.vatNumber {
            problems += vatNumber(vat, field: "vatNumber")
        } else if let other = buyer.otherID {
            problems += identifier(other, field: "otherID", schemes: buyerSchemes)
        } else {
            problems.append(.init(field: "vatNumber", rule: "REG-BUY-01", message: "give the buyer's VAT number, or another identifier (otherID: NAT, CRN, PAS, …)"))
        }
        if let address = buyer.address { problems += self.address(address, field: "address", seller: false) }
        if let email = buyer.email, !isEmail(email) {
            problems.append(.init(field: "email", rule: "REG-BUY-02", message: "'\(email)' is not one e-mail address (name@example.sa)"))
        }
        if let phone = buyer.phone {
            let count = phone.filter(\.isASCIIDigit).count
            let allowed = phone.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
            if !allowed || !(7...15).contains(count) {
                problems.append(.init(field: "phone", rule: "REG-BUY-03", message: "a phone number has 7–15 digits (+966 5x xxx xxxx); got '\(phone)'"))
            }
        }
        if !["ar", "en"].contains(buyer.language) {
            problems.append(.init(field: "language", rule: "REG-BUY-04", message: "the language is ar or en; got '\(buyer.language)'"))
        }
        return problems
    }

    // MARK: Pieces

    static func vatNumber(_ value: String, field: String) -> [RegistrationProblem] {
        guard digits(value, count: 15), value.first == "3", value.last == "3" else {
            return [.init(field: field, rule: "REG-VAT-01", message: "a VAT number is 15 digits, starting and ending with 3; got '\(value)' (\(value.count) characters)")]
        }
        return []
    }

    static func name(_ value: String, field: String) -> [RegistrationProblem] {
        value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? [.init(field: field, rule: "REG-NAME-01", message: "is required")] : []
    }

    static func identifier(_ id: DraftIdentifier, field: String, schemes: Set<String>) -> [RegistrationProblem] {
        guard schemes.contains(id.scheme) else {
            return [.init(field: "\(field).scheme", rule: "REG-ID-01", message: "'\(id.scheme)' is not one of \(schemes.sorted().joined(separator: ", "))")]
        }
        if id.scheme == "CRN", !digits(id.value, count: 10) {
            return [.init(field: "\(field).value", rule: "REG-ID-01", message: "a commercial registration number (CRN) is 10 digits; got '\(id.value)'")]
        }
        if id.value.isEmpty || !id.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return [.init(field: "\(field).value", rule: "REG-ID-01", message: "an identifier is letters and digits only; got '\(id.value)'")]
        }
        return []
    }

    static func address(_ address: PostalAddress, field: String, seller: Bool) -> [RegistrationProblem] {
        var problems: [RegistrationProblem] = []
        let inSaudiArabia = (address.country ?? "SA") == "SA"
        if seller, !inSaudiArabia {
            problems.append(.init(field: "\(field).country", rule: "REG-ADDR-03", message: "a seller's address is in Saudi Arabia (SA); got '\(address.country ?? "")'"))
        }
        if inSaudiArabia {
            if !digits(address.buildingNumber ?? "", count: 4) {
                problems.append(.init(field: "\(field).buildingNumber", rule: "REG-ADDR-01", message: "the building number is 4 digits; got '\(address.buildingNumber ?? "")'"))
            }
            if !digits(address.postalCode ?? "", count: 5) {
                problems.append(.init(field: "\(field).postalCode", rule: "REG-ADDR-02", message: "the postal code is 5 digits; got '\(address.postalCode ?? "")'"))
            }
            if let additional = address.additionalNumber, !digits(additional, count: 4) {
                problems.append(.init(field: "\(field).additionalNumber", rule: "REG-ADDR-04", message: "the additional number is 4 digits; got '\(additional)'"))
            }
        }
        for (name, value) in [("street", address.street), ("district", address.district), ("city", address.city)]
        where seller && (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.init(field: "\(field).\(name)", rule: "REG-ADDR-03", message: "is required in a seller's national address"))
        }
        return problems
    }

    static func digits(_ value: String, count: Int) -> Bool {
        value.count == count && value.allSatisfy(\.isASCIIDigit)
    }

    static func isUnitID(_ value: String) -> Bool {
        (1...64).contains(value.count) && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// `1-<solution>|2-<model>|3-<serial>`, each part non-empty and without `|`.
    static func isSerial(_ value: String) -> Bool {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        return zip(["1-", "2-", "3-"], parts).allSatisfy { prefix, part in part.hasPrefix(prefix) && part.count > 2 }
    }

    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
