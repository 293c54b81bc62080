import Foundation
import KoersCore
import OpenAPIKit30

/// The OpenAPI document served at `/api/v1/openapi.json`, built from the code: every request body
/// and the case list's query parameters from the forms the routes' parsers read, every answer
/// from the DTO its route encodes (``SchemaReader``). What the document says is what the API does.
enum APIContract {
    /// One request body: the operation, the schema's name in `components`, the form it is.
    struct Body {
        let method: OpenAPI.BuiltinHttpMethod
        let path: String
        let schema: String
        let form: Form
        let description: String?
        /// `POST /trajectories`, as the router lists it.
        var route: String { "\(method.rawValue.uppercased()) \(path)" }

        init(
            _ method: OpenAPI.BuiltinHttpMethod,
            _ path: String,
            _ schema: String,
            _ form: Form,
            _ description: String? = nil
        ) {
            self.method = method
            self.path = path
            self.schema = schema
            self.form = form
            self.description = description
        }
    }

    /// Every operation that reads a body, with the same form its route hands to ``JSONInput``.
    static let bodies: [Body] = [
        Body(.put, "/locations/{lid}/deadline-policy", "DeadlinePolicyInput", DeadlinePolicy.form),
        Body(.post, "/meetings", "MeetingInput", Meeting.form),
        Body(.post, "/meetings/{mid}/agenda", "AgendaAddInput", MeetingService.agendaAddForm),
        Body(.put, "/meetings/{mid}/agenda/order", "AgendaOrderInput", MeetingService.agendaOrderForm),
        Body(
            .post,
            "/meetings/{mid}/cases/{id}/decision",
            "MeetingDecisionInput",
            MeetingDecision.form,
            "The written decision, and optionally what it records: an admission decision (outcome, motivation, "
                + "rejectionReason), a perspective, the review, an action item (party, text, dueOn), and a follow-up "
                + "with its command's fields."
        ),
        Body(.post, "/trajectories", "ReferralInput", CaseCommands.referForm),
        Body(.post, "/trajectories/{id}/return", "ReturnInput", CaseCommands.returnForm),
        Body(.post, "/trajectories/{id}/intake", "IntakeInput", CaseOperation.intake.form),
        Body(.post, "/trajectories/{id}/admission-decision", "AdmissionDecisionInput", CaseOperation.admission.form),
        Body(.post, "/trajectories/{id}/perspectives", "PerspectiveInput", CaseOperation.perspective.form),
        Body(.post, "/trajectories/{id}/support-periods", "SupportInput", CaseOperation.startSupport.form),
        Body(
            .post,
            "/trajectories/{id}/support-periods/{sid}/end",
            "SupportEndInput",
            CaseOperation.endSupport(UUID()).form
        ),
        Body(.post, "/trajectories/{id}/procedures", "ProcedureInput", CaseOperation.submitProcedure.form),
        Body(
            .post,
            "/trajectories/{id}/procedures/{pid}/decision",
            "ProcedureDecisionInput",
            CaseOperation.decideProcedure(UUID()).form
        ),
        Body(.post, "/trajectories/{id}/outflow", "OutflowInput", CaseOperation.outflow.form),
        Body(.post, "/trajectories/{id}/notes", "NoteInput", CaseOperation.note.form),
        Body(
            .post,
            "/trajectories/{id}/milestones/{key}",
            "MilestoneAdjustmentInput",
            CaseOperation.adjustMilestone("").form
        ),
        Body(.post, "/trajectories/{id}/reviews", "ReviewInput", CaseOperation.review.form),
        Body(.post, "/trajectories/{id}/action-items", "ActionItemInput", CaseOperation.assignActionItem.form),
        Body(
            .post,
            "/trajectories/{id}/action-items/{aid}/completion",
            "ActionItemCompletionInput",
            CaseOperation.completeActionItem(UUID()).form
        ),
        Body(
            .post,
            "/trajectories/{id}/committee-requests",
            "CommitteeRequestInput",
            CaseOperation.requestCommittee.form
        ),
        Body(
            .post,
            "/trajectories/{id}/committee-requests/{rid}/advice",
            "CommitteeAdviceInput",
            CaseOperation.adviseCommittee(UUID()).form
        ),
        Body(.post, "/trajectories/{id}/escalations", "EscalationInput", CaseOperation.escalate.form),
        Body(
            .post,
            "/trajectories/{id}/escalations/{eid}/decision",
            "EscalationDecisionInput",
            CaseOperation.decideEscalation(UUID()).form
        ),
        Body(.post, "/trajectories/{id}/biometrics", "BiometricsInput", CaseOperation.biometrics.form),
        Body(.post, "/trajectories/{id}/duplicate-resolutions", "DuplicateResolutionInput", DuplicateCommands.form),
        Body(.post, "/trajectories/{id}/transfers", "TransferInput", TransferCommands.requestForm),
        Body(.post, "/transfers/{tid}/decision", "TransferDecisionInput", TransferCommands.decisionForm),
        Body(.post, "/admin/regions", "RegionInput", AdminCommands.regionForm),
        Body(
            .post,
            "/admin/municipalities",
            "MunicipalityImportInput",
            AdminCommands.municipalitiesForm,
            "The CSV file's text in `file`: a header cbsCode,name,region, then one municipality per line."
        ),
        Body(.post, "/admin/locations", "LocationInput", AdminCommands.locationForm),
        Body(.post, "/admin/organisations", "OrganisationInput", AdminCommands.organisationForm),
        Body(.post, "/admin/accounts", "InvitationInput", AdminCommands.inviteForm),
        Body(.post, "/admin/accounts/{uid}/move", "AccountMoveInput", AdminCommands.moveForm),
        Body(.put, "/admin/two-factor", "TwoFactorInput", AdminCommands.twoFactorForm),
        Body(.post, "/admin/policy-versions", "PolicyVersionInput", NationalPolicy.form),
    ]

