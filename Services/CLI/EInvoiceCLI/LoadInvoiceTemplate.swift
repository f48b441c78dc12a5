import Foundation

/// Version 4 UUIDs for load documents, from a generator seeded once from the system's
/// randomness. Foundation's `UUID()` opens, reads and closes /dev/urandom for every UUID here
/// (three system calls, about a tenth of the load tool's CPU per stamp).
struct LoadUUIDs {
    /// SplitMix64: a 64-bit state whose outputs do not repeat within 2^64 steps; with the
    /// version and variant bits set, 122 random bits a UUID, as `UUID()` has. Seeds differ from
    /// caller to caller and run to run.
    private var state: UInt64

    init(seed: UInt64 = UInt64.random(in: .min ... .max)) {
        state = seed
    }

    private mutating func next64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UUID {
        // Version 4 (random) and the RFC 4122 variant, as `UUID()` makes them.
        let high = next64() & 0xFFFF_FFFF_FFFF_0FFF | 0x0000_0000_0000_4000
        let low = next64() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        var bytes = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0),
                     UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: low.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: bytes)
    }
}

/// The unsigned simplified tax invoice `einvoice load sign` stamps: three lines, VAT at 15 %,
/// a fresh number and UUID per document.
enum LoadInvoiceTemplate {
    /// The template cut at its placeholders once, so a document is a few appends (the load
    /// generator must not be what limits the measurement).
    private static let parts: [[UInt8]] = {
        var pieces: [[UInt8]] = []
        var rest = Substring(template)
        for placeholder in ["{NUMBER}", "{UUID}", "{DATE}", "{TIME}"] {
            let range = rest.range(of: placeholder)!
            pieces.append(Array(rest[..<range.lowerBound].utf8))
            rest = rest[range.upperBound...]
        }
        pieces.append(Array(rest.utf8))
        return pieces
    }()

