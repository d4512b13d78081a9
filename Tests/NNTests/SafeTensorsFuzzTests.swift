import Foundation
import NN
import Tensor
import TestSupport
import XCTest

/// Seeded fuzzing of checkpoint loading: random safetensors headers (sizes on the edges of `Int`, wrong types,
/// offsets past the data) and mutated, truncated real checkpoints. Each case must throw `CheckpointError` or
/// load values that fill their shapes and are finite (the model refuses the rest). `make fuzz` runs the long campaign.
final class SafeTensorsFuzzTests: XCTestCase {
    private let source = URL(fileURLWithPath: "/fuzz/case.safetensors")

    private func makeModel() -> Sequential {
        ParameterInitialization.using(.pytorch, seed: 3) { Sequential(Linear(3, 4), BatchNorm1D(4), Linear(4, 2)) }
    }

    /// A number a header field may hold: small, on the edge of `Int`, negative, fractional or not a number.
    private func number(_ mutator: inout Mutator) -> String {
        mutator.pick(["0", "1", "2", "3", "4", "12", "16", "48", "-1", "-9223372036854775808", "9223372036854775807",
                      "4611686018427387904", "3037000500", "18446744073709551616", "1e30", "2.5", "null", "\"4\"", "[]"])
    }

    /// A random header of one to three tensors over `body` data bytes.
    private func randomFile(_ mutator: inout Mutator) -> Data {
        let entries = (0..<mutator.int(in: 1...3)).map { index -> String in
            let dtype = mutator.pick(["F32", "F16", "BF16", "F64", "I64", "I32", "U8", "F32", "F32"])
            let shape = (0..<mutator.int(in: 0...3)).map { _ in number(&mutator) }.joined(separator: ",")
            let offsets = mutator.int(in: 0...4) == 0 ? number(&mutator) : "[\(number(&mutator)),\(number(&mutator))]"
            return "\"\(mutator.pick(["0.weight", "0.bias", "1.running_var", "k\(index)"]))\":{\"dtype\":\"\(dtype)\",\"shape\":[\(shape)],\"data_offsets\":\(offsets)}"
        }
        let metadata = mutator.int(in: 0...3) == 0 ? "\"__metadata__\":{\"epoch\":\(mutator.pick(["\"1\"", "1", "null"]))}," : ""
        let header = Array("{\(metadata)\(entries.joined(separator: ","))}".utf8)
        var declared = UInt64(header.count)
        if mutator.int(in: 0...5) == 0 { declared = mutator.pick([0, 1, UInt64.max, UInt64(Int.max), declared + 1, declared - 1]) }
        var data = Data()
        withUnsafeBytes(of: declared.littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        data.append(contentsOf: (0..<mutator.int(in: 0...64)).map { _ in UInt8(truncatingIfNeeded: mutator.next()) })
        return data
    }

    func testRandomAndMutatedHeadersThrowOrLoadFiniteValues() throws {
        let valid = [UInt8](SafeTensors(tensors: makeModel().stateDict(), metadata: ["epoch": "3"]).serialized())
        var mutator = Mutator(seed: Mutator.seed(default: 16) ^ 0x5AFE)
        let cases = Mutator.caseCount(default: 1000, share: 0.4)
        var outcomes = [String: Int]()
        for index in 0..<cases {
            let data = index % 2 == 0 ? randomFile(&mutator) : Data(mutator.mutate(valid, header: 256))
            do {
                let file = try SafeTensors(data: data, source: source)
                for (key, tensor) in file.tensors {
                    XCTAssertEqual(tensor.values.count, tensor.shape.reduce(1, *), "case \(index): \(key)")
                }
                let model = makeModel()
                try model.loadStateDict(file.tensors, strict: false)
                XCTAssertNil(StateValueCheck.firstProblem(in: model.stateDict()), "case \(index)")
                outcomes["loaded", default: 0] += 1
            } catch let error as CheckpointError {
                XCTAssertFalse(error.description.isEmpty)
                outcomes["CheckpointError", default: 0] += 1
            } catch {
                XCTFail("case \(index): untyped \(error)")
            }
        }
        print("safetensors fuzz: \(cases) cases, \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        XCTAssertEqual(outcomes.values.reduce(0, +), cases)
    }
}
