import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZATCAQR

@Suite("SVG rendering")
struct SVGTests {
    /// Collects the root element's attributes and the elements seen while parsing.
    final class Inspector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [String: [String: String]] = [:]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
            self.attributes[name] = attributes
        }
    }

    static func inspect(_ svg: String) throws -> Inspector {
        let parser = XMLParser(data: Data(svg.utf8))
        let inspector = Inspector()
        parser.delegate = inspector
        let parsed = parser.parse()
        #expect(parsed, "XMLParser: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        try #require(parsed)
        return inspector
    }

    @Test("The SVG is well-formed XML with the right size, viewBox and crisp edges")
    func wellFormed() throws {
        let image = try QRCodeImage(text: Samples.zatcaQR)
        let inspector = try Self.inspect(image.svg(moduleSize: 3, quietZone: 4))
        #expect(inspector.elements == ["svg", "rect", "path"])
        let root = try #require(inspector.attributes["svg"])
        let side = image.size + 8
        #expect(root["viewBox"] == "0 0 \(side) \(side)")
        #expect(root["width"] == "\(side * 3)" && root["height"] == "\(side * 3)")
        #expect(root["shape-rendering"] == "crispEdges")
        #expect(inspector.attributes["rect"]?["fill"] == "#fff")
    }

    @Test("The path covers exactly the dark modules, merged into horizontal runs")
    func pathMatchesModules() throws {
        let image = try QRCodeImage(text: "Hello, ZATCA")
        let path = try #require(try Self.inspect(image.svg(quietZone: 2)).attributes["path"]?["d"])
        var painted = Set<[Int]>()
        var runs = 0
        for subpath in path.split(separator: "z") {
            // Each subpath reads "M<x> <y>h<n>v1h-<n>".
            let numbers = subpath.split(whereSeparator: { "Mhv ".contains($0) }).compactMap { Int($0) }
            try #require(numbers.count == 5, "unexpected subpath \(subpath)")
            #expect(numbers[2] > 0 && numbers[3] == 1 && numbers[4] == -numbers[2])
            for x in numbers[0]..<(numbers[0] + numbers[2]) { painted.insert([x - 2, numbers[1] - 2]) }
            runs += 1
        }
        var dark = Set<[Int]>()
        for y in 0..<image.size { for x in 0..<image.size where image.isDark(x: x, y: y) { dark.insert([x, y]) } }
        #expect(painted == dark)
        #expect(runs < dark.count)  // runs were merged
    }

    @Test("rsvg-convert rasterizes the SVG and zbarimg reads it back", arguments: QRCodeImageTests.texts)
    func svgScans(text: String) throws {
        let rsvg = try ExternalTool.require("rsvg-convert", purpose: "that the SVG scans", package: "librsvg2-bin")
        let svgFile = try TemporaryFile(named: "qr.svg", contents: Array(try QRCodeImage(text: text).svg().utf8))
        defer { svgFile.remove() }
        let pngPath = svgFile.url.deletingLastPathComponent().appendingPathComponent("qr.png").path
        #expect(try rsvg.run(["--format=png", "--background-color=white", "-o", pngPath, svgFile.path]).status == 0)
        #expect(try zbarDecode(path: pngPath) == text)
    }
}
