import Foundation

/// The OpenAPI 3.0 description of the HTTP API (`openapi.json` beside this file), served at
/// `/openapi.json`. It ships as the target's resource bundle, `einvoice_Gateway.resources`, next to
/// the `gateway` executable.
enum OpenAPIDocument {
    static let json: String? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executable.appendingPathComponent("einvoice_Gateway.resources/openapi.json"),
            Bundle.main.bundleURL.appendingPathComponent("einvoice_Gateway.resources/openapi.json"),
        ]
        return candidates.lazy.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.first
    }()
}
