/// The outcome of a `GradientCheck`: one summary per checked input.
public struct GradientCheckReport: CustomStringConvertible {
    /// How the gradient of one input compared.
    public struct Input {
        /// Position of the input among those checked.
        public var index: Int
        /// What the input is (e.g. a parameter's state-dict key), shown instead of its position when set.
        public var name: String?
        /// Shape of the input.
        public var shape: [Int]
        /// Largest `|analytic − numeric|` over the elements.
        public var maxAbsoluteError = 0.0
        /// Largest `|analytic − numeric| / max(|analytic|, |numeric|)` over the elements.
        public var maxRelativeError = 0.0
        /// The element furthest outside the tolerance (or closest to it): flat row-major index and both values.
        public var worstElement: (index: Int, analytic: Double, numeric: Double)?
        /// Whether every element is within tolerance.
        public var passed = true

        init(index: Int, shape: [Int]) {
            self.index = index
            self.shape = shape
        }
    }

    /// One entry per checked input, in order.
    public var inputs: [Input]

    /// A report of `inputs` (e.g. several checks joined into one).
    public init(inputs: [Input]) {
        self.inputs = inputs
    }

    /// True when every element of every input is within tolerance.
    public var passed: Bool { inputs.allSatisfy(\.passed) }

    /// The input holding the worst element: the first failing input, or the one with the largest relative error.
    public var worst: Input? {
        inputs.first { !$0.passed } ?? inputs.max { $0.maxRelativeError < $1.maxRelativeError }
    }

    /// One line per input: pass/fail, largest errors, worst element.
    public var description: String {
        let lines = inputs.map { input -> String in
            let element = input.worstElement.map {
                "worst element \($0.index): analytic \($0.analytic), numeric \($0.numeric)"
            } ?? "no elements"
            return "\(input.name ?? "input \(input.index)") \(input.shape): \(input.passed ? "passed" : "FAILED"), "
                + "max abs error \(input.maxAbsoluteError), max rel error \(input.maxRelativeError), \(element)"
        }
        return "GradientCheck \(passed ? "passed" : "FAILED")\n" + lines.joined(separator: "\n")
    }
}
