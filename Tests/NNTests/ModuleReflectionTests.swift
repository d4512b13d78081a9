import NN
import Tensor
import XCTest

/// A user's layer that registers nothing: a child, an optional child, an array of children, a parameter and a
/// buffer in stored properties, a property wrapper's storage, and a second reference to a child.
// @unchecked: Module's rule for shared models (forward only reads).
private final class UnregisteredLayer: Module, @unchecked Sendable {
    let encoder = Linear(3, 4)
    let missing: Linear? = nil
    let extra: Linear? = Linear(4, 4, bias: false)
    let heads = [Linear(4, 2), Linear(4, 1)]
    let scale = Parameter(Tensor.ones([4]))
    let statistics = Buffer(Tensor.zeros([2]))
    @Wrapped var gate = Linear(4, 4)
    lazy var decoder = Linear(4, 3)
    let alias: Linear
    let width = 4

    override init() {
        alias = encoder
        super.init()
    }

    override func forward(_ input: Tensor) -> Tensor { decoder(gate(encoder(input)) * scale.value) }
}

@propertyWrapper private struct Wrapped<Value> {
    var wrappedValue: Value
}

/// A layer that names one child itself and leaves the other to reflection.
// @unchecked: Module's rule for shared models (forward only reads).
private final class RenamedLayer: Module, @unchecked Sendable {
    let runningVariance = Buffer(Tensor.ones([2]))
    let inner = Linear(2, 2)

    override init() {
        super.init()
        register(runningVariance, as: "running_var")
    }
}

final class ModuleReflectionTests: XCTestCase {
    func testStoredPropertiesAreRegisteredUnderTheirNames() {
        let layer = UnregisteredLayer()
        _ = layer.decoder
        XCTAssertEqual(layer.namedParameters().map(\.name),
                       ["scale", "encoder.weight", "encoder.bias", "extra.weight", "heads.0.weight", "heads.0.bias",
                        "heads.1.weight", "heads.1.bias", "gate.weight", "gate.bias", "decoder.weight", "decoder.bias"])
        XCTAssertEqual(layer.namedBuffers().map(\.name), ["statistics"])
        XCTAssertEqual(Set(layer.stateDict().keys), Set(layer.namedParameters().map(\.name) + ["statistics"]))
        XCTAssertEqual(layer.children.map(\.name), ["encoder", "extra", "heads.0", "heads.1", "gate", "decoder"],
                       "alias refers to encoder, which is listed once")
        XCTAssertEqual(layer.parameterCount, 4 + 16 + 16 + 10 + 5 + 20 + 15 + 2)
    }

    func testAnUnregisteredChildTrainsAndLoads() throws {
        let source = UnregisteredLayer(), target = UnregisteredLayer()
        _ = (source.decoder, target.decoder)
        XCTAssertNotEqual(target.stateDict()["encoder.weight"], source.stateDict()["encoder.weight"])
        try target.loadStateDict(source.stateDict())
        XCTAssertEqual(target.stateDict(), source.stateDict())

        let optimizer = try SGD(parameters: target.namedParameters(), learningRate: 0.1)
        target(Tensor.ones([2, 3])).sum().backward()
        XCTAssertNotNil(target.encoder.weight.grad, "the unregistered child gets gradients")
        let before = target.encoder.weight.value.scalars
        optimizer.step()
        XCTAssertNotEqual(target.encoder.weight.value.scalars, before, "and the optimizer updates it")
    }

    func testExplicitRegistrationOverridesThePropertyName() {
        let layer = RenamedLayer()
        XCTAssertEqual(layer.namedBuffers().map(\.name), ["running_var"])
        XCTAssertEqual(layer.namedParameters().map(\.name), ["inner.weight", "inner.bias"])
    }

    func testAModuleReachableTwiceIsVisitedOnce() {
        let shared = Linear(2, 2)
        let model = Sequential(shared, ReLU(), shared)
        XCTAssertEqual(model.namedModules().map(\.name), ["", "0", "1"])
        XCTAssertEqual(model.namedParameters().map(\.name), ["0.weight", "0.bias"])
    }
}
