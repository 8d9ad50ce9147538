using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using N = HyenaFlow.Workflows.Definitions.WorkflowJsonNames;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// Reads a definition from JSON text. Text that is not JSON throws <see cref="WorkflowFormatException"/> with
/// file, line, column and path. JSON of the wrong shape (unknown property, a number where a string belongs,
/// <c>resources: "tpu"</c>) still yields a definition, with each problem in
/// <see cref="WorkflowDefinition.ReadProblems"/> so that validation can report everything at once.
/// </summary>
public static class WorkflowDefinitionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    public static WorkflowDefinition ReadFile(string path) => Parse(File.ReadAllText(path), path);

    public static WorkflowDefinition Parse(string json, string? file = null)
    {
        var utf8 = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw JsonSyntaxLocator.Describe(utf8, file, new JsonReaderOptions
            {
                AllowTrailingCommas = DocumentOptions.AllowTrailingCommas,
                CommentHandling = DocumentOptions.CommentHandling,
                MaxDepth = DocumentOptions.MaxDepth,
            });
        }

        if (root.ValueKind != JsonValueKind.Object)
            throw new WorkflowFormatException(file, 1, 1, JsonPaths.Root, $"a workflow definition is a JSON object, not {Describe(root)}");
        return new Reader().Workflow(root);
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private sealed class Reader
    {
        private readonly List<ValidationError> _problems = [];

        public WorkflowDefinition Workflow(JsonElement root)
        {
            const string path = JsonPaths.Root;
            var members = Members(root, path, N.WorkflowProperties);
            var definition = new WorkflowDefinition(
                RequiredString(members, path, N.Id) ?? "",
                Integer(members, path, N.Version, required: true) ?? 0,
                OptionalString(members, path, N.Description),
                Parameters(members, path),
                Stages(members, path))
            {
                Schema = OptionalString(members, path, N.Schema),
            };
            return definition with { ReadProblems = _problems };
        }

        private List<ParameterDefinition> Parameters(Dictionary<string, JsonElement> members, string parent)
        {
            var parameters = new List<ParameterDefinition>();
            if (!members.TryGetValue(N.Parameters, out var element))
                return parameters;
            var path = JsonPaths.Property(parent, N.Parameters);
            if (!Expect(element, JsonValueKind.Object, path, "an object of parameters by name"))
                return parameters;
            foreach (var property in element.EnumerateObject())
            {
                var itemPath = JsonPaths.Property(path, property.Name);
                if (!Expect(property.Value, JsonValueKind.Object, itemPath, "an object with type, default and description"))
                    continue;
                var fields = Members(property.Value, itemPath, N.ParameterProperties);
                var type = TypeOf(fields, itemPath);
                var defaultValue = fields.TryGetValue(N.Default, out var d) ? Node(d, JsonPaths.Property(itemPath, N.Default)) : null;
                parameters.Add(new ParameterDefinition(property.Name, type, defaultValue, OptionalString(fields, itemPath, N.Description)));
            }

            return parameters;
        }

        private DataType TypeOf(Dictionary<string, JsonElement> fields, string parent)
        {
            var text = RequiredString(fields, parent, N.Type);
            if (text is null)
                return DataType.Any;
            if (DataType.TryParse(text, out var type))
                return type;
            Problem(JsonPaths.Property(parent, N.Type), $"unknown type '{text}'; expected one of {DataType.KnownNames}, optionally followed by []");
            return DataType.Any;
        }

        private List<StageDefinition> Stages(Dictionary<string, JsonElement> members, string parent)
        {
            var stages = new List<StageDefinition>();
            var path = JsonPaths.Property(parent, N.Stages);
            if (!members.TryGetValue(N.Stages, out var element))
            {
                Problem(path, "missing required property 'stages'");
                return stages;
            }

            if (!Expect(element, JsonValueKind.Array, path, "an array of stages"))
                return stages;
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemPath = JsonPaths.Index(path, index++);
                if (Expect(item, JsonValueKind.Object, itemPath, "a stage object"))
                    stages.Add(Stage(item, itemPath));
            }

            return stages;
        }

        private StageDefinition Stage(JsonElement element, string path)
        {
            var fields = Members(element, path, N.StageProperties);
            return new StageDefinition(
                RequiredString(fields, path, N.Id) ?? "",
                RequiredString(fields, path, N.Uses) ?? "",
                With(fields, path),
                Needs(fields, path),
                fields.TryGetValue(N.Matrix, out var matrix) ? Matrix(matrix, JsonPaths.Property(path, N.Matrix)) : null,
                fields.TryGetValue(N.Retry, out var retry) ? Retry(retry, JsonPaths.Property(path, N.Retry)) : null,
                ResourcesOf(fields, path),
                DurationOf(fields, path, N.Timeout));
        }

        private List<StageInput> With(Dictionary<string, JsonElement> fields, string parent)
        {
            var inputs = new List<StageInput>();
            if (!fields.TryGetValue(N.With, out var element))
                return inputs;
            var path = JsonPaths.Property(parent, N.With);
            if (!Expect(element, JsonValueKind.Object, path, "an object of inputs by name"))
                return inputs;
            foreach (var property in element.EnumerateObject())
                inputs.Add(new StageInput(property.Name, Node(property.Value, JsonPaths.Property(path, property.Name))));
            return inputs;
        }

        private List<string> Needs(Dictionary<string, JsonElement> fields, string parent)
        {
            var needs = new List<string>();
            if (!fields.TryGetValue(N.Needs, out var element))
                return needs;
            var path = JsonPaths.Property(parent, N.Needs);
            if (!Expect(element, JsonValueKind.Array, path, "an array of stage ids"))
                return needs;
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemPath = JsonPaths.Index(path, index++);
                if (Expect(item, JsonValueKind.String, itemPath, "a stage id"))
                    needs.Add(item.GetString()!);
            }

            return needs;
        }

        private MatrixDefinition? Matrix(JsonElement element, string path)
        {
            if (!Expect(element, JsonValueKind.Object, path, "an object of axes (arrays), include and exclude"))
                return null;
            var axes = new List<MatrixAxis>();
            List<MatrixEntry> include = [], exclude = [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var propertyPath = JsonPaths.Property(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    Problem(propertyPath, $"property '{property.Name}' is given twice");
                    continue;
                }

                if (property.Name == N.Include)
                    include = Entries(property.Value, propertyPath);
                else if (property.Name == N.Exclude)
                    exclude = Entries(property.Value, propertyPath);
                else if (Expect(property.Value, JsonValueKind.Array, propertyPath, "an array of values (a matrix axis)"))
                    axes.Add(new MatrixAxis(property.Name, property.Value.EnumerateArray().Select((v, i) => Node(v, JsonPaths.Index(propertyPath, i))).ToList()));
            }

            return new MatrixDefinition(axes, include, exclude);
        }

        private List<MatrixEntry> Entries(JsonElement element, string path)
        {
            var entries = new List<MatrixEntry>();
            if (!Expect(element, JsonValueKind.Array, path, "an array of objects"))
                return entries;
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemPath = JsonPaths.Index(path, index++);
                if (!Expect(item, JsonValueKind.Object, itemPath, "an object of matrix keys and values"))
                    continue;
                var values = new List<KeyValuePair<string, JsonNode?>>();
                foreach (var property in item.EnumerateObject())
                {
                    var valuePath = JsonPaths.Property(itemPath, property.Name);
                    if (values.Any(v => v.Key == property.Name))
                        Problem(valuePath, $"property '{property.Name}' is given twice");
                    else
                        values.Add(new(property.Name, Node(property.Value, valuePath)));
                }

                entries.Add(new MatrixEntry(values));
            }

            return entries;
        }

        private RetryPolicy? Retry(JsonElement element, string path)
        {
            if (!Expect(element, JsonValueKind.Object, path, "an object with attempts, backoff, delay and maxDelay"))
                return null;
            var fields = Members(element, path, N.RetryProperties);
            Backoff? backoff = null;
            var backoffText = OptionalString(fields, path, N.Backoff);
            if (backoffText is "fixed")
                backoff = Backoff.Fixed;
            else if (backoffText is "exponential")
                backoff = Backoff.Exponential;
            else if (backoffText is not null)
                Problem(JsonPaths.Property(path, N.Backoff), $"unknown backoff '{backoffText}'; expected \"fixed\" or \"exponential\"");
            return new RetryPolicy(
                Integer(fields, path, N.Attempts, required: true) ?? 0,
                backoff,
                DurationOf(fields, path, N.Delay),
                DurationOf(fields, path, N.MaxDelay));
        }

        private Resources? ResourcesOf(Dictionary<string, JsonElement> fields, string parent)
        {
            var text = OptionalString(fields, parent, N.Resources);
            switch (text)
            {
                case null:
                    return null;
                case "cpu":
                    return Resources.Cpu;
                case "gpu":
                    return Resources.Gpu;
                default:
                    Problem(JsonPaths.Property(parent, N.Resources), $"unknown resources '{text}'; expected \"cpu\" or \"gpu\"");
                    return null;
            }
        }

        private Duration? DurationOf(Dictionary<string, JsonElement> fields, string parent, string name)
        {
            var text = OptionalString(fields, parent, name);
            if (text is null)
                return null;
            if (Duration.TryParse(text, out var duration))
                return duration;
            Problem(JsonPaths.Property(parent, name), $"'{text}' is not a duration; write e.g. \"90s\", \"30m\", \"12h\" or \"1h30m\"");
            return null;
        }

        /// <summary>The properties of an object by name; unknown and repeated properties are problems.</summary>
        private Dictionary<string, JsonElement> Members(JsonElement element, string path, IReadOnlyList<string> known)
        {
            var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var propertyPath = JsonPaths.Property(path, property.Name);
                if (!known.Contains(property.Name))
                    Problem(propertyPath, $"unknown property '{property.Name}'; expected one of {string.Join(", ", known)}");
                else if (!members.TryAdd(property.Name, property.Value))
                    Problem(propertyPath, $"property '{property.Name}' is given twice");
            }

            return members;
        }

        private string? RequiredString(Dictionary<string, JsonElement> fields, string parent, string name)
        {
            if (fields.ContainsKey(name))
                return OptionalString(fields, parent, name);
            Problem(JsonPaths.Property(parent, name), $"missing required property '{name}'");
            return null;
        }

        private string? OptionalString(Dictionary<string, JsonElement> fields, string parent, string name)
        {
            if (!fields.TryGetValue(name, out var element))
                return null;
            return Expect(element, JsonValueKind.String, JsonPaths.Property(parent, name), "a string") ? element.GetString() : null;
        }

        private int? Integer(Dictionary<string, JsonElement> fields, string parent, string name, bool required)
        {
            var path = JsonPaths.Property(parent, name);
            if (!fields.TryGetValue(name, out var element))
            {
                if (required)
                    Problem(path, $"missing required property '{name}'");
                return null;
            }

            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
                return value;
            Problem(path, $"expected an integer, found {Describe(element)}");
            return null;
        }

        private bool Expect(JsonElement element, JsonValueKind kind, string path, string expected)
        {
            if (element.ValueKind == kind)
                return true;
            Problem(path, $"expected {expected}, found {Describe(element)}");
            return false;
        }

        /// <summary>A JSON value as a detached node; numbers keep their written text so they round-trip.</summary>
        private JsonNode? Node(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new JsonObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        var propertyPath = JsonPaths.Property(path, property.Name);
                        if (obj.ContainsKey(property.Name))
                            Problem(propertyPath, $"property '{property.Name}' is given twice");
                        else
                            obj[property.Name] = Node(property.Value, propertyPath);
                    }

                    return obj;
                case JsonValueKind.Array:
                    var array = new JsonArray();
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                        array.Add(Node(item, JsonPaths.Index(path, index++)));
                    return array;
                case JsonValueKind.Null:
                    return null;
                default:
                    return JsonValue.Create(element);
            }
        }

        private void Problem(string path, string message) => _problems.Add(new ValidationError(path, message));
    }
}
