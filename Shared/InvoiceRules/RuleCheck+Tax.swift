import InvoiceModel

extension RuleCheck {
    /// BG-22/23: the tax totals and the VAT breakdown, per category.
    mutating func checkTaxBreakdown() {
        let root = Self.root
        let withBreakdown = invoice.taxTotals.filter { !$0.subtotals.isEmpty }.count
        if withBreakdown != 1 { report("BR-KSA-EN16931-08", "\(root)/cac:TaxTotal", value: "\(withBreakdown)") }
        if !invoice.taxTotals.contains(where: { !$0.subtotals.isEmpty }) { report("BR-CO-18", "\(root)/cac:TaxTotal/cac:TaxSubtotal") }

        for (totalIndex, total) in invoice.taxTotals.enumerated() {
            let path = Self.taxTotal(totalIndex)
            if !total.subtotals.isEmpty {
                let sum = total.subtotals.compactMap { $0.taxAmount?.value }.sum()
                if total.taxAmount.map({ $0.value != Self.round2(sum) }) ?? true {
                    report(
                        "BR-CO-14", "\(path)/cbc:TaxAmount", value: total.taxAmount?.value.description,
                        en: "The VAT breakdown adds up to \(Self.round2(sum)).", ar: "مجموع تفاصيل الضريبة \(Self.round2(sum))."
                    )
                }
            } else if let taxCurrency = invoice.taxCurrency {
                if total.taxAmount == nil || total.taxAmount?.currency != taxCurrency {
                    report("BR-53", "\(path)/cbc:TaxAmount", value: total.taxAmount?.currency)
                }
            }
            if let amount = total.taxAmount {
                if amount.currency == documentCurrency, amount.value.decimals > 2 { report("BR-DEC-13", "\(path)/cbc:TaxAmount", value: amount.value.description) }
                if amount.currency == invoice.taxCurrency, amount.value.decimals > 2 { report("BR-DEC-15", "\(path)/cbc:TaxAmount", value: amount.value.description) }
            }
            for (index, subtotal) in total.subtotals.enumerated() {
                checkSubtotal(subtotal, path: Self.subtotal(totalIndex, index))
            }
        }

        if let currency = documentCurrency, !currency.isEmpty, currency != "SAR",
            let breakdown = invoice.breakdownTaxTotal?.taxAmount?.value, let accounting = invoice.accountingTaxTotal?.taxAmount?.value,
            breakdown > .zero, accounting > .zero, Self.round2(breakdown) == Self.round2(accounting)
        {
            report("BR-KSA-97", "\(root)/cac:TaxTotal", value: accounting.description)
        }

        // BR-S/Z/E/O-01: a category used on a line or allowance/charge appears in the breakdown.
        let breakdownCategories = Set(invoice.taxTotals.flatMap(\.subtotals).compactMap { $0.category }.filter(\.schemeIsVAT).map { Self.normalized($0.id) })
        var used = Set(invoice.lines.compactMap { $0.item.taxCategory }.filter(\.schemeIsVAT).map { Self.normalized($0.id) })
        used.formUnion(invoice.allowanceCharges.compactMap { $0.taxCategory }.filter(\.schemeIsVAT).map { Self.normalized($0.id) })
        for (category, rule) in [("S", "BR-S-01"), ("Z", "BR-Z-01"), ("E", "BR-E-01"), ("O", "BR-O-01")] where used.contains(category) {
            if !breakdownCategories.contains(category) { report(rule, "\(root)/cac:TaxTotal/cac:TaxSubtotal") }
        }

        // BR-KSA-25: simplified documents exempt for private health or education name the buyer.
        if isSimplified {
            let codes = (invoice.taxTotals.flatMap(\.subtotals) + invoice.lines.flatMap(\.taxSubtotals)).compactMap { $0.category?.exemptionReasonCode }
            if !codes.isEmpty, codes.allSatisfy({ " VATEX-SA-HEA VATEX-SA-EDU ".contains($0) }), !Self.present(invoice.buyer?.registrationName) {
                report("BR-KSA-25", "\(Self.buyer)/cac:PartyLegalEntity/cbc:RegistrationName")
            }
        }
    }

