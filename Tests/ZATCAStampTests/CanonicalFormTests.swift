import Foundation
import PropertyBased
import TestSupport
import Testing
import ZATCACrypto

@testable import ZATCAStamp
import UBLXML

/// The fast hash path must never disagree with libxml2: whenever `CanonicalForm` accepts a
/// document, SHA-256 over its bytes equals the hash of libxml2's C14N.
@Suite("Canonical fast path against libxml2")
struct CanonicalFormTests {
    /// libxml2's canonical form of each sample without its stamp: canonical by definition.
    static let canonicalSamples: [[UInt8]] = Samples.all.compactMap { sample in
        guard let unsigned = try? StampRemover.remove(from: Samples.bytes(sample)) else { return nil }
        return try? InvoiceHasher.canonicalHashInput(of: unsigned)
    }

    static func agree(_ document: [UInt8]) -> Bool? {
        document.withUnsafeBytes { raw -> Bool? in
            guard let root = try? XMLSpanScanner.scan(raw) else { return nil }
            guard CanonicalForm.isCanonical(raw, root: root.start..<root.end) else { return nil }
            let fast = SHA256Digest.hash(UnsafeRawBufferPointer(rebasing: raw[root.start..<root.end]))
            guard let slow = try? InvoiceHasher.hash(ofExcludedForm: document) else { return false }
            return fast == slow.digest
        }
    }

    @Test("libxml2's own canonical output is recognized as canonical, and the hashes agree")
    func canonicalSamplesAreAccepted() {
        #expect(Self.canonicalSamples.count == Samples.all.count)
        var accepted = 0
        for document in Self.canonicalSamples {
            if let agreement = Self.agree(document) {
                #expect(agreement)
                accepted += 1
            }
        }
        #expect(accepted == Self.canonicalSamples.count, "every canonical sample should take the fast path")
    }

