import ConcurrencySupport
import GTZAN
import Tensor
import AudioIO
import Foundation

/// A procedurally generated GTZAN-shaped dataset: the embedded default for demos and tests.
///
/// Ten "genres" named and ordered like GTZAN's differ the way real ones do — tempo range, drum
/// pattern (synthesised kick, snare, hats, ride), swing, harmonic instruments (additive and FM timbres),
/// chord movement, distortion, brightness, dynamics, noise — and vary within each genre (tempo, key,
/// progression, instruments, mix levels, sections with and without drums), so a model must generalise.
///
/// Track `n` of genre `g` is a pure function of `(seed, g, n, seconds)`: it draws from
/// `RandomGenerator(seed: seed, stream: g.gtzanIndex, n)`, so output does not depend on thread count.
public enum SyntheticGTZAN {
    /// The generator's sample rate, GTZAN's.
    public static let sampleRate: Double = 22050

    /// The samples of track `index` of `genre`: mono, `seconds` long, peak below 1.
    public static func samples(genre: Genre, index: Int, seconds: Double = 30, seed: UInt64 = 0) -> [Float] {
        var rng = RandomGenerator(seed: seed, stream: UInt64(genre.gtzanIndex ?? 0), UInt64(index))
        return TrackRenderer(genre: genre, sampleRate: Float(sampleRate)).render(seconds: seconds, rng: &rng)
    }

    /// Writes `tracksPerGenre` tracks of each genre as 22050 Hz mono 16-bit WAVs in `layout`:
    /// `genres/<genre>/<genre>.000NN.wav` (Marsyas) or `Data/genres_original/<genre>/<genre>.000NN.wav` (Kaggle).
    /// Tracks are generated in parallel, one per core.
    ///
    /// - Returns: the root folder (`directory`), ready for `GTZANDataset(root:)`.
    /// - Throws: `GTZANError.invalidParameter` for a non-positive count or length; `AudioIOError` when a
    ///   file cannot be written.
    @discardableResult
    public static func write(to directory: URL, tracksPerGenre: Int = 100, seconds: Double = 30, seed: UInt64 = 0,
                             genres: [Genre] = Genre.gtzan, layout: GTZANLayout.Kind = .marsyas) throws -> URL {
        guard tracksPerGenre > 0, tracksPerGenre <= 100_000 else {
            throw GTZANError.invalidParameter("tracksPerGenre", reason: "\(tracksPerGenre) is not in 1...100000")
        }
        guard seconds.isFinite, seconds > 0.1, seconds <= 3600 else {
            throw GTZANError.invalidParameter("seconds", reason: "\(seconds) is not in 0.1...3600")
        }
        if let other = genres.first(where: { $0.gtzanIndex == nil }) { throw GTZANError.unknownGenre(other.name) }
        let audio = layout == .kaggle
            ? directory.appendingPathComponent("Data/genres_original") : directory.appendingPathComponent("genres")
        for genre in genres {
            try FileManager.default.createDirectory(at: audio.appendingPathComponent(genre.name),
                                                    withIntermediateDirectories: true)
        }
        let jobs = genres.flatMap { genre in (0..<tracksPerGenre).map { TrackID(genre: genre, number: $0) } }
        let failures = UnsafeMutableBufferPointer<Error?>.allocate(capacity: jobs.count)
        failures.initialize(repeating: nil)
        defer { failures.deallocate() }
        let slots = SharedPointer(failures)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let id = jobs[index]
            let url = audio.appendingPathComponent(id.genre.name).appendingPathComponent(id.fileName(extension: "wav"))
            do {
                try AudioFile.write(url, samples: samples(genre: id.genre, index: id.number!, seconds: seconds, seed: seed),
                                    sampleRate: sampleRate, format: .pcm16)
            } catch {
                slots[index] = error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return directory
    }
}
