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
        "uid": ("AccountId", "The account"),
        "personId": ("PersonId", "The person (data subject)"),
    ]

    /// The path ids and `If-Match` for `components`.
    static var components: OpenAPI.ComponentDictionary<OpenAPI.Parameter> {
        var parameters = OpenAPI.ComponentDictionary<OpenAPI.Parameter>()
        for (name, entry) in ids.sorted(by: { $0.key < $1.key }) {
            parameters[.init(stringLiteral: entry.component)] = OpenAPI.Parameter(
                name: name,
                context: .path,
                schema: .string(format: .extended(.uuid)),
                description: entry.description + ", by its id in lower case"
            )
        }
        parameters["IfMatch"] = OpenAPI.Parameter(
            name: "If-Match",
            context: .header(required: true),
            schema: .string,
            description: "The case's ETag as last read; a stale one gets 409"
        )
        return parameters
    }

    /// The operation's parameters: each `{name}` in its path (an id by reference, any other name as
    /// a string), its `If-Match`, then its query.
    static func parameters(of operation: APIOperation) -> OpenAPI.Parameter.Array {
        var parameters: OpenAPI.Parameter.Array = []
        for segment in operation.path.split(separator: "/") where segment.hasPrefix("{") && segment.hasSuffix("}") {
            let name = String(segment.dropFirst().dropLast())
            if let id = ids[name] {
                parameters.append(.reference(.component(named: id.component)))
            } else {
                parameters.append(.parameter(OpenAPI.Parameter(name: name, context: .path, schema: .string)))
            }
        }
        switch operation.ifMatch {
        case .none: break
        case .required: parameters.append(.reference(.component(named: "IfMatch")))
        case .optional:
            parameters.append(
                .parameter(
                    OpenAPI.Parameter(
                        name: "If-Match",
                        context: .header(required: false),
                        schema: .string,
                        description: "The case's ETag as last read; when sent, a stale one gets 409"
                    )
                )
            )
        }
        return parameters + operation.query.map { .parameter($0) }
    }
}
