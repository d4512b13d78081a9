import Tensor

/// An indexed list of modules registered as `0`, `1`, … (as `torch.nn.ModuleList`); the owner decides how
/// they are applied, so it has no `forward`.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class ModuleList: Module, RandomAccessCollection, @unchecked Sendable {
    private var modules: [Module] = []

    /// A list holding `modules`.
    public init(_ modules: [Module] = []) {
        super.init()
        for module in modules { append(module) }
    }

    /// Appends `module` under the next index.
    public func append(_ module: Module) {
        register(module, as: String(modules.count))
        modules.append(module)
    }

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of modules.
    public var endIndex: Int { modules.count }
    /// The module at `position`.
    public subscript(position: Int) -> Module { modules[position] }
}