    private mutating func checkSubtotal(_ subtotal: TaxSubtotal, path: String) {
        if subtotal.taxableAmount == nil { report("BR-45", "\(path)/cbc:TaxableAmount") }
        if subtotal.taxAmount == nil { report("BR-46", "\(path)/cbc:TaxAmount") }
        let category = subtotal.category
        let categoryID = Self.normalized(category?.id)
        let categoryPath = "\(path)/cac:TaxCategory"
        if !(category?.schemeIsVAT == true && category?.id != nil) { report("BR-47", "\(categoryPath)/cbc:ID") }
        if !(category?.schemeIsVAT == true && category?.percent != nil) && !(category?.schemeIsVAT == true && categoryID == "O") {
            report("BR-48", "\(categoryPath)/cbc:Percent")
        }
        if Self.decimals(subtotal.taxableAmount) > 2 { report("BR-DEC-19", "\(path)/cbc:TaxableAmount", value: subtotal.taxableAmount?.value.description) }
        if Self.decimals(subtotal.taxAmount) > 2 { report("BR-DEC-20", "\(path)/cbc:TaxAmount", value: subtotal.taxAmount?.value.description) }

        // BR-CO-17 (and BR-S-09 for S): tax = taxable × rate, within a halala per line.
        let expected = Self.expectedTax(subtotal)
        let withinTolerance = expected.map { Self.isWithinTolerance(subtotal.taxAmount?.value, expected: $0, lines: invoice.lines.count) } ?? false
        if !withinTolerance {
            let detail = expected.map { ("Expected \($0).", "المتوقع \($0).") }
            report("BR-CO-17", "\(path)/cbc:TaxAmount", value: subtotal.taxAmount?.value.description, en: detail?.0, ar: detail?.1)
            if categoryID == "S", category?.schemeIsVAT == true {
                report("BR-S-09", "\(path)/cbc:TaxAmount", value: subtotal.taxAmount?.value.description, en: detail?.0, ar: detail?.1)
            }
        } else if categoryID == "S", category?.schemeIsVAT == true, category?.percent == nil {
            report("BR-S-09", "\(categoryPath)/cbc:Percent")
        }

        checkCategoryCodeAndRate(category, path: categoryPath)
        checkBreakdownSums(subtotal, path: path)

        switch categoryID {
        case "S":
            if category?.schemeIsVAT == true, category?.exemptionReason != nil || category?.exemptionReasonCode != nil {
                report("BR-S-10", "\(categoryPath)/cbc:TaxExemptionReasonCode", value: category?.exemptionReasonCode ?? category?.exemptionReason)
            }
        case "Z", "E", "O":
            let rule = ["Z": "BR-Z-09", "E": "BR-E-09", "O": "BR-O-09"][categoryID]!
            if category?.schemeIsVAT == true, subtotal.taxAmount?.value != .zero {
                report(rule, "\(path)/cbc:TaxAmount", value: subtotal.taxAmount?.value.description)
            }
            let missingCodeRule = ["Z": "BR-KSA-69", "E": "BR-KSA-23", "O": "BR-KSA-24"][categoryID]!
            if Self.normalized(category?.exemptionReasonCode).isEmpty {
                report(missingCodeRule, "\(categoryPath)/cbc:TaxExemptionReasonCode")
            }
            checkExemption(category, categoryID: categoryID, path: categoryPath, codeRule: "BR-KSA-CL-04")
            if category?.exemptionReasonCode != nil, Self.normalized(category?.exemptionReason).isEmpty {
                report("BR-KSA-83", "\(categoryPath)/cbc:TaxExemptionReason")
            }
            if let reason = category?.exemptionReason, Self.length(reason) > 1000 || Self.length(reason) < 1 {
                report("BR-KSA-F-06-C16", "\(categoryPath)/cbc:TaxExemptionReason", value: "\(Self.length(reason)) characters")
            }
        default:
            break
        }
        checkEducationHealth(category, path: categoryPath)
    }

    /// round2(taxable × rate / 100), as the rule computes it (`format-number` rounds half to even).
    static func expectedTax(_ subtotal: TaxSubtotal) -> ExactDecimal? {
        guard let taxable = subtotal.taxableAmount?.value, let rate = subtotal.category?.percent else { return nil }
        let product = taxable * rate
        let exact = product.divided(by: 100, scale: product.scale + 2)
        return Self.roundHalfEven(exact, scale: 2)
    }

    static func roundHalfEven(_ value: ExactDecimal, scale: Int) -> ExactDecimal {
        guard value.scale > scale else { return value }
        let down = value.rounded(scale: scale, .towardZero)
        let remainder = (value - down).magnitude
        let half = ExactDecimal(significand: 5, scale: scale + 1)
        if remainder < half { return down }
        let step = ExactDecimal(significand: value.isNegative ? -1 : 1, scale: scale)
        if remainder > half { return down + step }
        return down.significand % 2 == 0 ? down : down + step
    }

    /// Within `lines × 0.01` of the expected amount (the tolerance ZATCA added to BR-CO-17).
    static func isWithinTolerance(_ value: ExactDecimal?, expected: ExactDecimal, lines: Int) -> Bool {
        guard let value else { return false }
        if value == expected { return true }
        let tolerance = ExactDecimal(significand: Int128(lines), scale: 2)
        return value >= round2(expected - tolerance) && value <= round2(expected + tolerance)
    }

