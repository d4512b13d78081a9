import Tensor

/// A learnable tensor registered in a `Module` (as `torch.nn.Parameter`).
///
/// A reference type, so that layers, optimizers and state-dict loading all see the same tensor:
/// optimizers update `value` in place, which keeps its autodiff identity and accumulated `grad`.
///
/// `@unchecked Sendable` under the rule for shared models (see `Module`): many tasks may read `value` at once
/// (inference); writes (`assign`, `update`, `requiresGrad`) need exclusive access. Not a lock per read: every
/// forward pass reads every parameter. Gradients accumulate under the autodiff leaf's own lock.
public final class Parameter: @unchecked Sendable {
    /// The current value; requires gradients while the parameter is trainable.
    public private(set) var value: Tensor

    /// A trainable parameter holding `value`.
    public init(_ value: Tensor, requiresGrad: Bool = true) {
        self.value = value.detached()
        self.value.requiresGrad = requiresGrad
    }

    /// Whether the parameter is trained; false freezes it (as `p.requires_grad_(False)`).
    public var requiresGrad: Bool {
        get { value.requiresGrad }
        set { value.requiresGrad = newValue }
    }

    /// The gradient accumulated by the last `backward()`, nil before any or when frozen.
    public var grad: Tensor? { value.grad }

    /// The parameter's shape.
    public var shape: [Int] { value.shape }

    /// Overwrites the values (same count) without touching gradients or trainability.
    public func assign(_ values: [Float]) {
        precondition(values.count == value.count, "assign: \(values.count) values for a parameter of shape \(shape)")
        value.withUnsafeMutableBufferPointer { _ = $0.initialize(from: values) }
    }

    /// Mutates the values in place (used by optimizers); not recorded by autodiff.
    public func update(_ body: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        try value.withUnsafeMutableBufferPointer(body)
    }
}
