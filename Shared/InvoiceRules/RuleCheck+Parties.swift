import InvoiceModel

extension RuleCheck {
    /// BG-4 and BG-7: seller and buyer, their VAT numbers, identifiers and national addresses.
    mutating func checkParties() {
        checkSeller()
        checkBuyer()
        let sellerVAT = invoice.seller?.vatNumber
        let buyerVAT = invoice.buyer?.vatNumber
        if Self.present(sellerVAT), Self.present(buyerVAT), sellerVAT == buyerVAT {
            report("BR-CUSTOM-VALIDATION-01", "\(Self.buyer)/cac:PartyTaxScheme/cbc:CompanyID", value: buyerVAT)
        }
    }

    private mutating func checkSeller() {
        let path = Self.seller
        let seller = invoice.seller
        if !Self.present(seller?.registrationName) { report("BR-06", "\(path)/cac:PartyLegalEntity/cbc:RegistrationName") }
        if let name = seller?.registrationName, Self.length(name) > 1000 || Self.length(name) < 1 {
            report("BR-KSA-F-06-C10", "\(path)/cac:PartyLegalEntity/cbc:RegistrationName", value: "\(Self.length(name)) characters")
        }
        if seller?.address == nil { report("BR-08", "\(path)/cac:PostalAddress") }
        if let province = seller?.address?.province, Self.length(province) > 127 {
            report("BR-KSA-F-06-C8", "\(path)/cac:PostalAddress/cbc:CountrySubentity", value: province)
        }

        // VAT registration (BT-31).
        if !(Self.present(seller?.vatNumber) && seller?.taxSchemeIsVAT == true) {
            report("BR-KSA-39", "\(path)/cac:PartyTaxScheme/cbc:CompanyID", value: seller?.vatNumber)
        }
        if let vat = seller?.vatNumber, seller?.taxSchemeIsVAT == true, let problem = Self.vatNumberProblem(vat) {
            report("BR-KSA-40", "\(path)/cac:PartyTaxScheme/cbc:CompanyID", value: vat, en: problem.en, ar: problem.ar)
        }

        // Other seller ID (BT-29).
        let identifier = seller?.identifiers.first
        let scheme = Self.normalized(identifier?.scheme)
        if !(identifier != nil && Self.length(scheme) > 2 && "CRN MOM MLS SAG OTH 700".contains(scheme)) {
            report("BR-KSA-08", "\(path)/cac:PartyIdentification/cbc:ID/@schemeID", value: identifier?.scheme)
        }
        checkIdentifierFormats(seller, path: path, allowed: ["CRN", "MOM", "MLS", "700", "SAG", "OTH"])

        if let address = seller?.address {
            let addressPath = "\(path)/cac:PostalAddress"
            if let street = address.street, Self.length(street) > 1000 || Self.length(street) < 1 {
                report("BR-KSA-F-06-C4", "\(addressPath)/cbc:StreetName", value: "\(Self.length(street)) characters")
            }
            if address.street == nil || address.buildingNumber == nil || address.city == nil || address.postalCode == nil || address.district == nil
                || address.country == nil
            {
                report("BR-KSA-09", addressPath, en: "Missing: \(Self.missingAddressParts(address)).", ar: "الناقص: \(Self.missingAddressParts(address, arabic: true)).")
            }
            if let additional = invoice.buyer?.address?.additionalStreet, Self.length(additional) > 127 {
                report("BR-KSA-F-06-C11", "\(Self.buyer)/cac:PostalAddress/cbc:AdditionalStreetName", value: additional)
            }
            if let city = address.city, Self.length(city) > 127 || Self.length(city) < 1 {
                report("BR-KSA-F-06-C7", "\(addressPath)/cbc:CityName", value: city)
            }
            if let additional = address.additionalStreet, Self.length(additional) > 127 {
                report("BR-KSA-F-06-C6", "\(addressPath)/cbc:AdditionalStreetName", value: additional)
            }
            if !(address.postalCode.map { Self.isDigits($0, count: 5) } ?? false) {
                report("BR-KSA-66", "\(addressPath)/cbc:PostalZone", value: address.postalCode)
            }
            if !Self.present(address.country) {
                report("BR-09", "\(addressPath)/cac:Country/cbc:IdentificationCode")
            }
        }
        // BR-KSA-37's context is the seller party: the building number must be four digits.
        if seller != nil, !(seller?.address?.buildingNumber.map { Self.isDigits($0, count: 4) } ?? false) {
            report("BR-KSA-37", "\(path)/cac:PostalAddress/cbc:BuildingNumber", value: seller?.address?.buildingNumber)
        }
    }

