import InvoiceModel

extension RuleCheck {
    /// KSA-5/24 supply dates and BG-16 payment instructions.
    mutating func checkDeliveryAndPayment() {
        let root = Self.root
        if let delivery = invoice.delivery, let latest = delivery.latestDate {
            let path = "\(root)/cac:Delivery/cbc:LatestDeliveryDate"
            if Self.normalized(delivery.actualDate).isEmpty {
                report("BR-KSA-35", path, value: latest)
            } else if let actual = delivery.actualDate, Self.isCalendarDate(actual), Self.isCalendarDate(latest), latest < actual {
                report("BR-KSA-36", path, value: latest, en: "The supply date is \(actual).", ar: "تاريخ التوريد \(actual).")
            }
        }
        if isStandard, invoice.typeCode == "388", Self.normalized(invoice.delivery?.actualDate).isEmpty {
            report("BR-KSA-15", "\(root)/cac:Delivery/cbc:ActualDeliveryDate")
        }

        for (index, means) in invoice.paymentMeans.enumerated() {
            let path = "\(root)/cac:PaymentMeans[\(index + 1)]"
            if isStandard, means.code == nil {
                report("BR-49", "\(path)/cbc:PaymentMeansCode")
            }
            if let code = means.code {
                let normalized = Self.normalized(code)
                if !normalized.contains(" "), !Self.paymentMeansCodes.contains(normalized) {
                    report("BR-CL-16", "\(path)/cbc:PaymentMeansCode", value: code)
                    if isStandard || isSimplified {
                        report("BR-KSA-16", "\(path)/cbc:PaymentMeansCode", value: code)
                    }
                } else if normalized.contains(" ") {
                    report("BR-CL-16", "\(path)/cbc:PaymentMeansCode", value: code)
                    if isStandard || isSimplified { report("BR-KSA-16", "\(path)/cbc:PaymentMeansCode", value: code) }
                }
            }
            if let account = means.payeeAccountID, Self.length(account) > 127, isStandard || isSimplified {
                report("BR-KSA-F-06-C15", "\(path)/cac:PayeeFinancialAccount/cbc:ID", value: account)
            }
        }
    }

    /// Credit and debit notes: the reason (KSA-10) and the invoice they adjust (BT-25).
    mutating func checkNotes() {
        let root = Self.root
        let code = invoice.typeCode
        guard code == "381" || code == "383" else {
            for (index, reference) in invoice.billingReferences.enumerated() where !Self.present(reference) {
                report("BR-55", "\(root)/cac:BillingReference[\(index + 1)]/cac:InvoiceDocumentReference/cbc:ID")
            }
            return
        }
        for (index, means) in invoice.paymentMeans.enumerated() {
            if means.instructionNotes.isEmpty {
                report("BR-KSA-17", "\(root)/cac:PaymentMeans[\(index + 1)]/cbc:InstructionNote")
            }
            for (noteIndex, note) in means.instructionNotes.enumerated() where Self.length(note) > 1000 || Self.length(note) < 1 {
                report("BR-KSA-F-06-C13", "\(root)/cac:PaymentMeans[\(index + 1)]/cbc:InstructionNote[\(noteIndex + 1)]", value: "\(Self.length(note)) characters")
            }
        }
        for (index, reference) in invoice.billingReferences.enumerated() {
            let path = "\(root)/cac:BillingReference[\(index + 1)]/cac:InvoiceDocumentReference/cbc:ID"
            if !Self.present(reference) {
                report("BR-55", path)
                report("BR-KSA-56", path)
            }
            if Self.length(reference) > 5000 || Self.length(reference) < 1 {
                report("BR-KSA-F-06-C22", path, value: "\(Self.length(reference)) characters")
            }
        }
    }
}
