import InvoiceModel

extension RuleCheck {
    /// Rules over every amount (sign, currency) and every country code.
    mutating func checkAmountsAndCodes() {
        // Amounts whose currency must be the document currency (BR-KSA-CL-02) and that must not
        // be negative (BR-KSA-F-04, where the rule lists them).
        var amounts: [(Amount?, String, mustBePositive: Bool)] = []
        let totalsPath = Self.totals
        for (index, allowanceCharge) in invoice.allowanceCharges.enumerated() {
            let path = Self.allowanceCharge(index)
            amounts.append((allowanceCharge.amount, "\(path)/cbc:Amount", true))
            amounts.append((allowanceCharge.baseAmount, "\(path)/cbc:BaseAmount", true))
        }
        for (totalIndex, total) in invoice.taxTotals.enumerated() {
            positive(total.taxAmount, "\(Self.taxTotal(totalIndex))/cbc:TaxAmount")
            for (index, subtotal) in total.subtotals.enumerated() {
                let path = Self.subtotal(totalIndex, index)
                amounts.append((subtotal.taxableAmount, "\(path)/cbc:TaxableAmount", Self.normalized(subtotal.category?.id) != "O"))
                amounts.append((subtotal.taxAmount, "\(path)/cbc:TaxAmount", true))
            }
        }
        if let totals = invoice.monetaryTotal {
            amounts.append((totals.lineExtensionAmount, "\(totalsPath)/cbc:LineExtensionAmount", true))
            amounts.append((totals.taxExclusiveAmount, "\(totalsPath)/cbc:TaxExclusiveAmount", true))
            amounts.append((totals.taxInclusiveAmount, "\(totalsPath)/cbc:TaxInclusiveAmount", true))
            amounts.append((totals.allowanceTotalAmount, "\(totalsPath)/cbc:AllowanceTotalAmount", true))
            amounts.append((totals.chargeTotalAmount, "\(totalsPath)/cbc:ChargeTotalAmount", true))
            amounts.append((totals.prepaidAmount, "\(totalsPath)/cbc:PrepaidAmount", true))
            amounts.append((totals.payableRoundingAmount, "\(totalsPath)/cbc:PayableRoundingAmount", false))
            amounts.append((totals.payableAmount, "\(totalsPath)/cbc:PayableAmount", false))
            if let rounding = totals.payableRoundingAmount, let currency = rounding.currency, !Self.iso4217.contains(Self.normalized(currency)) {
                report("BR-KSA-CL-01", "\(totalsPath)/cbc:PayableRoundingAmount/@currencyID", value: currency)
            }
        }
        for (lineIndex, line) in invoice.lines.enumerated() {
            let path = Self.line(lineIndex)
            amounts.append((line.lineExtensionAmount, "\(path)/cbc:LineExtensionAmount", false))
            amounts.append((line.taxAmount, "\(path)/cac:TaxTotal/cbc:TaxAmount", true))
            amounts.append((line.roundingAmount, "\(path)/cac:TaxTotal/cbc:RoundingAmount", false))
            for (index, allowanceCharge) in line.allowanceCharges.enumerated() {
                amounts.append((allowanceCharge.amount, "\(path)/cac:AllowanceCharge[\(index + 1)]/cbc:Amount", true))
                amounts.append((allowanceCharge.baseAmount, "\(path)/cac:AllowanceCharge[\(index + 1)]/cbc:BaseAmount", true))
            }
            for (index, subtotal) in line.taxSubtotals.enumerated() {
                let subtotalPath = "\(path)/cac:TaxTotal/cac:TaxSubtotal[\(index + 1)]"
                amounts.append((subtotal.taxableAmount, "\(subtotalPath)/cbc:TaxableAmount", true))
                amounts.append((subtotal.taxAmount, "\(subtotalPath)/cbc:TaxAmount", true))
                for amount in [subtotal.taxableAmount, subtotal.taxAmount] {
                    if let currency = amount?.currency, !Self.iso4217.contains(Self.normalized(currency)) {
                        report("BR-KSA-CL-01", "\(subtotalPath)/@currencyID", value: currency)
                    }
                }
            }
            if let price = line.price {
                amounts.append((price.amount, "\(path)/cac:Price/cbc:PriceAmount", true))
                for (index, allowanceCharge) in price.allowanceCharges.enumerated() {
                    amounts.append((allowanceCharge.amount, "\(path)/cac:Price/cac:AllowanceCharge[\(index + 1)]/cbc:Amount", true))
                    amounts.append((allowanceCharge.baseAmount, "\(path)/cac:Price/cac:AllowanceCharge[\(index + 1)]/cbc:BaseAmount", true))
                }
            }
            if let quantity = line.quantity, quantity.isNegative {
                report("BR-KSA-F-04", "\(path)/cbc:InvoicedQuantity", value: quantity.description)
            }
        }

        let normalizedDocumentCurrency = Self.normalized(documentCurrency)
        for (amount, path, mustBePositive) in amounts {
            guard let amount else { continue }
            if mustBePositive, amount.value.isNegative {
                report("BR-KSA-F-04", path, value: amount.value.description)
            }
            let currency = amount.currency
            if let currency, !currency.isEmpty, !Self.iso4217.contains(Self.normalized(currency)) {
                report("BR-CL-03", "\(path)/@currencyID", value: currency)
            }
            let matchesDocument = currency.map { !$0.isEmpty && (normalizedDocumentCurrency == $0 || normalizedDocumentCurrency.contains($0)) } ?? false
            if !matchesDocument {
                report("BR-KSA-CL-02", "\(path)/@currencyID", value: currency)
            }
        }

        var countries: [(String, String)] = []
        if let country = invoice.seller?.address?.country { countries.append((country, "\(Self.seller)/cac:PostalAddress/cac:Country/cbc:IdentificationCode")) }
        if let country = invoice.buyer?.address?.country { countries.append((country, "\(Self.buyer)/cac:PostalAddress/cac:Country/cbc:IdentificationCode")) }
        for (country, path) in countries where !Self.iso3166.contains(Self.normalized(country)) || Self.normalized(country).contains(" ") {
            report("BR-CL-14", path, value: country)
        }
    }

    /// The document-level tax total in the document currency may not be negative.
    private mutating func positive(_ amount: Amount?, _ path: String) {
        if let amount, amount.value.isNegative {
            report("BR-KSA-F-04", path, value: amount.value.description)
        }
        if let currency = amount?.currency, !currency.isEmpty, !Self.iso4217.contains(Self.normalized(currency)) {
            report("BR-CL-03", "\(path)/@currencyID", value: currency)
        }
    }
}
