import InvoiceModel

extension RuleCheck {
    /// einvoice's own checks on requests, where ZATCA would accept (or only warn about) a
    /// document that is surely a mistake.
    mutating func checkPlatformRules() {
        if isStandard {
            let buyer = invoice.buyer
            let named = !Self.normalized(buyer?.registrationName).isEmpty
            let identified = !Self.normalized(buyer?.vatNumber).isEmpty || buyer?.identifiers.contains { !Self.normalized($0.value).isEmpty } == true
            if !named || !identified {
                var missing: [String] = []
                var missingArabic: [String] = []
                if !named {
                    missing.append("name")
                    missingArabic.append("الاسم")
                }
                if !identified {
                    missing.append("VAT number or other ID")
                    missingArabic.append("الرقم الضريبي أو معرف آخر")
                }
                report(
                    "EINV-STANDARD-BUYER", Self.buyer, en: "Missing: \(missing.joined(separator: ", ")).",
                    ar: "الناقص: \(missingArabic.joined(separator: "، "))."
                )
            }
        }
        if invoice.kind?.isNote == true {
            if !invoice.billingReferences.contains(where: { !Self.normalized($0).isEmpty }) {
                report("EINV-NOTE-REFERENCE", "\(Self.root)/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID")
            }
            if !invoice.paymentMeans.contains(where: { $0.instructionNotes.contains { !Self.normalized($0).isEmpty } }) {
                report("EINV-NOTE-REASON", "\(Self.root)/cac:PaymentMeans/cbc:InstructionNote")
            }
        }
        // The rate must fit the category (ZATCA splits this over several rules, some of them
        // warnings; a request with a wrong rate is refused outright).
        var categories: [(TaxCategory?, String)] = invoice.lines.enumerated().map {
            ($1.item.taxCategory, "\(Self.line($0))/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent")
        }
        categories += invoice.allowanceCharges.enumerated().map { ($1.taxCategory, "\(Self.allowanceCharge($0))/cac:TaxCategory/cbc:Percent") }
        for (category, path) in categories {
            guard let category, let id = category.category, let rate = category.percent else { continue }
            let fits = id == .standard ? (rate == 15 || rate == 5) : rate.isZero
            if !fits {
                report(
                    "EINV-RATE-CATEGORY", path, value: rate.description,
                    en: id == .standard ? "Category S is taxed at 15 % (or 5 %)." : "Category \(id.rawValue) has a rate of 0.",
                    ar: id == .standard ? "الفئة S تخضع لنسبة 15٪ (أو 5٪)." : "نسبة الفئة \(id.rawValue) صفر."
                )
            }
        }
    }
}
