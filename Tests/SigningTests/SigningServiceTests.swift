import Foundation
import GRDB
import GRPCCore
import SigningContract
import Testing
import ZATCACrypto
import ZATCAStamp

@Suite("Signing service over its socket")
struct SigningServiceTests {
    @Test("A unit gets a key, a CSR that openssl accepts, and a development certificate; it stamps and verifies")
    func createStampVerify() async throws {
        try await TestSigningService.withService { signing, _ in
            let created = try await signing.createKey(CreateKeyRequest(egsID: "branch-1", csr: Fixtures.fields("branch-1"), selfSigned: true))
            #expect(created.unit.certificate?.kind == .development)
            #expect(created.unit.lastICV == 0)
            #expect(created.unit.lastInvoiceHash == InvoiceHash.genesisPIH)
            let csrFile = "/tmp/einvoice-csr-\(UUID().uuidString).pem"
            try created.csrPEM.write(toFile: csrFile, atomically: true, encoding: .utf8)
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            openssl.arguments = ["req", "-in", csrFile, "-noout", "-verify"]
            let pipe = Pipe()
            openssl.standardOutput = pipe
            openssl.standardError = pipe
            try openssl.run()
            openssl.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(openssl.terminationStatus == 0 && output.contains("verify OK"), "\(output)")

            let first = try await signing.stamp(StampRequest(egsID: "branch-1", document: try Fixtures.invoice(number: 1)))
            let second = try await signing.stamp(StampRequest(egsID: "branch-1", document: try Fixtures.invoice(number: 2)))
            #expect(first.icv == 1 && second.icv == 2)
            #expect(first.previousInvoiceHash == InvoiceHash.genesisPIH)
            #expect(second.previousInvoiceHash == first.invoiceHash)

            let report = try await signing.verify(VerifyRequest(document: second.document, expectedPreviousInvoiceHash: first.invoiceHash))
            #expect(report.passed, "\(report.checks.filter { !$0.passed })")
            let units = try await signing.listUnits().units
            #expect(units.map(\.egsID) == ["branch-1"])
            #expect(units.first?.lastICV == 2)
        }
    }

