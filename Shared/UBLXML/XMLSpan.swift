import Foundation

/// Where one element sits in a document's bytes, with its children: enough to read a signed
/// invoice, or to splice elements into one, without re-serializing the bytes around them.
public struct XMLSpan: Sendable {
    /// The qualified name as written (`cac:Signature`).
    public var name: String
    /// The local part of the name: `Signature` for `cac:Signature`.
    public var localName: String
    /// Offset of the `<` of the start tag.
    public var start: Int
    /// Offset just past the `>` of the start tag.
    public var startTagEnd: Int
    /// Offset of the `<` of the end tag (equal to `startTagEnd` for an empty-element tag).
    public var contentEnd: Int
    /// Offset just past the `>` of the end tag.
    public var end: Int
    public var children: [XMLSpan]

    public var isEmptyElementTag: Bool { startTagEnd == end }


    /// The first child with this qualified name.
    public func child(_ name: String) -> XMLSpan? {
        children.first { $0.name == name }
    }

    /// Follows a path of qualified names through first matching children.
    public func descendant(_ path: String...) -> XMLSpan? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }
}
