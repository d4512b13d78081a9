import XCTest
import GTZAN

final class GTZANPlaceholderTests: XCTestCase {
    func testModuleImports() {}
}
