import Tensor

/// Modules applied in order, registered as children `0`, `1`, … (as `torch.nn.Sequential`, so keys read
/// `features.0.weight`).
public final class Sequential: Module {
    /// The layers in order.
    public private(set) var layers: [Module] = []

    /// A chain of `layers`.
    public init(_ layers: [Module]) {
        super.init()
        for layer in layers { append(layer) }
    }

    /// A chain of `layers`.
    public convenience init(_ layers: Module...) {
        self.init(layers)
    }

    /// Appends `layer` as the next child.
    public func append(_ layer: Module) {
        register(layer, as: String(layers.count))
        layers.append(layer)
    }

    public override func forward(_ input: Tensor) -> Tensor {
        layers.reduce(input) { $1($0) }
    }
}
