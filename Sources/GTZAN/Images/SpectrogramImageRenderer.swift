import DSP

/// Renders audio as a spectrogram image like Kaggle's `images_original` (432 × 288), so image models
/// run from audio alone: 128-band mel power (n_fft 2048, hop 512) in dB relative to the peak, the top
/// 80 dB mapped through a colour map, low frequencies at the bottom, bilinearly resized.
public struct SpectrogramImageRenderer: Sendable {
    public let width: Int
    public let height: Int
    public let colormap: Colormap
    private let mel: MelSpectrogram

    public init(width: Int = 432, height: Int = 288, colormap: Colormap = .viridis, sampleRate: Float = 22050) throws {
        self.width = width
        self.height = height
        self.colormap = colormap
        mel = try MelSpectrogram(sampleRate: sampleRate, stft: STFT(nFFT: 2048, hopLength: 512), nMels: 128)
    }

    /// The image of `samples`.
    public func render(_ samples: [Float]) throws -> RGBImage {
        let decibels = try powerToDB(try mel(samples), reference: .maximum, topDB: 80)
        let (rows, columns) = (decibels.rows, decibels.columns)
        var values = [Float](repeating: 0, count: 3 * rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                let (red, green, blue) = colormap.color(1 + decibels[row, column] / 80)
                let pixel = (rows - 1 - row) * columns + column
                values[pixel] = red
                values[rows * columns + pixel] = green
                values[2 * rows * columns + pixel] = blue
            }
        }
        return try RGBImage(width: columns, height: rows, values: values).resized(width: width, height: height)
    }
}
