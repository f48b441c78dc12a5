import UBLXML
import Foundation
import PropertyBased
import TestSupport
import Testing
import ZATCACrypto
import ZATCAStamp

@Suite("Stamping refuses bad input with a clear error")
struct BadInputTests {
    let stamper: InvoiceStamper

    init() throws {
        stamper = InvoiceStamper(key: try SigningKey(pem: try Samples.keyText()), certificate: try X509Certificate(pem: try Samples.certificateText()))
    }

    var sample: String {
        get throws { String(decoding: try StampTests.unsigned(Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml")), as: UTF8.self) }
    }

    func stampError(_ text: String) -> XMLStampError? {
        do {
            _ = try stamper.stamp(Array(text.utf8), icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
            return nil
        } catch {
            return error
        }
    }

    @Test("Not XML")
    func notXML() {
        guard case .malformed = stampError("this is not an invoice") else { Issue.record("expected malformed"); return }
        guard case .malformed = stampError("<Invoice><unclosed></Invoice>") else { Issue.record("expected malformed"); return }
    }

    @Test("Attribute values: '<' inside one, or one never closed, is named with where it is; either quote may hold the other")
    func attributeValues() throws {
        func scanError(_ text: String) -> String? {
            do {
                _ = try Array(text.utf8).withUnsafeBytes { try XMLIndex($0) }
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(scanError("<Invoice a=\"x<y\"/>")?.contains("'<' inside an attribute value at byte 13") == true, "\(String(describing: scanError("<Invoice a=\"x<y\"/>")))")
        #expect(scanError("<Invoice a='x<y'/>")?.contains("'<' inside an attribute value at byte 13") == true)
        #expect(scanError("<Invoice a=\"xyz/>")?.contains("is not closed") == true)
        #expect(scanError("<Invoice a=\"x'y\" b='x\"y'><c d=\"مرحبا 🧾\"/></Invoice>") == nil)
        let index = try Array("<Invoice a=\"x'y\" b='x\"y'><c d=\"e\"/></Invoice>".utf8).withUnsafeBytes { try XMLIndex($0) }
        #expect(index.elements.count == 2 && index.elements[1].start == 25)
    }

    @Test("A DTD or an entity is refused, never expanded")
    func dtd() throws {
        let body = try sample.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        #expect(body.hasPrefix("\n<Invoice") || body.hasPrefix("<Invoice"))
        let billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>" + body
        #expect(stampError(billionLaughs) == .forbiddenDTD)
        let external = "<?xml version=\"1.0\"?><!DOCTYPE Invoice SYSTEM \"http://example.com/evil.dtd\">" + body
        #expect(stampError(external) == .forbiddenDTD)
        // An undeclared entity in the body is a libxml2 error, not an expansion.
        let undeclared = try sample.replacingOccurrences(of: "<cbc:Note languageID=\"ar\">ABC</cbc:Note>", with: "<cbc:Note>&xxe;</cbc:Note>")
        if case .malformed = stampError(undeclared) {} else { Issue.record("expected an undeclared entity to be refused") }
        #expect(InvoiceVerifier.verify(Array(billionLaughs.utf8)).checks.first?.detail.contains("DOCTYPE") == true)
    }

    @Test("A 50 MB document is refused by the size limit before it is parsed")
    func huge() throws {
        let padding = String(repeating: " ", count: 50 << 20)
        let huge = try sample.replacingOccurrences(of: "<cbc:ProfileID>", with: padding + "<cbc:ProfileID>")
        #expect(stampError(huge) == .tooLarge(bytes: huge.utf8.count, limit: 10 << 20))
    }

    @Test("Missing mandatory parts are named", arguments: [
        ("<cbc:IssueDate>2022-08-17</cbc:IssueDate>", "cbc:IssueDate"),
        ("<cbc:CompanyID>399999999900003</cbc:CompanyID>", "CompanyID"),
        ("<cbc:InvoiceTypeCode name=\"0200000\">388</cbc:InvoiceTypeCode>", "InvoiceTypeCode"),
        ("<cbc:PayableAmount currencyID=\"SAR\">231.15</cbc:PayableAmount>", "PayableAmount"),
    ])
    func missing(_ element: String, _ named: String) throws {
        let text = try sample
        #expect(text.contains(element))
        let error = stampError(text.replacingOccurrences(of: element, with: ""))
        guard case .missingPart(let part)? = error else { Issue.record("expected missingPart, got \(String(describing: error))"); return }
        #expect(part.contains(named))
    }

    @Test("An Arabic seller name over 255 bytes is refused, naming QR tag 1")
    func longSellerName() throws {
        let name = String(repeating: "شركة ", count: 30)  // 30 × 9 bytes = 270 bytes
        let text = try sample.replacingOccurrences(of: "شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD", with: name)
        guard case .invalidField(let reason)? = stampError(text) else { Issue.record("expected invalidField"); return }
        #expect(reason.contains("tag 1"))
        #expect(reason.contains("255"))
    }

    @Test("A document whose root is not Invoice, or whose cac prefix is not UBL's, is refused")
    func wrongDocument() throws {
        if case .unsupportedDocument? = stampError("<CreditNote xmlns=\"urn:x\"><a/></CreditNote>") {} else { Issue.record("expected unsupportedDocument") }
        let rebound = try sample.replacingOccurrences(of: "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"", with: "xmlns:cac=\"urn:example\"")
        if case .unsupportedDocument? = stampError(rebound) {} else { Issue.record("expected unsupportedDocument") }
    }

    @Test("Random corruption of a document never crashes the stamper, the hasher or the verifier")
    func corruption() async throws {
        let base = Array(try sample.utf8)
        let stamper = self.stamper
        await propertyCheck(count: 300, input: Gen<Int>.value(in: 0..<base.count), Gen<UInt8>.value()) { index, byte in
            var copy = base
            copy[index] = byte
            _ = try? stamper.stamp(copy, icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
            _ = try? InvoiceHasher.hash(of: copy)
            _ = InvoiceVerifier.verify(copy)
        }
    }
}
