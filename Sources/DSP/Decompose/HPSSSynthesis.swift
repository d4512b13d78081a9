/// Time-domain separation without materialising masks or masked spectrograms: the stored spectra
/// of each block of frames are multiplied by their soft masks, computed on the fly from the
/// median-filtered magnitudes, on their way into the inverse FFTs, and overlap-added.
extension HPSS {
    /// The part a soft mask keeps.
    enum Part {
        case harmonic
        case percussive
    }

    /// Fills `workspace`'s spectra, magnitude and its two median-filtered spectrograms for the
    /// frames of `framing`, analysed with `stft`.
    func analyze(_ framing: Framing, stft: STFT, in workspace: AnalysisWorkspace) throws {
        workspace.analyze(framing, window: stft.paddedWindow)
        try filter(.harmonic, in: workspace)
        try filter(.percussive, in: workspace)
    }

    /// Median-filters `workspace`'s magnitude for `part` into its (frame-major) filtered
    /// spectrogram; the two parts may run concurrently.
    func filter(_ part: Part, in workspace: AnalysisWorkspace) throws {
        switch part {
        case .harmonic: try harmonicFilter.apply(workspace.magnitude, into: &workspace.harmonicFiltered, transposed: true)
        case .percussive: try percussiveFilter.apply(workspace.magnitude, into: &workspace.percussiveFiltered, transposed: true)
        }
    }

    /// Calls `body` with `part` of `framing`'s signal (as many samples, like `istft(length:)`),
    /// synthesised in `workspace` once its filtered spectrograms are set (see
    /// ``analyze(_:stft:in:)``).
    func withSeparated<Result>(_ part: Part, of framing: Framing, stft: STFT, in workspace: AnalysisWorkspace,
                               _ body: (UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        let frames = framing.count, span = stft.synthesisSpan(frames: frames)
        let start = stft.center ? stft.nFFT / 2 : 0, count = framing.signal.count
        // Samples past the span stay zero, as `istft(length:)` pads them.
        workspace.clearSynthesis(count: max(span, start + count))
        let bins = stft.binCount, stride = workspace.spectrumStride
        workspace.spectra.values.withUnsafeBufferPointer { spectra in
            workspace.harmonicFiltered.values.withUnsafeBufferPointer { harmonic in
                workspace.percussiveFiltered.values.withUnsafeBufferPointer { percussive in
                    workspace.synthesis.withUnsafeMutableBufferPointer { synthesis in
                        stft.synthesize(frames: frames, into: .init(rebasing: synthesis[..<span])) { block, range in
                            for (slot, frame) in range.enumerated() {
                                applyMask(part, harmonic: harmonic.baseAddress! + frame * bins,
                                          percussive: percussive.baseAddress! + frame * bins,
                                          from: spectra.baseAddress! + 2 * frame * stride,
                                          to: block.interleaved + 2 * slot * block.spectrumStride, bins: bins)
                            }
                            let unused = block.interleaved + 2 * range.count * block.spectrumStride
                            unused.update(repeating: 0, count: 2 * (block.batch - range.count) * block.spectrumStride)
                        }
                    }
                }
            }
        }
        return try workspace.synthesis.withUnsafeBufferPointer { try body(.init(rebasing: $0[start ..< start + count])) }
    }

    /// Writes the `bins` interleaved complex values at `spectrum` (one frame) times `part`'s soft
    /// masks to `target`, the masks from the frame's filtered magnitudes `harmonic[k]`,
    /// `percussive[k]`: one column of ``masks(harmonicFiltered:percussiveFiltered:)`` and
    /// ``apply(_:to:)`` fused.
    private func applyMask(_ part: Part, harmonic: UnsafePointer<Float>, percussive: UnsafePointer<Float>,
                           from spectrum: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, bins: Int) {
        typealias Lanes = SoftMask.Lanes
        let (kept, other, margin) = part == .harmonic ? (harmonic, percussive, harmonicMargin)
                                                      : (percussive, harmonic, percussiveMargin)
        let zeroValue: Float = splitZeros ? 0.5 : 0
        var k = 0
        while k + Lanes.scalarCount <= bins {
            let load = { (values: UnsafePointer<Float>) in UnsafeRawPointer(values + k).loadUnaligned(as: Lanes.self) }
            let mask = SoftMask.values(load(kept), reference: load(other) * margin, power: power, zeroValue: zeroValue)
            let pairs = SIMD8<Float>(mask[0], mask[0], mask[1], mask[1], mask[2], mask[2], mask[3], mask[3])
            let values = UnsafeRawPointer(spectrum + 2 * k).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(target + 2 * k).storeBytes(of: values * pairs, as: SIMD8<Float>.self)
            k += Lanes.scalarCount
        }
        for k in k..<bins {
            let mask = SoftMask.value(kept[k], reference: other[k] * margin, power: power, zeroValue: zeroValue)
            target[2 * k] = spectrum[2 * k] * mask
            target[2 * k + 1] = spectrum[2 * k + 1] * mask
        }
    }
}
