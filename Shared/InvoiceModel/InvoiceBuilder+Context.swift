import Foundation

extension InvoiceBuilder {
    /// One VAT breakdown row being summed.
    struct TaxGroup {
        var category: String
        var rate: ExactDecimal
        var exemptionCode: String?
        var exemptionReason: String?
        var taxable: ExactDecimal = .zero
    }

    /// The state of one build.
    struct Context {
        let draft: InvoiceDraft
        let currency: String
        var lines: [InvoiceLine] = []
        var documentAllowanceCharges: [AllowanceCharge] = []
        var groups: [TaxGroup] = []
        var lineNetTotal: ExactDecimal = .zero
        var allowanceTotal: ExactDecimal = .zero
        var chargeTotal: ExactDecimal = .zero
        var prepaidTotal: ExactDecimal = .zero
        /// Σ of what the customer sees per line, when every line is priced with VAT.
        var inclusiveGrossTotal: ExactDecimal = .zero
        var anyInclusiveLine = false
        var anyExclusiveLine = false

        init(draft: InvoiceDraft) {
            self.draft = draft
            currency = draft.currency ?? "SAR"
            lines.reserveCapacity(draft.lines.count + (draft.prepayments?.count ?? 0))
        }

        func amount(_ value: ExactDecimal) -> Amount {
            Amount(value, currency: currency)
        }

        static func defaultRate(_ category: String) -> ExactDecimal {
            category == "S" ? 15 : 0
        }

        /// The group for a category and rate; an exemption code, when given, separates groups
        /// (two exemption reasons are two breakdown rows).
        mutating func groupIndex(category: String, rate: ExactDecimal, exemptionCode: String?, exemptionReason: String?) -> Int {
            if let index = groups.firstIndex(where: {
                $0.category == category && $0.rate == rate && (exemptionCode == nil || $0.exemptionCode == nil || $0.exemptionCode == exemptionCode)
            }) {
                if groups[index].exemptionCode == nil, let exemptionCode {
                    groups[index].exemptionCode = exemptionCode
                    groups[index].exemptionReason = exemptionReason
                }
                return index
            }
            groups.append(TaxGroup(category: category, rate: rate, exemptionCode: exemptionCode, exemptionReason: exemptionReason))
            return groups.count - 1
        }

        static func exemptionText(code: String?, text: String?) -> String? {
            if let text, !text.isEmpty { return text }
            return code.flatMap(ExemptionReasons.text(for:))
        }

        // MARK: Lines

        mutating func buildLines(_ findings: inout [Finding]) {
            for (index, draftLine) in draft.lines.enumerated() {
                lines.append(buildLine(draftLine, index: index, findings: &findings))
            }
        }

