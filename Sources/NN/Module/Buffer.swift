import Tensor

/// A non-learnable tensor in a module's state (as `register_buffer`): BatchNorm's running statistics.
///
/// `@unchecked Sendable` under the rule for shared models (see `Module`): inference on many tasks reads `value`;
/// writes (a training-mode BatchNorm pass, `assign`, loading) need exclusive access.
public final class Buffer: @unchecked Sendable {
    /// The current value; never requires gradients.
    public var value: Tensor {
        didSet { value.requiresGrad = false }
    }
    /// Whether `summary()` counts it as a non-trainable weight, as Keras counts BatchNorm's moving mean and
    /// variance (PyTorch's `num_batches_tracked` counter is not counted).
    public let countsAsWeight: Bool

    /// A buffer holding `value`.
    public init(_ value: Tensor, countsAsWeight: Bool = true) {
        self.value = value.detached()
        self.countsAsWeight = countsAsWeight
    }

    /// The buffer's shape.
    public var shape: [Int] { value.shape }

    /// Overwrites the values (same count).
    public func assign(_ values: [Float]) {
        precondition(values.count == value.count, "assign: \(values.count) values for a buffer of shape \(shape)")
        value.withUnsafeMutableBufferPointer { _ = $0.initialize(from: values) }
    }
}
