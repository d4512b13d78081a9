import Foundation

/// librosa's `feature.mfcc(S=...)`: the orthonormal DCT-II of a log-power mel spectrogram, first
/// `nMFCC` coefficients, optionally liftered by `1 + (lifter / 2) · sin(π k / lifter)`.
public func mfcc(logMel: Matrix, nMFCC: Int = 20, lifter: Float = 0) throws -> Matrix {
    try Validate.positive(nMFCC, "n_mfcc")
    guard lifter >= 0 else {
        throw DSPError.invalidParameter(name: "lifter", value: "\(lifter)", requirement: "must be non-negative")
    }
    var coefficients = try DCT.orthonormalTypeII(count: nMFCC, length: logMel.rows).multiplied(by: logMel)
    guard lifter > 0 else { return coefficients }
    for k in 0..<nMFCC {
        let gain = 1 + lifter / 2 * sin(Float.pi * Float(k + 1) / lifter)
        for t in 0..<coefficients.columns { coefficients[k, t] *= gain }
    }
    return coefficients
}

/// librosa's `feature.mfcc(y=...)`: MFCCs of `power_to_db(melspectrogram(y))`; the mel parameters
/// are those of ``MelSpectrogram``.
public func mfcc(y: [Float], sampleRate: Float = 22050, nMFCC: Int = 20, lifter: Float = 0,
                 stft: STFT = STFT(), nMels: Int = 128, fMin: Float = 0, fMax: Float? = nil,
                 htk: Bool = false, melNorm: MelNorm = .slaney) throws -> Matrix {
    let mel = try melSpectrogram(y: y, sampleRate: sampleRate, stft: stft, nMels: nMels, fMin: fMin,
                                 fMax: fMax, htk: htk, norm: melNorm)
    return try mfcc(logMel: try powerToDB(mel), nMFCC: nMFCC, lifter: lifter)
}
