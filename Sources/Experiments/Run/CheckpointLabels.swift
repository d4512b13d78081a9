import Foundation
import NN

/// The label names of a model's outputs, recorded in its checkpoints' safetensors metadata under `labels`
/// as a JSON array (`["blues","classical",…]`), in output order.
public enum CheckpointLabels {
    /// The metadata key.
    public static let key = "labels"

    /// The metadata entry that records `names`.
    public static func metadata(_ names: [String]) -> [String: String] {
        [key: String(decoding: (try? JSONEncoder().encode(names)) ?? Data("[]".utf8), as: UTF8.self)]
    }

    /// The names recorded in `metadata`; nil when there are none (checkpoints written before labels were recorded).
    public static func names(in metadata: [String: String]) -> [String]? {
        guard let json = metadata[key], let names = try? JSONDecoder().decode([String].self, from: Data(json.utf8)),
              !names.isEmpty else { return nil }
        return names
    }

    /// The names recorded in the checkpoint `url`; nil when it records none or cannot be read.
    public static func names(in url: URL) -> [String]? {
        (try? SafeTensors(contentsOf: url)).flatMap { names(in: $0.metadata) }
    }
}
