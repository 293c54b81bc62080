import OpenAPIKit30

/// The path ids and the `If-Match` header, named once in `components` and referred to by every
/// operation that takes them.
enum SharedParameters {
    /// A path parameter's name → the component's name and what the id names.
    static let ids: [String: (component: String, description: String)] = [
        "id": ("TrajectoryId", "The trajectory (case)"),
        "mid": ("MeetingId", "The case meeting"),
        "lid": ("LocationId", "The LVV location"),
        "tid": ("TransferId", "The transfer request"),
        "sid": ("SupportPeriodId", "The support period"),
        "pid": ("ProcedureId", "The procedure"),
        "aid": ("ActionItemId", "The action item"),
        "rid": ("CommitteeRequestId", "The request to the committee"),
        "eid": ("EscalationId", "The escalation"),
    ]

    static func apply(to document: inout OpenAPI.Document) {
        for (name, entry) in ids {
            document.components.parameters[.init(stringLiteral: entry.component)] = OpenAPI.Parameter(
                name: name,
                context: .path,
                schema: .string(format: .extended(.uuid)),
                description: entry.description + ", by its id in lower case"
            )
        }
        document.components.parameters["IfMatch"] = OpenAPI.Parameter(
            name: "If-Match",
            context: .header(required: true),
            schema: .string,
            description: "The case's ETag as last read; a stale one gets 409"
        )
        for (path, entry) in document.paths {
            guard var item = entry.pathItemValue else { continue }
            for method in OpenAPI.BuiltinHttpMethod.allCases {
                guard var operation = item[method] else { continue }
                operation.parameters = operation.parameters.map { parameter in
                    guard let value = parameter.parameterValue else { return parameter }
                    if value.location == .path, let id = ids[value.name] {
                        return .reference(.component(named: id.component))
                    }
                    if value.location == .header, value.name == "If-Match", value.required {
                        return .reference(.component(named: "IfMatch"))
                    }
                    return parameter
                }
                item.set(operation: operation, for: method)
            }
            document.paths[path] = .b(item)
        }
    }
}
