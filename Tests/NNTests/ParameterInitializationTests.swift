import NN
import Tensor
import XCTest

/// `ParameterInitialization.using` scopes: seeded and reproducible, task-local, usable from the main actor.
final class ParameterInitializationTests: XCTestCase {
    private func weights(_ layer: Linear) -> [Float] { layer.weight.value.scalars }

    func testTheSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        let first = ParameterInitialization.using(.keras, seed: 7) { Linear(4, 3) }
        let again = ParameterInitialization.using(.keras, seed: 7) { Linear(4, 3) }
        let other = ParameterInitialization.using(.keras, seed: 8) { Linear(4, 3) }
        XCTAssertEqual(weights(first), weights(again))
        XCTAssertNotEqual(weights(first), weights(other))
    }

    /// Compiles only if the async overload can run its body on the caller's actor; the scope holds across awaits.
    @MainActor
    func testTheAsyncScopeRunsOnTheMainActorAndHoldsAcrossAwaits() async {
        let expected = ParameterInitialization.using(.keras, seed: 7) { Linear(4, 3) }
        var built: [Linear] = []  // main-actor state, mutated inside the body
        await ParameterInitialization.using(.keras, seed: 7) {
            await Task.yield()
            built.append(Linear(4, 3))
        }
        XCTAssertEqual(built.map(weights), [weights(expected)])
    }

    /// Each in a fresh scope, so that an inherited scope would give exactly the scoped weights.
    func testChildTasksInheritTheScopeAndDetachedTasksDoNot() async {
        let scoped = ParameterInitialization.using(.keras, seed: 7) { Linear(4, 3) }
        let child = await ParameterInitialization.using(.keras, seed: 7) {
            async let child = Linear(4, 3)
            return await child
        }
        let detached = await ParameterInitialization.using(.keras, seed: 7) {
            await Task.detached { Linear(4, 3) }.value
        }
        XCTAssertEqual(weights(child), weights(scoped))
        // The detached task draws from the fallback scope (PyTorch's scheme, seed 0), not from seed 7.
        XCTAssertNotEqual(weights(detached), weights(scoped))
    }
}
