import ArgumentParser
import Signing
import ServiceRuntime

@main
struct SigningServiceMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "signing-service",
        abstract: "Key custody, the cryptographic stamp, QR codes and the invoice chain."
    )
    static let service = ServiceName.signing

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await SigningService.parts(context)
    }
}
