/// Writes an ``Invoice`` as UBL 2.1 XML, unsigned, in a fixed layout: every element at its
/// schema position, four-space indentation, explicit end tags.
///
/// The signing service adds the stamp (`ext:UBLExtensions`, the ICV, PIH and QR references and
/// `cac:Signature`) at their schema positions and hashes these bytes as they are; the layout is
/// one its canonical fast path recognizes, so no XML library is involved.
public enum UBLInvoiceWriter {
    public static func write(_ invoice: Invoice) -> [UInt8] {
        var writer = XMLByteWriter(capacity: 2048 + invoice.lines.count * 900)
        writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        writer.raw(
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\" xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\">"
        )
        writer.indentLevel(1)
        writeHeader(invoice, &writer)
        writeParty("cac:AccountingSupplierParty", invoice.seller, &writer)
        writeParty("cac:AccountingCustomerParty", invoice.buyer, &writer)
        if let delivery = invoice.delivery {
            writer.open("cac:Delivery")
            writer.leaf("cbc:ActualDeliveryDate", delivery.actualDate)
            writer.leaf("cbc:LatestDeliveryDate", delivery.latestDate)
            writer.close("cac:Delivery")
        }
        for means in invoice.paymentMeans {
            writer.open("cac:PaymentMeans")
            writer.leaf("cbc:PaymentMeansCode", means.code)
            for note in means.instructionNotes { writer.leaf("cbc:InstructionNote", note) }
            if let account = means.payeeAccountID {
                writer.open("cac:PayeeFinancialAccount")
                writer.leaf("cbc:ID", account)
                writer.close("cac:PayeeFinancialAccount")
            }
            writer.close("cac:PaymentMeans")
        }
        for allowanceCharge in invoice.allowanceCharges {
            writeAllowanceCharge(allowanceCharge, &writer)
        }
        for total in invoice.taxTotals {
            writeTaxTotal(total, lineTotals: nil, &writer)
        }
        if let totals = invoice.monetaryTotal {
            writer.open("cac:LegalMonetaryTotal")
            writer.amount("cbc:LineExtensionAmount", totals.lineExtensionAmount)
            writer.amount("cbc:TaxExclusiveAmount", totals.taxExclusiveAmount)
            writer.amount("cbc:TaxInclusiveAmount", totals.taxInclusiveAmount)
            writer.amount("cbc:AllowanceTotalAmount", totals.allowanceTotalAmount)
            writer.amount("cbc:ChargeTotalAmount", totals.chargeTotalAmount)
            writer.amount("cbc:PrepaidAmount", totals.prepaidAmount)
            writer.amount("cbc:PayableRoundingAmount", totals.payableRoundingAmount)
            writer.amount("cbc:PayableAmount", totals.payableAmount)
            writer.close("cac:LegalMonetaryTotal")
        }
        for line in invoice.lines {
            writeLine(line, &writer)
        }
        writer.indentLevel(0)
        writer.raw("\n</Invoice>\n")
        return writer.bytes
    }

    private static func writeHeader(_ invoice: Invoice, _ writer: inout XMLByteWriter) {
        writer.leaf("cbc:ProfileID", invoice.profileID)
        writer.leaf("cbc:ID", invoice.number)
        writer.leaf("cbc:UUID", invoice.uuid)
        writer.leaf("cbc:IssueDate", invoice.issueDate)
        writer.leaf("cbc:IssueTime", invoice.issueTime)
        writer.leaf("cbc:InvoiceTypeCode", invoice.typeCode, attribute: "name", value: invoice.typeName)
        for note in invoice.notes {
            writer.leaf("cbc:Note", note.text, attribute: "languageID", value: note.languageID)
        }
        writer.leaf("cbc:DocumentCurrencyCode", invoice.documentCurrency)
        writer.leaf("cbc:TaxCurrencyCode", invoice.taxCurrency)
        if let order = invoice.orderReference {
            writer.open("cac:OrderReference")
            writer.leaf("cbc:ID", order)
            writer.close("cac:OrderReference")
        }
        for reference in invoice.billingReferences {
            writer.open("cac:BillingReference")
            writer.open("cac:InvoiceDocumentReference")
            writer.leaf("cbc:ID", reference)
            writer.close("cac:InvoiceDocumentReference")
            writer.close("cac:BillingReference")
        }
        if let contract = invoice.contractReference {
            writer.open("cac:ContractDocumentReference")
            writer.leaf("cbc:ID", contract)
            writer.close("cac:ContractDocumentReference")
        }
    }

