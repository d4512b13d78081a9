import Synchronization
import Tensor

/// The base class of layers and models (as `torch.nn.Module`).
///
/// A module's parameters, buffers and child modules have names; the dotted paths of those names are the keys of
/// its state dict, exactly as in PyTorch (`conv_layers.0.weight`, `bn.running_mean`), so weights exported from the
/// same architecture in PyTorch load by key.
///
/// # Registration
///
/// Stored properties holding a `Module`, `Parameter` or `Buffer` (also optional, or an array of them) are found by
/// reflection and named after the property: `let classifier: Linear` gives `classifier.weight`, a leading
/// underscore is dropped (property wrappers), and an array `let blocks: [Module]` gives `blocks.0`, `blocks.1`, …
/// as PyTorch's `ModuleList`. `register(_:as:)` names an object explicitly: for a key that differs from the
/// property name (`register(runningVariance, as: "running_var")`) and for dynamic lists (`Sequential`). An
/// object registered explicitly is not found again under its property name; explicit entries come first (in
/// registration order), then the reflected ones (in declaration order, superclass properties first). Traversals
/// (`namedModules()`, `namedParameters()`, the state dict) visit each object once, under its first path, as
/// PyTorch does, so a property that refers to a module already reachable elsewhere adds no keys.
/// Stored properties are read at the module's first traversal: a `var` child replaced after that must be
/// registered with `register(_:as:)`.
///
/// ```swift
/// // @unchecked: Module's rule for shared models (forward only reads).
/// final class TinyNet: Module, @unchecked Sendable {
///     let features = Sequential(Conv2D(1, 8, kernelSize: 3, padding: .same), ReLU(), GlobalAveragePool())
///     let classifier = Linear(8, 10)
///     override func forward(_ x: Tensor) -> Tensor { classifier(features(x)) }
/// }
/// // keys: features.0.weight, features.0.bias, classifier.weight, classifier.bias
/// ```
///
/// # Sharing a model between tasks
///
/// Modules are `Sendable`, so a model can be handed to other tasks (`Task.detached { model(x) }`). The rule for
/// shared models: **a model may run inference from many tasks at once** (in evaluation mode, `eval()`, usually
/// inside `Tensor.withoutGrad`): forward passes only read parameters, buffers and modes, and record shapes only
/// in task-local traces. **Everything that changes the model needs exclusive access**: training (a forward pass
/// in training mode updates BatchNorm statistics and dropout streams, `backward()` accumulates gradients,
/// optimizer steps), `load`/`loadStateDict`, `train()`/`eval()` mode switches, `register`, `seedRandomness`,
/// freezing. The conformance is `@unchecked` because that rule is not enforced by locks: a lock around every
/// parameter read would cost every op of every forward pass. Swift asks each subclass to restate it
/// (`final class MyLayer: Module, @unchecked Sendable`), which is where a layer states that its `forward` keeps
/// the rule: in evaluation mode it writes no state of its own.
open class Module: @unchecked Sendable {
    /// True in training mode (dropout active, BatchNorm uses batch statistics); see `train()` and `eval()`.
    public private(set) var isTraining = true
    private var childEntries: [(name: String, module: Module)] = []
    private var parameterEntries: [(name: String, parameter: Parameter)] = []
    private var bufferEntries: [(name: String, buffer: Buffer)] = []
    /// The entries found in stored properties, read at the first traversal (see "Registration").
    private let reflected = Mutex<ReflectedEntries?>(nil)

    /// An empty module; stored properties are registered by reflection, others with `register(_:as:)`.
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

    /// Registers `module` as a child named `name` and returns it: for a key other than the property name, or for
    /// a child that is in no stored property of its own (a dynamic list such as `Sequential`'s layers).
    @discardableResult
    public func register<M: Module>(_ module: M, as name: String) -> M {
        precondition(!name.isEmpty && !name.contains("."), "module name '\(name)' must be non-empty and dot-free")
        precondition(!isRegistered(name), "\(typeName) already has an entry named '\(name)'")
        childEntries.append((name, module))
        return module
    }

