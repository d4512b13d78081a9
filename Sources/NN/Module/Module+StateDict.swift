import Foundation
import Tensor

extension Module {
    /// Parameters and buffers by state-dict key, as stored tensors (as `module.state_dict()`).
    public func stateDict() -> [String: StoredTensor] {
        var state: [String: StoredTensor] = [:]
        for (key, parameter) in namedParameters() { state[key] = StoredTensor(parameter.value) }
        for (key, buffer) in namedBuffers() { state[key] = StoredTensor(buffer.value) }
        return state
    }

    /// Copies `state` into the parameters and buffers by key (as `load_state_dict`), checking every shape.
    ///
    /// With `strict` (the default) every key must match exactly; otherwise keys missing on either side are
    /// ignored. Unless `allowNonFinite`, an entry holding NaN, an infinity or a negative variance
    /// (`StateValueCheck`) is refused with `CheckpointError.nonFinite`. Nothing is modified when an error is thrown.
    public func loadStateDict(_ state: [String: StoredTensor], strict: Bool = true, allowNonFinite: Bool = false) throws {
        var targets: [(key: String, assign: ([Float]) -> Void, shape: [Int])] =
            namedParameters().map { ($0.name, $0.parameter.assign, $0.parameter.shape) }
        targets += namedBuffers().map { ($0.name, $0.buffer.assign, $0.buffer.shape) }
        if strict {
            let known = Set(targets.map(\.key))
            if let unexpected = state.keys.sorted().first(where: { !known.contains($0) }) {
                throw CheckpointError.unexpectedKey(unexpected)
            }
        }
        var updates: [(([Float]) -> Void, [Float])] = []
        for target in targets {
            guard let stored = state[target.key] else {
                if strict { throw CheckpointError.missingKey(target.key) }
                continue
            }
            // A scalar and a one-element vector are interchangeable (num_batches_tracked).
            let shapesAgree = stored.shape == target.shape
                || (stored.values.count == 1 && target.shape.reduce(1, *) == 1)
            guard shapesAgree else {
                throw CheckpointError.shapeMismatch(key: target.key, expected: target.shape, found: stored.shape)
            }
            if !allowNonFinite, let problem = StateValueCheck.problem(key: target.key, values: stored.values) {
                throw CheckpointError.nonFinite(key: target.key, problem: problem)
            }
            updates.append((target.assign, stored.values))
        }
        for (assign, values) in updates { assign(values) }
    }

    /// Writes the state dict to a safetensors file atomically (loadable with `safetensors.torch.load_file`).
    public func save(to url: URL, metadata: [String: String] = [:]) throws {
        try SafeTensors(tensors: stateDict(), metadata: metadata).write(to: url)
    }

    /// Loads a safetensors state dict (e.g. exported from PyTorch) by key; errors name the file. Non-finite
    /// values are refused unless `allowNonFinite` (see `loadStateDict(_:strict:allowNonFinite:)`).
    public func load(from url: URL, strict: Bool = true, allowNonFinite: Bool = false) throws {
        do {
            try loadStateDict(SafeTensors(contentsOf: url).tensors, strict: strict, allowNonFinite: allowNonFinite)
        } catch let error as CheckpointError {
            switch error {
            case .io, .malformed, .unsupportedDType: throw error
            default: throw CheckpointError.io(url, error.description)
            }
        }
    }
}

extension StoredTensor {
    /// The shape and values of `tensor`.
    public init(_ tensor: Tensor) {
        self.init(shape: tensor.shape, values: tensor.scalars)
    }
}

extension Tensor {
    /// A tensor holding a stored tensor's values.
    public init(_ stored: StoredTensor) {
        // StoredTensor guarantees that values fill the shape.
        self = try! Tensor(stored.values, shape: stored.shape)
    }
}
