import OpenAPIKit30

/// The error answers every operation shares, as named responses in `components`: each operation
/// refers to them instead of repeating the problem details' shape.
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

    /// Puts the named responses in `components` and makes every problem answer of every operation a
    /// reference to its status's; every change (POST, PUT) can also answer 503.
    static func apply(to document: inout OpenAPI.Document) {
        for (status, entry) in named {
            var headers: OpenAPI.Header.Map = ["API-Version": .a(.component(named: "API-Version"))]
            if status == 503 {
                headers["Retry-After"] = .b(
                    OpenAPI.Header(schema: .integer(minimum: (1, exclusive: false)), description: "Seconds to wait")
                )
            }
            document.components.responses[.init(stringLiteral: entry.name)] = OpenAPI.Response(
                description: entry.description,
                headers: headers,
                content: [problemJSON: .init(schemaReference: .component(named: "Problem"))]
            )
        }
        for (path, entry) in document.paths {
            guard var item = entry.pathItemValue else { continue }
            for method in OpenAPI.BuiltinHttpMethod.allCases {
                guard var operation = item[method] else { continue }
                var responses = operation.responses
                for (code, response) in responses {
                    guard let value = response.responseValue, value.content[problemJSON] != nil,
                        let status = Int(code.rawValue), let name = named[status]?.name
                    else { continue }
                    responses[code] = .a(.component(named: name))
                }
                if method == .post || method == .put {
                    let busy = OpenAPI.Response.StatusCode(rawValue: "503")!
                    responses[busy] = .a(.component(named: "ServiceUnavailable"))
                }
                operation.responses = responses
                item.set(operation: operation, for: method)
            }
            document.paths[path] = .b(item)
        }
    }
}
