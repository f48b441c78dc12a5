import Foundation
import GRPCCore
import ServiceRuntime
import SigningContract
import TestSupport
import Testing
import UnixSocketTransport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// fatoora-sim, the real executable, driven over HTTP like ZATCA's platform, with documents
/// stamped by the real signing service and built by the real invoicing service.
@Suite("fatoora-sim", .serialized)
struct FatooraSimTests {
    struct Platform {
        let base: String

        /// (status, JSON object) of one call.
        func call(_ method: String, _ path: String, headers: [String: String] = [:], body: [String: Any]? = nil) async throws -> (Int, [String: Any]) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.timeoutInterval = 5
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("V2", forHTTPHeaderField: "Accept-Version")
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
        }

        static func basic(_ token: String, _ secret: String) -> [String: String] {
            ["Authorization": "Basic " + Data("\(token):\(secret)".utf8).base64EncodedString()]
        }
    }

    /// The body ZATCA expects for a stamped document.
    static func submission(_ xml: Data) throws -> [String: Any] {
        let text = String(decoding: xml, as: UTF8.self)
        let uuid = try #require(Samples.element("cbc:UUID", in: text))
        let hash = try #require(text.range(of: "Id=\"invoiceSignedData\"").flatMap { start in
            Samples.element("ds:DigestValue", in: String(text[start.upperBound...]))
        })
        return ["invoiceHash": hash, "uuid": uuid, "invoice": xml.base64EncodedString()]
    }

    @Test("Onboarding to a production CSID, compliance checks, clearance and reporting, duplicates, tampering, bad auth and injected faults")
    func platform() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let environment = [
                "EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data, "EINVOICE_FATOORA_SIM_PORT": "0",
                "EINVOICE_ZATCA_XSD": Samples.root.appendingPathComponent("xsd/maindoc/UBL-Invoice-2.1.xsd").path,
            ]
            let processes = try ["fatoora-sim", "signing-service", "invoicing-service"].map { try ServiceProcess($0, environment: environment, logDirectory: logs) }
            defer { processes.forEach { $0.signal(SIGKILL) } }
            try await waitForFile("\(runtime)/fatoora-sim.port")
            for name in ["signing", "invoicing"] { try await waitForFile("\(runtime)/\(name).sock") }
            let port = try String(contentsOfFile: "\(runtime)/fatoora-sim.port", encoding: .utf8)
            let platform = Platform(base: "http://127.0.0.1:\(port)/e-invoicing/simulation/")
            let cli: ([String]) async throws -> (status: Int32, output: String) = { try await runCLI($0, environment: environment) }
            let paths = RuntimePaths(runtimeDirectory: runtime, dataDirectory: data)
            func install(_ token: String, _ kind: CertificateKind) async throws {
                _ = try await withServiceClient(.signing, paths: paths) {
                    try await Signing.Client(wrapping: $0).installCertificate(InstallCertificateRequest(egsID: "EGS-1", certificate: token, kind: kind))
                }
            }
            let examples = Samples.repository.appendingPathComponent("protocols/Invoicing/examples")
            func issue(_ example: String, key: String) async throws -> Data {
                let out = "\(logs)/\(key).xml"
                let issued = try await cli(["invoice", "issue", examples.appendingPathComponent(example).path, "--egs", "EGS-1", "--idempotency-key", key, "-o", out])
                #expect(issued.status == 0, "\(example): \(issued.output)")
                return try Data(contentsOf: URL(fileURLWithPath: out))
            }

            // 1. Key and CSR in signing; the compliance CSID needs a valid OTP.
            let created = try await cli(["keys", "create", "--egs", "EGS-1", "--vat", "399999999900003", "--name", "Maximum Speed Tech Supply LTD", "--csr-out", "\(logs)/csr.pem"])
            #expect(created.status == 0, "\(created.output)")
            let csr = Data(try String(contentsOfFile: "\(logs)/csr.pem", encoding: .utf8).utf8).base64EncodedString()
            let (badOTP, badOTPBody) = try await platform.call("POST", "compliance", headers: ["OTP": "999999"], body: ["csr": csr])
            #expect(badOTP == 400)
            #expect(badOTPBody["code"] as? String == "Invalid-OTP")
            let (issuedStatus, compliance) = try await platform.call("POST", "compliance", headers: ["OTP": "123345"], body: ["csr": csr])
            #expect(issuedStatus == 200, "\(compliance)")
            let complianceToken = try #require(compliance["binarySecurityToken"] as? String)
            let complianceSecret = try #require(compliance["secret"] as? String)
            let requestID = try #require(compliance["requestID"] as? Int)
            try await install(complianceToken, .compliance)

            // 2. Production CSID refused until the compliance documents pass.
            let complianceAuth = Platform.basic(complianceToken, complianceSecret)
            let (early, earlyBody) = try await platform.call("POST", "production/csids", headers: complianceAuth, body: ["compliance_request_id": "\(requestID)"])
            #expect(early == 400)
            #expect(earlyBody["code"] as? String == "Missing-ComplianceSteps")
            for (index, example) in ["standard-invoice.json", "simplified-invoice.json"].enumerated() {
                let xml = try await issue(example, key: "compliance-\(index)")
                let (status, result) = try await platform.call("POST", "compliance/invoices", headers: complianceAuth, body: try Self.submission(xml))
                #expect([200, 202].contains(status), "\(example): \(result)")
            }
            let extra = "\(logs)/debit-lines.json"
            try Data(#"[{"name": "رسوم توصيل | Delivery charge", "quantity": "1", "price": "10.00", "category": "S", "rate": "15"}]"#.utf8)
                .write(to: URL(fileURLWithPath: extra))
            for (index, kind) in ["credit", "debit"].enumerated() {
                for reference in ["INV-000001", "INV-000002"] {
                    let note = try await cli(
                        ["invoice", "note", reference, "--kind", kind, "--reason", kind == "credit" ? "returned goods" : "delivery was charged late", "--egs", "EGS-1",
                         "--idempotency-key", "note-\(kind)-\(reference)"] + (kind == "debit" ? ["--lines", extra] : [])
                    )
                    #expect(note.status == 0, "\(note.output)")
                    let number = try #require(note.output.split(separator: " ").dropFirst(2).first.map(String.init))
                    let xml = Data(try await cli(["invoice", "show", number, "--xml"]).output.utf8)
                    let (status, result) = try await platform.call("POST", "compliance/invoices", headers: complianceAuth, body: try Self.submission(xml))
                    #expect([200, 202].contains(status), "\(kind) note on \(reference): \(result)")
                    _ = index
                }
            }
            let (production, productionBody) = try await platform.call("POST", "production/csids", headers: complianceAuth, body: ["compliance_request_id": "\(requestID)"])
            #expect(production == 200, "\(productionBody)")
            let productionToken = try #require(productionBody["binarySecurityToken"] as? String)
            let auth = Platform.basic(productionToken, try #require(productionBody["secret"] as? String))
            try await install(productionToken, .production)

            // 3. Clearance and reporting with the production CSID; duplicates are 208 and 409.
            let standard = try Self.submission(try await issue("standard-invoice.json", key: "production-standard"))
            let (cleared, clearedBody) = try await platform.call("POST", "invoices/clearance/single", headers: auth.merging(["Clearance-Status": "1"]) { $1 }, body: standard)
            #expect([200, 202].contains(cleared), "\(clearedBody)")
            #expect(clearedBody["clearanceStatus"] as? String == "CLEARED")
            #expect((clearedBody["clearedInvoice"] as? String)?.isEmpty == false)
            let (again, _) = try await platform.call("POST", "invoices/clearance/single", headers: auth, body: standard)
            #expect(again == 208)
            let simplified = try Self.submission(try await issue("simplified-invoice.json", key: "production-simplified"))
            let (reported, reportedBody) = try await platform.call("POST", "invoices/reporting/single", headers: auth, body: simplified)
            #expect([200, 202].contains(reported), "\(reportedBody)")
            #expect(reportedBody["reportingStatus"] as? String == "REPORTED")
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: auth, body: simplified).0 == 409)
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: auth, body: standard).0 == 400, "standard documents are cleared, not reported")

            // 4. A changed amount, a wrong hash in the body, the wrong CSID.
            var tamperedXML = String(decoding: try #require(Data(base64Encoded: simplified["invoice"] as! String)), as: UTF8.self)
            tamperedXML = tamperedXML.replacingOccurrences(of: "<cbc:PayableAmount currencyID=\"SAR\">", with: "<cbc:PayableAmount currencyID=\"SAR\">1")
            var tampered = simplified
            tampered["invoice"] = Data(tamperedXML.utf8).base64EncodedString()
            tampered["uuid"] = simplified["uuid"]
            let (rejected, rejectedBody) = try await platform.call("POST", "invoices/reporting/single", headers: auth, body: tampered)
            #expect(rejected == 400)
            let errors = ((rejectedBody["validationResults"] as? [String: Any])?["errorMessages"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(errors.contains("invalid-invoice-hash"), "\(errors)")
            #expect(rejectedBody["reportingStatus"] as? String == "NOT_REPORTED")
            // Not UBL: an element the schema does not allow.
            var invalid = try Self.submission(try await issue("simplified-invoice.json", key: "production-simplified-xsd"))
            let invalidXML = String(decoding: Data(base64Encoded: invalid["invoice"] as! String)!, as: UTF8.self)
                .replacingOccurrences(of: "<cbc:ProfileID>", with: "<cbc:Colour>red</cbc:Colour><cbc:ProfileID>")
            invalid["invoice"] = Data(invalidXML.utf8).base64EncodedString()
            let (schemaStatus, schemaBody) = try await platform.call("POST", "invoices/reporting/single", headers: auth, body: invalid)
            #expect(schemaStatus == 400)
            let schemaErrors = ((schemaBody["validationResults"] as? [String: Any])?["errorMessages"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(schemaErrors.contains("XSD_ZATCA_INVALID"), "\(schemaErrors)")
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: complianceAuth, body: simplified).0 == 401)
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: Platform.basic("bm90IGEgdG9rZW4=", "x"), body: simplified).0 == 401)
            #expect(try await platform.call("POST", "invoices/clearance/single", headers: auth.merging(["Clearance-Status": "0"]) { $1 }, body: standard).0 == 303)

            // 5. Faults on request: 429, 500, then the call goes through; a dropped answer.
            _ = try await platform.call("POST", "../../__sim/faults", body: ["next": ["429", "500", "drop"]])
            let next = try Self.submission(try await issue("simplified-invoice.json", key: "production-simplified-2"))
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: auth, body: next).0 == 429)
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: auth, body: next).0 == 500)
            await #expect(throws: (any Error).self, "a dropped connection has no answer") {
                _ = try await platform.call("POST", "invoices/reporting/single", headers: auth, body: next)
            }
            #expect(try await platform.call("POST", "invoices/reporting/single", headers: auth, body: next).0 == 409, "the dropped call was accepted: resending the same bytes is a duplicate")
        }
    }
}
