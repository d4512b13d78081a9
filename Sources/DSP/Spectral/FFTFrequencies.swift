/// librosa's `fft_frequencies`: the frequency in Hz of each of the `1 + nFFT / 2` FFT bins, in `Double`.
public func fftFrequencies(sampleRate: Float = 22050, nFFT: Int = 2048) -> [Double] {
    (0...max(nFFT / 2, 0)).map { Double($0) * Double(sampleRate) / Double(nFFT) }
}
