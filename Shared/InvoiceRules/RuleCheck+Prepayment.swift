import InvoiceModel

extension RuleCheck {
    /// KSA-26…34: lines that settle prepayment invoices, and the prepaid amount (BT-113).
    mutating func checkPrepayments() {
        let prepaid = invoice.monetaryTotal?.prepaidAmount?.value
        let hasPrepaid = prepaid.map { $0 > .zero } ?? false
        let lineSubtotals = invoice.lines.flatMap(\.taxSubtotals)
        let taxableSum = lineSubtotals.compactMap { $0.taxableAmount?.value }.sum()
        let taxSum = lineSubtotals.compactMap { $0.taxAmount?.value }.sum()
        let anyNot386 = invoice.lines.contains { $0.prepaymentReference?.documentTypeCode.map { $0 != "386" } ?? false }

        // BR-KSA-80: the prepaid amount equals the prepaid taxable amounts plus their VAT.
        let prepaidValue = prepaid ?? .zero
        let fires =
            (prepaidValue.isZero && !lineSubtotals.isEmpty && lineSubtotals.contains { $0.taxableAmount != nil || $0.taxAmount != nil })
            || (!prepaidValue.isZero && taxableSum > .zero && taxSum > .zero && anyNot386)
            || Self.roundHalfEven(prepaidValue, scale: 2) != Self.roundHalfEven(taxableSum + taxSum, scale: 2)
        if fires {
            report(
                "BR-KSA-80", "\(Self.totals)/cbc:PrepaidAmount", value: prepaid?.description,
                en: "The prepayment lines add up to \(taxableSum + taxSum).", ar: "مجموع بنود الدفعات المقدمة \(taxableSum + taxSum)."
            )
        }

        for (index, line) in invoice.lines.enumerated() {
            let path = Self.line(index)
            if hasPrepaid, let reference = line.prepaymentReference {
                let referencePath = "\(path)/cac:DocumentReference"
                if reference.documentTypeCode != "386", Self.normalized(reference.documentTypeCode) != "386" {
                    report("BR-KSA-74", "\(referencePath)/cbc:DocumentTypeCode", value: reference.documentTypeCode)
                }
                let zero = ExactDecimal.zero
                if line.lineExtensionAmount?.value != zero || line.taxAmount?.value != zero || line.roundingAmount?.value != zero
                    || line.price?.amount?.value != zero
                {
                    report("BR-KSA-82", path)
                }
                if !line.allowanceCharges.isEmpty, !line.allowanceCharges.contains(where: { $0.amount?.value == zero }) {
                    report("BR-KSA-82", "\(path)/cac:AllowanceCharge")
                }
                if reference.id == nil || reference.issueDate == nil || reference.issueTime == nil || reference.documentTypeCode == nil {
                    report("BR-KSA-73", referencePath)
                }
                let subtotal = line.taxSubtotals.first
                if subtotal?.taxAmount == nil || subtotal?.category?.percent == nil || subtotal?.taxableAmount == nil || subtotal?.category?.id == nil {
                    report("BR-KSA-75", "\(path)/cac:TaxTotal/cac:TaxSubtotal")
                }
            }
            if let time = line.prepaymentReference?.issueTime, !Self.isIssueTime(time) {
                report("BR-KSA-F-05", "\(path)/cac:DocumentReference/cbc:IssueTime", value: time)
            }
            for (subtotalIndex, subtotal) in line.taxSubtotals.enumerated() {
                checkLineSubtotal(subtotal, path: "\(path)/cac:TaxTotal/cac:TaxSubtotal[\(subtotalIndex + 1)]", prepaid: hasPrepaid)
            }
        }
    }

    /// The prepaid VAT breakdown carried on a line.
    private mutating func checkLineSubtotal(_ subtotal: TaxSubtotal, path: String, prepaid: Bool) {
        let category = subtotal.category
        let id = Self.normalized(category?.id)
        let categoryPath = "\(path)/cac:TaxCategory"
        checkCategoryCodeAndRate(category, path: categoryPath)
        checkEducationHealth(category, path: categoryPath)

        if let taxable = subtotal.taxableAmount?.value, let tax = subtotal.taxAmount?.value {
            let rate = category?.percent
            let expected = rate.map { Self.roundHalfEven((taxable * $0).divided(by: 100, scale: max(taxable.scale + $0.scale, 2) + 2), scale: 2) }
            let halala = ExactDecimal(significand: 1, scale: 2)
            let exact = expected.map { $0 == tax } ?? false
            let near = expected.map { tax == $0 || tax == $0 + halala || tax == $0 - halala } ?? false
            let nonStandard = id != "S" || rate == nil
            if nonStandard ? !near : !exact {
                report("BR-KSA-79", "\(path)/cbc:TaxAmount", value: tax.description, en: expected.map { "Expected \($0)." }, ar: expected.map { "المتوقع \($0)." })
            }
        }
        if prepaid {
            if Self.decimals(subtotal.taxableAmount) > 2 || Self.decimals(subtotal.taxAmount) > 2 {
                report("BR-KSA-DEC-06", path)
            }
            let percent = category?.percent
            if id == "Z", category?.schemeIsVAT == true, percent != .zero { report("BR-KSA-76", "\(categoryPath)/cbc:Percent", value: percent?.description) }
            if id == "E", category?.schemeIsVAT == true, percent != .zero { report("BR-KSA-77", "\(categoryPath)/cbc:Percent", value: percent?.description) }
            if id == "O", category?.schemeIsVAT == true, percent != .zero { report("BR-KSA-78", "\(categoryPath)/cbc:Percent", value: percent?.description) }
        }
        guard category?.schemeIsVAT == true, ["Z", "E", "O"].contains(id) else { return }
        let missingRule = ["Z": "BR-KSA-93", "E": "BR-KSA-94", "O": "BR-KSA-95"][id]!
        if Self.normalized(category?.exemptionReasonCode).isEmpty { report(missingRule, "\(categoryPath)/cbc:TaxExemptionReasonCode") }
        if category?.exemptionReasonCode != nil, Self.normalized(category?.exemptionReason).isEmpty {
            report("BR-KSA-96", "\(categoryPath)/cbc:TaxExemptionReason")
        }
        checkExemption(category, categoryID: id, path: categoryPath, codeRule: "BR-KSA-CL-07")
        if let reason = category?.exemptionReason, Self.length(reason) > 1000 || Self.length(reason) < 1 {
            report("BR-KSA-F-06-C39", "\(categoryPath)/cbc:TaxExemptionReason", value: "\(Self.length(reason)) characters")
        }
    }
}
