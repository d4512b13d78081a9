/// DSP: librosa-compatible audio analysis on FFTW single precision.
///
/// Arrays follow librosa's layout: a ``Matrix`` has one row per frequency bin (or feature) and
/// one column per frame. Functions carry librosa 0.11 names and defaults (`stft`, `melSpectrogram`,
/// `mfcc`, `chromaSTFT`, …) and throw ``DSPError`` on bad input instead of trapping.
///
/// Every computation is `Float`; FFTW plans are made once per size, cached, and executed from many
/// threads at once, so long signals are transformed in parallel blocks of frames.
public enum DSPLibrary {
    /// The librosa version whose numbers this module reproduces.
    public static let librosaVersion = "0.11.0"
}
