import XCTest
import DSP

final class DSPPlaceholderTests: XCTestCase {
    func testModuleImports() {}
}