    private mutating func checkBuyer() {
        let path = Self.buyer
        let buyer = invoice.buyer
        if isStandard, buyer != nil, !Self.present(buyer?.registrationName) {
            report("BR-KSA-42", "\(path)/cac:PartyLegalEntity/cbc:RegistrationName")
        }
        if let vat = buyer?.vatNumber {
            if isStandard, Self.normalized(vat).isEmpty { report("BR-KSA-99", "\(path)/cac:PartyTaxScheme/cbc:CompanyID") }
            if !vat.isEmpty, let problem = Self.vatNumberProblem(vat) {
                report("BR-KSA-44", "\(path)/cac:PartyTaxScheme/cbc:CompanyID", value: vat, en: problem.en, ar: problem.ar)
            }
        }
        if isStandard, buyer?.vatNumber == nil {
            let identifier = buyer?.identifiers.first?.value
            if !Self.present(Self.normalized(identifier)) {
                report("BR-KSA-81", "\(path)/cac:PartyIdentification/cbc:ID")
            }
        }
        if let identifier = buyer?.identifiers.first {
            let scheme = Self.normalized(identifier.scheme)
            if !(Self.length(scheme) > 2 && "TIN NAT IQA PAS CRN MOM MLS 700 SAG GCC OTH".contains(scheme)) {
                report("BR-KSA-14", "\(path)/cac:PartyIdentification/cbc:ID/@schemeID", value: identifier.scheme)
            }
        }
        checkIdentifierFormats(buyer, path: path, allowed: ["TIN", "CRN", "MOM", "MLS", "700", "SAG", "NAT", "GCC", "IQA", "OTH", "PAS"])
        if let identifier = buyer?.identifiers.first {
            let value = Self.normalized(identifier.value)
            let idPath = "\(path)/cac:PartyIdentification/cbc:ID"
            switch Self.normalized(identifier.scheme) {
            case "TIN" where !(Self.isDigits(value, count: 10) && value.hasPrefix("3")): report("BR-KSA-F-07", idPath, value: identifier.value)
            case "NAT" where !(Self.isDigits(value, count: 10) && value.hasPrefix("1")): report("BR-KSA-F-10", idPath, value: identifier.value)
            case "IQA" where !(Self.isDigits(value, count: 10) && value.hasPrefix("2")): report("BR-KSA-F-11", idPath, value: identifier.value)
            default: break
            }
        }

        let address = buyer?.address
        let addressPath = "\(path)/cac:PostalAddress"
        if let province = address?.province, Self.length(province) > 127 {
            report("BR-KSA-F-06-C27", "\(addressPath)/cbc:CountrySubentity", value: province)
        }
        if isStandard {
            if !(Self.length(address?.country) > 0 && Self.length(address?.street) > 0 && Self.length(address?.city) > 0) {
                report("BR-KSA-10", addressPath)
            }
            if let street = address?.street {
                if Self.length(street) > 1000 || Self.length(street) < 1 { report("BR-KSA-F-06-C23", "\(addressPath)/cbc:StreetName", value: street) }
            } else {
                report("BR-KSA-F-06-C23", "\(addressPath)/cbc:StreetName")
            }
            if address?.city == nil || Self.length(address?.city) < 1 {
                report("BR-KSA-F-06-C25", "\(addressPath)/cbc:CityName")
            }
            if let name = buyer?.registrationName, Self.length(name) > 1000 || Self.length(name) < 1 {
                report("BR-KSA-F-06-C12", "\(path)/cac:PartyLegalEntity/cbc:RegistrationName", value: "\(Self.length(name)) characters")
            }
        }
        if isSimplified {
            if let name = buyer?.registrationName, Self.length(name) > 1000 {
                report("BR-KSA-F-06-C32", "\(path)/cac:PartyLegalEntity/cbc:RegistrationName", value: "\(Self.length(name)) characters")
            }
            if let street = address?.street, Self.length(street) > 1000 {
                report("BR-KSA-F-06-C24", "\(addressPath)/cbc:StreetName", value: "\(Self.length(street)) characters")
            }
        }
        if let city = address?.city, Self.length(city) > 127, isStandard || isSimplified {
            report("BR-KSA-F-06-C26", "\(addressPath)/cbc:CityName", value: city)
        }

        // Saudi buyers: the national address.
        if let address, address.country == "SA" {
            if isStandard {
                let parts = [address.street, address.buildingNumber, address.postalCode, address.city, address.district, address.country]
                if !parts.allSatisfy({ !Self.normalized($0).isEmpty }) {
                    report("BR-KSA-63", addressPath, en: "Missing: \(Self.missingAddressParts(address)).", ar: "الناقص: \(Self.missingAddressParts(address, arabic: true)).")
                }
                if address.district == nil || Self.length(address.district) < 1 {
                    report("BR-KSA-F-06-C28", "\(addressPath)/cbc:CitySubdivisionName")
                }
                if let district = address.district, Self.length(district) > 127 {
                    report("BR-KSA-F-06-C29", "\(addressPath)/cbc:CitySubdivisionName", value: district)
                }
                if !(address.postalCode.map { Self.isDigits($0, count: 5) } ?? false) {
                    report("BR-KSA-67", "\(addressPath)/cbc:PostalZone", value: address.postalCode)
                }
            }
            if let district = invoice.seller?.address?.district, Self.length(district) > 127 || Self.length(district) < 1 {
                report("BR-KSA-F-06-C9", "\(Self.seller)/cac:PostalAddress/cbc:CitySubdivisionName", value: district)
            }
            if isSimplified, invoice.transaction?.flags.summary == true,
                !(Self.present(invoice.delivery?.actualDate) && Self.present(invoice.delivery?.latestDate))
            {
                report("BR-KSA-72", "\(Self.root)/cac:Delivery")
            }
        }

        if let contact = buyer?.contact {
            if let phone = contact.telephone, !phone.isEmpty, !Self.isPhoneNumber(phone) {
                report("BR-KSA-85", "\(path)/cac:Contact/cbc:Telephone", value: phone)
            }
            if let name = contact.name, Self.length(name) > 1000 {
                report("BR-KSA-F-06-C37", "\(path)/cac:Contact/cbc:Name", value: "\(Self.length(name)) characters")
            }
        }
        if isSimplified, invoice.transaction?.flags.summary == true, !Self.present(Self.normalized(buyer?.registrationName)) {
            report("BR-KSA-71", "\(path)/cac:PartyLegalEntity/cbc:RegistrationName")
        }
    }

