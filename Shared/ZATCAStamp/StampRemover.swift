public import UBLXML
import Foundation

/// Removes a document's stamp: `ext:UBLExtensions`, `cac:Signature` and the ICV, PIH and QR
/// references, each with the whitespace before it. What remains is the document as its issuer
/// wrote it, ready to be stamped again.
public enum StampRemover {
    public static func remove(from document: [UInt8]) throws(XMLStampError) -> [UInt8] {
        try document.withBytes { (text) throws(XMLStampError) -> [UInt8] in
            let root = try XMLSpanScanner.scan(text)
            var output: [UInt8] = []
            output.reserveCapacity(document.count)
            var cursor = 0
            var previousEnd = root.startTagEnd
            for child in root.children {
                if StampLayout.isStampElement(child, text: text) {
                    output.append(contentsOf: text[cursor..<previousEnd])
                    cursor = child.end
                }
                previousEnd = child.end
            }
            output.append(contentsOf: text[cursor..<text.count])
            return output
        }
    }
}
