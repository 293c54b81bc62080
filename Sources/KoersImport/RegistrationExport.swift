import CSV
import Foundation
import KoersCore

/// Export in the import's own format: a row per trajectory, in Koers's field names, codes and ISO
/// dates, with further rows for a trajectory's further perspectives, support and procedures; and
/// the mapping that reads it back. `koers export registrations` writes a location's trajectories
/// this way, and `koers import registrations` takes them in again.
public enum RegistrationExport {
    /// The columns, in the order they are written: every field the import reads.
    public static let fields = ImportMapping.Field.allCases

    /// The mapping of an exported file: each field in its own column, Koers's codes as they are.
    public static let mapping = ImportMapping(
        dateFormat: "yyyy-MM-dd",
        columns: Dictionary(uniqueKeysWithValues: fields.map { ($0.rawValue, $0.rawValue) })
    )

    /// The rows of the files, header first.
    public static func rows(_ files: [CaseFile]) -> [[String]] {
        var rows = [fields.map(\.rawValue)]
        for file in files.sorted(by: { ($0.referral.referredOn, $0.id) < ($1.referral.referredOn, $1.id) }) {
            let count = max(1, file.perspectives.count, file.support.count, file.procedures.count)
            for index in 0..<count {
                rows.append(fields.map { value($0, of: file, index) })
            }
        }
        return rows
    }

    /// The files as a CSV file: UTF-8, commas, quoted where a cell needs it.
    public static func csv(_ files: [CaseFile]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        for row in rows(files) { try writer.write(row: row) }
        writer.stream.close()
        return stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    }

    /// The mapping as the JSON file written beside the export.
    public static func mappingJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(mapping)
    }

    /// A cell: the trajectory's own facts on every row, its `index`th perspective, support and
    /// procedure on the row of that number.
    static func value(_ field: ImportMapping.Field, of file: CaseFile, _ index: Int) -> String {
        let perspective = file.perspectives.indices.contains(index) ? file.perspectives[index] : nil
        let support = file.support.indices.contains(index) ? file.support[index] : nil
        let procedure = file.procedures.indices.contains(index) ? file.procedures[index] : nil
        let identity = file.identity
        let admission = file.admission
        switch field {
        case .sourcePersonId: return file.personId.uuidString.lowercased()
        case .sourceTrajectoryId: return file.id.uuidString.lowercased()
        case .givenNames: return identity.givenNames ?? ""
        case .surname: return identity.surname
        case .birthDate: return identity.birthDate?.description ?? ""
        case .nationality: return identity.nationality
        case .gender: return identity.gender.rawValue
        case .vNumber: return identity.vNumber?.digits ?? ""
        case .referredOn: return file.referral.referredOn.description
        case .channel: return file.referral.channel.rawValue
        case .admission: return admission?.outcome.rawValue ?? ""
        case .admissionDate: return admission?.decidedOn.description ?? ""
        case .rejectionReason: return admission?.rejectionReason?.rawValue ?? ""
        case .perspective: return perspective?.perspective.rawValue ?? ""
        case .perspectiveDate: return perspective?.decidedOn.description ?? ""
        case .supportInstrument: return support?.instrument.rawValue ?? ""
        case .supportStart: return support?.startedOn.description ?? ""
        case .supportEnd: return support?.endedOn?.description ?? ""
        case .procedure: return procedure?.kind.rawValue ?? ""
        case .procedureSubmitted: return procedure?.submittedOn.description ?? ""
        case .procedureDecided: return procedure?.decidedOn?.description ?? ""
        case .procedureOutcome: return procedure?.outcome?.rawValue ?? ""
        case .outflowDate: return file.outflow?.leftOn.description ?? ""
        case .outflowReason: return file.outflow?.reasonCode ?? ""
        }
    }
}