    /// BR-KSA-F-08, -F-09, -F-12, -F-13 on a party's other identifier.
    private mutating func checkIdentifierFormats(_ party: Party?, path: String, allowed: Set<String>) {
        guard let party, let identifier = party.identifiers.first else { return }
        let idPath = "\(path)/cac:PartyIdentification/cbc:ID"
        let value = Self.normalized(identifier.value)
        let scheme = Self.normalized(identifier.scheme)
        if scheme == "CRN", !Self.isDigits(value, count: 10) {
            report("BR-KSA-F-08", idPath, value: identifier.value)
        }
        if scheme == "700", !(Self.isDigits(value, count: 10) && value.hasPrefix("7")) {
            report("BR-KSA-F-09", idPath, value: identifier.value)
        }
        if let raw = identifier.scheme, !raw.isEmpty, allowed.contains(scheme.uppercased()), raw != scheme {
            report("BR-KSA-F-12", "\(idPath)/@schemeID", value: raw)
        }
        let suspicious = party.identifiers.contains { candidate in
            let text = Self.normalized(candidate.value)
            guard allowed.contains(Self.normalized(candidate.scheme).uppercased()), Self.isDigits(text) else { return false }
            return Self.hasSuspiciousRun(text)
        }
        if suspicious {
            report("BR-KSA-F-13", idPath, value: identifier.value)
        }
    }

