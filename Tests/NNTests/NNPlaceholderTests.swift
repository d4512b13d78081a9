import XCTest
import NN

final class NNPlaceholderTests: XCTestCase {
    func testModuleImports() {}
}
