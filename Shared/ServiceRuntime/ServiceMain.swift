public import ArgumentParser

/// The `@main` type of a service executable: parse ``ServiceOptions``, build the service's parts,
/// run them with ``ServiceRunner``.
///
/// ```swift
/// @main
/// struct SigningServiceMain: ServiceMain {
///     static let configuration = CommandConfiguration(commandName: "signing-service", abstract: "…")
///     static let service = ServiceName.signing
///     @OptionGroup var options: ServiceOptions
///     static func build(_ context: ServiceContext) async throws -> ServiceParts { … }
/// }
/// ```
public protocol ServiceMain: AsyncParsableCommand {
    static var service: ServiceName { get }
    var options: ServiceOptions { get }
    static func build(_ context: ServiceContext) async throws -> ServiceParts
}

extension ServiceMain {
    public func run() async throws {
        try await ServiceRunner(name: Self.service, options: options).run { try await Self.build($0) }
    }
}
