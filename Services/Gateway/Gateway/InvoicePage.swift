import Foundation
import InvoiceModel
import InvoicingContract

/// The invoice as a buyer or a support agent reads it: one HTML page, Arabic right to left with
/// English beside it, the amounts from the stamped document itself, and its QR code.
enum InvoicePage {
    static func render(_ detail: InvoiceDetail, invoice: Invoice?, qrPNG: Data?) -> String {
        let record = detail.invoice
        let (titleAR, titleEN) = title(record)
        let currency = record.currency
        let seller = invoice?.seller
        let buyer = invoice?.buyer
        var html = """
            <!DOCTYPE html>
            <html lang="ar" dir="rtl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(titleAR)) | \(escape(titleEN)) \(escape(record.number ?? ""))</title>
            <style>
            body { font-family: "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", sans-serif; margin: 0; background: #f4f5f7; color: #1d2430; }
            main { max-width: 960px; margin: 24px auto; background: #fff; border-radius: 8px; padding: 32px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
            header { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; border-bottom: 3px solid #0b6e4f; padding-bottom: 16px; }
            h1 { margin: 0 0 4px; font-size: 26px; color: #0b6e4f; }
            .en { direction: ltr; unicode-bidi: isolate; color: #5a6473; font-size: 0.92em; }
            .status { display: inline-block; padding: 4px 12px; border-radius: 12px; font-weight: bold; background: #e3f4ec; color: #0b6e4f; }
            .status.rejected { background: #fde8e8; color: #a61b1b; }
            .status.pending { background: #fff4dc; color: #8a5a00; }
            .parties { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin: 24px 0; }
            .party h2 { font-size: 15px; margin: 0 0 8px; color: #0b6e4f; }
            table { width: 100%; border-collapse: collapse; margin: 16px 0; }
            th, td { padding: 8px 10px; border-bottom: 1px solid #e1e4e8; text-align: start; vertical-align: top; }
            th { background: #f0f4f2; font-size: 13px; }
            td.num, th.num { text-align: end; direction: ltr; unicode-bidi: isolate; white-space: nowrap; }
            .totals { width: 50%; margin-inline-start: auto; }
            .totals tr.grand td { font-weight: bold; font-size: 1.1em; border-top: 2px solid #0b6e4f; }
            .qr { text-align: center; }
            .qr img { width: 180px; height: 180px; image-rendering: pixelated; }
            footer { margin-top: 24px; font-size: 12px; color: #5a6473; direction: ltr; text-align: left; word-break: break-all; }
            </style>
            </head>
            <body>
            <main>
            <header>
            <div>
            <h1>\(escape(titleAR)) <span class="en">\(escape(titleEN))</span></h1>
            <div>رقم الفاتورة <span class="en">Invoice number</span>: <b class="en">\(escape(record.number ?? "—"))</b></div>
            <div>تاريخ الإصدار <span class="en">Issue date</span>: <span class="en">\(escape(record.issueDate)) \(escape(String(record.issueTime.prefix(8))))</span></div>
            \(record.billingReference.map { "<div>الفاتورة الأصلية <span class=\"en\">Original invoice</span>: <span class=\"en\">\(escape($0))</span></div>" } ?? "")
            <div style="margin-top:8px"><span class="status \(statusClass(record.status))">\(escape(statusText(record.status)))</span></div>
            </div>
            <div class="qr">\(qrPNG.map { "<img alt=\"QR\" src=\"data:image/png;base64,\($0.base64EncodedString())\">" } ?? "")
            <div>امسح الرمز للتحقق <span class="en">Scan to verify</span></div></div>
            </header>
            <section class="parties">
            \(party("البائع", "Seller", name: record.sellerName ?? seller?.registrationName, vat: record.sellerVAT, address: seller?.address))
            \(party("المشتري", "Buyer", name: record.buyerName ?? buyer?.registrationName, vat: record.buyerVAT, address: buyer?.address))
            </section>
            <table>
            <thead><tr><th>#</th><th>الصنف <span class="en">Item</span></th><th class="num">الكمية <span class="en">Qty</span></th><th class="num">سعر الوحدة <span class="en">Unit price</span></th><th class="num">الضريبة <span class="en">VAT</span></th><th class="num">المبلغ دون الضريبة <span class="en">Net amount</span></th></tr></thead>
            <tbody>

            """
        for (index, line) in (invoice?.lines ?? []).enumerated() {
            let rate = line.item.taxCategory?.percent.map { "\($0.description) %" } ?? ""
            html += "<tr><td>\(index + 1)</td><td>\(escape(line.item.name ?? ""))</td><td class=\"num\">\(escape(line.quantity?.description ?? ""))</td>"
            html += "<td class=\"num\">\(escape(line.price?.amount.map { money($0.value, currency) } ?? ""))</td><td class=\"num\">\(escape(rate))</td>"
            html += "<td class=\"num\">\(escape(line.lineExtensionAmount.map { money($0.value, currency) } ?? ""))</td></tr>\n"
        }
        html += """
            </tbody>
            </table>
            <table class="totals">
            <tr><td>الإجمالي غير شامل الضريبة <span class="en">Total excluding VAT</span></td><td class="num">\(money(record.totalWithoutVAT, currency))</td></tr>
            <tr><td>ضريبة القيمة المضافة <span class="en">VAT</span></td><td class="num">\(money(record.totalVAT, currency))</td></tr>
            <tr><td>الإجمالي شامل الضريبة <span class="en">Total including VAT</span></td><td class="num">\(money(record.totalWithVAT, currency))</td></tr>
            <tr class="grand"><td>المبلغ المستحق <span class="en">Amount due</span></td><td class="num">\(money(record.payable, currency))</td></tr>
            </table>
            <footer>
            UUID \(escape(record.id)) · EGS \(escape(record.egsID ?? "—")) · ICV \(record.icv.map(String.init) ?? "—")<br>
            Invoice hash \(escape(record.invoiceHash ?? "—"))
            </footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    static func title(_ record: InvoiceRecord) -> (String, String) {
        let simplified = record.subtype == .simplified
        switch record.kind {
        case .creditNote: return (simplified ? "إشعار دائن مبسط" : "إشعار دائن", simplified ? "Simplified credit note" : "Credit note")
        case .debitNote: return (simplified ? "إشعار مدين مبسط" : "إشعار مدين", simplified ? "Simplified debit note" : "Debit note")
        case .prepayment: return ("فاتورة دفعة مقدمة", "Prepayment invoice")
        case .invoice: return (simplified ? "فاتورة ضريبية مبسطة" : "فاتورة ضريبية", simplified ? "Simplified tax invoice" : "Tax invoice")
        }
    }

    static func statusText(_ status: InvoiceStatus) -> String {
        switch status {
        case .cleared: "معتمدة من هيئة الزكاة والضريبة والجمارك · Cleared by ZATCA"
        case .reported: "تم الإبلاغ عنها للهيئة · Reported to ZATCA"
        case .stamped: "مختومة، بانتظار الهيئة · Stamped, awaiting ZATCA"
        case .rejected: "مرفوضة من الهيئة · Rejected by ZATCA"
        case .issued: "صادرة، بانتظار الختم · Issued, awaiting its stamp"
        case .draft: "مسودة · Draft"
        }
    }

    static func statusClass(_ status: InvoiceStatus) -> String {
        switch status {
        case .cleared, .reported: "ok"
        case .rejected: "rejected"
        default: "pending"
        }
    }

    static func party(_ labelAR: String, _ labelEN: String, name: String?, vat: String?, address: PostalAddress?) -> String {
        let place = address.map { [$0.street, $0.buildingNumber, $0.district, $0.city, $0.postalCode, $0.country].compactMap { $0 }.joined(separator: "، ") } ?? ""
        return """
            <div class="party"><h2>\(labelAR) <span class="en">\(labelEN)</span></h2>
            <div><b>\(escape(name ?? "—"))</b></div>
            \(vat.map { "<div>الرقم الضريبي <span class=\"en\">VAT number</span>: <span class=\"en\">\(escape($0))</span></div>" } ?? "")
            \(place.isEmpty ? "" : "<div>\(escape(place))</div>")
            </div>
            """
    }

    static func money(_ value: ExactDecimal, _ currency: String) -> String {
        "\(value.description) \(currency)"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
