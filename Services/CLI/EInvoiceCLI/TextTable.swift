/// A plain-text table with a header row, columns padded to the widest cell.
///
/// Widths count grapheme clusters, with East Asian wide characters and emoji as two columns and
/// format characters as none, so Arabic and emoji cells line up in a terminal.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) {
        self.header = header
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    func render() -> String {
        let all = ([header] + rows).map { $0.map(Self.displayed) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.width(of: cell))
            }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - Self.width(of: cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A cell as a terminal should show it: control characters (a newline, or an escape
    /// sequence in a buyer's name or a webhook's error) as U+FFFD, and a cell with right-to-left
    /// text isolated (U+2068 … U+2069), so that neighbouring Arabic cells are not reordered as
    /// one run.
    static func displayed(_ cell: String) -> String {
        var text = String(String.UnicodeScalarView(cell.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
        }))
        let rightToLeft = text.unicodeScalars.contains { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFDFF).contains($0.value) || (0xFE70...0xFEFF).contains($0.value) }
        if rightToLeft { text = "\u{2068}" + text + "\u{2069}" }
        return text
    }

    static func width(of text: String) -> Int {
        text.reduce(0) { total, character in
            let scalar = character.unicodeScalars.first!.value
            // Format characters (isolates, marks, zero-width spaces) take no column.
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) { return total }
            let wide = (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
                || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
                || (0x1F300...0x1FAFF).contains(scalar)
            return total + (wide ? 2 : 1)
        }
    }
}
