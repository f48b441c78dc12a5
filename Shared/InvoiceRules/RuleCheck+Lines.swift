import InvoiceModel

extension RuleCheck {
    /// BG-25: each line's identity, quantity, net amount, VAT, item and price.
    mutating func checkLines() {
        for (index, line) in invoice.lines.enumerated() {
            checkLine(line, index: index)
        }
    }

    private mutating func checkLine(_ line: InvoiceLine, index: Int) {
        let path = Self.line(index)
        if !Self.present(line.id) { report("BR-21", "\(path)/cbc:ID") }
        if let id = line.id, Self.length(id) > 6 || Self.length(id) < 1 {
            report("BR-KSA-F-06-C17", "\(path)/cbc:ID", value: id)
        }
        if line.quantityText == nil || line.quantityText == "0" {
            report("BR-22", "\(path)/cbc:InvoicedQuantity", value: line.quantityText)
        }
        if let unit = line.unitCode, Self.length(unit) > 127 { report("BR-KSA-F-06-C18", "\(path)/cbc:InvoicedQuantity/@unitCode", value: unit) }
        if line.lineExtensionAmount == nil { report("BR-24", "\(path)/cbc:LineExtensionAmount") }
        if Self.decimals(line.lineExtensionAmount) > 2 { report("BR-DEC-23", "\(path)/cbc:LineExtensionAmount", value: line.lineExtensionAmount?.value.description) }

        // Item.
        let itemPath = "\(path)/cac:Item"
        if !Self.present(line.item.name) { report("BR-25", "\(itemPath)/cbc:Name") }
        if let name = line.item.name {
            if Self.length(name) > 1000 || Self.length(name) < 3 { report("BR-KSA-F-06-C19", "\(itemPath)/cbc:Name", value: name) }
            if Self.isDigits(name) { report("BR-KSA-F-C-01", "\(itemPath)/cbc:Name", value: name) }
        }
        for (id, element, rule) in [
            (line.item.buyersItemID, "cac:BuyersItemIdentification", "BR-KSA-F-06-C30"),
            (line.item.sellersItemID, "cac:SellersItemIdentification", "BR-KSA-F-06-C31"),
            (line.item.standardItemID, "cac:StandardItemIdentification", "BR-KSA-F-06-C20"),
        ] {
            if let id, Self.length(id) > 127 { report(rule, "\(itemPath)/\(element)/cbc:ID", value: id) }
        }
        let category = line.item.taxCategory
        let categoryPath = "\(itemPath)/cac:ClassifiedTaxCategory"
        if !(category?.schemeIsVAT == true && category?.id != nil) { report("BR-CO-04", "\(categoryPath)/cbc:ID") }
        checkCategoryCodeAndRate(category, path: categoryPath)
        if let category, category.schemeIsVAT {
            let percent = category.percent
            switch Self.normalized(category.id) {
            case "S":
                if !(percent.map { $0 > .zero } ?? false) { report("BR-S-05", "\(categoryPath)/cbc:Percent", value: percent?.description) }
            case "Z":
                if percent != .zero { report("BR-Z-05", "\(categoryPath)/cbc:Percent", value: percent?.description) }
            case "E":
                if percent != .zero { report("BR-E-05", "\(categoryPath)/cbc:Percent", value: percent?.description) }
            default:
                break
            }
        }
        if Self.normalized(category?.id) == "O", let percent = category?.percent, !percent.isZero {
            report("BR-KSA-11", "\(categoryPath)/cbc:Percent", value: percent.description)
        }

        // Line VAT (KSA-11) and amount with VAT (KSA-12).
        let taxPath = "\(path)/cac:TaxTotal"
        if isStandard {
            if line.taxAmount == nil { report("BR-KSA-52", "\(taxPath)/cbc:TaxAmount") }
            if line.roundingAmount == nil { report("BR-KSA-53", "\(taxPath)/cbc:RoundingAmount") }
        }
        if Self.decimals(line.taxAmount) > 2 { report("BR-KSA-DEC-03", "\(taxPath)/cbc:TaxAmount", value: line.taxAmount?.value.description) }
        if Self.decimals(line.roundingAmount) > 2 { report("BR-KSA-DEC-04", "\(taxPath)/cbc:RoundingAmount", value: line.roundingAmount?.value.description) }
        if line.taxAmount != nil || line.roundingAmount != nil || !line.taxSubtotals.isEmpty {
            let tax = line.taxAmount?.value
            let net = line.lineExtensionAmount?.value
            let expected = tax.flatMap { tax in net.map { Self.roundHalfEven(Self.round2($0 + tax), scale: 2) } }
            let stated = line.roundingAmount.map { Self.roundHalfEven($0.value, scale: 2) }
            if expected == nil || stated == nil || expected != stated {
                report(
                    "BR-KSA-51", "\(taxPath)/cbc:RoundingAmount", value: line.roundingAmount?.value.description,
                    en: expected.map { "Line net plus line VAT is \($0)." }, ar: expected.map { "صافي البند مضافًا إليه ضريبته يساوي \($0)." }
                )
            }
        }

        // Price.
        if line.price?.amount == nil { report("BR-26", "\(path)/cac:Price/cbc:PriceAmount") }
        if let base = line.price?.baseQuantity, !(base > .zero) {
            report("BR-KSA-EN16931-12", "\(path)/cac:Price/cbc:BaseQuantity", value: base.description)
        }
        if let unit = line.price?.baseQuantityUnitCode, Self.length(unit) > 127 {
            report("BR-KSA-F-06-C21", "\(path)/cac:Price/cbc:BaseQuantity/@unitCode", value: unit)
        }
        checkLineNet(line, path: path)
    }

    /// BR-KSA-EN16931-11: net = quantity × (price ÷ base quantity), cut to three decimals,
    /// + charges − allowances, rounded to two; a halala either way is tolerated.
    private mutating func checkLineNet(_ line: InvoiceLine, path: String) {
        guard let net = line.lineExtensionAmount?.value else { return }
        let quantity = line.quantity ?? .zero
        let price = line.price?.amount?.value ?? .zero
        var raw = quantity * price
        if let base = line.price?.baseQuantity, !base.isZero {
            raw = raw.divided(by: base, scale: max(raw.scale, 6), .down)
        }
        let truncated = raw.rounded(scale: 3, .down)
        let charges = line.allowanceCharges.filter { $0.isCharge == true }.compactMap { $0.amount?.value }.sum()
        let allowances = line.allowanceCharges.filter { $0.isCharge == false }.compactMap { $0.amount?.value }.sum()
        let expected = (truncated + charges - allowances).rounded(scale: 2, .halfTowardPositiveInfinity)
        let halala = ExactDecimal(significand: 1, scale: 2)
        if net != expected, net != expected + halala, net != expected - halala {
            report(
                "BR-KSA-EN16931-11", "\(path)/cbc:LineExtensionAmount", value: net.description,
                en: "Quantity × price + charges − allowances is \(expected).", ar: "الكمية × السعر + الرسوم − الخصومات يساوي \(expected)."
            )
        }
    }
}
