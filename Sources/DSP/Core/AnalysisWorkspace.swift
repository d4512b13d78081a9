/// The large buffers of one analysis of a track (``GTZANFeatures``, time-domain ``HPSS``):
/// complex spectra, spectrograms, median-filtered spectrograms and a synthesised signal. Workspaces are lent by a
/// process-wide pool and keep their storage, so a later call on a track of similar length
/// allocates nothing large and faults in no fresh pages.
///
/// The matrices are only ever held by the call that borrowed the workspace; they are resized and
/// overwritten in place (copy-on-write would copy rather than corrupt if a reference escaped).
final class AnalysisWorkspace {
    /// The complex STFT, frame-major as FFTW writes it: row `t` holds frame `t`'s spectrum,
    /// interleaved (re, im), padded to ``spectrumStride`` complex values.
    var spectra = Matrix(rows: 0, columns: 0)
    /// Complex values from one frame's spectrum to the next in ``spectra``.
    private(set) var spectrumStride = 0
    /// `|STFT|` of the track.
    var magnitude = Matrix(rows: 0, columns: 0)
    /// `|STFT|²` of the track.
    var power = Matrix(rows: 0, columns: 0)
    /// `magnitude` median-filtered along time (HPSS's harmonic enhancement), transposed: frames × bins.
    var harmonicFiltered = Matrix(rows: 0, columns: 0)
    /// `magnitude` median-filtered along frequency (HPSS's percussive enhancement), frames × bins.
    var percussiveFiltered = Matrix(rows: 0, columns: 0)
    /// An overlap-added signal, centre padding included.
    var synthesis: [Float] = []
    /// The mel filters last used, with their sample rate.
    private var melFilters: (sampleRate: Float, filterbank: MelFilterbank)?

    /// Idle workspaces per analysis.
    private static let pool = ReusePool<STFT, AnalysisWorkspace> { _ in AnalysisWorkspace() }

    /// Runs `body` with a workspace for `stft`'s analysis that no other thread uses meanwhile.
    static func withWorkspace<Result>(for stft: STFT, _ body: (AnalysisWorkspace) throws -> Result) rethrows -> Result {
        try pool.withObject(for: stft, body)
    }

    /// Fills ``spectra``, ``magnitude`` and ``power`` from one pass of FFTs over the frames of `framing`.
    func analyze(_ framing: Framing, window: [Float]) {
        let frames = framing.count, bins = framing.frameLength / 2 + 1
        spectrumStride = FFTBlock.spectrumStride(size: framing.frameLength)
        spectra.resize(rows: frames, columns: 2 * spectrumStride)
        magnitude.resize(rows: bins, columns: frames)
        power.resize(rows: bins, columns: frames)
        spectra.values.withUnsafeMutableBufferPointer { spectra in
            magnitude.values.withUnsafeMutableBufferPointer { magnitude in
                power.values.withUnsafeMutableBufferPointer { power in
                    let spectra = spectra.baseAddress!, magnitude = magnitude.baseAddress!, power = power.baseAddress!
                    FrameTransformer(framing: framing, window: window).forEachBlock { block in
                        block.copy(to: spectra)
                        block.scatter(power: power, magnitude: magnitude, columns: frames)
                    }
                }
            }
        }
    }

    /// ``synthesis`` resized to `count` zeros, keeping its storage.
    func clearSynthesis(count: Int) {
        synthesis.removeAll(keepingCapacity: true)
        synthesis.append(contentsOf: repeatElement(0, count: count))
    }

    /// librosa's default mel filterbank for `sampleRate` and this workspace's `nFFT`, built once.
    func melFilterbank(sampleRate: Float, nFFT: Int) throws -> MelFilterbank {
        if let melFilters, melFilters.sampleRate == sampleRate {
            return melFilters.filterbank
        }
        let filterbank = try MelFilterbank(sampleRate: sampleRate, nFFT: nFFT)
        melFilters = (sampleRate, filterbank)
        return filterbank
    }
}
