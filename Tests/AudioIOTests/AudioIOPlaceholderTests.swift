import XCTest
import AudioIO

final class AudioIOPlaceholderTests: XCTestCase {
    func testModuleImports() {}
}
