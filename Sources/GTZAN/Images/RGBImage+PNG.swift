import CPNG
import Foundation

extension RGBImage {
    /// Reads a PNG with libpng's simplified API; RGBA images lose their alpha channel (as PIL's
    /// `convert("RGB")` of an opaque image), grey images are expanded to three equal planes.
    /// - Throws: `GTZANError.malformedFile` with libpng's message.
    public init(contentsOfPNG url: URL) throws {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard png_image_begin_read_from_file(&image, url.path) != 0 else {
            throw GTZANError.malformedFile(url, reason: "not a readable PNG (\(Self.message(of: image)))")
        }
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        let width = Int(image.width)
        let height = Int(image.height)
        var pixels = [UInt8](repeating: 0, count: 4 * width * height)
        guard png_image_finish_read(&image, nil, &pixels, 0, nil) != 0 else {
            throw GTZANError.malformedFile(url, reason: "cannot decode the PNG (\(Self.message(of: image)))")
        }
        try self.init(width: width, height: height, values: Self.planes(ofRGBA: pixels, count: width * height))
    }

    /// Writes an 8-bit RGB PNG (values rounded and clamped to 0…255).
    /// - Throws: `GTZANError.writeFailed` with libpng's message.
    public func writePNG(to url: URL) throws {
        let plane = width * height
        var pixels = [UInt8](repeating: 0, count: 3 * plane)
        for pixel in 0..<plane {
            for channel in 0..<3 {
                pixels[3 * pixel + channel] = UInt8(max(0, min(255, values[channel * plane + pixel].rounded())))
            }
        }
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR)
        guard png_image_write_to_file(&image, url.path, 0, &pixels, 0, nil) != 0 else {
            throw GTZANError.writeFailed(url, reason: Self.message(of: image))
        }
    }

    /// The red, green and blue planes of `count` interleaved RGBA pixels (alpha dropped), as floats.
    private static func planes(ofRGBA pixels: [UInt8], count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: 3 * count) { planes, initialized in
            pixels.withUnsafeBufferPointer { rgba in
                let (source, red) = (rgba.baseAddress!, planes.baseAddress!)
                let (green, blue) = (red + count, red + 2 * count)
                for pixel in 0..<count {
                    let p = source + 4 * pixel
                    (red[pixel], green[pixel], blue[pixel]) = (Float(p[0]), Float(p[1]), Float(p[2]))
                }
            }
            initialized = 3 * count
        }
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
