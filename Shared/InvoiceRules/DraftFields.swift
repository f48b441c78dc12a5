public import InvoiceModel

/// Where a finding's UBL path comes from in the JSON request, so that a developer sees
/// `seller.vatNumber` next to `/Invoice/cac:AccountingSupplierParty/…/cbc:CompanyID`.
public enum DraftFields {
    public static func locate(_ finding: Finding) -> Finding {
        guard finding.field == nil, let field = field(for: finding.path) else { return finding }
        var located = finding
        located.field = field
        return located
    }

    /// Prefixes of UBL paths and the request fields they come from, most specific first.
    private static let parties: [(String, String)] = [
        ("/cac:PartyTaxScheme/cbc:CompanyID", "vatNumber"),
        ("/cac:PartyLegalEntity/cbc:RegistrationName", "name"),
        ("/cac:PartyIdentification/cbc:ID", "id"),
        ("/cac:PostalAddress/cbc:StreetName", "address.street"),
        ("/cac:PostalAddress/cbc:AdditionalStreetName", "address.additionalStreet"),
        ("/cac:PostalAddress/cbc:BuildingNumber", "address.buildingNumber"),
        ("/cac:PostalAddress/cbc:PlotIdentification", "address.additionalNumber"),
        ("/cac:PostalAddress/cbc:CitySubdivisionName", "address.district"),
        ("/cac:PostalAddress/cbc:CityName", "address.city"),
        ("/cac:PostalAddress/cbc:PostalZone", "address.postalCode"),
        ("/cac:PostalAddress/cbc:CountrySubentity", "address.province"),
        ("/cac:PostalAddress/cac:Country", "address.country"),
        ("/cac:PostalAddress", "address"),
        ("/cac:Contact/cbc:Telephone", "contact.telephone"),
        ("", ""),
    ]

    private static let header: [(String, String)] = [
        ("/Invoice/cbc:ID", "number"),
        ("/Invoice/cbc:UUID", "uuid"),
        ("/Invoice/cbc:IssueDate", "issueDate"),
        ("/Invoice/cbc:IssueTime", "issueTime"),
        ("/Invoice/cbc:InvoiceTypeCode/@name", "flags"),
        ("/Invoice/cbc:InvoiceTypeCode", "kind"),
        ("/Invoice/cbc:DocumentCurrencyCode", "currency"),
        ("/Invoice/cac:BillingReference", "billingReference"),
        ("/Invoice/cac:OrderReference", "purchaseOrder"),
        ("/Invoice/cac:ContractDocumentReference", "contract"),
        ("/Invoice/cac:Delivery/cbc:ActualDeliveryDate", "supplyDate"),
        ("/Invoice/cac:Delivery/cbc:LatestDeliveryDate", "supplyEndDate"),
        ("/Invoice/cac:Delivery", "supplyDate"),
        ("/Invoice/cac:PaymentMeans[1]/cbc:InstructionNote", "reason"),
        ("/Invoice/cac:PaymentMeans/cbc:InstructionNote", "reason"),
        ("/Invoice/cac:PaymentMeans[1]/cbc:PaymentMeansCode", "paymentMeansCode"),
        ("/Invoice/cac:LegalMonetaryTotal/cbc:PayableRoundingAmount", "payableRoundingAmount"),
        ("/Invoice/cac:TaxTotal[1]", "exchangeRate"),
    ]

    private static let lineFields: [(String, String)] = [
        ("/cbc:InvoicedQuantity/@unitCode", "unitCode"),
        ("/cbc:InvoicedQuantity", "quantity"),
        ("/cac:Item/cbc:Name", "name"),
        ("/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", "rate"),
        ("/cac:Item/cac:ClassifiedTaxCategory/cbc:ID", "category"),
        ("/cac:Item/cac:ClassifiedTaxCategory", "category"),
        ("/cac:Price/cbc:BaseQuantity", "baseQuantity"),
        ("/cac:Price", "price"),
        ("/cbc:ID", "id"),
        ("", ""),
    ]

    static func field(for path: String) -> String? {
        for (role, name) in [("/Invoice/cac:AccountingSupplierParty/cac:Party", "seller"), ("/Invoice/cac:AccountingCustomerParty/cac:Party", "buyer")]
        where path.hasPrefix(role) {
            let rest = path.dropFirst(role.count)
            for (suffix, field) in parties where rest.hasPrefix(suffix) {
                return field.isEmpty ? name : "\(name).\(field)"
            }
        }
        if path.hasPrefix("/Invoice/cac:InvoiceLine[") {
            let rest = path.dropFirst("/Invoice/cac:InvoiceLine[".count)
            guard let close = rest.firstIndex(of: "]"), let number = Int(rest[..<close]) else { return nil }
            let suffix = rest[rest.index(after: close)...]
            for (prefix, field) in lineFields where suffix.hasPrefix(prefix) {
                return field.isEmpty ? "lines[\(number - 1)]" : "lines[\(number - 1)].\(field)"
            }
        }
        for (prefix, field) in header where path.hasPrefix(prefix) {
            return field
        }
        return nil
    }
}