    /// BR-KSA-18, BR-CL-18, BR-KSA-84, BR-KSA-DEC-02 on any tax category.
    mutating func checkCategoryCodeAndRate(_ category: TaxCategory?, path: String) {
        guard let category else { return }
        if let id = category.id {
            if !" S Z E O ".contains(id) { report("BR-KSA-18", "\(path)/cbc:ID", value: id) }
            let normalized = Self.normalized(id)
            if normalized.contains(" ") || !Self.uncl5305.contains(normalized) { report("BR-CL-18", "\(path)/cbc:ID", value: id) }
        }
        if let percent = category.percent {
            if Self.normalized(category.id) == "S", category.schemeIsVAT, !(percent.rounded(scale: 0, .down) == 15 || percent == 5) {
                report("BR-KSA-84", "\(path)/cbc:Percent", value: percent.description)
            }
            if !(percent >= .zero && percent <= 100 && percent.decimals <= 2) {
                report("BR-KSA-DEC-02", "\(path)/cbc:Percent", value: percent.description)
            }
        }
    }

    /// BR-KSA-CL-04 / BR-KSA-CL-07: the exemption code fits the category.
    mutating func checkExemption(_ category: TaxCategory?, categoryID: String, path: String, codeRule: String) {
        guard let code = category?.exemptionReasonCode else { return }
        let normalized = Self.normalized(code)
        guard !normalized.isEmpty else { return }
        let allowed = VATCategory(rawValue: categoryID)?.exemptionCodes ?? []
        let codes = codeRule == "BR-KSA-CL-07" ? allowed.filter { $0 != "VATEX-SA-ROYALDECREE" && $0 != "VATEX-SA-32(bis)" } : allowed
        if normalized.contains(" ") || !codes.contains(normalized) {
            report(
                codeRule, "\(path)/cbc:TaxExemptionReasonCode", value: code,
                en: "For category \(categoryID) use one of: \(codes.joined(separator: ", ")).",
                ar: "للفئة \(categoryID) استخدم أحد الرموز: \(codes.joined(separator: "، "))."
            )
        }
    }

    /// BR-KSA-49: zero rating for private health or education names the citizen buyer (NAT).
    mutating func checkEducationHealth(_ category: TaxCategory?, path: String) {
        guard let code = category?.exemptionReasonCode, code == "VATEX-SA-EDU" || code == "VATEX-SA-HEA" else { return }
        let identifier = invoice.buyer?.identifiers.first
        if !(identifier != nil && identifier?.scheme == "NAT") {
            report("BR-KSA-49", "\(Self.buyer)/cac:PartyIdentification/cbc:ID", value: identifier?.scheme)
        }
    }

    /// BR-S/Z/E/O-08: a category's taxable amount is its lines plus charges minus allowances.
    private mutating func checkBreakdownSums(_ subtotal: TaxSubtotal, path: String) {
        guard let category = subtotal.category, category.schemeIsVAT else { return }
        let id = Self.normalized(category.id)
        guard let rule = ["S": "BR-S-08", "Z": "BR-Z-08", "E": "BR-E-08", "O": "BR-O-08"][id] else { return }
        let linesOfCategory = invoice.lines.filter { Self.normalized($0.item.taxCategory?.id) == id }
        let allowanceCharges = invoice.allowanceCharges.filter { Self.normalized($0.taxCategory?.id) == id }
        let used =
            invoice.allowanceCharges.contains { $0.taxCategory?.schemeIsVAT == true && Self.normalized($0.taxCategory?.id) == id }
            || invoice.lines.contains { $0.item.taxCategory?.schemeIsVAT == true && Self.normalized($0.item.taxCategory?.id) == id }
        let expected =
            linesOfCategory.compactMap { $0.lineExtensionAmount?.value }.sum()
            + allowanceCharges.filter { $0.isCharge == true }.compactMap { $0.amount?.value }.sum()
            - allowanceCharges.filter { $0.isCharge == false }.compactMap { $0.amount?.value }.sum()
        let stated: ExactDecimal?
        if id == "S" {
            // BR-S-08 compares the sum over every S row.
            stated = invoice.taxTotals.flatMap(\.subtotals).filter { Self.normalized($0.category?.id) == "S" }.compactMap { $0.taxableAmount?.value }.sum()
        } else {
            stated = subtotal.taxableAmount?.value
        }
        if !used || stated != expected {
            report(
                rule, "\(path)/cbc:TaxableAmount", value: subtotal.taxableAmount?.value.description,
                en: "Lines, charges and allowances of category \(id) add up to \(expected).",
                ar: "مجموع البنود والرسوم والخصومات للفئة \(id) هو \(expected)."
            )
        }
    }
}
