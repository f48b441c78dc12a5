import Foundation

extension XMLSpan {
    /// The first child with this local name, whatever its prefix.
    public func first(_ localName: String) -> XMLSpan? {
        children.first { $0.localName == localName }
    }
}

extension String {
    /// Without leading and trailing XML whitespace.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r") }) else { return "" }
        let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r") })!
        return String(scalars[first...last])
    }
}

extension XMLSpan {
    /// Follows first children by local name.
    public func descendantByLocalNames(_ path: String...) -> XMLSpan? {
        var current = self
        for name in path {
            guard let next = current.first(name) else { return nil }
            current = next
        }
        return current
    }
}
