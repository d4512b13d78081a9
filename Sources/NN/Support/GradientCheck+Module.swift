import Tensor

extension GradientCheck {
    /// Checks `module`'s gradients at `input` with respect to the input and to every trainable parameter,
    /// against central differences; the report's entries are `input`, then the parameters by state-dict key.
    ///
    /// ```swift
    /// let report = GradientCheck().check(module: Conv1D(3, 4, kernelSize: 3), input: Tensor.uniform([2, 3, 9], low: -1, high: 1, using: &rng))
    /// XCTAssertTrue(report.passed, report.description)
    /// ```
    ///
    /// `prepare` runs before every evaluation (e.g. `dropout.seedRandomness(3)`, so each evaluation draws the
    /// same mask); the module must otherwise be deterministic. In training mode BatchNorm also updates its
    /// running statistics on every evaluation (they do not enter the training-mode output).
    public func check(module: Module, input: Tensor, prepare: () -> Void = {}) -> GradientCheckReport {
        var entries = check([input]) { prepare(); return module($0[0]) }.inputs.map { entry in
            var named = entry
            named.name = "input"
            return named
        }
        let parameters = module.namedParameters().filter(\.parameter.requiresGrad)
        guard !parameters.isEmpty else { return GradientCheckReport(inputs: entries) }
        let report = check(parameters: parameters.map(\.parameter.value)) { prepare(); return module(input) }
        for (offset, (entry, parameter)) in zip(report.inputs, parameters).enumerated() {
            var named = entry
            (named.index, named.name) = (offset + 1, parameter.name)
            entries.append(named)
        }
        return GradientCheckReport(inputs: entries)
    }
}
