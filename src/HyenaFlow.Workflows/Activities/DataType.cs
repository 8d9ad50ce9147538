using System.Text.Json.Nodes;

namespace HyenaFlow.Workflows.Activities;

/// <summary>
/// The type of an activity input or output, or of a workflow parameter. Written as text the way a researcher
/// types it: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>path</c>, <c>artifact</c>,
/// <c>object</c>, <c>any</c>, and any of these followed by <c>[]</c> for an array (<c>artifact[]</c>,
/// <c>integer[][]</c>).
/// </summary>
/// <remarks>Named DataType rather than ValueType so that it never collides with System.ValueType under
/// implicit usings.</remarks>
public sealed record DataType
{
    private DataType(DataKind kind, DataType? element)
    {
        Kind = kind;
        Element = element;
    }

    public static DataType String { get; } = new(DataKind.String, null);
    public static DataType Integer { get; } = new(DataKind.Integer, null);
    public static DataType Number { get; } = new(DataKind.Number, null);
    public static DataType Boolean { get; } = new(DataKind.Boolean, null);
    public static DataType Path { get; } = new(DataKind.Path, null);
    public static DataType Artifact { get; } = new(DataKind.Artifact, null);
    public static DataType Object { get; } = new(DataKind.Object, null);
    public static DataType Any { get; } = new(DataKind.Any, null);

    public DataKind Kind { get; }

    /// <summary>The element type when <see cref="Kind"/> is <see cref="DataKind.Array"/>; otherwise null.</summary>
    public DataType? Element { get; }

    public bool IsArray => Kind == DataKind.Array;

    /// <summary>Strings, paths and artifacts are all JSON strings and may stand in for one another.</summary>
    public bool IsStringLike => Kind is DataKind.String or DataKind.Path or DataKind.Artifact;

    /// <summary>A value that can be embedded in a larger string: anything but arrays and objects.</summary>
    public bool IsScalar => Kind is not (DataKind.Array or DataKind.Object);

    public static DataType ArrayOf(DataType element) => new(DataKind.Array, element);

    public DataType MakeArray() => ArrayOf(this);

    public static DataType Parse(string text) =>
        TryParse(text, out var type) ? type : throw new FormatException($"'{text}' is not a type; expected one of {KnownNames}, optionally followed by []");

    public static bool TryParse(string? text, out DataType type)
    {
        type = Any;
        if (string.IsNullOrEmpty(text))
            return false;
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            if (!TryParse(text[..^2], out var element))
                return false;
            type = ArrayOf(element);
            return true;
        }

        DataType? simple = text switch
        {
            "string" => String,
            "integer" => Integer,
            "number" => Number,
            "boolean" => Boolean,
            "path" => Path,
            "artifact" => Artifact,
            "object" => Object,
            "any" => Any,
            _ => null,
        };
        if (simple is null)
            return false;
        type = simple;
        return true;
    }

    public const string KnownNames = "string, integer, number, boolean, path, artifact, object, any";

    /// <summary>Whether a value of this type may be passed where <paramref name="target"/> is expected.
    /// Integers widen to numbers; string-like kinds interchange; <c>any</c> matches everything.</summary>
    public bool IsAssignableTo(DataType target)
    {
        if (Kind == DataKind.Any || target.Kind == DataKind.Any)
            return true;
        if (IsArray || target.IsArray)
            return IsArray && target.IsArray && Element!.IsAssignableTo(target.Element!);
        if (Kind == target.Kind)
            return true;
        if (Kind == DataKind.Integer && target.Kind == DataKind.Number)
            return true;
        return IsStringLike && target.IsStringLike;
    }

    /// <summary>Whether a literal JSON value has this type (recursively for arrays).</summary>
    public bool Accepts(JsonNode? value)
    {
        if (Kind == DataKind.Any)
            return true;
        return value switch
        {
            null => false,
            JsonArray array => IsArray && array.All(Element!.Accepts),
            JsonObject => Kind == DataKind.Object,
            JsonValue scalar => AcceptsScalar(scalar),
            _ => false,
        };
    }

    private bool AcceptsScalar(JsonValue scalar)
    {
        var kind = scalar.GetValueKind();
        return Kind switch
        {
            DataKind.String or DataKind.Path or DataKind.Artifact => kind == System.Text.Json.JsonValueKind.String,
            DataKind.Boolean => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            DataKind.Number => kind == System.Text.Json.JsonValueKind.Number,
            DataKind.Integer => kind == System.Text.Json.JsonValueKind.Number && IsIntegral(scalar),
            _ => false,
        };
    }

    // Read from the JSON text so that every backing (parsed element, boxed int, double) answers the same way.
    private static bool IsIntegral(JsonValue number) =>
        decimal.TryParse(number.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && decimal.Truncate(d) == d;

    /// <summary>The type a literal JSON value has on its own, used for matrix values and messages.</summary>
    public static DataType Of(JsonNode? value) => value switch
    {
        null => Any,
        JsonObject => Object,
        JsonArray array => ArrayOf(Common(array.Select(Of))),
        JsonValue scalar => scalar.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => String,
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Boolean,
            System.Text.Json.JsonValueKind.Number => Integer.Accepts(scalar) ? Integer : Number,
            _ => Any,
        },
        _ => Any,
    };

    /// <summary>The narrowest type all given types are assignable to, or <c>any</c> when they disagree.</summary>
    public static DataType Common(IEnumerable<DataType> types)
    {
        DataType? common = null;
        foreach (var type in types)
        {
            if (common is null || type == common)
                common = type;
            else if (common.Kind == DataKind.Integer && type.Kind == DataKind.Number || common.Kind == DataKind.Number && type.Kind == DataKind.Integer)
                common = Number;
            else
                return Any;
        }

        return common ?? Any;
    }

    /// <summary>The JSON schema of values of this type, as the Studio's property forms need it.</summary>
    public JsonObject ToJsonSchema() => Kind switch
    {
        DataKind.String => new JsonObject { ["type"] = "string" },
        DataKind.Path => new JsonObject { ["type"] = "string", ["format"] = "path" },
        DataKind.Artifact => new JsonObject { ["type"] = "string", ["format"] = "artifact" },
        DataKind.Integer => new JsonObject { ["type"] = "integer" },
        DataKind.Number => new JsonObject { ["type"] = "number" },
        DataKind.Boolean => new JsonObject { ["type"] = "boolean" },
        DataKind.Object => new JsonObject { ["type"] = "object" },
        DataKind.Array => new JsonObject { ["type"] = "array", ["items"] = Element!.ToJsonSchema() },
        _ => new JsonObject(),
    };

    public override string ToString() => Kind switch
    {
        DataKind.Array => Element + "[]",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
