import FluentKit
import Foundation
import SQLKit

/// Chains the rows written before the tamper-evident record existed, once, when the database is
/// migrated: each trajectory's events from their first, the old log entries as one chain of their
/// own, the old administrative changes at the start of the administration's chain.
enum AuditChainsFill {
    static func fill(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        struct Id: Decodable { let trajectory_id: UUID }
        let trajectories = try await sql.select().distinct().column("trajectory_id").from(CaseEventModel.schema)
            .where("hash", .is, SQLLiteral.null).all(decoding: Id.self).map(\.trajectory_id)
        for trajectory in trajectories {
            var previous = AuditHash.genesis(AuditHash.eventChain(trajectory))
            for event in try await CaseEventModel.query(on: db).filter(\.$trajectoryId == trajectory)
                .sort(\.$sequence).all()
            {
                event.payloadHash = AuditHash.hex(event.payload)
                event.hash = CaseStore.hash(event, previous: previous)
                previous = event.hash!
                try await event.save(on: db)
            }
        }
        let entries = try await ProcessingLogModel.query(on: db).filter(\.$chain == nil).sort(\.$at).sort(\.$id).all()
        if !entries.isEmpty {
            let chain = "log/before-chains"
            var head = try await ChainHeads.claim(chain, on: db)
            for m in entries {
                let entry = ProcessingLog.Entry(
                    id: m.id!,
                    traceId: m.traceId,
                    spanId: m.spanId,
                    parentSpanId: m.parentSpanId,
                    operation: m.operation,
                    activity: m.activity,
                    subject: m.subject,
                    subjectType: m.subjectType,
                    userId: m.userId,
                    organisationId: m.organisationId,
                    status: m.status,
                    startedAt: m.startedAt,
                    at: m.at,
                    chain: chain,
                    chainSeq: head.seq + 1
                )
                head = ChainHeads.Head(seq: head.seq + 1, hash: entry.hash(previous: head.hash))
                m.chain = chain
                m.chainSeq = head.seq
                m.hash = head.hash
                try await m.save(on: db)
            }
            try await ChainHeads.advance(chain, to: head, on: db)
        }
        let changes = try await AdminChangeModel.query(on: db).filter(\.$hash == nil).sort(\.$at).sort(\.$id).all()
        if !changes.isEmpty {
            var head = try await ChainHeads.claim(AdministrationStore.chain, on: db)
            for change in changes {
                change.chainSeq = head.seq + 1
                change.hash = AdministrationStore.hash(change, previous: head.hash)
                head = ChainHeads.Head(seq: head.seq + 1, hash: change.hash!)
                try await change.save(on: db)
            }
            try await ChainHeads.advance(AdministrationStore.chain, to: head, on: db)
        }
    }
}
