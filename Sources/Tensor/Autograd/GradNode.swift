import Synchronization

/// One vertex of the autodiff graph.
///
/// A leaf node belongs to a tensor created by the user with `requiresGrad = true` and accumulates
/// `grad`. An interior node belongs to the result of a recorded op: it keeps the op's backward closure
/// and the nodes of the inputs that need gradients, and is released (closure, inputs, pending
/// gradient) as soon as `backward()` has passed through it.
///
/// `@unchecked Sendable` (tensors, which hold nodes, are `Sendable`), safe under this rule: a leaf is shared by
/// every graph built on it (a model's parameter, used by inference and training on several tasks), so its
/// gradient is only read and written under `leafGradient`'s lock, once per leaf and backward pass; an interior
/// node's fields (`pending`, `backward`, `parents`) are used only by the one `backward()` running over its graph:
/// the results of a graph are differentiated by one `backward()` at a time, as in PyTorch, and nothing else
/// writes them.
@usableFromInline
final class GradNode: @unchecked Sendable {
    /// True for user-created tensors with `requiresGrad`.
    let isLeaf: Bool
    /// The accumulated gradient of a leaf, under a lock: leaves are shared between graphs and tasks.
    private let leafGradient = Mutex<Tensor?>(nil)
    /// The accumulated gradient of a leaf.
    var grad: Tensor? {
        get { leafGradient.withLock { $0 } }
        set { leafGradient.withLock { $0 = newValue } }
    }
    /// Nodes of the op's inputs, `nil` for inputs that need no gradient. Empty for leaves.
    var parents: [GradNode?]
    /// Shapes of the op's inputs, to sum broadcast gradients back down.
    var parentShapes: [[Int]]
    /// Maps the gradient of the output to gradients of the inputs; nil for leaves and once used.
    var backward: ((Tensor) -> [Tensor?])?
    /// Gradient of an interior node summed over its consumers during one `backward()` pass.
    var pending: Tensor?

    /// A leaf.
    init() {
        isLeaf = true
        parents = []
        parentShapes = []
    }

    /// The interior node of an op result.
    init(parents: [GradNode?], parentShapes: [[Int]], backward: @escaping (Tensor) -> [Tensor?]) {
        isLeaf = false
        self.parents = parents
        self.parentShapes = parentShapes
        self.backward = backward
    }

    /// Adds `gradient` into the leaf's `grad` or the interior node's pending sum.
    func accumulate(_ gradient: Tensor) {
        if isLeaf {
            leafGradient.withLock { GradNode.add(gradient, to: &$0) }
        } else {
            GradNode.add(gradient, to: &pending)
        }
    }

    /// `total += gradient`, in place when `total` holds the only reference to its storage.
    private static func add(_ gradient: Tensor, to total: inout Tensor?) {
        guard var sum = total else {
            total = gradient
            return
        }
        total = nil
        sum.addInPlace(gradient)
        total = sum
    }

    /// Interior nodes reachable from `root` (root included), each after every node that consumes it.
    static func topologicalOrder(from root: GradNode) -> [GradNode] {
        var order: [GradNode] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: GradNode, expanded: Bool)] = [(root, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            guard !node.isLeaf, visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for case let parent? in node.parents where !parent.isLeaf { stack.append((parent, false)) }
        }
        return order.reversed()
    }

    /// Propagates `seed` (the gradient of the root) through the graph, then releases the graph
    /// unless `retainGraph` is set.
    static func runBackward(from root: GradNode, seed: Tensor, retainGraph: Bool) {
        Tensor.withoutGrad {
            if root.isLeaf { root.accumulate(seed); return }
            root.pending = seed
            for node in topologicalOrder(from: root) {
                defer {
                    if retainGraph { node.pending = nil } else { node.release() }
                }
                guard let gradient = node.pending else { continue }
                guard let backward = node.backward else {
                    preconditionFailure("backward(): the graph was already released by an earlier backward() call")
                }
                let inputGradients = backward(gradient)
                precondition(inputGradients.count == node.parents.count,
                             "backward closure returned \(inputGradients.count) gradients for \(node.parents.count) inputs")
                for (index, parent) in node.parents.enumerated() {
                    guard let parent, let inputGradient = inputGradients[index] else { continue }
                    parent.accumulate(inputGradient.summed(toShape: node.parentShapes[index]))
                }
            }
        }
    }

    /// Drops everything an interior node keeps for backward.
    private func release() {
        backward = nil
        parents = []
        parentShapes = []
        pending = nil
    }
}
