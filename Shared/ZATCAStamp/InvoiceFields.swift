import UBLXML
import Foundation

/// What a stamp needs to read from an invoice: the QR's facts and the document's kind.
struct InvoiceFields: Sendable {
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

    init(index: XMLIndex, in text: UnsafeRawBufferPointer) throws(XMLStampError) {
        func value(_ element: Int?, _ what: String) throws(XMLStampError) -> String {
            guard let element, let value = index.text(element, in: text), !value.isEmpty else { throw .missingPart(what) }
            return value
        }
        func first(_ name: StaticString, in element: Int?) -> Int? { index.first(name, in: element, bytes: text) }
        let supplier = first("Party", in: first("AccountingSupplierParty", in: 0))
        sellerName = try value(first("RegistrationName", in: first("PartyLegalEntity", in: supplier)), "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName (the seller's name, QR tag 1)")
        vatNumber = try value(first("CompanyID", in: first("PartyTaxScheme", in: supplier)), "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID (the seller's VAT number, QR tag 2)")
        issueDate = try value(first("IssueDate", in: 0), "cbc:IssueDate (QR tag 3)")
        issueTime = try value(first("IssueTime", in: 0), "cbc:IssueTime (QR tag 3)")
        payableAmount = try value(first("PayableAmount", in: first("LegalMonetaryTotal", in: 0)), "cac:LegalMonetaryTotal/cbc:PayableAmount (QR tag 4)")
        taxAmount = try value(first("TaxAmount", in: first("TaxTotal", in: 0)), "cac:TaxTotal/cbc:TaxAmount (QR tag 5)")
        let typeElement = first("InvoiceTypeCode", in: 0)
        typeCode = try value(typeElement, "cbc:InvoiceTypeCode")
        guard let typeElement,
            let name = XMLAttributes.value(named: "name", inStartTag: Int(index.elements[typeElement].start)..<Int(index.elements[typeElement].startTagEnd), text: text),
            name.count == 7 || name.count == 9
        else {
            throw .missingPart("the name attribute of cbc:InvoiceTypeCode (KSA-2, e.g. 0100000 standard or 0200000 simplified)")
        }
        typeName = name
    }
}