    @Test("Stamping the same document again returns the first stamp; another document with its UUID is refused")
    func idempotent() async throws {
        try await TestSigningService.withService { signing, _ in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "u", csr: Fixtures.fields("u"), selfSigned: true))
            let uuid = UUID()
            let document = try Fixtures.invoice(number: 1, uuid: uuid)
            let first = try await signing.stamp(StampRequest(egsID: "u", document: document))
            let again = try await signing.stamp(StampRequest(egsID: "u", document: document))
            #expect(again.repeated)
            #expect(again.icv == first.icv && again.document == first.document)
            let error = try await #require(throws: RPCError.self) {
                try await signing.stamp(StampRequest(egsID: "u", document: try Fixtures.invoice(number: 99, uuid: uuid)))
            }
            #expect(error.code == .alreadyExists)
            #expect(error.message.contains("new UUID"))
            #expect(try await signing.getUnit("u").lastICV == 1)
        }
    }

    @Test("After a restart, a repeat gets its first stamp whether its UUID reached the index or not; the index catches up once stamping pauses")
    func repeatsAfterRestart() async throws {
        let root = "/tmp/einvoice-repeats-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = "\(root)/data"
        let database = "\(data)/signing/signing.sqlite"
        let uuids = (0..<4).map { _ in UUID() }
        let documents = try uuids.enumerated().map { try Fixtures.invoice(number: $0.offset + 1, uuid: $0.element) }
        @Sendable func indexedICV(reaching target: Int64) async throws -> Int64 {
            let queue = try DatabaseQueue(path: database)
            var indexed: Int64 = -1
            for _ in 0..<1_000 where indexed < target {
                indexed = try await queue.read { db in try Int64.fetchOne(db, sql: "SELECT indexed_icv FROM chain_head WHERE egs_id = 'r'") ?? -1 }
                if indexed < target { try await Task.sleep(for: .milliseconds(10)) }
            }
            return indexed
        }
        let first = try await TestSigningService.withService(data: data) { signing, _ in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "r", csr: Fixtures.fields("r"), selfSigned: true))
            var stamps: [StampResponse] = []
            for document in documents { stamps.append(try await signing.stamp(StampRequest(egsID: "r", document: document))) }
            #expect(try await indexedICV(reaching: 4) == 4)
            return stamps
        }
        // As if the service had stopped before the last two UUIDs reached the index.
        try await DatabaseQueue(path: database).write { db in
            try db.execute(sql: "DELETE FROM stamp_uuid WHERE egs_id = 'r' AND icv > 2")
            try db.execute(sql: "UPDATE chain_head SET indexed_icv = 2 WHERE egs_id = 'r'")
        }
        try await TestSigningService.withService(data: data) { signing, _ in
            for (document, stamp) in zip(documents, first) {
                let again = try await signing.stamp(StampRequest(egsID: "r", document: document))
                #expect(again.repeated && again.icv == stamp.icv && again.document == stamp.document, "ICV \(stamp.icv)")
            }
            // Another document under an indexed UUID, and under one not yet indexed.
            for (number, uuid) in [(90, uuids[0]), (91, uuids[3])] {
                let error = try await #require(throws: RPCError.self) {
                    try await signing.stamp(StampRequest(egsID: "r", document: try Fixtures.invoice(number: number, uuid: uuid)))
                }
                #expect(error.code == .alreadyExists, "\(error)")
            }
            // A UUID far longer than any UUID is refused, not held.
            let long = String(decoding: try Fixtures.invoice(number: 92), as: UTF8.self)
                .replacingOccurrences(of: #"<cbc:UUID>[^<]*</cbc:UUID>"#, with: "<cbc:UUID>\(String(repeating: "ف", count: 100))</cbc:UUID>", options: .regularExpression)
            let refused = try await #require(throws: RPCError.self) { try await signing.stamp(StampRequest(egsID: "r", document: Data(long.utf8))) }
            #expect(refused.code == .invalidArgument && refused.message.contains("cbc:UUID is 200 bytes"), "\(refused)")
            let next = try await signing.stamp(StampRequest(egsID: "r", document: try Fixtures.invoice(number: 5)))
            #expect(next.icv == 5 && !next.repeated)
            #expect(try await indexedICV(reaching: 5) == 5)
            let indexed = try await DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stamp_uuid WHERE egs_id = 'r'") }
            #expect(indexed == 5)
        }
    }

    @Test("Importing the SDK key and certificate stamps documents the SDK certificate verifies")
    func importKey() async throws {
        try await TestSigningService.withService { signing, _ in
            let unit = try await signing.importKey(ImportKeyRequest(egsID: "sdk", privateKey: try Fixtures.sdkKey, certificate: try Fixtures.sdkCertificate, kind: .compliance, lastICV: 41, lastInvoiceHash: InvoiceHash.genesisPIH))
            #expect(unit.certificate?.issuer == "CN=TSZEINVOICE-SubCA-1, DC=extgazt, DC=gov, DC=local")
            let stamped = try await signing.stamp(StampRequest(egsID: "sdk", document: try Fixtures.invoice(number: 1)))
            #expect(stamped.icv == 42)
            #expect(try await signing.verify(VerifyRequest(document: stamped.document)).passed)
        }
    }

    @Test("Documents are stored compressed and without their XAdES block; a replay after a certificate renewal still gets its first stamp, byte for byte")
    func replayAfterRenewal() async throws {
        try await TestSigningService.withService { signing, service in
            _ = try await signing.importKey(ImportKeyRequest(egsID: "renewing", privateKey: try Fixtures.sdkKey, certificate: try Fixtures.sdkCertificate, kind: .production))
            let document = try Fixtures.invoice(number: 7)
            let first = try await signing.stamp(StampRequest(egsID: "renewing", document: document))

            // A renewal: another certificate for the same key.
            let renewed = try SelfSignedCertificate.make(
                key: try SigningKey(pem: try Fixtures.sdkKey),
                subject: CSRRequest(
                    commonName: "renewed", organizationName: "Renewed Est.", organizationUnit: "Riyadh", country: "SA",
                    serialNumber: "1-einvoice|2-test|3-renewed", vatNumber: "399999999900003", invoiceTypes: "1100",
                    registeredAddress: "Riyadh", businessCategory: "Testing", environment: .simulation
                ),
                validity: 30
            )
            _ = try await signing.installCertificate(InstallCertificateRequest(egsID: "renewing", certificate: renewed.pem, kind: .production))
            let next = try await signing.stamp(StampRequest(egsID: "renewing", document: try Fixtures.invoice(number: 8)))
            #expect(String(decoding: next.document, as: UTF8.self).contains(renewed.base64))

            let again = try await signing.stamp(StampRequest(egsID: "renewing", document: document))
            #expect(again.repeated)
            #expect(again.document == first.document, "the replay rebuilds the first stamp with the first certificate")
            #expect(again.qrCode == first.qrCode, "the QR is read back from the stored document")
            #expect(again.signatureValue == first.signatureValue && again.invoiceHash == first.invoiceHash)
            #expect(try await signing.verify(VerifyRequest(document: again.document)).passed)

            // On disk, the document lacks the block and is compressed (a quarter of its size or
            // less; the next invoice, against the unit's dictionary, a tenth or less); the QR is not
            // stored twice; the certificates and the dictionary are stored once.
            let queue = try DatabaseQueue(path: "\(service.data)/signing/signing.sqlite")
            let (sizes, storedQRs, certificates, dictionaries) = try await queue.read { db in
                (try Int.fetchAll(db, sql: "SELECT length(document) FROM stamp WHERE egs_id = 'renewing' ORDER BY icv"),
                 try String.fetchAll(db, sql: "SELECT qr_code FROM stamp WHERE egs_id = 'renewing'"),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM certificate") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM dictionary") ?? 0)
            }
            #expect(sizes.count == 2 && sizes[0] * 4 < first.document.count, "stored \(sizes) bytes of a \(first.document.count)-byte document")
            #expect(sizes.count == 2 && sizes[1] * 10 < next.document.count, "stored \(sizes) bytes of a \(next.document.count)-byte document")
            #expect(storedQRs == ["", ""])
            #expect(certificates == 2)
            #expect(dictionaries == 1)
        }
    }

    @Test("A certificate for another key is refused")
    func certificateMismatch() async throws {
        try await TestSigningService.withService { signing, _ in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "a", csr: Fixtures.fields("a")))
            let error = try await #require(throws: RPCError.self) {
                try await signing.installCertificate(InstallCertificateRequest(egsID: "a", certificate: try Fixtures.sdkCertificate, kind: .production))
            }
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("not the key of a"))
        }
    }

    @Test("Bad requests get clear errors and the service keeps serving")
    func badRequests() async throws {
        try await TestSigningService.withService { signing, _ in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "ok", csr: Fixtures.fields("ok"), selfSigned: true))
            _ = try await signing.createKey(CreateKeyRequest(egsID: "nocert", csr: Fixtures.fields("nocert")))
            func code(_ request: StampRequest) async -> (RPCError.Code, String)? {
                do {
                    _ = try await signing.stamp(request)
                    return nil
                } catch let error as RPCError {
                    return (error.code, error.message)
                } catch {
                    return (.unknown, "\(error)")
                }
            }
            let valid = try Fixtures.invoice(number: 1)
            #expect(await code(StampRequest(egsID: "ghost", document: valid))?.0 == .notFound)
            #expect(await code(StampRequest(egsID: "nocert", document: valid))?.0 == .failedPrecondition)
            #expect(await code(StampRequest(egsID: "ok", document: Data("not xml at all".utf8)))?.0 == .invalidArgument)
            let dtd = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x \"y\">]><Invoice/>"
            let dtdError = await code(StampRequest(egsID: "ok", document: Data(dtd.utf8)))
            #expect(dtdError?.0 == .invalidArgument && dtdError?.1.contains("DOCTYPE") == true)
            // Over the service's 10 MB limit (compressible, so it crosses the transport).
            var big = String(decoding: valid, as: UTF8.self)
            big = big.replacingOccurrences(of: "<cbc:ProfileID>", with: String(repeating: " ", count: 12 << 20) + "<cbc:ProfileID>")
            let bigError = await code(StampRequest(egsID: "ok", document: Data(big.utf8)))
            #expect(bigError?.0 == .invalidArgument && bigError?.1.contains("at most") == true, "\(String(describing: bigError))")
            // 50 MB of random bytes cannot even cross the transport's 16 MiB frame limit.
            let noise = try #require(FileHandle(forReadingAtPath: "/dev/urandom")?.readData(ofLength: 50 << 20))
            #expect(await code(StampRequest(egsID: "ok", document: noise))?.0 == .resourceExhausted)
            let longName = String(decoding: valid, as: UTF8.self).replacingOccurrences(
                of: "شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD", with: String(repeating: "مؤسسة ", count: 25))
            let nameError = await code(StampRequest(egsID: "ok", document: Data(longName.utf8)))
            #expect(nameError?.0 == .invalidArgument && nameError?.1.contains("tag 1") == true)
            // Still serving, and the chain did not move for any of the refusals.
            let stamped = try await signing.stamp(StampRequest(egsID: "ok", document: valid))
            #expect(stamped.icv == 1)
            // A QR image only of ZATCA's TLV, and a document that cannot be read says why.
            func imageError(_ request: QRImageRequest) async -> RPCError? {
                do {
                    _ = try await signing.renderQR(request)
                    return nil
                } catch {
                    return error as? RPCError
                }
            }
            let garbage = await imageError(QRImageRequest(qrCode: "!!!not-base64$$$", format: .png))
            #expect(garbage?.code == .invalidArgument && garbage?.message.contains("TLV") == true, "\(String(describing: garbage))")
            let truncated = await imageError(QRImageRequest(qrCode: "AchB", format: .svg))
            #expect(truncated?.code == .invalidArgument && truncated?.message.contains("TLV") == true, "\(String(describing: truncated))")
            let unreadable = await imageError(QRImageRequest(document: Data(dtd.utf8), format: .png))
            #expect(unreadable?.code == .invalidArgument && unreadable?.message.contains("DOCTYPE") == true, "\(String(describing: unreadable))")
            #expect(try await signing.renderQR(QRImageRequest(qrCode: stamped.qrCode, format: .png)).image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