    @Test("The raw SDK samples (comments, unsorted attributes, XML declarations) never take the fast path wrongly")
    func rawSamples() throws {
        for sample in Samples.all {
            let unsigned = try StampRemover.remove(from: Samples.bytes(sample))
            if let agreement = Self.agree(unsigned) { #expect(agreement, "\(Samples.name(sample))") }
        }
    }

    @Test("Each thing C14N rewrites is refused", arguments: [
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note><!-- c -->A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A&#x41;</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A&quot;</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A></cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A\r</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note><![CDATA[A]]></cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note/>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note >A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A</cbc:Note >"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note b=\"1\" a=\"2\">A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note a='1'>A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note a=\"1\t\">A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note a=\"&gt;\">A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note xmlns:x=\"urn:x\">A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<zz:Note>A</zz:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note  a=\"1\">A</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A<?pi x?></cbc:Note>"),
        // Not XML characters: libxml2 refuses them in its output.
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A\u{FFFE}</cbc:Note>"),
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note>A\u{FFFF}</cbc:Note>"),
        // Not namespace-well-formed.
        ("<cbc:Note>A</cbc:Note>", "<cbc:Note:x>A</cbc:Note:x>"),
    ])
    func refused(_ original: String, _ replacement: String) throws {
        let document = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n    \(original)\n</Invoice>"
        #expect(Self.agree(Array(document.utf8)) == true, "the unmodified document must be accepted")
        let changed = Array(document.replacingOccurrences(of: original, with: replacement).utf8)
        #expect(Self.agree(changed) == nil, "\(replacement) must not take the fast path")
    }

    @Test("Namespace declarations on the root that C14N drops or refuses are refused", arguments: [
        "xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"",
        "xmlns:zz=\"http://www.w3.org/XML/1998/namespace\"",
        "xmlns:zz=\"http://www.w3.org/2000/xmlns/\"",
        "xmlns:xmlzz=\"urn:x\"",
        "xmlns:zz=\"urn:x%zz\"",
        "xmlns:zz=\"urn:a[b\"",
        "xmlns:zz=\"urn:a#b#c\"",
        "xmlns:zz:q=\"urn:x\"",
        "xmlns:zz=\"http://a:b\"",
        "xmlns:zz=\"http://a:80/x\"",
    ])
    func rootDeclarationsRefused(_ declaration: String) {
        func document(_ extra: String) -> [UInt8] {
            Array(("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" "
                + "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"\(extra)>\n    <cbc:Note>A</cbc:Note>\n</Invoice>").utf8)
        }
        #expect(Self.agree(document("")) == true, "the document without it must be accepted")
        #expect(Self.agree(document(" xmlns:zz=\"http://www.w3.org/2000/09/xmldsig#\"")) == true, "a plain URI with a fragment is accepted")
        #expect(Self.agree(document(" " + declaration)) == nil, "\(declaration) must not take the fast path")
    }

    @Test("Elements the recipe drops are left out of the stamp's hash wherever they are, as the verifier leaves them out", arguments: [
        "<cac:BillingReference><cac:AdditionalDocumentReference><cbc:ID>QR</cbc:ID></cac:AdditionalDocumentReference></cac:BillingReference>",
        "<cac:AdditionalDocumentReference><cbc:ID>X</cbc:ID><cbc:ID>QR</cbc:ID></cac:AdditionalDocumentReference>",
        "<cac:AccountingSupplierParty><cac:Signature><cbc:ID>x</cbc:ID></cac:Signature>",
        "<cac:AdditionalDocumentReference><cbc:ID>Q<cbc:B></cbc:B>R</cbc:ID></cac:AdditionalDocumentReference>",
        "<cac:BillingReference><cac:AdditionalDocumentReference><cbc:ID><cbc:B>QR</cbc:B></cbc:ID></cac:AdditionalDocumentReference></cac:BillingReference>",
        "<cac:BillingReference><cac:AdditionalDocumentReference><cbc:ID><![CDATA[QR]]></cbc:ID></cac:AdditionalDocumentReference></cac:BillingReference>",
    ])
    func nestedExclusions(_ insertion: String) throws {
        let canonical = String(decoding: Self.canonicalSamples[0], as: UTF8.self)
        let anchor = "<cac:AccountingSupplierParty>"
        #expect(canonical.contains(anchor))
        let edited = canonical.replacingOccurrences(of: anchor, with: insertion.hasPrefix(anchor) ? insertion : insertion + "\n    " + anchor)
        let stamper = InvoiceStamper(key: try SigningKey(pem: try Samples.keyText()), certificate: try X509Certificate(pem: try Samples.certificateText()))
        let stamped = try stamper.stamp(Array(edited.utf8), icv: 3, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        #expect(String(decoding: stamped.xml, as: UTF8.self).contains(insertion.replacingOccurrences(of: anchor, with: "")), "the document keeps it")
        #expect(try InvoiceHasher.hash(of: stamped.xml) == stamped.invoiceHash)
        #expect(InvoiceVerifier.verify(stamped.xml).passed)
    }

    @Test("A document declaring an encoding other than UTF-8 is refused, however the declaration is spaced")
    func declaredEncoding() throws {
        let canonical = String(decoding: Self.canonicalSamples[0], as: UTF8.self)
        let stamper = InvoiceStamper(key: try SigningKey(pem: try Samples.keyText()), certificate: try X509Certificate(pem: try Samples.certificateText()))
        for declaration in ["<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\" encoding = 'windows-1256'?>"] {
            #expect {
                _ = try stamper.stamp(Array((declaration + "\n" + canonical).utf8), icv: 3, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
            } throws: { error in
                "\(error)".contains("UTF-8")
            }
        }
        for declaration in ["<?xml version=\"1.0\" encoding = \"utf-8\"?>", "<?xml version=\"1.0\"?>"] {
            let stamped = try stamper.stamp(Array((declaration + "\n" + canonical).utf8), icv: 3, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
            #expect(try InvoiceHasher.hash(of: stamped.xml) == stamped.invoiceHash)
        }
    }

    @Test("Random edits of canonical documents: accepted only when the hashes agree")
    func randomEdits() async {
        let documents = Self.canonicalSamples
        let fragments = [
            "<!--x-->", "&#65;", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "\r", "\t", "\n", " ", ">", "'", "\"", "<a/>", "<a></a>",
            " a=\"1\"", " b='2'", " xmlns:q=\"urn:q\"", "<![CDATA[x]]>", "<?p?>", "é", "ع", "\u{1}", "=", "/", "<x:y>z</x:y>",
        ]
        await propertyCheck(count: 5_000, input: Gen<Int>.value(in: 0..<documents.count), Gen<Int>.value(in: 0..<1_000_000), Gen<Int>.value(in: 0..<fragments.count)) { which, position, fragment in
            var bytes = documents[which]
            let at = position % bytes.count
            bytes.insert(contentsOf: Array(fragments[fragment].utf8), at: at)
            if let agreement = Self.agree(bytes) {
                #expect(agreement, "fast path disagreed after inserting \(fragments[fragment].debugDescription) at \(at)")
            }
        }
    }

    @Test("A document in einvoice's own layout is stamped through the fast path, with the same hash")
    func stampUsesFastPath() throws {
        let canonical = Self.canonicalSamples[0]
        let stamper = InvoiceStamper(key: try SigningKey(pem: try Samples.keyText()), certificate: try X509Certificate(pem: try Samples.certificateText()))
        let stamped = try stamper.stamp(canonical, icv: 3, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        #expect(try InvoiceHasher.hash(of: stamped.xml) == stamped.invoiceHash)
        #expect(InvoiceVerifier.verify(stamped.xml).passed)
    }
}

@Suite("UTF-8 validation of the fast path")
struct CanonicalUTF8Tests {
    @Test("Agrees with the standard library (less U+FFFE and U+FFFF) on every 1- to 4-byte sequence class and on random bytes")
    func agreesWithStandardLibrary() {
        var cases: [[UInt8]] = [
            [], Array("فاتورة ضريبية 😀 Invoice".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xD8], [0xD8, 0x41], [0xE2, 0x82], [0x80],
            [0xEF, 0xBF, 0xBD], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0x41, 0xEF, 0xBF, 0xBF, 0x41],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            cases.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in UInt8.random(in: 0x70...0xFF, using: &generator) })
        }
        for bytes in cases {
            // Well-formed UTF-8 of XML characters: U+FFFE and U+FFFF are not.
            let expected = String(validating: bytes, as: UTF8.self).map { !$0.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF } } ?? false
            #expect(bytes.withUnsafeBytes { CanonicalForm.isValidUTF8($0) } == expected, "\(bytes)")
        }
    }
}
