import Foundation
import NN
import TestSupport
import XCTest

final class SafeTensorsTests: XCTestCase {
    private let directory = Fixtures.url("NN/safetensors")

    func testReadsPythonWrittenMixedDTypes() throws {
        let file = try SafeTensors(contentsOf: directory.appendingPathComponent("mixed.safetensors"))
        XCTAssertEqual(file.metadata, ["format": "pt", "source": "scripts/fixtures/nn.py"])
        XCTAssertEqual(Set(file.tensors.keys), ["half", "brain", "conv_layers.0.weight", "double", "bn.num_batches_tracked"])
        XCTAssertEqual(file.tensors["bn.num_batches_tracked"], StoredTensor(shape: [], values: [7]))
        for (key, fixture) in [("half", "mixed_half"), ("brain", "mixed_brain"),
                               ("conv_layers.0.weight", "mixed_f32"), ("double", "mixed_double")] {
            let expected = try NPYArray.fixture("NN/safetensors/\(fixture).npy")
            let tensor = try XCTUnwrap(file.tensors[key])
            XCTAssertEqual(tensor.shape, expected.shape, key)
            XCTAssertEqual(tensor.values, expected.values, key)
        }
    }

    func testWritesBytesIdenticalToPython() throws {
        let reference = directory.appendingPathComponent("f32_reference.safetensors")
        let file = try SafeTensors(contentsOf: reference)
        XCTAssertEqual(file.tensors["scalar"]?.shape, [])
        XCTAssertEqual(file.serialized(), try Data(contentsOf: reference))
    }

    func testRoundTripThroughAtomicWrite() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("sub/model.safetensors")
        let original = SafeTensors(tensors: ["w": StoredTensor(shape: [2, 1, 2], values: [1, -2, .pi, 1e-30]),
                                             "empty": StoredTensor(shape: [0, 3], values: [])],
                                   metadata: ["epoch": "3", "quote": "a \"b\"\n"])
        try original.write(to: url)
        XCTAssertEqual(try SafeTensors(contentsOf: url), original)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, ["model.safetensors"], "the temporary file must be renamed away")
    }

    /// The Python reference stack: the Makefile's `VENV` (`$VENV`, else `~/.cache/genrekit/venv`).
    private var referencePython: String {
        let environment = ProcessInfo.processInfo.environment
        let venv = environment["VENV"] ?? "\(environment["HOME"] ?? NSHomeDirectory())/.cache/genrekit/venv"
        return URL(fileURLWithPath: venv).appendingPathComponent("bin/python").path
    }

    func testPythonReadsSwiftOutput() throws {
        let python = referencePython
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw XCTSkip("no Python reference venv at \(python) (make bench-compare installs it)")
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("swift.safetensors")
        try SafeTensors(tensors: ["features.0.0.weight": StoredTensor(shape: [2, 3], values: [1, 2, 3, 4, 5, -6])],
                        metadata: ["writer": "GenreKit"]).write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import sys; from safetensors import safe_open
            with safe_open(sys.argv[1], "np") as f:
                t = f.get_tensor("features.0.0.weight")
                assert f.metadata() == {"writer": "GenreKit"}, f.metadata()
                assert t.shape == (2, 3) and t.tolist() == [[1, 2, 3], [4, 5, -6]], t
            """, url.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testMalformedFilesThrowNamedErrors() throws {
        let source = URL(fileURLWithPath: "/tmp/bad.safetensors")
        XCTAssertThrowsError(try SafeTensors(data: Data([1, 2]), source: source)) { error in
            XCTAssertTrue("\(error)".contains("bad.safetensors"))
        }
        var huge = Data(count: 8)
        huge[0] = 0xFF
        XCTAssertThrowsError(try SafeTensors(data: huge, source: source))
        XCTAssertThrowsError(try SafeTensors(data: serialized(#"{"x":{"dtype":"I8","shape":[1],"data_offsets":[0,1]}}"#, body: 1),
                                             source: source)) { error in
            XCTAssertEqual(error as? CheckpointError, .unsupportedDType(source, key: "x", dtype: "I8"))
        }
        XCTAssertThrowsError(try SafeTensors(data: serialized(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, body: 4),
                                             source: source))
    }

    func testOverflowingShapesAndOffsetsAreMalformedNotATrap() throws {
        let source = URL(fileURLWithPath: "/tmp/overflow.safetensors")
        let max = Int.max
        let entries = [
            #""dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,16]"#,
            #""dtype":"F32","shape":[3037000500,3037000500],"data_offsets":[0,16]"#,
            #""dtype":"F64","shape":[2305843009213693952],"data_offsets":[0,16]"#,
            #""dtype":"F32","shape":[4],"data_offsets":[\#(max),\#(max)]"#,
            #""dtype":"F32","shape":[4],"data_offsets":[0,\#(max)]"#,
            #""dtype":"F32","shape":[4],"data_offsets":[\#(max - 7),16]"#,
        ]
        for entry in entries {
            XCTAssertThrowsError(try SafeTensors(data: serialized("{\"x\":{\(entry)}}", body: 16), source: source), entry) { error in
                guard case .malformed(source, _)? = error as? CheckpointError else { return XCTFail("\(entry): \(error)") }
            }
        }
    }

    private func serialized(_ header: String, body: Int) -> Data {
        var data = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array(header.utf8) + Array(repeating: 0, count: body))
        return data
    }
}
