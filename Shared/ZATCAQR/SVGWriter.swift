/// Writes a ``QRCodeImage`` as a compact SVG document.
///
/// The drawing uses module units: the `viewBox` is the symbol plus its quiet zone, and
/// `width`/`height` scale it by the module size. Dark modules are merged into horizontal runs,
/// each one subpath `M x y h n v1 h-n z` of a single `<path>`, over a white background, with
/// `shape-rendering="crispEdges"` so renderers do not anti-alias the module edges.
struct SVGWriter: Sendable {
    let image: QRCodeImage
    let moduleSize: Int
    let quietZone: Int

    /// A writer for `image`; out-of-range sizes are clamped (module size at least 1, quiet zone at least 0).
    init(image: QRCodeImage, moduleSize: Int, quietZone: Int) {
        self.image = image
        self.moduleSize = max(1, moduleSize)
        self.quietZone = max(0, quietZone)
    }

    /// Modules per side, quiet zone included: the `viewBox` width and height.
    var modulesPerSide: Int { image.size + 2 * quietZone }

    /// The SVG document.
    func svg() -> String {
        let side = modulesPerSide
        let pixels = side * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect x="0" y="0" width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(pathData())"/></svg>
            """
    }

    /// Path data with one closed subpath per horizontal run of dark modules, in viewBox coordinates.
    func pathData() -> String {
        var path = ""
        for y in 0..<image.size {
            var x = 0
            while x < image.size {
                guard image.isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let runStart = x
                while x < image.size, image.isDark(x: x, y: y) { x += 1 }
                let length = x - runStart
                path += "M\(runStart + quietZone) \(y + quietZone)h\(length)v1h-\(length)z"
            }
        }
        return path
    }
}
