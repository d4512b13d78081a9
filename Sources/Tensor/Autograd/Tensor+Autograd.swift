extension Tensor {
    /// Whether autodiff tracks this tensor (as `torch.Tensor.requires_grad`).
    ///
    /// Setting it to true on a tensor makes it a leaf whose gradient `backward()` accumulates into
    /// `grad`; setting it to false detaches the tensor from any graph. Results of ops require
    /// gradients when any input does and grad mode is enabled.
    public var requiresGrad: Bool {
        get { node != nil }
        set {
            if !newValue { node = nil } else if node == nil { node = GradNode() }
        }
    }

    /// True for tensors not produced by a recorded op (as `torch.Tensor.is_leaf`).
    public var isLeaf: Bool { node?.isLeaf ?? true }

    /// The gradient accumulated by `backward()` into this leaf, nil before any (as `torch.Tensor.grad`).
    ///
    /// Shared by all copies of the tensor. Settable on tensors that require gradients, e.g. by an
    /// optimizer clipping gradients; setting it on other tensors has no effect, as they have no gradient.
    public var grad: Tensor? {
        get { node?.grad }
        nonmutating set { node?.grad = newValue }
    }

    /// Clears the accumulated gradient (as `optimizer.zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        node?.grad = nil
    }

    /// The same values without autodiff history (as `torch.Tensor.detach`); storage is shared.
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage)
    }

    /// Back-propagates from this tensor, accumulating gradients into every reachable leaf's `grad`.
    ///
    /// As `torch.Tensor.backward(gradient)`: `gradient` defaults to 1 for a one-element tensor and
    /// must otherwise have this tensor's shape. The graph's intermediate buffers are released on the
    /// way, so each graph supports one `backward()`, unless `retainGraph` keeps it for another pass
    /// (as `retain_graph=True`). Gradients are computed without recording.
    public func backward(_ gradient: Tensor? = nil, retainGraph: Bool = false) {
        guard let node else {
            preconditionFailure("backward(): tensor of shape \(shape) does not require gradients")
        }
        let seed: Tensor
        if let gradient {
            precondition(gradient.shape == shape, "backward(): gradient shape \(gradient.shape) differs from tensor shape \(shape)")
            seed = gradient.detached()
        } else {
            precondition(count == 1, "backward(): a gradient is required for a non-scalar tensor of shape \(shape)")
            seed = Tensor.ones(shape)
        }
        GradNode.runBackward(from: node, seed: seed, retainGraph: retainGraph)
    }

    /// Records an op's result in the autodiff graph. The one mechanism by which every op gets a backward.
    ///
    /// # Adding an op
    ///
    /// Compute the forward value with plain kernels, then return `makeResult`, giving the op's inputs
    /// and a closure that maps the gradient of the output to one gradient per input (`nil` where an
    /// input has no gradient, e.g. an integer-like index input). When no input requires gradients,
    /// or inside `Tensor.withoutGrad`, `value` is returned as is and the closure is never kept.
    ///
    /// - The closure runs during `backward()` with recording disabled, once, and is then released,
    ///   together with everything it captured. Capture only what the backward needs (inputs, the
    ///   output, saved statistics).
    /// - A returned gradient may have a broadcast shape (e.g. the output's): it is summed down to the
    ///   input's shape automatically, so broadcasting ops can return the output gradient unchanged.
    /// - Gradients of inputs that do not require them are never used; skip computing them by checking
    ///   `input.requiresGrad` inside the closure when they are expensive.
    ///
    /// ```swift
    /// extension Tensor {
    ///     /// x · eˣ, elementwise.
    ///     public func timesExp() -> Tensor {
    ///         let x = self
    ///         let value = Tensor(shape: x.shape, unsafeUninitializedWith: { out in
    ///             x.withUnsafeBufferPointer { input in
    ///                 for i in 0..<input.count { out[i] = input[i] * Foundation.exp(input[i]) }
    ///             }
    ///         })
    ///         return Tensor.makeResult(value, parents: [x]) { gradient in
    ///             [gradient * x.exp() * (x + 1)]   // d/dx x·eˣ = eˣ·(x + 1)
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - value: The op's output, freshly computed (its own autodiff state is ignored).
    ///   - parents: The op's tensor inputs, in the order the closure returns their gradients.
    ///   - backward: Gradient of the output ↦ gradients of `parents`.
    /// - Returns: `value`, recorded in the graph when any parent requires gradients.
    public static func makeResult(_ value: Tensor, parents: [Tensor],
                                  backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        guard GradMode.isEnabled, parents.contains(where: { $0.node != nil }) else {
            return value.node == nil ? value : value.detached()
        }
        var result = value.detached()
        result.node = GradNode(parents: parents.map { $0.node }, parentShapes: parents.map { $0.shape },
                               backward: backward)
        return result
    }
}
