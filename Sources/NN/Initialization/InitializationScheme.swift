/// How layers initialise their weights: PyTorch's defaults or Keras' defaults, from a seeded stream.
///
/// Layers created inside `ParameterInitialization.using(_:seed:_:)` draw from that scope's generator, so a
/// model built twice with the same scheme and seed has the same weights. Outside any scope, layers use
/// PyTorch's scheme with a process-wide generator seeded with 0.
///
/// ```swift
/// let model = ParameterInitialization.using(.keras, seed: 42) { Sequential(Linear(57, 256), ReLU(), Linear(256, 10)) }
/// ```
public enum InitializationScheme: String, Sendable {
    /// `kaiming_uniform_(a=√5)` weights and U(±1/√fan_in) biases: U(±1/√fan_in) for both.
    case pytorch
    /// Glorot (Xavier) uniform weights, U(±√(6/(fan_in + fan_out))), and zero biases.
    case keras
}