    private static func writeParty(_ role: StaticString, _ party: Party?, _ writer: inout XMLByteWriter) {
        guard let party else {
            writer.empty(role)
            return
        }
        writer.open(role)
        writer.open("cac:Party")
        for identifier in party.identifiers {
            writer.open("cac:PartyIdentification")
            writer.leaf("cbc:ID", identifier.value, attribute: "schemeID", value: identifier.scheme)
            writer.close("cac:PartyIdentification")
        }
        if let address = party.address {
            writer.open("cac:PostalAddress")
            writer.leaf("cbc:StreetName", address.street)
            writer.leaf("cbc:AdditionalStreetName", address.additionalStreet)
            writer.leaf("cbc:BuildingNumber", address.buildingNumber)
            writer.leaf("cbc:PlotIdentification", address.additionalNumber)
            writer.leaf("cbc:CitySubdivisionName", address.district)
            writer.leaf("cbc:CityName", address.city)
            writer.leaf("cbc:PostalZone", address.postalCode)
            writer.leaf("cbc:CountrySubentity", address.province)
            if let country = address.country {
                writer.open("cac:Country")
                writer.leaf("cbc:IdentificationCode", country)
                writer.close("cac:Country")
            }
            writer.close("cac:PostalAddress")
        }
        if let vat = party.vatNumber {
            writer.open("cac:PartyTaxScheme")
            writer.leaf("cbc:CompanyID", vat)
            writeTaxScheme(&writer)
            writer.close("cac:PartyTaxScheme")
        }
        if let name = party.registrationName {
            writer.open("cac:PartyLegalEntity")
            writer.leaf("cbc:RegistrationName", name)
            writer.close("cac:PartyLegalEntity")
        }
        if let contact = party.contact {
            writer.open("cac:Contact")
            writer.leaf("cbc:Name", contact.name)
            writer.leaf("cbc:Telephone", contact.telephone)
            writer.leaf("cbc:ElectronicMail", contact.email)
            writer.close("cac:Contact")
        }
        writer.close("cac:Party")
        writer.close(role)
    }

    private static func writeTaxScheme(_ writer: inout XMLByteWriter) {
        writer.open("cac:TaxScheme")
        writer.leaf("cbc:ID", "VAT")
        writer.close("cac:TaxScheme")
    }

    private static func writeTaxCategory(_ name: StaticString, _ category: TaxCategory?, _ writer: inout XMLByteWriter) {
        guard let category else { return }
        writer.open(name)
        writer.leaf("cbc:ID", category.id)
        writer.number("cbc:Percent", category.percent)
        writer.leaf("cbc:TaxExemptionReasonCode", category.exemptionReasonCode)
        writer.leaf("cbc:TaxExemptionReason", category.exemptionReason)
        writeTaxScheme(&writer)
        writer.close(name)
    }

    private static func writeAllowanceCharge(_ allowanceCharge: AllowanceCharge, _ writer: inout XMLByteWriter) {
        writer.open("cac:AllowanceCharge")
        writer.leaf("cbc:ChargeIndicator", allowanceCharge.indicatorText)
        writer.leaf("cbc:AllowanceChargeReasonCode", allowanceCharge.reasonCode)
        writer.leaf("cbc:AllowanceChargeReason", allowanceCharge.reason)
        writer.number("cbc:MultiplierFactorNumeric", allowanceCharge.multiplierFactor)
        writer.amount("cbc:Amount", allowanceCharge.amount)
        writer.amount("cbc:BaseAmount", allowanceCharge.baseAmount)
        writeTaxCategory("cac:TaxCategory", allowanceCharge.taxCategory, &writer)
        writer.close("cac:AllowanceCharge")
    }