        private mutating func buildLine(_ line: DraftLine, index: Int, findings: inout [Finding]) -> InvoiceLine {
            let rate = line.rate ?? Self.defaultRate(line.category)
            let ratePlusOne = rate / 100 + 1
            let inclusive = line.priceIncludesVAT ?? draft.pricesIncludeVAT ?? false
            let baseQuantity = line.baseQuantity ?? 1
            if !line.quantity.isPositive {
                findings.append(
                    Finding(
                        rule: "EINV-QUANTITY", severity: .error, path: "/Invoice/cac:InvoiceLine[\(index + 1)]/cbc:InvoicedQuantity",
                        field: "lines[\(index)].quantity", value: line.quantity.description,
                        messageEN: "Line \(index + 1) has quantity \(line.quantity); a quantity must be greater than zero. To take something back, issue a credit note.",
                        messageAR: "الكمية في البند \(index + 1) هي \(line.quantity)، ويجب أن تكون أكبر من صفر. لإرجاع سلعة أصدر إشعارًا دائنًا."
                    )
                )
            }
            if baseQuantity.isZero || baseQuantity.isNegative {
                findings.append(
                    Finding(
                        rule: "BR-KSA-EN16931-12", severity: .error, path: "/Invoice/cac:InvoiceLine[\(index + 1)]/cac:Price/cbc:BaseQuantity",
                        field: "lines[\(index)].baseQuantity", value: baseQuantity.description,
                        messageEN: "Line \(index + 1): the base quantity must be a positive number.",
                        messageAR: "البند \(index + 1): يجب أن تكون الكمية الأساسية للسعر رقمًا موجبًا."
                    )
                )
            }
            let safeBase = baseQuantity.isPositive ? baseQuantity : 1

            // The unit price net of any price discount, with or without VAT.
            let unitPrice = line.price - (line.priceDiscount ?? .zero)
            let grossBase = Self.truncatedLineAmount(quantity: line.quantity, price: unitPrice, baseQuantity: safeBase)

            var lineAllowanceCharges: [AllowanceCharge] = []
            var allowancesNet: ExactDecimal = .zero
            var chargesNet: ExactDecimal = .zero
            var adjustmentsAsPriced: ExactDecimal = .zero
            for (isCharge, entries) in [(false, line.allowances ?? []), (true, line.charges ?? [])] {
                for entry in entries {
                    var value = entry.amount ?? .zero
                    var base = entry.base
                    if entry.amount == nil, let percent = entry.percent {
                        let baseValue = base ?? grossBase.roundedToHalala
                        base = baseValue
                        value = (baseValue * percent / 100).roundedToHalala
                    }
                    // On VAT-inclusive lines allowances and charges are also VAT-inclusive.
                    let net = inclusive ? value.divided(by: ratePlusOne, scale: 2) : value.roundedToHalala
                    if isCharge { chargesNet += net } else { allowancesNet += net }
                    adjustmentsAsPriced += isCharge ? value.roundedToHalala : -value.roundedToHalala
                    lineAllowanceCharges.append(
                        AllowanceCharge(
                            isCharge: isCharge, reasonCode: entry.reasonCode, reason: entry.reason ?? (isCharge ? "Charge" : "Discount"),
                            multiplierFactor: inclusive ? nil : entry.percent, amount: amount(net.padded(to: 2)),
                            baseAmount: inclusive || entry.percent == nil ? nil : base.map { amount($0.padded(to: 2)) }
                        )
                    )
                }
            }

            let netAmount: ExactDecimal
            let vatAmount: ExactDecimal
            let lineTotal: ExactDecimal
            var netPrice: ExactDecimal
            if inclusive {
                anyInclusiveLine = true
                let customerTotal = (grossBase + adjustmentsAsPriced).roundedToHalala
                netAmount = customerTotal.divided(by: ratePlusOne, scale: 2)
                vatAmount = customerTotal - netAmount
                lineTotal = customerTotal
                inclusiveGrossTotal += customerTotal
                netPrice = Self.netPrice(
                    for: netAmount, quantity: line.quantity, baseQuantity: safeBase, grossPrice: unitPrice, ratePlusOne: ratePlusOne,
                    adjustments: chargesNet - allowancesNet
                )
            } else {
                anyExclusiveLine = true
                netAmount = (grossBase + chargesNet - allowancesNet).roundedToHalala
                vatAmount = (netAmount * rate / 100).roundedToHalala
                lineTotal = netAmount + vatAmount
                netPrice = unitPrice
            }
            if netPrice.scale < 2 { netPrice = netPrice.padded(to: 2) }

            let group = groupIndex(category: line.category, rate: rate, exemptionCode: line.exemptionReasonCode, exemptionReason: line.exemptionReason)
            groups[group].taxable += netAmount
            lineNetTotal += netAmount

            var priceAllowances: [AllowanceCharge] = []
            if let discount = line.priceDiscount, !inclusive {
                priceAllowances.append(
                    AllowanceCharge(isCharge: false, reason: "Discount", amount: amount(discount), baseAmount: amount(line.price))
                )
            }
            return InvoiceLine(
                id: line.id ?? "\(index + 1)",
                quantity: line.quantity,
                unitCode: line.unitCode ?? "PCE",
                lineExtensionAmount: amount(netAmount),
                allowanceCharges: lineAllowanceCharges,
                taxAmount: amount(vatAmount),
                roundingAmount: amount(lineTotal),
                item: Item(
                    name: line.name, buyersItemID: line.buyerItemID, sellersItemID: line.sellerItemID, standardItemID: line.standardItemID,
                    taxCategory: TaxCategory(id: line.category, percent: rate.padded(to: 2))
                ),
                price: Price(
                    amount: amount(netPrice), baseQuantity: line.baseQuantity, baseQuantityUnitCode: line.baseQuantity == nil ? nil : (line.unitCode ?? "PCE"),
                    allowanceCharges: priceAllowances
                )
            )
        }

        /// quantity × (price ÷ base quantity), cut (not rounded) to three decimals, as
        /// BR-KSA-EN16931-11 computes it before adding charges and rounding.
        static func truncatedLineAmount(quantity: ExactDecimal, price: ExactDecimal, baseQuantity: ExactDecimal) -> ExactDecimal {
            let product = quantity * price
            if baseQuantity == 1 { return product.rounded(scale: 3, .down) }
            return product.divided(by: baseQuantity, scale: 3, .down)
        }

