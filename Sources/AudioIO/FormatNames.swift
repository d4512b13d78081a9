import Foundation
import CSndFile

/// Names of libsndfile format codes, spelled as `soundfile` spells them, and the reverse map
/// from file extensions to containers used when writing.
enum FormatNames {
    static let containers: [Int32: String] = [
        Int32(SF_FORMAT_WAV): "WAV", Int32(SF_FORMAT_AIFF): "AIFF", Int32(SF_FORMAT_AU): "AU",
        Int32(SF_FORMAT_RAW): "RAW", Int32(SF_FORMAT_W64): "W64", Int32(SF_FORMAT_WAVEX): "WAVEX",
        Int32(SF_FORMAT_CAF): "CAF", Int32(SF_FORMAT_FLAC): "FLAC", Int32(SF_FORMAT_OGG): "OGG",
        Int32(SF_FORMAT_RF64): "RF64", Int32(SF_FORMAT_MPEG): "MP3",
    ]

    static let subtypes: [Int32: String] = [
        Int32(SF_FORMAT_PCM_S8): "PCM_S8", Int32(SF_FORMAT_PCM_16): "PCM_16",
        Int32(SF_FORMAT_PCM_24): "PCM_24", Int32(SF_FORMAT_PCM_32): "PCM_32",
        Int32(SF_FORMAT_PCM_U8): "PCM_U8", Int32(SF_FORMAT_FLOAT): "FLOAT",
        Int32(SF_FORMAT_DOUBLE): "DOUBLE", Int32(SF_FORMAT_ULAW): "ULAW", Int32(SF_FORMAT_ALAW): "ALAW",
        Int32(SF_FORMAT_IMA_ADPCM): "IMA_ADPCM", Int32(SF_FORMAT_MS_ADPCM): "MS_ADPCM",
        Int32(SF_FORMAT_VORBIS): "VORBIS", Int32(SF_FORMAT_OPUS): "OPUS",
        Int32(SF_FORMAT_MPEG_LAYER_III): "MPEG_LAYER_III",
    ]

    /// Bytes per sample of the uncompressed subtypes (used to turn a declared data size into frames).
    static let sampleBytes: [Int32: Int] = [
        Int32(SF_FORMAT_PCM_S8): 1, Int32(SF_FORMAT_PCM_U8): 1, Int32(SF_FORMAT_PCM_16): 2,
        Int32(SF_FORMAT_PCM_24): 3, Int32(SF_FORMAT_PCM_32): 4, Int32(SF_FORMAT_FLOAT): 4,
        Int32(SF_FORMAT_DOUBLE): 8, Int32(SF_FORMAT_ULAW): 1, Int32(SF_FORMAT_ALAW): 1,
    ]

    /// Containers whose frame count libsndfile estimates instead of reading it from the header: MPEG
    /// (from the bit rate and file size, unless a Xing/Info frame states it).
    static let estimatedLengthContainers: Set<Int32> = [Int32(SF_FORMAT_MPEG)]

    static func hasEstimatedLength(_ format: Int32) -> Bool {
        estimatedLengthContainers.contains(format & Int32(SF_FORMAT_TYPEMASK))
    }

    /// Containers whose header may leave the length unstated (FLAC's STREAMINFO total of 0 samples, from
    /// encoders writing to a pipe); GenreKit counts the frames by decoding them once.
    static func mayLeaveLengthUnstated(_ format: Int32) -> Bool {
        format & Int32(SF_FORMAT_TYPEMASK) == Int32(SF_FORMAT_FLAC)
    }

    /// Containers `AudioFile.write` chooses by (lower-case) extension.
    static let writableExtensions: [String: Int32] = [
        "wav": Int32(SF_FORMAT_WAV), "aif": Int32(SF_FORMAT_AIFF), "aiff": Int32(SF_FORMAT_AIFF),
        "au": Int32(SF_FORMAT_AU), "snd": Int32(SF_FORMAT_AU), "flac": Int32(SF_FORMAT_FLAC),
        "ogg": Int32(SF_FORMAT_OGG), "oga": Int32(SF_FORMAT_OGG), "mp3": Int32(SF_FORMAT_MPEG),
    ]

    static func container(_ format: Int32) -> String {
        containers[format & Int32(SF_FORMAT_TYPEMASK)] ?? String(format: "0x%06X", format & Int32(SF_FORMAT_TYPEMASK))
    }

    static func subtype(_ format: Int32) -> String {
        subtypes[format & Int32(SF_FORMAT_SUBMASK)] ?? String(format: "0x%04X", format & Int32(SF_FORMAT_SUBMASK))
    }

    /// The containers this libsndfile build reads and writes (`SFC_GET_FORMAT_MAJOR`).
    static func available() -> [String] {
        var count: Int32 = 0
        sf_command(nil, Int32(SFC_GET_FORMAT_MAJOR_COUNT), &count, Int32(MemoryLayout<Int32>.size))
        return (0..<count).map { index in
            var info = SF_FORMAT_INFO()
            info.format = index
            sf_command(nil, Int32(SFC_GET_FORMAT_MAJOR), &info, Int32(MemoryLayout<SF_FORMAT_INFO>.size))
            return container(info.format)
        }
    }
}
