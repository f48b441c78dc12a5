import UBLXML

/// Reads any UBL 2.1 invoice, credit note or debit note into an ``Invoice``, as stated: missing
/// elements stay nil and amounts keep their digits, so the validator can judge documents made by
/// anybody.
public enum InvoiceReader {
    public struct Result: Sendable {
        public var invoice: Invoice
        /// Values that are not what their type requires (an amount that is not a number).
        public var findings: [Finding]
    }

    public enum ReadError: Error, Sendable, CustomStringConvertible {
        case notXML(String)
        case notAnInvoice(String)

        public var description: String {
            switch self {
            case .notXML(let reason): reason
            case .notAnInvoice(let root): "The root element is <\(root)>; ZATCA invoices, credit notes and debit notes are all UBL <Invoice> documents."
            }
        }
    }

    public static func read(_ bytes: [UInt8]) throws(ReadError) -> Result {
        let document: UBLDocument
        do {
            document = try UBLDocument(bytes: bytes)
        } catch {
            throw .notXML(error.description)
        }
        guard document.root.localName == "Invoice" else { throw .notAnInvoice(document.root.name) }
        var reader = Reader()
        let invoice = reader.invoice(document.root)
        return Result(invoice: invoice, findings: reader.findings)
    }

    struct Reader {
        var findings: [Finding] = []

        mutating func decimal(_ element: UBLElement?) -> ExactDecimal? {
            guard let element, let text = element.text, !text.isEmpty else { return nil }  // xs:decimal allows surrounding spaces
            guard let value = ExactDecimal(text) else {
                findings.append(
                    Finding(
                        rule: "XSD-DECIMAL", severity: .error, path: element.path, value: String(text.prefix(40)),
                        messageEN: "\(element.name) must be a decimal number (digits with an optional point), not '\(text.prefix(40))'.",
                        messageAR: "يجب أن يكون \(element.name) رقمًا عشريًا (أرقام مع فاصلة عشرية اختيارية)، وليس '\(text.prefix(40))'."
                    )
                )
                return nil
            }
            return value
        }

        mutating func amount(_ element: UBLElement?) -> Amount? {
            guard let element, let value = decimal(element) else { return nil }
            return Amount(value, currency: element.attribute("currencyID"))
        }

        func text(_ element: UBLElement?) -> String? {
            element?.rawText
        }

        mutating func invoice(_ root: UBLElement) -> Invoice {
            var invoice = Invoice(profileID: root.first("ProfileID")?.rawText)
            invoice.number = root.first("ID")?.rawText
            invoice.uuid = root.first("UUID")?.rawText
            invoice.issueDate = root.first("IssueDate")?.rawText
            invoice.issueTime = root.first("IssueTime")?.rawText
            if let type = root.first("InvoiceTypeCode") {
                invoice.typeCode = type.rawText
                invoice.typeName = type.attribute("name")
            }
            invoice.notes = root.all("Note").map { InvoiceNote(text: $0.rawText ?? "", languageID: $0.attribute("languageID")) }
            invoice.documentCurrency = root.first("DocumentCurrencyCode")?.rawText
            invoice.taxCurrency = root.first("TaxCurrencyCode")?.rawText
            invoice.orderReference = root.element("OrderReference/ID")?.rawText
            invoice.billingReferences = root.elements("BillingReference/InvoiceDocumentReference/ID").map { $0.rawText ?? "" }
            invoice.contractReference = root.element("ContractDocumentReference/ID")?.rawText
            invoice.additionalDocuments = root.all("AdditionalDocumentReference").map { reference in
                let object = reference.element("Attachment/EmbeddedDocumentBinaryObject")
                return AdditionalDocument(
                    id: reference.first("ID")?.rawText, uuid: reference.first("UUID")?.rawText, embeddedObject: object?.rawText,
                    mimeCode: object?.attribute("mimeCode")
                )
            }
            if let information = root.element("UBLExtensions/UBLExtension/ExtensionContent/UBLDocumentSignatures/SignatureInformation") {
                invoice.stampInformation = StampInformation(
                    signatureInformationID: information.first("ID")?.rawText, referencedSignatureID: information.first("ReferencedSignatureID")?.rawText
                )
            }
            if let signature = root.first("Signature") {
                invoice.signature = SignatureReference(id: signature.first("ID")?.rawText, method: signature.first("SignatureMethod")?.rawText)
            }
            invoice.seller = root.element("AccountingSupplierParty/Party").map { party($0) }
            if let customer = root.first("AccountingCustomerParty") {
                invoice.buyer = customer.first("Party").map { party($0) }
            }
            if let delivery = root.first("Delivery") {
                invoice.delivery = Delivery(actualDate: delivery.first("ActualDeliveryDate")?.rawText, latestDate: delivery.first("LatestDeliveryDate")?.rawText)
            }
            invoice.paymentMeans = root.all("PaymentMeans").map { means in
                PaymentMeans(
                    code: means.first("PaymentMeansCode")?.rawText, instructionNotes: means.all("InstructionNote").map { $0.rawText ?? "" },
                    payeeAccountID: means.element("PayeeFinancialAccount/ID")?.rawText
                )
            }
            invoice.allowanceCharges = root.all("AllowanceCharge").map { allowanceCharge($0) }
            invoice.taxTotals = root.all("TaxTotal").map { total in
                TaxTotal(taxAmount: amount(total.first("TaxAmount")), subtotals: total.all("TaxSubtotal").map { subtotal($0) })
            }
            if let totals = root.first("LegalMonetaryTotal") {
                invoice.monetaryTotal = MonetaryTotal(
                    lineExtensionAmount: amount(totals.first("LineExtensionAmount")),
                    taxExclusiveAmount: amount(totals.first("TaxExclusiveAmount")),
                    taxInclusiveAmount: amount(totals.first("TaxInclusiveAmount")),
                    allowanceTotalAmount: amount(totals.first("AllowanceTotalAmount")),
                    chargeTotalAmount: amount(totals.first("ChargeTotalAmount")),
                    prepaidAmount: amount(totals.first("PrepaidAmount")),
                    payableRoundingAmount: amount(totals.first("PayableRoundingAmount")),
                    payableAmount: amount(totals.first("PayableAmount"))
                )
            }
            invoice.lines = root.all("InvoiceLine").map { line($0) }
            return invoice
        }