    /// Eight ascending, descending or repeated digits in a row (`12345678`, `00000000`).
    static func hasSuspiciousRun(_ digits: String) -> Bool {
        let values = digits.utf8.map { Int($0) - 0x30 }
        guard values.count >= 8 else { return false }
        for start in 0...(values.count - 8) {
            let window = values[start..<(start + 8)]
            let steps = zip(window, window.dropFirst()).map { $1 - $0 }
            if steps.allSatisfy({ $0 == 1 }) || steps.allSatisfy({ $0 == -1 }) || steps.allSatisfy({ $0 == 0 }) { return true }
        }
        return false
    }

    /// `0` or `+` then 4 to 15 digits.
    static func isPhoneNumber(_ phone: String) -> Bool {
        guard let first = phone.first, first == "0" || first == "+" else { return false }
        let rest = phone.dropFirst()
        return (4...15).contains(rest.count) && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Why a VAT registration number is not 15 digits starting and ending with 3, or nil.
    static func vatNumberProblem(_ vat: String) -> (en: String, ar: String)? {
        let digitsOnly = vat.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let count = vat.unicodeScalars.count
        if !digitsOnly {
            return (
                "It contains characters other than the digits 0-9 (spaces, letters or Arabic-Indic digits are not allowed).",
                "يحتوي على رموز غير الأرقام 0-9 (لا يسمح بالمسافات أو الحروف أو الأرقام الهندية)."
            )
        }
        if count != 15 {
            return ("It has \(count) digits; it must have exactly 15.", "يتكون من \(count) رقمًا، ويجب أن يتكون من 15 رقمًا بالضبط.")
        }
        if !vat.hasPrefix("3") {
            return ("Its first digit is \(vat.prefix(1)); it must be 3.", "أول رقم فيه \(vat.prefix(1))، ويجب أن يكون 3.")
        }
        if !vat.hasSuffix("3") {
            return ("Its last digit is \(vat.suffix(1)); it must be 3.", "آخر رقم فيه \(vat.suffix(1))، ويجب أن يكون 3.")
        }
        return nil
    }

    static func missingAddressParts(_ address: PostalAddress, arabic: Bool = false) -> String {
        var missing: [String] = []
        if Self.normalized(address.street).isEmpty { missing.append(arabic ? "اسم الشارع" : "street name") }
        if Self.normalized(address.buildingNumber).isEmpty { missing.append(arabic ? "رقم المبنى" : "building number") }
        if Self.normalized(address.postalCode).isEmpty { missing.append(arabic ? "الرمز البريدي" : "postal code") }
        if Self.normalized(address.city).isEmpty { missing.append(arabic ? "المدينة" : "city") }
        if Self.normalized(address.district).isEmpty { missing.append(arabic ? "الحي" : "district") }
        if Self.normalized(address.country).isEmpty { missing.append(arabic ? "رمز الدولة" : "country code") }
        return missing.joined(separator: arabic ? "، " : ", ")
    }
}
