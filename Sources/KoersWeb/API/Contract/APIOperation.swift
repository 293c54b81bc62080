import OpenAPIKit30

/// One operation of the API as the contract publishes it: what it does, the DTO its route encodes
/// on success, and the problems it can answer. Its request body comes from ``APIContract/bodies``,
/// its path ids and `If-Match` from ``SharedParameters``, its problem answers from
/// ``ProblemResponses``.
struct APIOperation: Sendable {
    /// Whether the operation reads the case's version from `If-Match`.
    enum IfMatch {
        case none, required, optional
    }

    let method: OpenAPI.BuiltinHttpMethod
    let path: String
    let operationId: String
    let summary: String
    let status: Int
    /// The success answer's schema, read from the type the route encodes.
    let answer: @Sendable (inout SchemaReader) throws -> JSONSchema
    /// Whether the success answer carries the case's version as its ETag.
    let etag: Bool
    let problems: [Int]
    let ifMatch: IfMatch
    let query: [OpenAPI.Parameter]

    /// `GET /trajectories`, as the router lists it.
    var route: String { "\(method.rawValue.uppercased()) \(path)" }

    init<Answer: Decodable & SendableMetatype>(
        _ method: OpenAPI.BuiltinHttpMethod,
        _ path: String,
        _ operationId: String,
        _ summary: String,
        answers: Answer.Type,
        status: Int = 200,
        etag: Bool = false,
        problems: [Int],
        ifMatch: IfMatch = .none,
        query: [OpenAPI.Parameter] = []
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.status = status
        self.answer = { try $0.schema(of: Answer.self) }
        self.etag = etag
        self.problems = problems
        self.ifMatch = ifMatch
        self.query = query
    }

    /// A read that names no id: only a missing token can go wrong.
    static func read<Answer: Decodable & SendableMetatype>(
        _ path: String,
        _ operationId: String,
        _ summary: String,
        _ answer: Answer.Type,
        problems: [Int] = [401, 404],
        query: [OpenAPI.Parameter] = []
    ) -> APIOperation {
        APIOperation(.get, path, operationId, summary, answers: answer, problems: problems, query: query)
    }

    /// A change to one case, answered with the case as the caller now sees it and its new ETag.
    static func change(
        _ path: String,
        _ operationId: String,
        _ summary: String,
        status: Int = 200,
        ifMatch: IfMatch = .required
    ) -> APIOperation {
        APIOperation(
            .post,
            path,
            operationId,
            summary,
            answers: CaseDTO.self,
            status: status,
            etag: true,
            problems: [400, 401, 403, 404, 409, 428],
            ifMatch: ifMatch
        )
    }

    /// A query parameter holding a day.
    static func day(_ name: String, _ description: String) -> OpenAPI.Parameter {
        OpenAPI.Parameter(
            name: name,
            context: .query(required: false),
            schema: .string(format: .date),
            description: description
        )
    }

    /// The language of a document for a person: `nl` or `en`.
    static let language = OpenAPI.Parameter(
        name: "language",
        context: .query(required: false),
        schema: .string(allowedValues: "nl", "en"),
        description: "The document's language, as the person needs it; by default the caller's (Accept-Language)"
    )
}
