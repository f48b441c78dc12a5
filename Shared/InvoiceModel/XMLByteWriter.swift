/// Appends indented XML to a byte buffer: start and end tags, leaf elements with escaped text.
///
/// The output is already in the form canonical XML (C14N 1.1) produces for it (double-quoted
/// attributes, `&lt;`/`&gt;`/`&amp;` in text, explicit end tags), so the signing service can hash
/// the bytes as they are without a round trip through an XML library.
struct XMLByteWriter {
    private(set) var bytes: [UInt8]
    private var depth = 0

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Sets the indentation level for the next line.
    mutating func indentLevel(_ level: Int) {
        depth = level
    }

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    private mutating func newlineAndIndent() {
        bytes.append(0x0A)
        for _ in 0..<depth { raw("    ") }
    }

    mutating func open(_ name: StaticString) {
        newlineAndIndent()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
        depth += 1
    }

    mutating func close(_ name: StaticString) {
        depth -= 1
        newlineAndIndent()
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name>text</name>`, skipped when `text` is nil.
    mutating func leaf(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        newlineAndIndent()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
        appendEscaped(text, attribute: false)
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name attribute="value">text</name>`; the attribute is left out when its value is nil.
    mutating func leaf(_ name: StaticString, _ text: String?, attribute: StaticString, value: String?) {
        guard let text else { return }
        newlineAndIndent()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        if let value {
            bytes.append(UInt8(ascii: " "))
            raw(attribute)
            raw("=\"")
            appendEscaped(value, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
        appendEscaped(text, attribute: false)
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// An amount with its currency: `<cbc:TaxAmount currencyID="SAR">130.44</cbc:TaxAmount>`.
    mutating func amount(_ name: StaticString, _ amount: Amount?) {
        guard let amount else { return }
        newlineAndIndent()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        if let currency = amount.currency {
            raw(" currencyID=\"")
            appendEscaped(currency, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
        amount.value.append(to: &bytes)
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// A decimal without attributes.
    mutating func number(_ name: StaticString, _ value: ExactDecimal?) {
        guard let value else { return }
        newlineAndIndent()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
        value.append(to: &bytes)
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name></name>` with nothing inside.
    mutating func empty(_ name: StaticString) {
        newlineAndIndent()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        raw("></")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Escapes as canonical XML does; characters XML 1.0 cannot carry at all (most C0 controls)
    /// become U+FFFD so that the document stays well formed.
    private mutating func appendEscaped(_ text: String, attribute: Bool) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x3F else { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">") where !attribute: replacement = "&gt;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case 0x0D: replacement = "&#xD;"
                case 0x09 where attribute: replacement = "&#x9;"
                case 0x0A where attribute: replacement = "&#xA;"
                case 0x09, 0x0A: continue
                case 0x00..<0x20: replacement = "\u{FFFD}"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                raw(replacement)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
    }
}
