/// The fields of a ZATCA onboarding certificate signing request for one EGS unit.
///
/// The subject carries `C`, `OU`, `O` and `CN`; the subjectAltName directoryName carries the
/// EGS serial (`SN`), VAT number (`UID`), invoice types (`title`), `registeredAddress` and
/// `businessCategory`. `validate()` applies ZATCA's rules before anything is built.
public struct CSRRequest: Sendable, Hashable, Codable {
    /// Subject `CN`: a name for the EGS unit, e.g. "TST-886431145-399999999900003".
    public var commonName: String
    /// Subject `O`: the taxpayer's name; Arabic is allowed.
    public var organizationName: String
    /// Subject `OU`: the branch name, or the 10-digit TIN for VAT groups.
    public var organizationUnit: String
    /// Subject `C`: the ISO 3166 alpha-2 country code.
    public var country: String
    /// SAN `SN`: the EGS serial, `1-<solution name>|2-<model>|3-<serial>`.
    public var serialNumber: String
    /// SAN `UID`: the 15-digit VAT registration number, starting and ending with 3.
    public var vatNumber: String
    /// SAN `title`: four 0/1 flags `TSCZ` (standard, simplified, two reserved), e.g. "1100".
    public var invoiceTypes: String
    /// SAN `registeredAddress`: the branch's address.
    public var registeredAddress: String
    /// SAN `businessCategory`: the taxpayer's industry.
    public var businessCategory: String
    /// Which environment the CSR is for; selects the certificate template name.
    public var environment: ZATCAEnvironment

    /// Longest value allowed in any field, in Unicode scalars.
    public static let maximumFieldLength = 64

    /// Collects the fields; nothing is checked until `validate()` or `CSRBuilder.make`.
    public init(
        commonName: String,
        organizationName: String,
        organizationUnit: String,
        country: String = "SA",
        serialNumber: String,
        vatNumber: String,
        invoiceTypes: String,
        registeredAddress: String,
        businessCategory: String,
        environment: ZATCAEnvironment
    ) {
        self.commonName = commonName
        self.organizationName = organizationName
        self.organizationUnit = organizationUnit
        self.country = country
        self.serialNumber = serialNumber
        self.vatNumber = vatNumber
        self.invoiceTypes = invoiceTypes
        self.registeredAddress = registeredAddress
        self.businessCategory = businessCategory
        self.environment = environment
    }

    /// Checks ZATCA's rules and throws `CryptoError.invalidCSRField` naming the first field
    /// that breaks one:
    /// - every field is non-blank, at most 64 characters, without control characters;
    /// - `country` is two letters A–Z;
    /// - `vatNumber` is 15 digits starting and ending with 3;
    /// - `serialNumber` is `1-…|2-…|3-…` with non-empty parts;
    /// - `invoiceTypes` is four 0/1 characters enabling standard or simplified invoices.
    public func validate() throws(CryptoError) {
        let fields: [(String, String)] = [
            ("commonName", commonName), ("organizationName", organizationName),
            ("organizationUnit", organizationUnit), ("country", country),
            ("serialNumber", serialNumber), ("vatNumber", vatNumber), ("invoiceTypes", invoiceTypes),
            ("registeredAddress", registeredAddress), ("businessCategory", businessCategory),
        ]
        for (field, value) in fields {
            try Self.checkGeneral(field, value)
        }
        let countryLetters = country.unicodeScalars
        guard countryLetters.count == 2, countryLetters.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw .invalidCSRField(field: "country", reason: "must be a two-letter ISO 3166 code in capitals, e.g. SA")
        }
        let vatDigits = Array(vatNumber.utf8)
        guard vatDigits.count == 15, vatDigits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              vatDigits.first == UInt8(ascii: "3"), vatDigits.last == UInt8(ascii: "3")
        else {
            throw .invalidCSRField(field: "vatNumber", reason: "must be 15 digits starting and ending with 3")
        }
        guard Self.isEGSSerial(serialNumber) else {
            throw .invalidCSRField(
                field: "serialNumber", reason: "must have the form 1-<solution>|2-<model>|3-<serial>")
        }
        let flags = Array(invoiceTypes.utf8)
        guard flags.count == 4, flags.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }) else {
            throw .invalidCSRField(field: "invoiceTypes", reason: "must be four characters of 0 or 1, e.g. 1100")
        }
        guard flags[0] == UInt8(ascii: "1") || flags[1] == UInt8(ascii: "1") else {
            throw .invalidCSRField(
                field: "invoiceTypes", reason: "must enable standard (1st) or simplified (2nd) invoices")
        }
    }

    private static func checkGeneral(_ field: String, _ value: String) throws(CryptoError) {
        guard !value.allSatisfy(\.isWhitespace) else {
            throw .invalidCSRField(field: field, reason: "must not be empty")
        }
        guard value.unicodeScalars.count <= maximumFieldLength else {
            throw .invalidCSRField(field: field, reason: "must be at most \(maximumFieldLength) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidCSRField(field: field, reason: "must not contain control characters")
        }
    }

    /// `1-x|2-y|3-z` with non-empty x, y, z.
    private static func isEGSSerial(_ value: String) -> Bool {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        for (index, part) in parts.enumerated() {
            let prefix = "\(index + 1)-"
            guard part.hasPrefix(prefix), part.count > prefix.count else { return false }
        }
        return true
    }
}
