import InvoiceModel

extension RuleCheck {
    /// BG-20/21 (document level) and BG-27/28 (line level) allowances and charges, and the
    /// price-level discount (BG-29).
    mutating func checkAllowanceCharges() {
        let hasAnyDocumentAmount = invoice.allowanceCharges.contains { $0.amount != nil }
        for (index, allowanceCharge) in invoice.allowanceCharges.enumerated() {
            let path = Self.allowanceCharge(index)
            checkIndicator(allowanceCharge, path: path)
            checkPercentAndBase(allowanceCharge, path: path, checkFormula: hasAnyDocumentAmount)
            let category = allowanceCharge.taxCategory
            let categoryID = Self.normalized(category?.id)
            switch allowanceCharge.isCharge {
            case false?:
                if allowanceCharge.amount == nil { report("BR-31", "\(path)/cbc:Amount") }
                if !(category?.schemeIsVAT == true && Self.present(category?.id)) { report("BR-32", "\(path)/cac:TaxCategory/cbc:ID") }
                if Self.decimals(allowanceCharge.amount) > 2 { report("BR-DEC-01", "\(path)/cbc:Amount", value: allowanceCharge.amount?.value.description) }
                if Self.decimals(allowanceCharge.baseAmount) > 2 { report("BR-DEC-02", "\(path)/cbc:BaseAmount", value: allowanceCharge.baseAmount?.value.description) }
                if let reason = allowanceCharge.reason, Self.length(reason) > 1000 || Self.length(reason) < 1 {
                    report("BR-KSA-F-06-C35", "\(path)/cbc:AllowanceChargeReason", value: "\(Self.length(reason)) characters")
                }
                if category?.schemeIsVAT == true {
                    let percent = category?.percent
                    if categoryID == "E", percent != .zero { report("BR-E-06", "\(path)/cac:TaxCategory/cbc:Percent", value: percent?.description) }
                    if categoryID == "Z", percent != .zero { report("BR-Z-06", "\(path)/cac:TaxCategory/cbc:Percent", value: percent?.description) }
                    if categoryID == "S", !(percent.map { $0 > .zero } ?? false) {
                        report("BR-S-06", "\(path)/cac:TaxCategory/cbc:Percent", value: percent?.description)
                    }
                }
                if categoryID == "O", let percent = category?.percent, !percent.isZero {
                    report("BR-KSA-12", "\(path)/cac:TaxCategory/cbc:Percent", value: percent.description)
                }
            case true?:
                if allowanceCharge.amount == nil { report("BR-36", "\(path)/cbc:Amount") }
                if category?.id == nil { report("BR-37", "\(path)/cac:TaxCategory/cbc:ID") }
                if Self.decimals(allowanceCharge.amount) > 2 { report("BR-DEC-05", "\(path)/cbc:Amount", value: allowanceCharge.amount?.value.description) }
                if Self.decimals(allowanceCharge.baseAmount) > 2 { report("BR-DEC-06", "\(path)/cbc:BaseAmount", value: allowanceCharge.baseAmount?.value.description) }
                if Self.normalized(allowanceCharge.reasonCode).isEmpty { report("BR-KSA-19", "\(path)/cbc:AllowanceChargeReasonCode") }
                if Self.normalized(allowanceCharge.reason).isEmpty { report("BR-KSA-21", "\(path)/cbc:AllowanceChargeReason") }
                if let reason = allowanceCharge.reason, Self.length(reason) > 1000 || Self.length(reason) < 1 {
                    report("BR-KSA-F-06-C33", "\(path)/cbc:AllowanceChargeReason", value: "\(Self.length(reason)) characters")
                }
                checkChargeReasonCode(allowanceCharge, path: path)
                if category?.schemeIsVAT == true, categoryID == "S", !(category?.percent.map { $0 > .zero } ?? false) {
                    report("BR-S-07", "\(path)/cac:TaxCategory/cbc:Percent", value: category?.percent?.description)
                }
                if categoryID == "O", let percent = category?.percent, !percent.isZero {
                    report("BR-KSA-13", "\(path)/cac:TaxCategory/cbc:Percent", value: percent.description)
                }
            case nil:
                break
            }
        }

        // BR-Z-07 / BR-E-07: a zero-rated or exempt charge, while no document-level rate is 0.
        let documentRates = invoice.allowanceCharges.compactMap { $0.taxCategory?.percent }
        for category in ["Z", "E"] {
            let hasCharge = invoice.allowanceCharges.contains {
                $0.isCharge == true && Self.normalized($0.taxCategory?.id) == category && $0.taxCategory?.schemeIsVAT == true
            }
            if hasCharge, !documentRates.contains(.zero) {
                report(category == "Z" ? "BR-Z-07" : "BR-E-07", "\(Self.root)/cac:AllowanceCharge/cac:TaxCategory/cbc:Percent")
            }
        }

        let hasAnyLineAmount = invoice.lines.contains { $0.allowanceCharges.contains { $0.amount != nil } }
        for (lineIndex, line) in invoice.lines.enumerated() {
            for (index, allowanceCharge) in line.allowanceCharges.enumerated() {
                let path = "\(Self.line(lineIndex))/cac:AllowanceCharge[\(index + 1)]"
                checkIndicator(allowanceCharge, path: path)
                checkPercentAndBase(allowanceCharge, path: path, checkFormula: hasAnyLineAmount)
                switch allowanceCharge.isCharge {
                case false?:
                    if allowanceCharge.amount == nil { report("BR-41", "\(path)/cbc:Amount") }
                    if Self.decimals(allowanceCharge.amount) > 2 { report("BR-DEC-24", "\(path)/cbc:Amount", value: allowanceCharge.amount?.value.description) }
                    if Self.decimals(allowanceCharge.baseAmount) > 2 { report("BR-DEC-25", "\(path)/cbc:BaseAmount", value: allowanceCharge.baseAmount?.value.description) }
                    if let reason = allowanceCharge.reason, Self.length(reason) > 1000 || Self.length(reason) < 1 {
                        report("BR-KSA-F-06-C36", "\(path)/cbc:AllowanceChargeReason", value: "\(Self.length(reason)) characters")
                    }
                case true?:
                    if allowanceCharge.amount == nil { report("BR-43", "\(path)/cbc:Amount") }
                    if Self.decimals(allowanceCharge.amount) > 2 { report("BR-DEC-27", "\(path)/cbc:Amount", value: allowanceCharge.amount?.value.description) }
                    if Self.decimals(allowanceCharge.baseAmount) > 2 { report("BR-DEC-28", "\(path)/cbc:BaseAmount", value: allowanceCharge.baseAmount?.value.description) }
                    if Self.normalized(allowanceCharge.reasonCode).isEmpty { report("BR-KSA-20", "\(path)/cbc:AllowanceChargeReasonCode") }
                    if Self.normalized(allowanceCharge.reason).isEmpty { report("BR-KSA-22", "\(path)/cbc:AllowanceChargeReason") }
                    if let reason = allowanceCharge.reason, Self.length(reason) > 1000 || Self.length(reason) < 1 {
                        report("BR-KSA-F-06-C34", "\(path)/cbc:AllowanceChargeReason", value: "\(Self.length(reason)) characters")
                    }
                    checkChargeReasonCode(allowanceCharge, path: path)
                case nil:
                    break
                }
            }
            for (index, allowanceCharge) in (line.price?.allowanceCharges ?? []).enumerated() {
                let path = "\(Self.line(lineIndex))/cac:Price/cac:AllowanceCharge[\(index + 1)]"
                if allowanceCharge.isCharge == true {
                    report("BR-KSA-EN16931-06", "\(path)/cbc:ChargeIndicator", value: allowanceCharge.indicatorText)
                }
                if let base = allowanceCharge.baseAmount {
                    let amount = allowanceCharge.amount?.value ?? .zero
                    if line.price?.amount?.value != base.value - amount {
                        report(
                            "BR-KSA-EN16931-07", "\(Self.line(lineIndex))/cac:Price/cbc:PriceAmount", value: line.price?.amount?.value.description,
                            en: "Gross price \(base.value) minus discount \(amount) is \(base.value - amount).",
                            ar: "السعر الإجمالي \(base.value) ناقص الخصم \(amount) يساوي \(base.value - amount)."
                        )
                    }
                }
            }
        }
    }

