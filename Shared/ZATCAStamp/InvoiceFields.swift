import UBLXML
import Foundation

/// What a stamp needs to read from an invoice: the QR's facts and the document's kind.
struct InvoiceFields {
    var sellerName: String
    var vatNumber: String
    var issueDate: String
    var issueTime: String
    var payableAmount: String
    var taxAmount: String
    var typeName: String
    var typeCode: String

    /// Simplified tax invoices and their notes (KSA-2 starting "02") carry QR tag 9.
    var isSimplified: Bool { typeName.hasPrefix("02") }

    /// QR tag 3: IssueDate + "T" + IssueTime, as written.
    var timestamp: String { "\(issueDate)T\(issueTime)" }

    init(root: XMLSpan, in text: UnsafeRawBufferPointer) throws(XMLStampError) {
        func value(_ span: XMLSpan?, _ what: String) throws(XMLStampError) -> String {
            guard let span, !span.isEmptyElementTag else { throw .missingPart(what) }
            let raw = String(decoding: UnsafeRawBufferPointer(rebasing: text[span.startTagEnd..<span.contentEnd]), as: UTF8.self)
            let value = XMLEscaping.unescape(raw[...]).trimmingWhitespace()
            guard !value.isEmpty else { throw .missingPart(what) }
            return value
        }
        let supplier = root.first("AccountingSupplierParty")?.first("Party")
        sellerName = try value(supplier?.first("PartyLegalEntity")?.first("RegistrationName"), "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName (the seller's name, QR tag 1)")
        vatNumber = try value(supplier?.first("PartyTaxScheme")?.first("CompanyID"), "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID (the seller's VAT number, QR tag 2)")
        issueDate = try value(root.first("IssueDate"), "cbc:IssueDate (QR tag 3)")
        issueTime = try value(root.first("IssueTime"), "cbc:IssueTime (QR tag 3)")
        payableAmount = try value(root.first("LegalMonetaryTotal")?.first("PayableAmount"), "cac:LegalMonetaryTotal/cbc:PayableAmount (QR tag 4)")
        taxAmount = try value(root.first("TaxTotal")?.first("TaxAmount"), "cac:TaxTotal/cbc:TaxAmount (QR tag 5)")
        typeCode = try value(root.first("InvoiceTypeCode"), "cbc:InvoiceTypeCode")
        guard let typeSpan = root.first("InvoiceTypeCode"),
            let name = XMLAttributes.value(of: "name", inStartTagOf: typeSpan, text: text), name.count == 7 || name.count == 9
        else {
            throw .missingPart("the name attribute of cbc:InvoiceTypeCode (KSA-2, e.g. 0100000 standard or 0200000 simplified)")
        }
        typeName = name
    }
}