        mutating func party(_ element: UBLElement) -> Party {
            var party = Party(taxSchemeIsVAT: false)
            party.identifiers = element.elements("PartyIdentification/ID").map { PartyIdentifier(scheme: $0.attribute("schemeID"), value: $0.rawText ?? "") }
            if let address = element.first("PostalAddress") {
                party.address = PostalAddress(
                    street: address.first("StreetName")?.rawText, additionalStreet: address.first("AdditionalStreetName")?.rawText,
                    buildingNumber: address.first("BuildingNumber")?.rawText, additionalNumber: address.first("PlotIdentification")?.rawText,
                    district: address.first("CitySubdivisionName")?.rawText, city: address.first("CityName")?.rawText,
                    postalCode: address.first("PostalZone")?.rawText, province: address.first("CountrySubentity")?.rawText,
                    country: address.element("Country/IdentificationCode")?.rawText
                )
            }
            if let scheme = element.first("PartyTaxScheme") {
                party.vatNumber = scheme.first("CompanyID")?.rawText
                party.taxSchemeIsVAT = scheme.element("TaxScheme/ID")?.rawText == "VAT"
            }
            party.registrationName = element.element("PartyLegalEntity/RegistrationName")?.rawText
            if let contact = element.first("Contact") {
                party.contact = Contact(name: contact.first("Name")?.rawText, telephone: contact.first("Telephone")?.rawText, email: contact.first("ElectronicMail")?.rawText)
            }
            return party
        }

        mutating func taxCategory(_ element: UBLElement?) -> TaxCategory? {
            guard let element else { return nil }
            return TaxCategory(
                id: element.first("ID")?.rawText, percent: decimal(element.first("Percent")),
                exemptionReasonCode: element.first("TaxExemptionReasonCode")?.rawText, exemptionReason: element.first("TaxExemptionReason")?.rawText,
                schemeIsVAT: element.element("TaxScheme/ID")?.rawText?.uppercased() == "VAT"
            )
        }

        mutating func subtotal(_ element: UBLElement) -> TaxSubtotal {
            TaxSubtotal(
                taxableAmount: amount(element.first("TaxableAmount")), taxAmount: amount(element.first("TaxAmount")),
                category: taxCategory(element.first("TaxCategory"))
            )
        }

        mutating func allowanceCharge(_ element: UBLElement) -> AllowanceCharge {
            let indicator = element.first("ChargeIndicator")?.rawText
            let isCharge: Bool? =
                switch indicator {
                case "true", "1": true
                case "false", "0": false
                default: nil
                }
            return AllowanceCharge(
                isCharge: isCharge, indicatorText: indicator, reasonCode: element.first("AllowanceChargeReasonCode")?.rawText,
                reason: element.first("AllowanceChargeReason")?.rawText, multiplierFactor: decimal(element.first("MultiplierFactorNumeric")),
                amount: amount(element.first("Amount")), baseAmount: amount(element.first("BaseAmount")),
                taxCategory: taxCategory(element.first("TaxCategory"))
            )
        }

        mutating func line(_ element: UBLElement) -> InvoiceLine {
            let quantityElement = element.first("InvoicedQuantity")
            var reference: PrepaymentReference?
            if let document = element.first("DocumentReference") {
                reference = PrepaymentReference(
                    id: document.first("ID")?.rawText, uuid: document.first("UUID")?.rawText, issueDate: document.first("IssueDate")?.rawText,
                    issueTime: document.first("IssueTime")?.rawText, documentTypeCode: document.first("DocumentTypeCode")?.rawText
                )
            }
            let taxTotal = element.first("TaxTotal")
            let item = element.first("Item")
            var price: Price?
            if let priceElement = element.first("Price") {
                price = Price(
                    amount: amount(priceElement.first("PriceAmount")), baseQuantity: decimal(priceElement.first("BaseQuantity")),
                    baseQuantityUnitCode: priceElement.first("BaseQuantity")?.attribute("unitCode"),
                    allowanceCharges: priceElement.all("AllowanceCharge").map { allowanceCharge($0) }
                )
            }
            return InvoiceLine(
                id: element.first("ID")?.rawText,
                quantity: decimal(quantityElement),
                quantityText: quantityElement?.rawText,
                unitCode: quantityElement?.attribute("unitCode"),
                lineExtensionAmount: amount(element.first("LineExtensionAmount")),
                prepaymentReference: reference,
                allowanceCharges: element.all("AllowanceCharge").map { allowanceCharge($0) },
                taxAmount: amount(taxTotal?.first("TaxAmount")),
                roundingAmount: amount(taxTotal?.first("RoundingAmount")),
                taxSubtotals: taxTotal?.all("TaxSubtotal").map { subtotal($0) } ?? [],
                item: Item(
                    name: item?.first("Name")?.rawText, buyersItemID: item?.element("BuyersItemIdentification/ID")?.rawText,
                    sellersItemID: item?.element("SellersItemIdentification/ID")?.rawText,
                    standardItemID: item?.element("StandardItemIdentification/ID")?.rawText,
                    taxCategory: taxCategory(item?.first("ClassifiedTaxCategory"))
                ),
                price: price
            )
        }
    }
}
