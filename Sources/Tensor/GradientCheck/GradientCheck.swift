/// Checks the analytic gradients of any function or layer against central differences.
///
/// The function's output `y` is reduced to the scalar loss `L = Σ yᵢ·rᵢ` with a fixed random
/// projection `r` (seeded), so every output element contributes. Analytic gradients come from
/// `y.backward(r)`; numeric ones from `(L(x + ε) − L(x − ε)) / (2ε)` per input element, with `L` summed
/// in `Double` and the step measured as the difference of the actually stored `Float` values.
/// An element passes when `|analytic − numeric| ≤ absoluteTolerance + relativeTolerance · max(|analytic|, |numeric|)`.
///
/// ```swift
/// let report = GradientCheck().check([x, w]) { inputs in inputs[0].matmul(inputs[1]).exp() }
/// XCTAssertTrue(report.passed, report.description)
///
/// // A layer's own parameters (NN's `Parameter.value`), perturbed in place where the layer holds them:
/// let parameterReport = GradientCheck().check(parameters: layer.parameters.map(\.value)) { layer(input) }
///
/// // With NN imported, a module's input and trainable parameters in one call:
/// let moduleReport = GradientCheck().check(module: layer, input: input)
/// ```
///
/// The function must be deterministic (fix dropout masks and random streams) and is evaluated
/// `2 · (number of checked elements) + 1` times: keep inputs small or set `maximumElementsPerInput`.
public struct GradientCheck {
    /// Half-width of the central difference. 1e-3 balances float32 rounding against curvature.
    public var epsilon: Double
    /// Allowed error relative to `max(|analytic|, |numeric|)`; 1e-2 absorbs float32 forward rounding.
    public var relativeTolerance: Double
    /// Allowed error for gradients near zero.
    public var absoluteTolerance: Double
    /// Seed of the random projection of the output (and of the sampled elements).
    public var seed: UInt64
    /// When set, at most this many elements of each input are checked, drawn at random (seeded):
    /// the way to check large layers in a few evaluations. Nil checks every element.
    public var maximumElementsPerInput: Int?

    /// A checker with the given step, tolerances, projection seed and optional element sampling.
    public init(epsilon: Double = 1e-3, relativeTolerance: Double = 1e-2, absoluteTolerance: Double = 1e-3,
                seed: UInt64 = 0, maximumElementsPerInput: Int? = nil) {
        self.epsilon = epsilon
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.seed = seed
        self.maximumElementsPerInput = maximumElementsPerInput
    }

    /// Checks `function` at `inputs`; gradients are taken with respect to every input.
    ///
    /// The inputs are copied (the caller's tensors and their gradients are left untouched).
    public func check(_ inputs: [Tensor], _ function: ([Tensor]) -> Tensor) -> GradientCheckReport {
        let copies = inputs.map { input -> Tensor in
            var copy = Tensor(shape: input.shape, storage: input.storage.copy())
            copy.requiresGrad = true
            return copy
        }
        return check(parameters: copies) { function(copies) }
    }

    /// Checks the gradients of `function`'s output with respect to `parameters`, tensors the function
    /// reads from where it captured them (e.g. a layer's weights). They must require gradients.
    ///
    /// Each parameter element is perturbed in its shared storage and restored; the parameters'
    /// accumulated `grad` values are restored afterwards.
    public func check(parameters: [Tensor], _ function: () -> Tensor) -> GradientCheckReport {
        for (index, parameter) in parameters.enumerated() {
            precondition(parameter.requiresGrad, "GradientCheck: parameter \(index) of shape \(parameter.shape) does not require gradients")
        }
        let analytic = analyticGradients(parameters: parameters, function)
        let projection = analytic.projection
        func loss() -> Double {
            let output = Tensor.withoutGrad(function)
            return output.withUnsafeBufferPointer { values in
                projection.withUnsafeBufferPointer { weights in
                    (0..<values.count).reduce(0) { $0 + Double(values[$1]) * Double(weights[$1]) }
                }
            }
        }
        let reports = parameters.enumerated().map { index, parameter in
            let elements = checkedElements(count: parameter.count, input: index)
            return compare(elements.map { analytic.gradients[index][$0] }, numericGradient(of: parameter, at: elements, loss),
                           elements: elements, input: index, shape: parameter.shape)
        }
        return GradientCheckReport(inputs: reports)
    }

    /// Gradients by `backward(r)` for a seeded random projection `r`, which is returned too.
    private func analyticGradients(parameters: [Tensor], _ function: () -> Tensor) -> (gradients: [[Float]], projection: Tensor) {
        let saved = parameters.map(\.grad)
        parameters.forEach { $0.zeroGrad() }
        let output = function()
        var generator = RandomGenerator(seed: seed)
        let projection = Tensor.normal(output.shape, using: &generator)
        if output.requiresGrad { output.backward(projection) }
        let gradients = parameters.map { $0.grad?.scalars ?? [Float](repeating: 0, count: $0.count) }
        for (parameter, grad) in zip(parameters, saved) { parameter.grad = grad }
        return (gradients, projection)
    }

    /// All element indices of an input, or a seeded random sorted subset of `maximumElementsPerInput`.
    private func checkedElements(count: Int, input: Int) -> [Int] {
        guard let maximum = maximumElementsPerInput, maximum < count else { return Array(0..<count) }
        var generator = RandomGenerator(seed: seed &+ UInt64(input + 1))
        var chosen = Set<Int>()
        while chosen.count < Swift.max(maximum, 0) { chosen.insert(Int(generator.next() % UInt64(count))) }
        return chosen.sorted()
    }

    /// Central differences of `loss` for `elements` of `parameter`, perturbing its storage in place.
    private func numericGradient(of parameter: Tensor, at elements: [Int], _ loss: () -> Double) -> [Double] {
        let values = parameter.storage.pointer
        return elements.map { index in
            let original = values[index]
            let plus = Float(Double(original) + epsilon), minus = Float(Double(original) - epsilon)
            values[index] = plus
            let lossPlus = loss()
            values[index] = minus
            let lossMinus = loss()
            values[index] = original
            return (lossPlus - lossMinus) / (Double(plus) - Double(minus))
        }
    }

    /// The per-input summary over the checked `elements`: worst element by tolerance ratio, largest errors.
    private func compare(_ analytic: [Float], _ numeric: [Double], elements: [Int], input: Int,
                         shape: [Int]) -> GradientCheckReport.Input {
        var report = GradientCheckReport.Input(index: input, shape: shape)
        var worstRatio = -1.0
        for (element, (analyticValue, numericValue)) in zip(elements, zip(analytic.map(Double.init), numeric)) {
            let error = Swift.abs(analyticValue - numericValue)
            let magnitude = Swift.max(Swift.abs(analyticValue), Swift.abs(numericValue))
            let ratio = error / (absoluteTolerance + relativeTolerance * magnitude)
            report.maxAbsoluteError = Swift.max(report.maxAbsoluteError, error)
            report.maxRelativeError = Swift.max(report.maxRelativeError, magnitude > 0 ? error / magnitude : 0)
            if !(ratio <= worstRatio) {
                worstRatio = ratio.isNaN ? .infinity : ratio
                report.worstElement = (element, analyticValue, numericValue)
            }
        }
        report.passed = worstRatio <= 1
        return report
    }
}
