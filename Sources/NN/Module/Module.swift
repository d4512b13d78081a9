import Tensor

/// The base class of layers and models (as `torch.nn.Module`).
///
/// A module registers its parameters, buffers and child modules under names; the dotted paths of those
/// names are the keys of its state dict, exactly as in PyTorch (`conv_layers.0.weight`, `bn.running_mean`),
/// so weights exported from the same architecture in PyTorch load by key.
///
/// ```swift
/// final class TinyNet: Module {
///     let features = Sequential(Conv2D(1, 8, kernelSize: 3, padding: .same), ReLU(), GlobalAveragePool(), Flatten())
///     let classifier = Linear(8, 10)
///     override init() {
///         super.init()
///         register(features, as: "features")
///         register(classifier, as: "classifier")
///     }
///     override func forward(_ x: Tensor) -> Tensor { classifier(features(x)) }
/// }
/// ```
open class Module {
    /// True in training mode (dropout active, BatchNorm uses batch statistics); see `train()` and `eval()`.
    public private(set) var isTraining = true
    private var childEntries: [(name: String, module: Module)] = []
    private var parameterEntries: [(name: String, parameter: Parameter)] = []
    private var bufferEntries: [(name: String, buffer: Buffer)] = []

    /// An empty module; subclasses register their parameters, buffers and children in their initialiser.
    public init() {}

    /// The module's computation. Subclasses override it; call the module itself (`model(x)`) to run it.
    open func forward(_ input: Tensor) -> Tensor {
        preconditionFailure("\(typeName) does not override forward(_:)")
    }

    /// Runs `forward`; inside `OutputShapeTrace.recording(_:)` (as in `summary()`) the trace notes the
    /// output shape. The module itself is not modified.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        let output = forward(input)
        OutputShapeTrace.record(output.shape, for: self)
        return output
    }

    /// The name shown in summaries (the Swift class name).
    open var typeName: String { String(describing: type(of: self)) }

    // MARK: Registration

    /// Registers `module` as a child named `name` and returns it.
    @discardableResult
    public func register<M: Module>(_ module: M, as name: String) -> M {
        precondition(!name.isEmpty && !name.contains("."), "module name '\(name)' must be non-empty and dot-free")
        precondition(!isRegistered(name), "\(typeName) already has an entry named '\(name)'")
        childEntries.append((name, module))
        return module
    }

    /// Registers `parameter` under `name`.
    public func register(_ parameter: Parameter, as name: String) {
        precondition(!isRegistered(name), "\(typeName) already has an entry named '\(name)'")
        parameterEntries.append((name, parameter))
    }

    /// Registers `buffer` under `name`.
    public func register(_ buffer: Buffer, as name: String) {
        precondition(!isRegistered(name), "\(typeName) already has an entry named '\(name)'")
        bufferEntries.append((name, buffer))
    }

    private func isRegistered(_ name: String) -> Bool {
        childEntries.contains { $0.name == name } || parameterEntries.contains { $0.name == name }
            || bufferEntries.contains { $0.name == name }
    }

    // MARK: Traversal

    /// The direct children in registration order.
    public var children: [(name: String, module: Module)] { childEntries }

    /// This module and all descendants with their dotted paths (`""` for this module), depth first.
    public func namedModules() -> [(name: String, module: Module)] {
        [("", self)] + childEntries.flatMap { child in
            child.module.namedModules().map { (Self.join(child.name, $0.name), $0.module) }
        }
    }

    /// Parameters registered directly on this module.
    public var localParameters: [(name: String, parameter: Parameter)] { parameterEntries }

    /// Buffers registered directly on this module.
    public var localBuffers: [(name: String, buffer: Buffer)] { bufferEntries }

    /// Every parameter with its state-dict key, in PyTorch's order (own entries, then children's).
    public func namedParameters() -> [(name: String, parameter: Parameter)] {
        namedModules().flatMap { path, module in
            module.parameterEntries.map { (Self.join(path, $0.name), $0.parameter) }
        }
    }

    /// Every buffer with its state-dict key.
    public func namedBuffers() -> [(name: String, buffer: Buffer)] {
        namedModules().flatMap { path, module in module.bufferEntries.map { (Self.join(path, $0.name), $0.buffer) } }
    }

    /// Every parameter.
    public var parameters: [Parameter] { namedParameters().map(\.parameter) }

    /// Parameters that currently require gradients.
    public var trainableParameters: [Parameter] { parameters.filter(\.requiresGrad) }

    // MARK: Modes

    /// Sets training mode on this module and all descendants (as `module.train(mode)`).
    public func train(_ mode: Bool = true) {
        for (_, module) in namedModules() { module.isTraining = mode }
    }

    /// Sets evaluation mode (as `module.eval()`).
    public func eval() { train(false) }

    /// Whether every parameter of this module and its descendants is trained. Setting it freezes
    /// (`false`, as for a frozen backbone) or unfreezes them all (as `module.requires_grad_(flag)`).
    public var requiresGrad: Bool {
        get { parameters.allSatisfy(\.requiresGrad) }
        set { for parameter in parameters { parameter.requiresGrad = newValue } }
    }

    /// Clears every parameter's gradient (as `module.zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        for parameter in parameters { parameter.value.zeroGrad() }
    }

    /// Reseeds the random streams of this module and its descendants (dropout masks), each from `seed` and
    /// its position, so that runs are reproducible epoch by epoch.
    public func seedRandomness(_ seed: UInt64) {
        for (index, entry) in namedModules().enumerated() {
            entry.module.resetRandomness(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        }
    }

    /// Overridden by modules that draw random numbers; the default does nothing.
    open func resetRandomness(seed: UInt64) {}

    static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : name.isEmpty ? prefix : prefix + "." + name
    }
}
