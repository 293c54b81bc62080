import Foundation
import KoersCore
import OpenAPIKit30

/// The OpenAPI document served at `/api/v1/openapi.json`: the routes' descriptions
/// (``OpenAPIDocument``) with every request body and the case list's query parameters built from
/// the forms the routes' parsers read, so what the document allows is what the API accepts.
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
    ]

    /// The document as served, built once.
    static let json: String = {
        do {
            return try build()
        } catch {
            // The hand-written part is checked by the tests; a document that does not load is a bug.
            preconditionFailure("The OpenAPI document does not build: \(error)")
        }
    }()

    static func build() throws -> String {
        var document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(OpenAPIDocument.json.utf8))
        for body in bodies {
            let path = OpenAPI.Path(rawValue: body.path)
            guard var item = document.paths[path]?.pathItemValue, var operation = item[body.method] else {
                throw ContractError.missingOperation("\(body.method.rawValue) \(body.path)")
            }
            document.components.schemas[.init(stringLiteral: body.schema)] = FormSchema.body(
                body.form,
                description: body.description
            )
            operation.requestBody = .b(
                OpenAPI.Request(
                    content: [.json: .init(schemaReference: .component(named: body.schema))],
                    required: true
                )
            )
            item.set(operation: operation, for: body.method)
            document.paths[path] = .b(item)
        }
        let list = OpenAPI.Path(rawValue: "/trajectories")
        guard var item = document.paths[list]?.pathItemValue, var operation = item.get else {
            throw ContractError.missingOperation("GET /trajectories")
        }
        operation.parameters = FormSchema.queryParameters(APIController.listQuery)
        item.get = operation
        document.paths[list] = .b(item)

        ProblemResponses.apply(to: &document)
        SharedParameters.apply(to: &document)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    enum ContractError: Error {
        case missingOperation(String)
    }
}
