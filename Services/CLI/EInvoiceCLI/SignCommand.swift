import ArgumentParser
import Foundation
import GRPCCore
import SigningContract

/// `einvoice sign`: stamp one document with a unit's key.
struct SignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Stamp a UBL invoice or note with a unit's key: next ICV, PIH, hash, signature, XAdES, QR."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "The EGS unit id.") var egs: String
    @Argument(help: "The unsigned document.") var input: String
    @Option(name: .shortAndLong, help: "Where to write the stamped document.") var output: String

    func run() async throws {
        let document = try Data(contentsOf: URL(fileURLWithPath: input))
        let stamped = try await withSigning(common) { try await $0.stamp(StampRequest(egsID: egs, document: document), options: longCall(common)) }
        try stamped.document.write(to: URL(fileURLWithPath: output))
        if common.json {
            var summary = stamped
            summary.document = Data()
            try printJSON(summary)
        } else {
            print("Stamped \(input) as ICV \(stamped.icv) of \(egs)\(stamped.repeated ? " (already stamped before: the first stamp is returned)" : "").")
            print("  invoice hash: \(stamped.invoiceHash)")
            print("  PIH:          \(stamped.previousInvoiceHash)")
            print("  written to:   \(output)")
        }
    }
}

/// `einvoice verify`: check stamped documents the way ZATCA does.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check stamped documents: hash, signature, signed properties, certificate, QR tags, chain.",
        discussion: "Exits 0 only when every check of every file passes."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "The PIH the (single) document must carry.") var expectedPih: String?
    @Argument(help: "Stamped documents.") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file to verify.") }
        if expectedPih != nil, files.count > 1 { throw ValidationError("--expected-pih applies to a single file.") }
    }

    func run() async throws {
        var allPassed = true
        var reports: [String: VerifyResponse] = [:]
        try await withSigning(common) { signing in
            for file in files {
                let report: VerifyResponse
                do {
                    let document = try Data(contentsOf: URL(fileURLWithPath: file))
                    report = try await signing.verify(VerifyRequest(document: document, expectedPreviousInvoiceHash: expectedPih), options: longCall(common))
                } catch let error as RPCError where error.code == .unavailable {
                    throw error  // the service, not this file: the others would fail alike
                } catch {
                    // This file fails; the others are still checked and reported.
                    let reason = (error as? RPCError)?.message ?? "\(error)"
                    report = VerifyResponse(passed: false, checks: [.init(id: "document", name: "Document", passed: false, detail: reason, expected: nil, found: nil)], facts: [:])
                }
                reports[file] = report
                allPassed = allPassed && report.passed
            }
        }
        if common.json {
            try printJSON(reports)
        } else {
            for file in files {
                guard let report = reports[file] else { continue }
                print("\(report.passed ? "PASS" : "FAIL")  \(file)" + (report.facts["icv"].map { "  (ICV \($0))" } ?? ""))
                for check in report.checks {
                    print("  \(check.passed ? "✓" : "✗") \(check.name)" + (check.passed ? "" : ": \(check.detail)"))
                    if !check.passed, let expected = check.expected, let found = check.found {
                        print("      expected: \(expected)\n      found:    \(found)")
                    }
                }
            }
        }
        if !allPassed { throw ExitCode(1) }
    }
}

/// `einvoice qr`: render a stamped document's QR code as PNG or SVG.
struct QRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "qr", abstract: "Render a stamped document's QR code as a PNG or SVG image.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "A stamped document.") var file: String
    @Option(help: "Write a PNG here.") var png: String?
    @Option(help: "Write an SVG here.") var svg: String?
    @Option(help: "Pixels per module.") var moduleSize: Int = 4

    func validate() throws {
        guard (png == nil) != (svg == nil) else { throw ValidationError("Give exactly one of --png OUT or --svg OUT.") }
    }

    func run() async throws {
        let document = try Data(contentsOf: URL(fileURLWithPath: file))
        let format: QRImageFormat = png != nil ? .png : .svg
        let image = try await withSigning(common) {
            try await $0.renderQR(QRImageRequest(document: document, format: format, moduleSize: moduleSize), options: longCall(common))
        }
        let output = png ?? svg!
        try image.image.write(to: URL(fileURLWithPath: output))
        if common.json {
            try printJSON(["file": output, "mime_type": image.mimeType, "qr_code": image.qrCode])
        } else {
            print("Wrote the QR code (\(image.qrCode.count) characters of TLV) to \(output).")
        }
    }
}
