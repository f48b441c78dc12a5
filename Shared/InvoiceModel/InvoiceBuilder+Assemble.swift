import Foundation

extension InvoiceBuilder.Context {
    /// The header, parties, VAT breakdown and totals around the lines built so far.
    mutating func assemble(number: String?, uuid: String?, now: Date, findings: inout [Finding]) -> Invoice {
        let (today, time) = InvoiceBuilder.riyadhDateTime(now)
        let transaction = TransactionCode(subtype: draft.subtype, flags: draft.flags ?? TransactionFlags())

        // VAT breakdown: one row per category and rate, tax rounded once per row.
        var subtotals: [TaxSubtotal] = []
        var taxTotal: ExactDecimal = .zero
        for group in groups {
            let tax = (group.taxable * group.rate / 100).roundedToHalala
            taxTotal += tax
            let exempt = group.category != "S"
            subtotals.append(
                TaxSubtotal(
                    taxableAmount: amount(group.taxable.padded(to: 2)),
                    taxAmount: amount(tax),
                    category: TaxCategory(
                        id: group.category, percent: group.rate.padded(to: 2),
                        exemptionReasonCode: exempt ? group.exemptionCode : nil,
                        exemptionReason: exempt ? Self.exemptionText(code: group.exemptionCode, text: group.exemptionReason) : nil
                    )
                )
            )
        }

        let taxExclusive = lineNetTotal - allowanceTotal + chargeTotal
        let taxInclusive = taxExclusive + taxTotal
        var payableRounding = draft.payableRoundingAmount
        if payableRounding == nil, anyInclusiveLine, !anyExclusiveLine, documentAllowanceCharges.isEmpty {
            // Point-of-sale prices: the customer pays the sum of the shelf totals.
            let difference = inclusiveGrossTotal - taxInclusive
            if !difference.isZero { payableRounding = difference }
        }
        let payable = taxInclusive - prepaidTotal + (payableRounding ?? .zero)

        // VAT in the tax currency (SAR), first, as the QR code's tag 5 reads the first total.
        var accountingTax = taxTotal
        if currency != "SAR" {
            if let rate = draft.exchangeRate, rate.isPositive {
                accountingTax = (taxTotal * rate).roundedToHalala
            } else {
                findings.append(
                    Finding(
                        rule: "EINV-EXCHANGE-RATE", severity: .error, path: "/Invoice/cac:TaxTotal[1]/cbc:TaxAmount", field: "exchangeRate",
                        value: draft.exchangeRate?.description,
                        messageEN: "The invoice is in \(currency): give exchangeRate (SAR per 1 \(currency)) so that the VAT can also be stated in SAR.",
                        messageAR: "عملة الفاتورة \(currency): أدخل سعر الصرف exchangeRate (ريال سعودي لكل 1 \(currency)) لبيان الضريبة بالريال السعودي أيضًا."
                    )
                )
            }
        }

        var paymentMeans = PaymentMeans(code: draft.paymentMeansCode ?? "10", payeeAccountID: draft.payeeAccount)
        if draft.kind.isNote, let reason = draft.reason {
            paymentMeans.instructionNotes = [reason]
        }
        let hasDelivery = draft.supplyDate != nil || draft.supplyEndDate != nil

        return Invoice(
            profileID: "reporting:1.0",
            number: number ?? "DRAFT",
            uuid: uuid ?? UUID().uuidString.lowercased(),
            issueDate: draft.issueDate ?? today,
            issueTime: draft.issueTime ?? time,
            typeCode: draft.kind.typeCode,
            typeName: transaction.name,
            notes: (draft.notes ?? []).map { InvoiceNote(text: $0) },
            documentCurrency: currency,
            taxCurrency: "SAR",
            orderReference: draft.purchaseOrder,
            billingReferences: draft.billingReference.map { [$0] } ?? [],
            contractReference: draft.contract,
            seller: Self.party(draft.seller),
            buyer: draft.buyer.map(Self.party),
            delivery: hasDelivery ? Delivery(actualDate: draft.supplyDate, latestDate: draft.supplyEndDate) : nil,
            paymentMeans: [paymentMeans],
            allowanceCharges: documentAllowanceCharges,
            taxTotals: [
                TaxTotal(taxAmount: Amount(accountingTax.padded(to: 2), currency: "SAR")),
                TaxTotal(taxAmount: amount(taxTotal.padded(to: 2)), subtotals: subtotals),
            ],
            monetaryTotal: MonetaryTotal(
                lineExtensionAmount: amount(lineNetTotal.padded(to: 2)),
                taxExclusiveAmount: amount(taxExclusive.padded(to: 2)),
                taxInclusiveAmount: amount(taxInclusive.padded(to: 2)),
                allowanceTotalAmount: amount(allowanceTotal.padded(to: 2)),
                chargeTotalAmount: amount(chargeTotal.padded(to: 2)),
                prepaidAmount: prepaidTotal.isZero ? nil : amount(prepaidTotal.padded(to: 2)),
                payableRoundingAmount: payableRounding.map { amount($0.padded(to: 2)) },
                payableAmount: amount(payable.padded(to: 2))
            ),
            lines: lines
        )
    }

    static func party(_ draft: DraftParty) -> Party {
        Party(
            identifiers: draft.id.map { [PartyIdentifier(scheme: $0.scheme, value: $0.value)] } ?? [],
            address: draft.address,
            vatNumber: draft.vatNumber,
            taxSchemeIsVAT: draft.vatNumber != nil,
            registrationName: draft.name,
            contact: draft.contact
        )
    }
}
