import Foundation

/// Escaping for text written into XML, in the form canonical XML uses, and unescaping of the
/// text read out of it.
public enum XMLEscaping {
    /// Text content: `&`, `<`, `>` and carriage return escaped, as C14N writes them.
    public static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value in double quotes, as C14N writes it.
    public static func attribute(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#x9;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Resolves the predefined entities and character references of raw element content.
    /// CDATA sections are kept as their content; comments and processing instructions are
    /// dropped.
    public static func unescape(_ raw: Substring) -> String {
        guard raw.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C }) else { return String(raw) }
        var out = ""
        var rest = raw
        while let index = rest.firstIndex(where: { $0 == "&" || $0 == "<" }) {
            out += rest[..<index]
            rest = rest[index...]
            if rest.hasPrefix("<![CDATA["), let close = rest.range(of: "]]>") {
                out += rest[rest.index(rest.startIndex, offsetBy: 9)..<close.lowerBound]
                rest = rest[close.upperBound...]
                continue
            }
            // Comments and processing instructions are not part of the text.
            if rest.hasPrefix("<!--"), let close = rest.range(of: "-->", range: rest.index(rest.startIndex, offsetBy: 4)..<rest.endIndex) {
                rest = rest[close.upperBound...]
                continue
            }
            if rest.hasPrefix("<?"), let close = rest.range(of: "?>", range: rest.index(rest.startIndex, offsetBy: 2)..<rest.endIndex) {
                rest = rest[close.upperBound...]
                continue
            }
            guard rest.first == "&", let semicolon = rest.firstIndex(of: ";") else {
                out.append(rest.removeFirst())
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&\(entity);"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        out += rest
        return out
    }
}
