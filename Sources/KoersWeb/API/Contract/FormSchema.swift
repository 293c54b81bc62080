import KoersCore
import OpenAPIKit30

/// A form as the JSON Schema of a request body, and its fields as query parameters: what the
/// parser accepts, stated where clients read it.
enum FormSchema {
    /// The body: an object with one property per field, required where the field is.
    static func body(_ form: Form, description: String? = nil) -> JSONSchema {
        var properties = OrderedDictionary<String, JSONSchema>()
        for field in form.fields { properties[field.name] = property(field) }
        return .object(description: description, properties: properties)
    }

    /// The list's query parameters, one per field.
    static func queryParameters(_ form: Form) -> OpenAPI.Parameter.Array {
        form.fields.map { field in
            .parameter(
                OpenAPI.Parameter(
                    name: field.name,
                    context: .query(required: field.required),
                    schema: bare(field, described: false).requiredSchemaObject(),
                    description: field.summary
                )
            )
        }
    }

    /// One field's schema; `required` marks it in its object's `required` list. An optional field
    /// may also be null, which the API reads as left out.
    static func property(_ field: FieldSpec) -> JSONSchema {
        let schema = bare(field)
        return field.required ? schema : schema.nullableSchemaObject()
    }

    /// The field's schema; `described` false when the description goes on its parameter instead.
    private static func bare(_ field: FieldSpec, described: Bool = true) -> JSONSchema {
        let required = field.required
        let description = described ? field.summary : nil
        switch field.kind {
        case .text(let maxLength):
            // A required text must hold something other than spaces; the parser trims.
            return .string(
                required: required,
                description: description,
                minLength: required ? 1 : nil,
                maxLength: maxLength,
                pattern: required ? "\\S" : nil
            )
        case .day:
            return .string(format: .date, required: required, description: description)
        case .partialDate:
            return .string(
                required: required,
                description: description ?? "YYYY, YYYY-MM or YYYY-MM-DD",
                pattern: "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
            )
        case .choice(let codes):
            return .string(required: required, description: description, allowedValues: codes.map(AnyCodable.init))
        case .choices(let codes):
            return .array(
                required: required,
                description: description,
                minItems: required ? 1 : nil,
                items: .string(allowedValues: codes.map(AnyCodable.init))
            )
        case .flag:
            return .boolean(required: required, description: description)
        case .integer(let range):
            return .integer(
                required: required,
                description: description,
                maximum: (range.upperBound, exclusive: false),
                minimum: (range.lowerBound, exclusive: false)
            )
        case .uuid:
            return .string(format: .extended(.uuid), required: required, description: description)
        case .uuids:
            return .array(
                required: required,
                description: description,
                minItems: required ? 1 : nil,
                items: .string(format: .extended(.uuid))
            )
        case .pattern(let pattern, let maxLength):
            return .string(required: required, description: description, maxLength: maxLength, pattern: pattern)
        case .texts(let maxItems, let maxLength):
            return .array(
                required: required,
                description: description,
                maxItems: maxItems,
                items: .string(maxLength: maxLength)
            )
        }
    }
}
