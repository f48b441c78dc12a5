import InvoiceModel

extension RuleCheck {
    /// BG-22: the document totals and how they add up (BR-CO-10…16).
    mutating func checkTotals() {
        let path = Self.totals
        let root = Self.root
        let lineSum = invoice.lines.compactMap { $0.lineExtensionAmount?.value }.sum()
        let subtotalTaxSum = invoice.taxTotals.flatMap(\.subtotals).compactMap { $0.taxAmount?.value }.sum()

        // BR-CO-15 does not need cac:LegalMonetaryTotal to exist.
        let hasTaxInDocumentCurrency = invoice.taxTotals.contains { $0.taxAmount?.currency == documentCurrency && $0.taxAmount != nil }
        let totals = invoice.monetaryTotal
        if let exclusive = totals?.taxExclusiveAmount?.value, let inclusive = totals?.taxInclusiveAmount?.value {
            let expected = Self.round2(exclusive + subtotalTaxSum)
            if !hasTaxInDocumentCurrency || inclusive != expected {
                report(
                    "BR-CO-15", "\(path)/cbc:TaxInclusiveAmount", value: inclusive.description,
                    en: "Total without VAT \(exclusive) plus VAT \(subtotalTaxSum) is \(expected).",
                    ar: "الإجمالي دون الضريبة \(exclusive) مضافًا إليه الضريبة \(subtotalTaxSum) يساوي \(expected)."
                )
            }
        } else if documentCurrency != nil {
            report("BR-CO-15", "\(path)/cbc:TaxInclusiveAmount", value: totals?.taxInclusiveAmount?.value.description)
        }

        if invoice.lines.isEmpty { report("BR-16", "\(root)/cac:InvoiceLine") }
        guard let totals else { return }

        if totals.taxExclusiveAmount == nil { report("BR-13", "\(path)/cbc:TaxExclusiveAmount") }
        if totals.taxInclusiveAmount == nil { report("BR-14", "\(path)/cbc:TaxInclusiveAmount") }
        if totals.payableAmount == nil { report("BR-15", "\(path)/cbc:PayableAmount") }

        // BR-CO-10: Σ line net amounts.
        if totals.lineExtensionAmount?.value != Self.round2(lineSum) {
            report(
                "BR-CO-10", "\(path)/cbc:LineExtensionAmount", value: totals.lineExtensionAmount?.value.description,
                en: "The lines add up to \(Self.round2(lineSum)).", ar: "مجموع صافي البنود \(Self.round2(lineSum))."
            )
        }

        // BR-CO-11/12: Σ document-level allowances and charges.
        let allowances = invoice.allowanceCharges.filter { $0.isCharge == false }
        let charges = invoice.allowanceCharges.filter { $0.isCharge == true }
        let allowanceSum = Self.round2(allowances.compactMap { $0.amount?.value }.sum())
        let chargeSum = Self.round2(charges.compactMap { $0.amount?.value }.sum())
        if let stated = totals.allowanceTotalAmount {
            if stated.value != allowanceSum {
                report("BR-CO-11", "\(path)/cbc:AllowanceTotalAmount", value: stated.value.description, en: "The allowances add up to \(allowanceSum).", ar: "مجموع الخصومات \(allowanceSum).")
            }
        } else if !allowances.isEmpty {
            report("BR-CO-11", "\(path)/cbc:AllowanceTotalAmount")
        }
        if let stated = totals.chargeTotalAmount {
            if stated.value != chargeSum {
                report("BR-CO-12", "\(path)/cbc:ChargeTotalAmount", value: stated.value.description, en: "The charges add up to \(chargeSum).", ar: "مجموع الرسوم \(chargeSum).")
            }
        } else if !charges.isEmpty {
            report("BR-CO-12", "\(path)/cbc:ChargeTotalAmount")
        }

        // BR-CO-13: total without VAT = lines − allowances + charges.
        if let exclusive = totals.taxExclusiveAmount?.value {
            let chargeTotal = totals.chargeTotalAmount?.value
            let allowanceTotal = totals.allowanceTotalAmount?.value
            let expected: ExactDecimal? =
                switch (chargeTotal, allowanceTotal) {
                case (let charge?, let allowance?): Self.round2(lineSum + charge - allowance)
                case (nil, let allowance?): Self.round2(lineSum - allowance)
                case (let charge?, nil): Self.round2(lineSum + charge)
                case (nil, nil): totals.lineExtensionAmount?.value
                }
            if expected != exclusive {
                report(
                    "BR-CO-13", "\(path)/cbc:TaxExclusiveAmount", value: exclusive.description,
                    en: expected.map { "Lines minus allowances plus charges is \($0)." }, ar: expected.map { "صافي البنود ناقص الخصومات زائد الرسوم يساوي \($0)." }
                )
            }
        }

        // BR-CO-16: amount due = total with VAT − prepaid + rounding.
        if let payable = totals.payableAmount?.value, let inclusive = totals.taxInclusiveAmount?.value {
            let prepaid = totals.prepaidAmount?.value
            let rounding = totals.payableRoundingAmount?.value
            let matches: Bool
            switch (prepaid, rounding) {
            case (let prepaid?, nil): matches = payable == Self.round2(inclusive - prepaid)
            case (nil, nil): matches = payable == inclusive
            case (let prepaid?, let rounding?): matches = Self.round2(payable - rounding) == Self.round2(inclusive - prepaid)
            case (nil, let rounding?): matches = Self.round2(payable - rounding) == inclusive
            }
            if !matches {
                let expected = inclusive - (prepaid ?? .zero) + (rounding ?? .zero)
                report("BR-CO-16", "\(path)/cbc:PayableAmount", value: payable.description, en: "Expected \(expected).", ar: "المتوقع \(expected).")
            }
        } else if totals.payableAmount != nil {
            report("BR-CO-16", "\(path)/cbc:PayableAmount", value: totals.payableAmount?.value.description)
        }

        let decimalRules: [(String, Amount?, String)] = [
            ("BR-DEC-09", totals.lineExtensionAmount, "cbc:LineExtensionAmount"),
            ("BR-DEC-10", totals.allowanceTotalAmount, "cbc:AllowanceTotalAmount"),
            ("BR-DEC-11", totals.chargeTotalAmount, "cbc:ChargeTotalAmount"),
            ("BR-DEC-12", totals.taxExclusiveAmount, "cbc:TaxExclusiveAmount"),
            ("BR-DEC-14", totals.taxInclusiveAmount, "cbc:TaxInclusiveAmount"),
            ("BR-DEC-16", totals.prepaidAmount, "cbc:PrepaidAmount"),
            ("BR-DEC-17", totals.payableRoundingAmount, "cbc:PayableRoundingAmount"),
            ("BR-DEC-18", totals.payableAmount, "cbc:PayableAmount"),
        ]
        for (rule, amount, name) in decimalRules where Self.decimals(amount) > 2 {
            report(rule, "\(path)/\(name)", value: amount?.value.description)
        }
    }
}
