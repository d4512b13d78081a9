/// Time-domain separation without materialising masks or masked spectrograms: each block of
/// frames is re-analysed (the same FFTs as the analysis, so the same spectra), multiplied by its
/// soft mask computed on the fly from the median-filtered magnitudes, and overlap-added.
extension HPSS {
    /// The part a soft mask keeps.
    enum Part {
        case harmonic
        case percussive
    }

    /// Fills `workspace`'s magnitude and its two median-filtered spectrograms (frame-major) for the
    /// frames of `framing`, analysed with `stft`. The settings must be valid.
    func analyze(_ framing: Framing, stft: STFT, in workspace: AnalysisWorkspace) throws {
        workspace.analyze(framing, window: stft.paddedWindow)
        try harmonicFilter.apply(workspace.magnitude, into: &workspace.harmonicFiltered, transposed: true)
        try percussiveFilter.apply(workspace.magnitude, into: &workspace.percussiveFiltered, transposed: true)
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
        let transformer = FrameTransformer(framing: framing, window: stft.paddedWindow)
        framing.signal.withUnsafeBufferPointer { signal in
            transformer.window.withUnsafeBufferPointer { window in
                workspace.harmonicFiltered.values.withUnsafeBufferPointer { harmonic in
                    workspace.percussiveFiltered.values.withUnsafeBufferPointer { percussive in
                        workspace.synthesis.withUnsafeMutableBufferPointer { synthesis in
                            stft.synthesize(frames: frames, into: .init(rebasing: synthesis[..<span])) { block, range in
                                transformer.transform(range, in: block, signal: signal, window: window.baseAddress!)
                                for (slot, frame) in range.enumerated() {
                                    applyMask(part, harmonic: harmonic.baseAddress! + frame * stft.binCount,
                                              percussive: percussive.baseAddress! + frame * stft.binCount,
                                              to: block.interleaved + 2 * slot * block.spectrumStride, bins: stft.binCount)
                                }
                            }
                        }
                    }
                }
            }
        }
        return try workspace.synthesis.withUnsafeBufferPointer { try body(.init(rebasing: $0[start ..< start + count])) }
    }

    /// Multiplies the `bins` interleaved complex values at `spectrum` (one frame) by `part`'s soft
    /// masks, from the frame's filtered magnitudes `harmonic[k]`, `percussive[k]`: one column of
    /// ``masks(harmonicFiltered:percussiveFiltered:)`` and ``apply(_:to:)`` fused.
    private func applyMask(_ part: Part, harmonic: UnsafePointer<Float>, percussive: UnsafePointer<Float>,
                           to spectrum: UnsafeMutablePointer<Float>, bins: Int) {
        typealias Lanes = SoftMask.Lanes
        let (kept, other, margin) = part == .harmonic ? (harmonic, percussive, harmonicMargin)
                                                      : (percussive, harmonic, percussiveMargin)
        let zeroValue: Float = splitZeros ? 0.5 : 0
        var k = 0
        while k + Lanes.scalarCount <= bins {
            let load = { (values: UnsafePointer<Float>) in UnsafeRawPointer(values + k).loadUnaligned(as: Lanes.self) }
            let mask = SoftMask.values(load(kept), reference: load(other) * margin, power: power, zeroValue: zeroValue)
            let target = UnsafeMutableRawPointer(spectrum + 2 * k)
            let pairs = SIMD8<Float>(mask[0], mask[0], mask[1], mask[1], mask[2], mask[2], mask[3], mask[3])
            target.storeBytes(of: target.loadUnaligned(as: SIMD8<Float>.self) * pairs, as: SIMD8<Float>.self)
            k += Lanes.scalarCount
        }
        for k in k..<bins {
            let mask = SoftMask.value(kept[k], reference: other[k] * margin, power: power, zeroValue: zeroValue)
            spectrum[2 * k] *= mask
            spectrum[2 * k + 1] *= mask
        }
    }
}