    private static func writeTaxTotal(_ total: TaxTotal, lineTotals: Amount?, _ writer: inout XMLByteWriter) {
        writer.open("cac:TaxTotal")
        writer.amount("cbc:TaxAmount", total.taxAmount)
        writer.amount("cbc:RoundingAmount", lineTotals)
        for subtotal in total.subtotals {
            writer.open("cac:TaxSubtotal")
            writer.amount("cbc:TaxableAmount", subtotal.taxableAmount)
            writer.amount("cbc:TaxAmount", subtotal.taxAmount)
            writeTaxCategory("cac:TaxCategory", subtotal.category, &writer)
            writer.close("cac:TaxSubtotal")
        }
        writer.close("cac:TaxTotal")
    }

    private static func writeLine(_ line: InvoiceLine, _ writer: inout XMLByteWriter) {
        writer.open("cac:InvoiceLine")
        writer.leaf("cbc:ID", line.id)
        if let quantity = line.quantity {
            writer.leaf("cbc:InvoicedQuantity", line.quantityText ?? quantity.description, attribute: "unitCode", value: line.unitCode)
        }
        writer.amount("cbc:LineExtensionAmount", line.lineExtensionAmount)
        if let reference = line.prepaymentReference {
            writer.open("cac:DocumentReference")
            writer.leaf("cbc:ID", reference.id)
            writer.leaf("cbc:UUID", reference.uuid)
            writer.leaf("cbc:IssueDate", reference.issueDate)
            writer.leaf("cbc:IssueTime", reference.issueTime)
            writer.leaf("cbc:DocumentTypeCode", reference.documentTypeCode)
            writer.close("cac:DocumentReference")
        }
        for allowanceCharge in line.allowanceCharges {
            writeAllowanceCharge(allowanceCharge, &writer)
        }
        if line.taxAmount != nil || line.roundingAmount != nil || !line.taxSubtotals.isEmpty {
            writeTaxTotal(TaxTotal(taxAmount: line.taxAmount, subtotals: line.taxSubtotals), lineTotals: line.roundingAmount, &writer)
        }
        writer.open("cac:Item")
        writer.leaf("cbc:Name", line.item.name)
        if let id = line.item.buyersItemID {
            writer.open("cac:BuyersItemIdentification")
            writer.leaf("cbc:ID", id)
            writer.close("cac:BuyersItemIdentification")
        }
        if let id = line.item.sellersItemID {
            writer.open("cac:SellersItemIdentification")
            writer.leaf("cbc:ID", id)
            writer.close("cac:SellersItemIdentification")
        }
        if let id = line.item.standardItemID {
            writer.open("cac:StandardItemIdentification")
            writer.leaf("cbc:ID", id)
            writer.close("cac:StandardItemIdentification")
        }
        writeTaxCategory("cac:ClassifiedTaxCategory", line.item.taxCategory, &writer)
        writer.close("cac:Item")
        if let price = line.price {
            writer.open("cac:Price")
            writer.amount("cbc:PriceAmount", price.amount)
            if let base = price.baseQuantity {
                writer.leaf("cbc:BaseQuantity", base.description, attribute: "unitCode", value: price.baseQuantityUnitCode)
            }
            for allowanceCharge in price.allowanceCharges {
                writer.open("cac:AllowanceCharge")
                writer.leaf("cbc:ChargeIndicator", allowanceCharge.indicatorText)
                writer.leaf("cbc:AllowanceChargeReason", allowanceCharge.reason)
                writer.amount("cbc:Amount", allowanceCharge.amount)
                writer.amount("cbc:BaseAmount", allowanceCharge.baseAmount)
                writer.close("cac:AllowanceCharge")
            }
            writer.close("cac:Price")
        }
        writer.close("cac:InvoiceLine")
    }
}
