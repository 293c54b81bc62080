import OpenAPIKit30

/// The error answers every operation shares, as named responses in `components`: each operation
/// refers to them instead of repeating the problem details' shape (``Problem``).
enum ProblemResponses {
    /// Status → the component's name and what it means for a client.
    static let named: [Int: (name: String, description: String)] = [
        400: ("BadRequest", "Invalid input: every invalid field in invalidParams, at once"),
        401: ("Unauthorized", "No valid bearer token"),
        403: ("Forbidden", "Visible, but this party may not do this"),
        404: ("NotFound", "Not there, or not for this party's eyes"),
        409: ("Conflict", "The case changed since the If-Match version, or a rule across records forbids it"),
        428: ("PreconditionRequired", "If-Match with the case's ETag is required"),
        503: ("ServiceUnavailable", "Too many concurrent writers; nothing was written, send it again later"),
    ]

    static let problemJSON = OpenAPI.ContentType(rawValue: "application/problem+json")!

    /// The named responses for `components`; operations refer to them by status.
    static var components: OpenAPI.ComponentDictionary<OpenAPI.Response> {
        var responses = OpenAPI.ComponentDictionary<OpenAPI.Response>()
        for (status, entry) in named.sorted(by: { $0.key < $1.key }) {
            var headers: OpenAPI.Header.Map = ["API-Version": .a(.component(named: "API-Version"))]
            if status == 503 {
                headers["Retry-After"] = .b(
                    OpenAPI.Header(schema: .integer(minimum: (1, exclusive: false)), description: "Seconds to wait")
                )
            }
            responses[.init(stringLiteral: entry.name)] = OpenAPI.Response(
                description: entry.description,
                headers: headers,
                content: [problemJSON: .init(schemaReference: .component(named: "Problem"))]
            )
        }
        return responses
    }
}