        /// The net unit price to state for a VAT-inclusive line: the shortest one (two to six
        /// decimals) from which BR-KSA-EN16931-11 recomputes exactly the line's net amount.
        static func netPrice(
            for netAmount: ExactDecimal, quantity: ExactDecimal, baseQuantity: ExactDecimal, grossPrice: ExactDecimal, ratePlusOne: ExactDecimal,
            adjustments: ExactDecimal
        ) -> ExactDecimal {
            var candidate = grossPrice.divided(by: ratePlusOne, scale: 2)
            for scale in 2...6 {
                candidate = grossPrice.divided(by: ratePlusOne, scale: scale)
                if (truncatedLineAmount(quantity: quantity, price: candidate, baseQuantity: baseQuantity) + adjustments).roundedToHalala == netAmount {
                    return candidate
                }
            }
            return candidate
        }

        // MARK: Document level

        mutating func buildDocumentAllowanceCharges(_ findings: inout [Finding]) {
            for (isCharge, entries) in [(false, draft.allowances ?? []), (true, draft.charges ?? [])] {
                for (index, entry) in entries.enumerated() {
                    let field = "\(isCharge ? "charges" : "allowances")[\(index)]"
                    var value = entry.amount ?? .zero
                    if entry.amount == nil {
                        if let percent = entry.percent, let base = entry.base {
                            value = (base * percent / 100).roundedToHalala
                        } else {
                            findings.append(
                                Finding(
                                    rule: "EINV-ALLOWANCE-AMOUNT", severity: .error, path: "/Invoice/cac:AllowanceCharge", field: field,
                                    messageEN: "A document-level \(isCharge ? "charge" : "allowance") needs an amount, or a percent and the base amount it applies to.",
                                    messageAR: "\(isCharge ? "الرسوم" : "الخصم") على مستوى المستند يحتاج إلى مبلغ، أو نسبة مئوية مع المبلغ الأساسي الذي تطبق عليه."
                                )
                            )
                        }
                    }
                    value = value.roundedToHalala
                    let category = entry.category ?? "S"
                    let rate = entry.rate ?? Self.defaultRate(category)
                    let group = groupIndex(
                        category: category, rate: rate, exemptionCode: entry.exemptionReasonCode,
                        exemptionReason: Self.exemptionText(code: entry.exemptionReasonCode, text: entry.exemptionReason)
                    )
                    if isCharge {
                        groups[group].taxable += value
                        chargeTotal += value
                    } else {
                        groups[group].taxable -= value
                        allowanceTotal += value
                    }
                    documentAllowanceCharges.append(
                        AllowanceCharge(
                            isCharge: isCharge, reasonCode: entry.reasonCode, reason: entry.reason ?? (isCharge ? "Charge" : "Discount"),
                            multiplierFactor: entry.amount == nil ? entry.percent : nil, amount: amount(value),
                            baseAmount: entry.amount == nil ? entry.base.map { amount($0.padded(to: 2)) } : nil,
                            taxCategory: TaxCategory(id: category, percent: rate.padded(to: 2))
                        )
                    )
                }
            }
        }

        mutating func buildPrepayments() {
            for prepayment in draft.prepayments ?? [] {
                let category = prepayment.category ?? "S"
                let rate = prepayment.rate ?? Self.defaultRate(category)
                let taxable = prepayment.taxableAmount.roundedToHalala
                let tax = (taxable * rate / 100).roundedToHalala
                prepaidTotal += taxable + tax
                let exemption = Self.exemptionText(code: prepayment.exemptionReasonCode, text: prepayment.exemptionReason)
                let taxCategory = TaxCategory(
                    id: category, percent: rate.padded(to: 2), exemptionReasonCode: prepayment.exemptionReasonCode,
                    exemptionReason: category == "S" ? nil : exemption
                )
                lines.append(
                    InvoiceLine(
                        id: "\(lines.count + 1)",
                        quantity: ExactDecimal(significand: 0, scale: 2),
                        unitCode: "PCE",
                        lineExtensionAmount: amount(ExactDecimal(significand: 0, scale: 2)),
                        prepaymentReference: PrepaymentReference(
                            id: prepayment.number, uuid: prepayment.uuid, issueDate: prepayment.issueDate, issueTime: prepayment.issueTime
                        ),
                        taxAmount: amount(ExactDecimal(significand: 0, scale: 2)),
                        roundingAmount: amount(ExactDecimal(significand: 0, scale: 2)),
                        taxSubtotals: [TaxSubtotal(taxableAmount: amount(taxable), taxAmount: amount(tax), category: taxCategory)],
                        item: Item(name: prepayment.name ?? "Prepayment adjustment", taxCategory: TaxCategory(id: category, percent: rate.padded(to: 2))),
                        price: Price(amount: amount(ExactDecimal(significand: 0, scale: 2)))
                    )
                )
            }
        }
    }
}
