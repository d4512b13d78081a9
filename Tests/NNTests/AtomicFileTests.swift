import Foundation
import NN
import TestSupport
import XCTest

/// Failed writes read as the system's reason in plain words, naming the file.
final class AtomicFileTests: XCTestCase {
    func testAFullDeviceReadsNoSpaceLeftOnDevice() throws {
        // /dev/full fails every write with ENOSPC, as a full disk does.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        XCTAssertThrowsError(try Data(count: 4096).write(to: URL(fileURLWithPath: "/dev/full"))) {
            XCTAssertEqual(AtomicFile.reason(for: $0), "no space left on device", "\($0)")
        }
        XCTAssertEqual(AtomicFile.reason(for: CocoaError(.fileWriteOutOfSpace)), "no space left on device")
        XCTAssertEqual(AtomicFile.reason(for: POSIXError(.ENOSPC)), "no space left on device")
    }

    func testWriteErrorsNameTheFileAndTheReason() throws {
        let directory = try Fixtures.temporaryDirectory("atomic-file")
        defer { try? FileManager.default.removeItem(at: directory) }
        let plainFile = directory.appendingPathComponent("plain")
        try Data([1]).write(to: plainFile)
        let target = plainFile.appendingPathComponent("inside/weights.safetensors")
        XCTAssertThrowsError(try AtomicFile.write("x", to: target)) { error in
            guard case let .io(url, reason)? = error as? CheckpointError else { return XCTFail("\(error)") }
            XCTAssertEqual(url, target)
            XCTAssertFalse(reason.contains("NSCocoaErrorDomain") || reason.contains("Error Domain"), reason)
            XCTAssertTrue(reason.hasPrefix("cannot write: "), reason)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["plain"], "no temporary left")
    }
}
