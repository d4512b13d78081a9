import DSP

/// The network input computed from one segment's samples (22050 Hz), as the published models use them.
///
/// Every representation is a `rows × columns` matrix fed as one channel:
/// - `powerSpectrogram`: `|STFT|²` with a periodic Hann window, centred (reflect padding, torchaudio's
///   `Spectrogram`), keeping the first `bins` rows — 512 × 130 for 3 s with `nFFT` 1024, hop 512 (SE-CNN);
///   optionally in dB (`10·log10(max(S, 1e-10))`, floored 80 dB below the peak).
/// - `melDecibels`: librosa's `power_to_db(melspectrogram(y, n_fft, hop_length, n_mels))` (ref 1, top 80 dB),
///   `nMels` × frames.
/// - `mfcc`: librosa's `feature.mfcc(y, n_mfcc, n_fft, hop_length)` (128 mel bands) transposed to frames × `count`
///   (130 × 13 for 3 s, the MFCC CNN input).
/// - `chroma`: librosa's `feature.chroma_stft(y, n_fft, hop_length)`, 12 × frames.
public enum InputRepresentation: Hashable, Sendable, Codable, CustomStringConvertible {
    case powerSpectrogram(nFFT: Int = 1024, hopLength: Int = 512, bins: Int = 512, decibels: Bool = false)
    case melDecibels(nMels: Int = 128, nFFT: Int = 2048, hopLength: Int = 512)
    case mfcc(count: Int = 13, nFFT: Int = 2048, hopLength: Int = 512)
    case chroma(nFFT: Int = 2048, hopLength: Int = 512)

    /// A stable name listing every parameter (used as the cache key).
    public var description: String {
        switch self {
        case let .powerSpectrogram(nFFT, hop, bins, decibels):
            return "power-nfft\(nFFT)-hop\(hop)-bins\(bins)\(decibels ? "-db" : "")"
        case let .melDecibels(nMels, nFFT, hop): return "mel\(nMels)-db-nfft\(nFFT)-hop\(hop)"
        case let .mfcc(count, nFFT, hop): return "mfcc\(count)-nfft\(nFFT)-hop\(hop)"
        case let .chroma(nFFT, hop): return "chroma-nfft\(nFFT)-hop\(hop)"
        }
    }

    var nFFT: Int {
        switch self {
        case let .powerSpectrogram(nFFT, _, _, _), let .melDecibels(_, nFFT, _), let .mfcc(_, nFFT, _),
             let .chroma(nFFT, _):
            return nFFT
        }
    }

    var hopLength: Int {
        switch self {
        case let .powerSpectrogram(_, hop, _, _), let .melDecibels(_, _, hop), let .mfcc(_, _, hop), let .chroma(_, hop):
            return hop
        }
    }

    /// Frames of a centred STFT over `samples` samples.
    public func frames(samples: Int) -> Int { 1 + samples / hopLength }

    /// `(rows, columns)` of the input for a segment of `samples` samples.
    public func shape(samples: Int) -> (rows: Int, columns: Int) {
        let frames = frames(samples: samples)
        switch self {
        case let .powerSpectrogram(_, _, bins, _): return (bins, frames)
        case let .melDecibels(nMels, _, _): return (nMels, frames)
        case let .mfcc(count, _, _): return (frames, count)
        case .chroma: return (12, frames)
        }
    }
}

/// Computes an `InputRepresentation` from samples, with its transforms (window, filterbank) built once.
public struct FeatureExtractor: Sendable {
    public let representation: InputRepresentation
    public let sampleRate: Float
    private let stft: STFT
    private let mel: MelSpectrogram?

    /// - Throws: `GTZANError.invalidParameter` for parameters DSP rejects (named in the message).
    public init(_ representation: InputRepresentation, sampleRate: Float = 22050) throws {
        self.representation = representation
        self.sampleRate = sampleRate
        let padMode: PadMode
        if case .powerSpectrogram = representation { padMode = .reflect } else { padMode = .constant }
        stft = STFT(nFFT: representation.nFFT, hopLength: representation.hopLength, padMode: padMode)
        do {
            try stft.validate()
            switch representation {
            case let .powerSpectrogram(nFFT, _, bins, _):
                guard bins > 0, bins <= nFFT / 2 + 1 else {
                    throw GTZANError.invalidParameter("bins", reason: "\(bins) is not in 1...\(nFFT / 2 + 1)")
                }
                mel = nil
            case let .melDecibels(nMels, _, _):
                mel = try MelSpectrogram(sampleRate: sampleRate, stft: stft, nMels: nMels)
            case let .mfcc(count, _, _):
                guard count > 0, count <= 128 else {
                    throw GTZANError.invalidParameter("MFCC count", reason: "\(count) is not in 1...128")
                }
                mel = try MelSpectrogram(sampleRate: sampleRate, stft: stft)
            case .chroma:
                mel = nil
            }
        } catch let error as GTZANError {
            throw error
        } catch {
            throw GTZANError.invalidParameter("\(representation)", reason: "\(error)")
        }
    }

    /// The input for `samples`, `shape(samples: samples.count)` in size.
    public func callAsFunction(_ samples: [Float]) throws -> Matrix {
        switch representation {
        case let .powerSpectrogram(_, _, bins, decibels):
            let power = try stft.spectrogram(samples, power: 2)
            let kept = Matrix(rows: bins, columns: power.columns, values: Array(power.values.prefix(bins * power.columns)))
            return decibels ? try powerToDB(kept) : kept
        case .melDecibels:
            return try powerToDB(try mel!(samples))
        case let .mfcc(count, _, _):
            return try transposed(mfcc(logMel: try powerToDB(try mel!(samples)), nMFCC: count))
        case .chroma:
            return try chromaSTFT(spectrogram: try stft.spectrogram(samples, power: 2), sampleRate: sampleRate)
        }
    }

    private func transposed(_ matrix: Matrix) -> Matrix {
        var out = Matrix(rows: matrix.columns, columns: matrix.rows)
        for r in 0..<matrix.rows {
            for c in 0..<matrix.columns { out.values[c * matrix.rows + r] = matrix.values[r * matrix.columns + c] }
        }
        return out
    }
}
