import Foundation
import KoersCore
import Plot

/// Accessible form controls: a visible label, a hint, the error beside the field and tied to
/// it with `aria-describedby`, and the value as typed. Generic over the Plot context so the same
/// controls work inside forms and fieldsets.
enum FormFields {
    /// The id of a field: `f-` and its name, after the form's id scope when one page holds several
    /// forms with the same fields.
    static func fieldId(_ name: String, _ s: FormState) -> String { "f-" + s.idScope + name }

    static func describedBy(_ name: String, _ s: FormState, hint: Bool, error: Bool) -> String? {
        let ids = (hint ? [fieldId(name, s) + "-hint"] : []) + (error ? [fieldId(name, s) + "-error"] : [])
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    static func errorNode<C: HTML.BodyContext>(_ s: FormState, _ name: String, _ env: PageEnvironment) -> Node<C> {
        guard let error = s.error(name) else { return .group([]) }
        return .p(
            .id(fieldId(name, s) + "-error"),
            .class("field-error"),
            .span(.class("visually-hidden"), .text(env.t("Fout: ", "Error: "))),
            .text(env.t(error.message))
        )
    }

    static func hintNode<C: HTML.BodyContext>(_ s: FormState, _ name: String, _ hint: String?) -> Node<C> {
        guard let hint else { return .group([]) }
        return .p(.id(fieldId(name, s) + "-hint"), .class("hint"), .text(hint))
    }

    /// A text-like input (`text`, `date`, `password`, `email`).
    static func input<C: HTML.BodyContext>(
        _ s: FormState,
        _ env: PageEnvironment,
        name: String,
        label: String? = nil,
        type: String = "text",
        hint: String? = nil,
        required: Bool = false,
        autocomplete: String? = nil,
        width: String? = nil
    ) -> Node<C> {
        let hasError = s.error(name) != nil
        var attributes: [Attribute<HTML.InputContext>] = [
            .attribute(named: "type", value: type), .attribute(named: "id", value: fieldId(name, s)), .name(name),
            .attribute(named: "value", value: type == "password" ? "" : s.value(name)),
        ]
        if required { attributes.append(Attribute(name: "required", value: nil, ignoreIfValueIsEmpty: false)) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        if hasError { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        if let d = describedBy(name, s, hint: hint != nil, error: hasError) {
            attributes.append(.attribute(named: "aria-describedby", value: d))
        }
        if let width { attributes.append(.class("w-" + width)) }
        return .div(
            .class(hasError ? "field has-error" : "field"),
            .label(.for(fieldId(name, s)), .text((label ?? env.t(s.label(name))) + (required ? " *" : ""))),
            hintNode(s, name, hint),
            errorNode(s, name, env),
            .selfClosedElement(named: "input", attributes: attributes)
        )
    }

    static func textarea<C: HTML.BodyContext>(
        _ s: FormState,
        _ env: PageEnvironment,
        name: String,
        label: String? = nil,
        hint: String? = nil,
        required: Bool = false
    ) -> Node<C> {
        let hasError = s.error(name) != nil
        var nodes: [Node<HTML.TextAreaContext>] = [
            .attribute(named: "id", value: fieldId(name, s)), .name(name),
            // Tall enough for what it holds (up to 24 lines), so a list such as the outflow reasons reads whole.
            .attribute(named: "rows", value: String(min(max(4, s.value(name).split(separator: "\n").count + 1), 24))),
        ]
        if hasError { nodes.append(.attribute(named: "aria-invalid", value: "true")) }
        if let d = describedBy(name, s, hint: hint != nil, error: hasError) {
            nodes.append(.attribute(named: "aria-describedby", value: d))
        }
        if required { nodes.append(.attribute(Attribute(name: "required", value: nil, ignoreIfValueIsEmpty: false))) }
        nodes.append(.text(s.value(name)))
        return .div(
            .class(hasError ? "field has-error" : "field"),
            .label(.for(fieldId(name, s)), .text((label ?? env.t(s.label(name))) + (required ? " *" : ""))),
            hintNode(s, name, hint),
            errorNode(s, name, env),
            .textarea(.group(nodes))
        )
    }

    /// A drop-down; `blank` adds an empty first choice.
    static func select<C: HTML.BodyContext>(
        _ s: FormState,
        _ env: PageEnvironment,
        name: String,
        label: String? = nil,
        options: [(String, String)],
        blank: String? = nil,
        hint: String? = nil,
        required: Bool = false
    ) -> Node<C> {
        let hasError = s.error(name) != nil
        let current = s.value(name)
        var nodes: [Node<HTML.SelectContext>] = [
            .attribute(named: "id", value: fieldId(name, s)), .attribute(named: "name", value: name),
        ]
        if hasError { nodes.append(.attribute(named: "aria-invalid", value: "true")) }
        if let d = describedBy(name, s, hint: hint != nil, error: hasError) {
            nodes.append(.attribute(named: "aria-describedby", value: d))
        }
        if let blank { nodes.append(option("", blank, selected: current.isEmpty)) }
        for (value, text) in options { nodes.append(option(value, text, selected: value == current)) }
        return .div(
            .class(hasError ? "field has-error" : "field"),
            .label(.for(fieldId(name, s)), .text((label ?? env.t(s.label(name))) + (required ? " *" : ""))),
            hintNode(s, name, hint),
            errorNode(s, name, env),
            .select(.group(nodes))
        )
    }

    static func option(_ value: String, _ text: String, selected: Bool) -> Node<HTML.SelectContext> {
        // An empty value must still be written, or the browser submits the option's text.
        var nodes: [Node<HTML.SelectContext>] = [.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false)]
        if selected { nodes.append(.attribute(Attribute(name: "selected", value: nil, ignoreIfValueIsEmpty: false))) }
        nodes.append(.text(text))
        return .element(named: "option", nodes: nodes)
    }

    /// Radio buttons or check boxes in a fieldset with a legend.
    static func choices<C: HTML.BodyContext>(
        _ s: FormState,
        _ env: PageEnvironment,
        name: String,
        legend: String? = nil,
        options: [(String, String)],
        multiple: Bool = false,
        hint: String? = nil,
        required: Bool = false,
        inline: Bool = false
    ) -> Node<C> {
        let hasError = s.error(name) != nil
        let selected = Set(s.values(name))
        var items: [Node<HTML.BodyContext>] = []
        for (i, (value, text)) in options.enumerated() {
            let id = fieldId(name, s) + "-\(i)"
            var attributes: [Attribute<HTML.InputContext>] = [
                .attribute(named: "type", value: multiple ? "checkbox" : "radio"), .attribute(named: "id", value: id),
                .name(name), .attribute(named: "value", value: value),
            ]
            if selected.contains(value) {
                attributes.append(Attribute(name: "checked", value: nil, ignoreIfValueIsEmpty: false))
            }
            items.append(
                .div(
                    .class("choice"),
                    .selfClosedElement(named: "input", attributes: attributes),
                    .label(.for(id), .text(text))
                )
            )
        }
        let legendNodes: [Node<HTML.BodyContext>] = [.text((legend ?? env.t(s.label(name))) + (required ? " *" : ""))]
        var fieldsetNodes: [Node<HTML.BodyContext>] = [.element(named: "legend", nodes: legendNodes)]
        if hasError { fieldsetNodes.append(.attribute(named: "aria-invalid", value: "true")) }
        if let d = describedBy(name, s, hint: hint != nil, error: hasError) {
            fieldsetNodes.append(.attribute(named: "aria-describedby", value: d))
        }
        fieldsetNodes.append(.attribute(named: "id", value: fieldId(name, s)))
        fieldsetNodes.append(hintNode(s, name, hint))
        fieldsetNodes.append(errorNode(s, name, env))
        fieldsetNodes.append(.div(.class(inline ? "choices inline" : "choices"), .group(items)))
        return .div(.class(hasError ? "field has-error" : "field"), .element(named: "fieldset", nodes: fieldsetNodes))
    }

    /// One check box for a yes/no flag.
    static func checkbox<C: HTML.BodyContext>(_ s: FormState, name: String, label: String) -> Node<C> {
        let id = fieldId(name, s)
        var attributes: [Attribute<HTML.InputContext>] = [
            .attribute(named: "type", value: "checkbox"), .attribute(named: "id", value: id), .name(name),
            .attribute(named: "value", value: "true"),
        ]
        if ["true", "on"].contains(s.value(name)) {
            attributes.append(Attribute(name: "checked", value: nil, ignoreIfValueIsEmpty: false))
        }
        return .div(
            .class("field choice"),
            .selfClosedElement(named: "input", attributes: attributes),
            .label(.for(id), .text(label))
        )
    }

    static func hidden<C: HTML.BodyContext>(_ name: String, _ value: String) -> Node<C> {
        .selfClosedElement(
            named: "input",
            attributes: [
                Attribute<HTML.InputContext>.attribute(named: "type", value: "hidden"), .name(name),
                .attribute(named: "value", value: value),
            ]
        )
    }

    static func submit<C: HTML.BodyContext>(_ label: String, secondary: Bool = false) -> Node<C> {
        .element(
            named: "button",
            nodes: [
                Node<HTML.ButtonContext>.attribute(named: "type", value: "submit"),
                .class(secondary ? "button secondary" : "button"), .text(label),
            ]
        )
    }

    /// The summary at the top of a form listing every error, each linking to its field.
    static func errorSummary<C: HTML.BodyContext>(_ s: FormState, _ env: PageEnvironment) -> Node<C> {
        guard s.hasErrors else { return .group([]) }
        var items: [Node<HTML.ListContext>] = []
        if let message = s.formMessage { items.append(.li(.text(env.t(message)))) }
        for error in s.errors {
            // An error about no field of the form (such as "your own account") is said without a link.
            guard s.labels[error.field] != nil || FieldLabels.all[error.field] != nil else {
                items.append(.li(.text(env.t(error.message))))
                continue
            }
            items.append(
                .li(
                    .a(
                        .href("#" + fieldId(error.field, s)),
                        .text(env.t(s.label(error.field)) + ": " + env.t(error.message))
                    )
                )
            )
        }
        return .div(
            .class("error-summary"),
            .attribute(named: "role", value: "alert"),
            .attribute(named: "tabindex", value: "-1"),
            // Focus moves here when the page opens (no script is allowed), so the summary is read first.
            .attribute(Attribute(name: "autofocus", value: nil, ignoreIfValueIsEmpty: false)),
            .h2(.text(env.t("Controleer het formulier", "Please check the form"))),
            .ul(.group(items))
        )
    }

    /// A POST form with the CSRF token and, for changes to a case, the version it was based on.
    static func form<C: HTML.BodyContext>(
        action: String,
        env: PageEnvironment,
        version: Int? = nil,
        multipart: Bool = false,
        _ content: [Node<HTML.FormContext>]
    ) -> Node<C> {
        var nodes: [Node<HTML.FormContext>] = [
            .action(action), .method(.post),
            .attribute(named: "enctype", value: multipart ? "multipart/form-data" : nil),
            .attribute(Attribute(name: "novalidate", value: nil, ignoreIfValueIsEmpty: false)),
            hidden("_csrf", env.csrfToken),
        ]
        if let version { nodes.append(hidden("version", String(version))) }
        return .form(.group(nodes + content))
    }
}