    static func document(number: Int, uuid: UUID, issued: Date) -> Data {
        // Riyadh is UTC+3 all year.
        let seconds = Int(issued.timeIntervalSince1970) + 3 * 3_600
        let (day, time) = (seconds / 86_400, seconds % 86_400)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count } + 80)
        bytes += parts[0]
        bytes += Array("LOAD-\(number)".utf8)
        bytes += parts[1]
        bytes += Array(uuid.uuidString.lowercased().utf8)
        bytes += parts[2]
        bytes += Array(civilDate(daysSince1970: day).utf8)
        bytes += parts[3]
        appendDigits(time / 3_600, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(time % 3_600 / 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(time % 60, 2, to: &bytes)
        bytes += parts[4]
        return Data(bytes)
    }

    /// `value` in decimal with leading zeros to `width` digits (String(format:) costs more than
    /// the rest of the document).
    static func appendDigits(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: max(width, String(value).count))
        var rest = value
        for index in digits.indices.reversed() {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        bytes += digits
    }

    /// `yyyy-MM-dd` for a day count since 1970-01-01 (proleptic Gregorian).
    static func civilDate(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var text: [UInt8] = []
        appendDigits(year, 4, to: &text)
        text.append(UInt8(ascii: "-"))
        appendDigits(month, 2, to: &text)
        text.append(UInt8(ascii: "-"))
        appendDigits(day, 2, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static let template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
            <cbc:ProfileID>reporting:1.0</cbc:ProfileID>
            <cbc:ID>{NUMBER}</cbc:ID>
            <cbc:UUID>{UUID}</cbc:UUID>
            <cbc:IssueDate>{DATE}</cbc:IssueDate>
            <cbc:IssueTime>{TIME}</cbc:IssueTime>
            <cbc:InvoiceTypeCode name="0200000">388</cbc:InvoiceTypeCode>
            <cbc:DocumentCurrencyCode>SAR</cbc:DocumentCurrencyCode>
            <cbc:TaxCurrencyCode>SAR</cbc:TaxCurrencyCode>
            <cac:AccountingSupplierParty>
                <cac:Party>
                    <cac:PartyIdentification>
                        <cbc:ID schemeID="CRN">1010010000</cbc:ID>
                    </cac:PartyIdentification>
                    <cac:PostalAddress>
                        <cbc:StreetName>طريق الملك فهد | King Fahd Road</cbc:StreetName>
                        <cbc:BuildingNumber>2322</cbc:BuildingNumber>
                        <cbc:CitySubdivisionName>العليا | Al Olaya</cbc:CitySubdivisionName>
                        <cbc:CityName>الرياض | Riyadh</cbc:CityName>
                        <cbc:PostalZone>12211</cbc:PostalZone>
                        <cac:Country>
                            <cbc:IdentificationCode>SA</cbc:IdentificationCode>
                        </cac:Country>
                    </cac:PostalAddress>
                    <cac:PartyTaxScheme>
                        <cbc:CompanyID>399999999900003</cbc:CompanyID>
                        <cac:TaxScheme>
                            <cbc:ID>VAT</cbc:ID>
                        </cac:TaxScheme>
                    </cac:PartyTaxScheme>
                    <cac:PartyLegalEntity>
                        <cbc:RegistrationName>مؤسسة اختبار الحمل | Load Test Est.</cbc:RegistrationName>
                    </cac:PartyLegalEntity>
                </cac:Party>
            </cac:AccountingSupplierParty>
            <cac:AccountingCustomerParty>
                <cac:Party>
                    <cac:PartyLegalEntity>
                        <cbc:RegistrationName>عميل نقدي | Walk-in Customer</cbc:RegistrationName>
                    </cac:PartyLegalEntity>
                </cac:Party>
            </cac:AccountingCustomerParty>
            <cac:PaymentMeans>
                <cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>
            </cac:PaymentMeans>
            <cac:TaxTotal>
                <cbc:TaxAmount currencyID="SAR">52.50</cbc:TaxAmount>
            </cac:TaxTotal>
            <cac:TaxTotal>
                <cbc:TaxAmount currencyID="SAR">52.50</cbc:TaxAmount>
                <cac:TaxSubtotal>
                    <cbc:TaxableAmount currencyID="SAR">350.00</cbc:TaxableAmount>
                    <cbc:TaxAmount currencyID="SAR">52.50</cbc:TaxAmount>
                    <cac:TaxCategory>
                        <cbc:ID schemeAgencyID="6" schemeID="UN/ECE 5305">S</cbc:ID>
                        <cbc:Percent>15.00</cbc:Percent>
                        <cac:TaxScheme>
                            <cbc:ID schemeAgencyID="6" schemeID="UN/ECE 5153">VAT</cbc:ID>
                        </cac:TaxScheme>
                    </cac:TaxCategory>
                </cac:TaxSubtotal>
            </cac:TaxTotal>
            <cac:LegalMonetaryTotal>
                <cbc:LineExtensionAmount currencyID="SAR">350.00</cbc:LineExtensionAmount>
                <cbc:TaxExclusiveAmount currencyID="SAR">350.00</cbc:TaxExclusiveAmount>
                <cbc:TaxInclusiveAmount currencyID="SAR">402.50</cbc:TaxInclusiveAmount>
                <cbc:AllowanceTotalAmount currencyID="SAR">0.00</cbc:AllowanceTotalAmount>
                <cbc:PrepaidAmount currencyID="SAR">0.00</cbc:PrepaidAmount>
                <cbc:PayableAmount currencyID="SAR">402.50</cbc:PayableAmount>
            </cac:LegalMonetaryTotal>
            <cac:InvoiceLine>
                <cbc:ID>1</cbc:ID>
                <cbc:InvoicedQuantity unitCode="PCE">2.000000</cbc:InvoicedQuantity>
                <cbc:LineExtensionAmount currencyID="SAR">100.00</cbc:LineExtensionAmount>
                <cac:TaxTotal>
                    <cbc:TaxAmount currencyID="SAR">15.00</cbc:TaxAmount>
                    <cbc:RoundingAmount currencyID="SAR">115.00</cbc:RoundingAmount>
                </cac:TaxTotal>
                <cac:Item>
                    <cbc:Name>قلم | Pen</cbc:Name>
                    <cac:ClassifiedTaxCategory>
                        <cbc:ID>S</cbc:ID>
                        <cbc:Percent>15.00</cbc:Percent>
                        <cac:TaxScheme>
                            <cbc:ID>VAT</cbc:ID>
                        </cac:TaxScheme>
                    </cac:ClassifiedTaxCategory>
                </cac:Item>
                <cac:Price>
                    <cbc:PriceAmount currencyID="SAR">50.00</cbc:PriceAmount>
                </cac:Price>
            </cac:InvoiceLine>
            <cac:InvoiceLine>
                <cbc:ID>2</cbc:ID>
                <cbc:InvoicedQuantity unitCode="PCE">1.000000</cbc:InvoicedQuantity>
                <cbc:LineExtensionAmount currencyID="SAR">250.00</cbc:LineExtensionAmount>
                <cac:TaxTotal>
                    <cbc:TaxAmount currencyID="SAR">37.50</cbc:TaxAmount>
                    <cbc:RoundingAmount currencyID="SAR">287.50</cbc:RoundingAmount>
                </cac:TaxTotal>
                <cac:Item>
                    <cbc:Name>دفتر | Notebook</cbc:Name>
                    <cac:ClassifiedTaxCategory>
                        <cbc:ID>S</cbc:ID>
                        <cbc:Percent>15.00</cbc:Percent>
                        <cac:TaxScheme>
                            <cbc:ID>VAT</cbc:ID>
                        </cac:TaxScheme>
                    </cac:ClassifiedTaxCategory>
                </cac:Item>
                <cac:Price>
                    <cbc:PriceAmount currencyID="SAR">250.00</cbc:PriceAmount>
                </cac:Price>
            </cac:InvoiceLine>
        </Invoice>
        """
}
