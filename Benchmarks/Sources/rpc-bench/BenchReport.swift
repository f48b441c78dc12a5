import Foundation

struct BenchReport: Codable, Sendable {
    var serializer: [SerializerResult] = []
    var unary: [LoadResult] = []
    var stream: StreamResult?
    var oneWayStream: StreamResult?

    func summary() -> String {
        var lines = ["Summary (same run, same machine):"]
        if serializer.count == 2 {
            lines.append(String(format: "  serializer: binary %.0f/s vs JSON %.0f/s = %.1fx; %d vs %d bytes",
                serializer[0].opsPerSecond, serializer[1].opsPerSecond, serializer[0].opsPerSecond / serializer[1].opsPerSecond,
                serializer[0].bytes, serializer[1].bytes))
        }
        for n in Set(unary.map(\.inFlight)).sorted() {
            let ours = unary.first { $0.inFlight == n && $0.name.hasPrefix("unix-socket") }
            let ceiling = unary.first { $0.inFlight == n && $0.name == "in-process" }
            let h2 = unary.first { $0.inFlight == n && $0.name.hasPrefix("HTTP/2") }
            if let ours {
                var line = String(format: "  %d in flight: ours %.0f calls/s", n, ours.callsPerSecond)
                if let h2 { line += String(format: ", %.1fx HTTP/2 (%.0f/s)", ours.callsPerSecond / h2.callsPerSecond, h2.callsPerSecond) }
                if let ceiling { line += String(format: ", %.0f%% of in-process (%.0f/s)", 100 * ours.callsPerSecond / ceiling.callsPerSecond, ceiling.callsPerSecond) }
                line += String(format: "; CPU %.1f µs/call (client %.1f + server %.1f)", ours.cpuMicrosecondsPerCall,
                    ours.clientCPUSeconds / Double(ours.calls) * 1e6, (ours.serverCPUSeconds ?? 0) / Double(ours.calls) * 1e6)
                lines.append(line)
            }
        }
        if let stream {
            lines.append(String(format: "  one bidirectional stream, echoed: %.0f round trips/s (%.0f messages/s both ways)", stream.messagesPerSecond, 2 * stream.messagesPerSecond))
        }
        if let oneWayStream {
            lines.append(String(format: "  one stream, client to server: %.0f messages/s", oneWayStream.messagesPerSecond))
        }
        return lines.joined(separator: "\n")
    }
}
