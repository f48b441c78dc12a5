import Foundation

/// The unsigned simplified tax invoice `einvoice load sign` stamps: three lines, VAT at 15 %,
/// a fresh number and UUID per document.
enum LoadInvoiceTemplate {
    static func document(number: Int, uuid: UUID, issued: Date) -> Data {
        let day = issued.dayText
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Riyadh")!
        let parts = calendar.dateComponents([.hour, .minute, .second], from: issued)
        let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return Data(
            template
                .replacingOccurrences(of: "{NUMBER}", with: "LOAD-\(number)")
                .replacingOccurrences(of: "{UUID}", with: uuid.uuidString.lowercased())
                .replacingOccurrences(of: "{DATE}", with: day)
                .replacingOccurrences(of: "{TIME}", with: time)
                .utf8
        )
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
