import Plot

/// Data tables: each in its own scrolling container, so a wide table scrolls sideways by itself and the page
/// still reflows at 320 CSS pixels (WCAG 1.4.10 allows two-dimensional scrolling for data tables). The container
/// takes the keyboard's focus, so a table wider than the screen can be scrolled with the arrow keys (WCAG 2.1.1).
enum Tables {
    static func scrolling<C: HTML.BodyContext>(_ nodes: Node<HTML.TableContext>...) -> Node<C> {
        .div(
            .class("table-scroll"),
            .attribute(named: "tabindex", value: "0"),
            .table(.group(nodes))
        )
    }
}
