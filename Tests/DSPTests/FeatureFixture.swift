import DSP
import TestSupport

/// The fixtures written by `scripts/fixtures/dsp_features.py` (librosa 0.11.0).
enum FeatureFixture {
    /// Names of the three test signals: a chirp with harmonics, white noise, a chord with drums.
    static let signals = ["chirp", "noise", "mix"]

    /// `Tests/Fixtures/DSP/features_<name>.npy`.
    static func array(_ name: String) throws -> NPYArray {
        try NPYArray.fixture("DSP/features_\(name).npy")
    }

    /// A 2-D fixture as a ``Matrix``.
    static func matrix(_ name: String) throws -> Matrix {
        let array = try array(name)
        return Matrix(rows: array.shape[0], columns: array.shape[1], values: array.values)
    }

    /// A 1-D float64 fixture as `[Double]` (tempi and feature vectors are stored in float64).
    static func doubles(_ name: String) throws -> [Double] {
        try array(name).values.map(Double.init)
    }
}
