import CSndFile

extension AudioFile {
    /// How `AudioFile.write` encodes samples. The container comes from the file extension.
    public enum SampleFormat: String, CaseIterable, Sendable {
        /// 8-bit PCM (unsigned in WAV, signed elsewhere).
        case pcm8
        /// 16-bit signed PCM (the default, as in `soundfile`).
        case pcm16
        /// 24-bit signed PCM.
        case pcm24
        /// 32-bit signed PCM.
        case pcm32
        /// 32-bit IEEE float.
        case float32
        /// 64-bit IEEE float.
        case float64
        /// Ogg Vorbis (lossy; `.ogg` only).
        case vorbis
        /// MPEG layer III (lossy, LAME's default bit rate; `.mp3` only).
        case mp3

        /// Bits per sample of the PCM encodings, which `write` quantises itself; nil for float and Vorbis.
        var pcmBits: Int? {
            switch self {
            case .pcm8: return 8
            case .pcm16: return 16
            case .pcm24: return 24
            case .pcm32: return 32
            case .float32, .float64, .vorbis, .mp3: return nil
            }
        }

        /// The libsndfile subtype code inside `container`.
        func subtypeCode(in container: Int32) -> Int32 {
            switch self {
            case .pcm8: return container == Int32(SF_FORMAT_WAV) ? Int32(SF_FORMAT_PCM_U8) : Int32(SF_FORMAT_PCM_S8)
            case .pcm16: return Int32(SF_FORMAT_PCM_16)
            case .pcm24: return Int32(SF_FORMAT_PCM_24)
            case .pcm32: return Int32(SF_FORMAT_PCM_32)
            case .float32: return Int32(SF_FORMAT_FLOAT)
            case .float64: return Int32(SF_FORMAT_DOUBLE)
            case .vorbis: return Int32(SF_FORMAT_VORBIS)
            case .mp3: return Int32(SF_FORMAT_MPEG_LAYER_III)
            }
        }
    }
}