    private mutating func checkIndicator(_ allowanceCharge: AllowanceCharge, path: String) {
        if allowanceCharge.isCharge == nil {
            report("BR-KSA-F-02", "\(path)/cbc:ChargeIndicator", value: allowanceCharge.indicatorText)
        }
    }

    /// BR-KSA-DEC-01 and BR-KSA-EN16931-03/04/05: percentage, base amount and their product.
    private mutating func checkPercentAndBase(_ allowanceCharge: AllowanceCharge, path: String, checkFormula: Bool) {
        if allowanceCharge.isCharge == false, let factor = allowanceCharge.multiplierFactor,
            !(factor >= .zero && factor <= 100 && factor.decimals <= 2)
        {
            report("BR-KSA-DEC-01", "\(path)/cbc:MultiplierFactorNumeric", value: factor.description)
        }
        if allowanceCharge.baseAmount != nil, allowanceCharge.multiplierFactor == nil {
            report("BR-KSA-EN16931-05", "\(path)/cbc:MultiplierFactorNumeric")
        }
        if allowanceCharge.multiplierFactor != nil, allowanceCharge.baseAmount == nil {
            report("BR-KSA-EN16931-04", "\(path)/cbc:BaseAmount")
        }
        if checkFormula, let amount = allowanceCharge.amount, let base = allowanceCharge.baseAmount {
            let expected = allowanceCharge.multiplierFactor.map { (base.value * $0 / 100).rounded(scale: 2, .halfUp) }
            if expected.map({ $0 != amount.value }) ?? true {
                report(
                    "BR-KSA-EN16931-03", "\(path)/cbc:Amount", value: amount.value.description,
                    en: expected.map { "Expected \($0)." }, ar: expected.map { "المتوقع \($0)." }
                )
            }
        }
    }

    /// BR-KSA-CL-06: a charge's reason code is from UNTDID 7161.
    private mutating func checkChargeReasonCode(_ allowanceCharge: AllowanceCharge, path: String) {
        if let code = allowanceCharge.reasonCode, !Self.untdid7161.contains(code) {  // substring, as the rule's contains()
            report("BR-KSA-CL-06", "\(path)/cbc:AllowanceChargeReasonCode", value: code)
        }
    }
}
