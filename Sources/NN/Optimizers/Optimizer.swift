import Foundation
import Tensor

/// The base of the optimizers: PyTorch's `torch.optim` semantics, one update per `step()` for every
/// parameter that has a gradient (frozen parameters and parameters without a gradient are skipped, as in
/// PyTorch), with per-parameter state that `stateDict()` saves and `loadStateDict(_:)` restores by key.
///
/// `@unchecked Sendable`, so an optimizer can move to the task that trains with it; it is not for concurrent
/// use: `step()`, `zeroGrad()`, `loadStateDict(_:)` and setting `learningRate` change it and the parameters, and
/// need exclusive access to both (the rule for shared models, see `Module`), as training does anyway.
open class Optimizer: @unchecked Sendable {
    /// The optimized parameters by state-dict key.
    public let parameters: [(name: String, parameter: Parameter)]
    /// The learning rate of the next step; schedules change it between epochs.
    public var learningRate: Float
    /// The names of the per-parameter state arrays (as PyTorch's: `exp_avg`, `momentum_buffer`, …).
    public let slotNames: [String]
    /// Per parameter: the number of steps it took and its state arrays one after the other
    /// (empty until its first step).
    private var states: [(steps: Int, slots: [Float])]

    /// Optimizes `parameters` (usually `model.namedParameters()`).
    public init(parameters: [(name: String, parameter: Parameter)], learningRate: Float, slotNames: [String]) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.slotNames = slotNames
        states = Array(repeating: (0, []), count: parameters.count)
    }

    /// Applies one update to every parameter with a gradient.
    public func step() {
        for (index, entry) in parameters.enumerated() {
            guard entry.parameter.requiresGrad, let gradient = entry.parameter.grad else { continue }
            precondition(gradient.shape == entry.parameter.shape,
                         "gradient of '\(entry.name)' has shape \(gradient.shape), parameter \(entry.parameter.shape)")
            let count = gradient.count
            if states[index].slots.isEmpty { states[index].slots = Array(repeating: 0, count: count * slotNames.count) }
            states[index].steps += 1
            let step = states[index].steps
            gradient.withUnsafeBufferPointer { g in
                entry.parameter.update { p in
                    states[index].slots.withUnsafeMutableBufferPointer { flat in
                        let slots = slotNames.indices.map { UnsafeMutableBufferPointer(rebasing: flat[$0 * count..<($0 + 1) * count]) }
                        update(parameter: p, gradient: g, slots: slots, step: step)
                    }
                }
            }
        }
    }

    /// Clears the gradients of the optimized parameters.
    public func zeroGrad() {
        for entry in parameters { entry.parameter.value.zeroGrad() }
    }

    /// Updates one parameter in place. `slots` follow `slotNames`, zero-filled before the first step;
    /// `step` counts this parameter's steps from 1.
    open func update(parameter: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                     slots: [UnsafeMutableBufferPointer<Float>], step: Int) {
        preconditionFailure("\(type(of: self)) does not override update(parameter:gradient:slots:step:)")
    }

    // MARK: State

    /// The state by key: `<parameter>.<slot>` arrays and `<parameter>.step` counts, plus `learning_rate`.
    public func stateDict() -> [String: StoredTensor] {
        var state: [String: StoredTensor] = ["learning_rate": StoredTensor(shape: [], values: [learningRate])]
        for (entry, parameterState) in zip(parameters, states) where parameterState.steps > 0 {
            state[entry.name + ".step"] = StoredTensor(shape: [], values: [Float(parameterState.steps)])
            let count = parameterState.slots.count / max(1, slotNames.count)
            for (position, slot) in slotNames.enumerated() {
                state[entry.name + "." + slot] = StoredTensor(shape: entry.parameter.shape,
                                                             values: Array(parameterState.slots[position * count..<(position + 1) * count]))
            }
        }
        return state
    }

    /// Restores a state saved by `stateDict()` of an optimizer of the same type over the same parameters.
    public func loadStateDict(_ state: [String: StoredTensor]) throws {
        guard let rate = state["learning_rate"]?.values.first else { throw CheckpointError.missingKey("learning_rate") }
        if let (key, problem) = StateValueCheck.firstProblem(in: state) { throw CheckpointError.nonFinite(key: key, problem: problem) }
        var restored = states
        for (index, entry) in parameters.enumerated() {
            guard let steps = state[entry.name + ".step"]?.values.first else {
                restored[index] = (0, [])
                continue
            }
            guard steps >= 0, steps < 0x1p53 else {
                throw CheckpointError.nonFinite(key: entry.name + ".step", problem: "step count \(steps)")
            }
            restored[index] = (Int(steps), try slotNames.flatMap { slot in
                let key = entry.name + "." + slot
                guard let stored = state[key] else { throw CheckpointError.missingKey(key) }
                guard stored.shape == entry.parameter.shape else {
                    throw CheckpointError.shapeMismatch(key: key, expected: entry.parameter.shape, found: stored.shape)
                }
                return stored.values
            })
        }
        states = restored
        learningRate = rate
    }
}