    /// Registers `parameter` under `name` (a key other than its property name, or one of a dynamic list).
    public func register(_ parameter: Parameter, as name: String) {
        precondition(!isRegistered(name), "\(typeName) already has an entry named '\(name)'")
        parameterEntries.append((name, parameter))
    }

    /// Registers `buffer` under `name` (a key other than its property name: `running_var`).
    public func register(_ buffer: Buffer, as name: String) {
        precondition(!isRegistered(name), "\(typeName) already has an entry named '\(name)'")
        bufferEntries.append((name, buffer))
    }

    private func isRegistered(_ name: String) -> Bool {
        childEntries.contains { $0.name == name } || parameterEntries.contains { $0.name == name }
            || bufferEntries.contains { $0.name == name }
    }

    // MARK: Traversal

    /// The direct children: registered ones in registration order, then those of stored properties.
    public var children: [(name: String, module: Module)] { childEntries + reflectedEntries().children }

    /// This module and all descendants with their dotted paths (`""` for this module), depth first; a module
    /// reachable along several paths is listed once, under the first.
    public func namedModules() -> [(name: String, module: Module)] {
        var visited = Set<ObjectIdentifier>()
        var result: [(name: String, module: Module)] = []
        appendModules(path: "", to: &result, visited: &visited)
        return result
    }

    private func appendModules(path: String, to result: inout [(name: String, module: Module)],
                               visited: inout Set<ObjectIdentifier>) {
        guard visited.insert(ObjectIdentifier(self)).inserted else { return }
        result.append((path, self))
        for child in children { child.module.appendModules(path: Self.join(path, child.name), to: &result, visited: &visited) }
    }

    /// Parameters of this module itself: registered ones, then those of stored properties.
    public var localParameters: [(name: String, parameter: Parameter)] { parameterEntries + reflectedEntries().parameters }

    /// Buffers of this module itself: registered ones, then those of stored properties.
    public var localBuffers: [(name: String, buffer: Buffer)] { bufferEntries + reflectedEntries().buffers }

    /// Every parameter with its state-dict key, in PyTorch's order (own entries, then children's), each once.
    public func namedParameters() -> [(name: String, parameter: Parameter)] {
        Self.unique(namedModules().flatMap { path, module in
            module.localParameters.map { (Self.join(path, $0.name), $0.parameter) }
        })
    }

    /// Every buffer with its state-dict key, each once.
    public func namedBuffers() -> [(name: String, buffer: Buffer)] {
        Self.unique(namedModules().flatMap { path, module in module.localBuffers.map { (Self.join(path, $0.name), $0.buffer) } })
    }

    /// The first entry of each object.
    private static func unique<Object: AnyObject>(_ entries: [(String, Object)]) -> [(String, Object)] {
        var seen = Set<ObjectIdentifier>()
        return entries.filter { seen.insert(ObjectIdentifier($0.1)).inserted }
    }

    /// The stored-property entries not registered explicitly, reflected once.
    private func reflectedEntries() -> ReflectedEntries {
        let entries = reflected.withLock { cached in
            if cached == nil { cached = ReflectedEntries(reflecting: self) }
            return cached!
        }
        guard !childEntries.isEmpty || !parameterEntries.isEmpty || !bufferEntries.isEmpty else { return entries }
        let registered = Set(childEntries.map { ObjectIdentifier($0.module) } + parameterEntries.map { ObjectIdentifier($0.parameter) }
            + bufferEntries.map { ObjectIdentifier($0.buffer) })
        let remaining = entries.excluding(registered)
        for name in remaining.children.map(\.name) + remaining.parameters.map(\.name) + remaining.buffers.map(\.name) {
            precondition(!isRegistered(name), "\(typeName): stored property '\(name)' holds an object other than the one "
                         + "registered as '\(name)'; register it under another name")
        }
        return remaining
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
