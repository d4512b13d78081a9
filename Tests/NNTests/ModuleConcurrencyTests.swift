import NN
import Tensor
import XCTest

/// What the rule for shared models (`Module`) promises: one model in evaluation mode serves inference from
/// several tasks at once with the results of serial inference.
final class ModuleConcurrencyTests: XCTestCase {
    /// Inputs of `shape` for `count` tasks.
    private func inputs(_ count: Int, shape: [Int]) -> [Tensor] {
        var random = RandomGenerator(seed: 7)
        return (0..<count).map { _ in Tensor.uniform(shape, low: -1, high: 1, using: &random) }
    }

    /// Runs `model` on every input from its own task (all at once), and serially, and compares.
    private func assertConcurrentInferenceMatchesSerial(_ model: Module, inputs: [Tensor],
                                                        file: StaticString = #filePath, line: UInt = #line) async {
        model.eval()
        let serial = inputs.map { input in Tensor.withoutGrad { model(input) }.scalars }
        let concurrent = await withTaskGroup(of: (Int, [Float]).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, Tensor.withoutGrad { model(input) }.scalars) }
            }
            var results = [[Float]](repeating: [], count: inputs.count)
            for await (index, scalars) in group { results[index] = scalars }
            return results
        }
        XCTAssertEqual(concurrent, serial, file: file, line: line)
    }

    func testFourTasksShareAConvolutionalModel() async {
        // BatchNorm, dropout, squeeze-excitation and fused Sequential inference, all in evaluation mode.
        let model = ParameterInitialization.using(.pytorch, seed: 1) {
            Sequential(Conv2D(1, 8, kernelSize: 3, padding: .same), BatchNorm2D(8), ReLU(), MaxPool2D(kernelSize: 2),
                       Dropout(0.3), SqueezeExcitation(channels: 8, reduction: 4), GlobalAveragePool(), Linear(8, 5))
        }
        await assertConcurrentInferenceMatchesSerial(model, inputs: inputs(4, shape: [2, 1, 40, 13]))
    }

    func testFourTasksShareAModelWhileRecordingGraphs() async {
        // Without `withoutGrad` every task builds its own graph on the shared parameters (leaves).
        let model = ParameterInitialization.using(.pytorch, seed: 2) { Sequential(Linear(6, 8), ReLU(), Linear(8, 3)) }
        model.eval()
        let batches = inputs(4, shape: [5, 6])
        let serial = batches.map { model($0).scalars }
        let concurrent = await withTaskGroup(of: (Int, [Float]).self) { group in
            for (index, batch) in batches.enumerated() { group.addTask { (index, model(batch).scalars) } }
            var results = [[Float]](repeating: [], count: batches.count)
            for await (index, scalars) in group { results[index] = scalars }
            return results
        }
        XCTAssertEqual(concurrent, serial)
    }

    func testDetachedTaskRunsAModel() async {
        let model = ParameterInitialization.using(.pytorch, seed: 3) { Sequential(Linear(4, 2)) }
        let input = inputs(1, shape: [3, 4])[0]
        let expected = model(input).scalars
        let output = await Task.detached { model(input) }.value
        XCTAssertEqual(output.scalars, expected)
    }

    func testGradientsFromConcurrentBackwardPassesAddUp() async {
        // Leaves accumulate under their own lock: four tasks' backward passes sum as serial ones do.
        let model = ParameterInitialization.using(.pytorch, seed: 4) { Sequential(Linear(6, 8), ReLU(), Linear(8, 1)) }
        let batches = inputs(4, shape: [5, 6])
        for batch in batches { model(batch).sum().backward() }
        let serial = model.parameters.map { $0.grad!.scalars }
        model.zeroGrad()
        await withTaskGroup(of: Void.self) { group in
            for batch in batches { group.addTask { model(batch).sum().backward() } }
        }
        for (parameter, expected) in zip(model.parameters, serial) {
            for (value, wanted) in zip(parameter.grad!.scalars, expected) { XCTAssertEqual(value, wanted, accuracy: 1e-5) }
        }
    }
}
