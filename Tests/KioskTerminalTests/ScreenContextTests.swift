import KioskCore
import Testing
import KioskTerminal

@Suite("ScreenContext")
struct ScreenContextTests {
    @Test func languageFollowsLocalizer() throws {
        var context = try Fixtures.context()
        #expect(context.language == .german)
        context.language = .english
        #expect(context.localizer.language == .english)
        #expect(context.localizer.text("app.name") == "Set up a security key")
    }

    @Test func defaultsHaveNoClerkAndNoIdleWarning() throws {
        let context = ScreenContext(localizer: try Fixtures.localizer(), kioskID: "k1")
        #expect(context.clerkID == nil)
        #expect(context.idleSecondsLeft == nil)
        #expect(context.touchTimeoutSeconds == 30)
    }
}