    /// The document as served, built once.
    static let json: String = {
        do {
            return try build()
        } catch {
            // Every type and table it reads is checked by the tests; a document that does not build is a bug.
            preconditionFailure("The OpenAPI document does not build: \(error)")
        }
    }()

    static let info = OpenAPI.Document.Info(
        title: "Koers API",
        description: "Registration and case coordination for the LVV. Bearer tokens (`koers token create`). "
            + "Errors are application/problem+json with every invalid field in `invalidParams`. Changes to a case "
            + "need `If-Match` with the case's ETag. Messages follow Accept-Language (nl default, en).",
        version: ProblemMiddleware.version
    )

    /// The document: every operation of ``APIOperation/all`` with its body from ``bodies``, its
    /// answer's schema read from the DTO its route encodes, and the shared parts in `components`.
    static func document() throws -> OpenAPI.Document {
        var reader = SchemaReader()
        var paths = OpenAPI.PathItem.Map()
        var schemas = OpenAPI.ComponentDictionary<JSONSchema>()
        var unused = Set(bodies.map(\.route))
        for operation in APIOperation.all {
            let path = OpenAPI.Path(rawValue: operation.path)
            var item = paths[path]?.pathItemValue ?? OpenAPI.PathItem()
            var requestBody: OpenAPI.Request?
            if let body = bodies.first(where: { $0.route == operation.route }) {
                unused.remove(body.route)
                schemas[.init(stringLiteral: body.schema)] = FormSchema.body(body.form, description: body.description)
                requestBody = OpenAPI.Request(
                    content: [.json: .init(schemaReference: .component(named: body.schema))],
                    required: true
                )
            }
            var parameters = SharedParameters.parameters(of: operation)
            if operation.route == "GET /trajectories" {
                parameters += FormSchema.queryParameters(APIController.listQuery)
            }
            item.set(
                operation: OpenAPI.Operation(
                    summary: operation.summary,
                    operationId: operation.operationId,
                    parameters: parameters,
                    requestBody: requestBody,
                    responses: try responses(of: operation, reader: &reader)
                ),
                for: operation.method
            )
            paths[path] = .b(item)
        }
        if let route = unused.first { throw ContractError.missingOperation(route) }
        _ = try reader.schema(of: Problem.self)
        for (name, schema) in reader.components { schemas[.init(stringLiteral: name)] = schema }
        return OpenAPI.Document(
            openAPIVersion: .v3_0_3,
            info: info,
            servers: [OpenAPI.Server(url: URL(string: "/api/v1")!)],
            paths: paths,
            components: OpenAPI.Components(
                schemas: schemas,
                responses: ProblemResponses.components,
                parameters: SharedParameters.components,
                headers: ["API-Version": OpenAPI.Header(schema: .string, description: "The API's full version")],
                securitySchemes: ["bearer": .http(scheme: "bearer")]
            ),
            security: [[.component(named: "bearer"): []]]
        )
    }

    /// The success answer with the DTO's schema, then the named problem answers; every change
    /// (POST, PUT) can also answer 503.
    private static func responses(
        of operation: APIOperation,
        reader: inout SchemaReader
    ) throws -> OpenAPI.Response.Map {
        var headers: OpenAPI.Header.Map = ["API-Version": .a(.component(named: "API-Version"))]
        if operation.etag {
            headers["ETag"] = .b(OpenAPI.Header(schema: .string, description: "The case's version"))
        }
        var responses: OpenAPI.Response.Map = [
            .status(code: operation.status): .b(
                OpenAPI.Response(
                    description: operation.status == 201 ? "Created" : "OK",
                    headers: headers,
                    content: [.json: .init(schema: try operation.answer(&reader))]
                )
            )
        ]
        var problems = operation.problems
        if operation.method == .post || operation.method == .put { problems.append(503) }
        for status in problems {
            guard let name = ProblemResponses.named[status]?.name else { throw ContractError.unnamedProblem(status) }
            responses[.status(code: status)] = .a(.component(named: name))
        }
        return responses
    }

    static func build() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(try document()), as: UTF8.self)
    }

    enum ContractError: Error {
        case missingOperation(String)
        case unnamedProblem(Int)
    }
}
