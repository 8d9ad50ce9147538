using System.Text.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions.Expressions;
using HyenaFlow.Workflows.Definitions.Matrix;
using N = HyenaFlow.Workflows.Definitions.WorkflowJsonNames;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>
/// Checks a definition against an activity catalog and reports every problem at once, each at its JSON path:
/// shape problems the reader found, bad ids, unknown activities or versions, missing, unknown or mistyped inputs,
/// bad expressions, dangling references (parameter, stage, output, matrix key), self-references, cycles,
/// duplicate ids, bad matrices, bad retry and timeout values, and parameter defaults of the wrong type.
/// </summary>
public static class WorkflowValidator
{
    public static IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition, IActivityCatalog catalog) =>
        new Check(definition, catalog).Run();

    public static void EnsureValid(WorkflowDefinition definition, IActivityCatalog catalog)
    {
        var errors = Validate(definition, catalog);
        if (errors.Count > 0)
            throw new WorkflowValidationException(errors);
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"string {CanonicalJson.Inline(value)}",
            JsonValueKind.Number => $"number {CanonicalJson.Inline(value)}",
            _ => $"boolean {CanonicalJson.Inline(value)}",
        },
        _ => "a value",
    };

    private sealed class Check
    {
        private const string StagesPath = "$.stages";
        private readonly WorkflowDefinition _definition;
        private readonly IActivityCatalog _catalog;
        private readonly List<ValidationError> _errors = [];
        private readonly HashSet<string> _pathsWithReadProblems;
        private readonly Dictionary<string, int> _stageIndexById = new(StringComparer.Ordinal);
        private readonly ActivityDescriptor?[] _activities;
        private readonly IReadOnlyList<MatrixCell>?[] _cells;
        private readonly HashSet<int>[] _needs;
        private readonly HashSet<string>[] _usedMatrixKeys;

        public Check(WorkflowDefinition definition, IActivityCatalog catalog)
        {
            _definition = definition;
            _catalog = catalog;
            _pathsWithReadProblems = definition.ReadProblems.Select(p => p.JsonPath).ToHashSet(StringComparer.Ordinal);
            var count = definition.Stages.Count;
            _activities = new ActivityDescriptor?[count];
            _cells = new IReadOnlyList<MatrixCell>?[count];
            _needs = Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToArray();
            _usedMatrixKeys = Enumerable.Range(0, count).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        }

        public IReadOnlyList<ValidationError> Run()
        {
            _errors.AddRange(_definition.ReadProblems);
            Workflow();
            Parameters();
            StageIds();
            for (var i = 0; i < _definition.Stages.Count; i++)
            {
                Activity(i);
                Matrix(i);
            }

            for (var i = 0; i < _definition.Stages.Count; i++)
            {
                Inputs(i);
                Needs(i);
                IncludeKeys(i);
                RetryAndTimeout(i);
            }

            Cycles();
            return _errors;
        }

        private void Workflow()
        {
            if (!Identifiers.IsValid(_definition.Id))
                Fail("$.id", $"'{_definition.Id}' is not a valid workflow id: {IdentifierRule}");
            if (_definition.Version < 1)
                Fail("$.version", $"version must be 1 or more, not {_definition.Version}");
        }

        private void Parameters()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in _definition.Parameters)
            {
                var path = JsonPaths.Property("$.parameters", parameter.Name);
                if (!Identifiers.IsValid(parameter.Name))
                    Fail(path, $"'{parameter.Name}' is not a valid parameter name: {IdentifierRule}");
                if (!seen.Add(parameter.Name))
                    Fail(path, $"parameter '{parameter.Name}' is defined twice");
                if (parameter.Default is null)
                    continue;
                var defaultPath = JsonPaths.Property(path, N.Default);
                if (ContainsExpression(parameter.Default))
                    Fail(defaultPath, "a default is a literal value; expressions belong in a stage's with");
                else if (!parameter.Type.Accepts(parameter.Default))
                    Fail(defaultPath, $"default {CanonicalJson.Inline(parameter.Default)} is not of the parameter's type {parameter.Type}");
            }
        }

        private void StageIds()
        {
            if (_definition.Stages.Count == 0)
                Fail(StagesPath, "a workflow needs at least one stage");
            for (var i = 0; i < _definition.Stages.Count; i++)
            {
                var id = _definition.Stages[i].Id;
                var path = JsonPaths.Property(StagePath(i), N.Id);
                if (!Identifiers.IsValid(id))
                    Fail(path, $"'{id}' is not a valid stage id: {IdentifierRule}");
                else if (!_stageIndexById.TryAdd(id, i))
                    Fail(path, $"duplicate stage id '{id}' (first used at {StagePath(_stageIndexById[id])})");
            }
        }

        private void Activity(int i)
        {
            var uses = _definition.Stages[i].Uses;
            var path = JsonPaths.Property(StagePath(i), N.Uses);
            if (!ActivityReference.TryParse(uses, out var reference))
            {
                Fail(path, $"'{uses}' is not an activity reference; write name@version, e.g. finetune@1");
                return;
            }

            _activities[i] = _catalog.Find(reference.Name, reference.Version);
            if (_activities[i] is not null)
                return;
            var versions = _catalog.All.Where(a => a.Name == reference.Name).Select(a => a.Version).ToList();
            Fail(path, versions.Count > 0
                ? $"activity '{reference.Name}' has no version {reference.Version}; known versions: {string.Join(", ", versions)}"
                : $"unknown activity '{reference.Name}'");
        }

        private void Matrix(int i)
        {
            if (_definition.Stages[i].Matrix is not { } matrix)
                return;
            var path = JsonPaths.Property(StagePath(i), N.Matrix);
            if (matrix.Axes.Count == 0 && matrix.Include.Count == 0)
            {
                Fail(path, "a matrix needs at least one axis or include entry");
                _cells[i] = [];
                return;
            }

            var axisNames = matrix.AxisNames.ToList();
            var repeatedValues = false;
            foreach (var axis in matrix.Axes)
            {
                var axisPath = JsonPaths.Property(path, axis.Name);
                if (!Identifiers.IsValid(axis.Name))
                    Fail(axisPath, $"'{axis.Name}' is not a valid matrix key: {IdentifierRule}");
                if (axis.Values.Count == 0)
                    Fail(axisPath, $"matrix axis '{axis.Name}' is empty; give at least one value");
                for (var k = 0; k < axis.Values.Count; k++)
                {
                    var valuePath = JsonPaths.Index(axisPath, k);
                    if (MatrixValue(axis.Values[k], valuePath) && axis.Values.Take(k).Any(v => JsonNode.DeepEquals(v, axis.Values[k])))
                    {
                        Fail(valuePath, $"value {CanonicalJson.Inline(axis.Values[k])} appears twice in matrix axis '{axis.Name}'");
                        repeatedValues = true;
                    }
                }
            }

            Entries(matrix.Exclude, JsonPaths.Property(path, N.Exclude), key =>
                axisNames.Contains(key) ? null : $"unknown matrix key '{key}' in exclude; axes: {string.Join(", ", axisNames)}");
            Entries(matrix.Include, JsonPaths.Property(path, N.Include), key =>
                Identifiers.IsValid(key) ? null : $"'{key}' is not a valid matrix key: {IdentifierRule}");

            var cells = MatrixExpander.Expand(matrix);
            _cells[i] = cells;
            if (cells.Count == 0)
                Fail(path, "the matrix has no cells: exclude removes every combination");
            // A repeated axis value was reported already; the repeated cells it makes would say it again.
            foreach (var twice in cells.GroupBy(c => c.IdFor(_definition.Stages[i].Id)).Where(g => !repeatedValues && g.Count() > 1))
                Fail(path, $"the matrix yields cell '{twice.Key}' more than once");
        }

        private void Entries(IReadOnlyList<MatrixEntry> entries, string path, Func<string, string?> keyProblem)
        {
            for (var x = 0; x < entries.Count; x++)
            {
                var entryPath = JsonPaths.Index(path, x);
                if (entries[x].Values.Count == 0)
                    Fail(entryPath, "an entry needs at least one key");
                foreach (var (key, value) in entries[x].Values)
                {
                    var keyPath = JsonPaths.Property(entryPath, key);
                    if (keyProblem(key) is { } problem)
                        Fail(keyPath, problem);
                    MatrixValue(value, keyPath);
                }
            }
        }

        private bool MatrixValue(JsonNode? value, string path)
        {
            if (value is not JsonValue scalar || scalar.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
            {
                Fail(path, $"matrix values are strings, numbers or booleans, not {Describe(value)}");
                return false;
            }

            if (!ContainsExpression(value))
                return true;
            Fail(path, "matrix values are literals; expressions belong in a stage's with");
            return false;
        }

        private void Inputs(int i)
        {
            var stage = _definition.Stages[i];
            var activity = _activities[i];
            var withPath = JsonPaths.Property(StagePath(i), N.With);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in stage.With)
            {
                var path = JsonPaths.Property(withPath, input.Name);
                if (!seen.Add(input.Name))
                {
                    Fail(path, $"input '{input.Name}' is given twice");
                    continue;
                }

                var descriptor = activity?.FindInput(input.Name);
                if (activity is not null && descriptor is null)
                    Fail(path, $"unknown input '{input.Name}' for {activity.Reference}; its inputs: {string.Join(", ", activity.Inputs.Select(d => d.Name))}");
                Value(input.Value, descriptor?.Type ?? DataType.Any, path, i);
            }

            if (activity is null)
                return;
            foreach (var missing in activity.Inputs.Where(d => d.MustBeGiven && !seen.Contains(d.Name)))
                Fail(JsonPaths.Property(withPath, missing.Name), $"missing required input '{missing.Name}' ({missing.Type}) of {activity.Reference}");
        }

        /// <summary>Checks a value against the type expected there; references are checked wherever they appear.</summary>
        private void Value(JsonNode? node, DataType expected, string path, int stage)
        {
            switch (node)
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.String && TemplateParser.ContainsExpression(value.GetValue<string>()):
                    Template(value.GetValue<string>(), expected, path, stage);
                    break;
                case JsonArray array:
                    if (!expected.IsArray && expected.Kind != DataKind.Any)
                        Fail(path, $"expected {expected}, found {Describe(node)}");
                    for (var k = 0; k < array.Count; k++)
                        Value(array[k], expected.Element ?? DataType.Any, JsonPaths.Index(path, k), stage);
                    break;
                case JsonObject obj:
                    if (expected.Kind is not (DataKind.Object or DataKind.Any))
                        Fail(path, $"expected {expected}, found {Describe(node)}");
                    foreach (var (name, member) in obj)
                        Value(member, DataType.Any, JsonPaths.Property(path, name), stage);
                    break;
                default:
                    if (!expected.Accepts(node))
                        Fail(path, $"expected {expected}, found {Describe(node)}");
                    break;
            }
        }

        private void Template(string text, DataType expected, string path, int stage)
        {
            if (!TemplateParser.TryParse(text, out var template, out var error))
            {
                Fail(path, error);
                return;
            }

            var typed = template.References.Select(r => (Reference: r, Type: TypeOf(r, path, stage))).ToList();
            if (template.WholeValue is MatrixReference matrix && typed[0].Type is not null && _cells[stage] is { } cells)
            {
                // Cell by cell: a mixed axis such as [1, "two"] has no single type to compare.
                var wrong = cells.FirstOrDefault(c => !expected.Accepts(c[matrix.Key]));
                if (wrong is not null)
                    Fail(path, $"expected {expected}, but {matrix} is {Describe(wrong[matrix.Key])} in cell {wrong.IdFor(_definition.Stages[stage].Id)}");
                return;
            }

            if (template.WholeValue is not null)
            {
                if (typed[0].Type is { } type && !type.IsAssignableTo(expected))
                    Fail(path, $"expected {expected}, but {typed[0].Reference} is {type}");
                return;
            }

            foreach (var (reference, type) in typed)
            {
                if (type is { IsScalar: false })
                    Fail(path, $"{reference} is {type} and cannot be embedded in a string; give it as the whole value");
            }

            if (!DataType.String.IsAssignableTo(expected))
                Fail(path, $"expected {expected}, but text with embedded expressions is a string");
        }

        /// <summary>The type a reference yields here, or null when it is dangling (reported).</summary>
        private DataType? TypeOf(Reference reference, string path, int stage)
        {
            switch (reference)
            {
                case ParameterReference p:
                    if (_definition.FindParameter(p.Name) is { } parameter)
                        return parameter.Type;
                    Fail(path, $"unknown parameter '{p.Name}' in {reference}");
                    return null;
                case StageOutputReference s:
                    return OutputType(s, path, stage);
                case MatrixReference m:
                    return MatrixType(m, path, stage);
                default:
                    return null;
            }
        }

        private DataType? OutputType(StageOutputReference reference, string path, int stage)
        {
            if (!_stageIndexById.TryGetValue(reference.Stage, out var upstream))
            {
                Fail(path, $"unknown stage '{reference.Stage}' in {reference}");
                return null;
            }

            if (upstream == stage)
            {
                Fail(path, $"stage '{reference.Stage}' references its own output in {reference}");
                return null;
            }

            _needs[stage].Add(upstream);
            var upstreamMatrix = _definition.Stages[upstream].Matrix;
            if (upstreamMatrix is not null)
                _usedMatrixKeys[stage].UnionWith(upstreamMatrix.AxisNames);
            if (_activities[upstream] is not { } activity)
                return DataType.Any;
            if (activity.FindOutput(reference.Output) is { } output)
                return MatrixFanIn.TypeSeen(upstreamMatrix, _cells[stage], output.Type);
            Fail(path, $"unknown output '{reference.Output}' of stage '{reference.Stage}' in {reference}; {activity.Reference} has outputs: {string.Join(", ", activity.Outputs.Select(o => o.Name))}");
            return null;
        }

        private DataType? MatrixType(MatrixReference reference, string path, int stage)
        {
            _usedMatrixKeys[stage].Add(reference.Key);
            var id = _definition.Stages[stage].Id;
            if (_definition.Stages[stage].Matrix is null)
            {
                Fail(path, $"{reference} is undefined: stage '{id}' has no matrix");
                return null;
            }

            if (_cells[stage] is not { Count: > 0 } cells)
                return DataType.Any;
            var without = cells.Where(c => !c.Has(reference.Key)).ToList();
            if (without.Count == cells.Count)
            {
                Fail(path, $"unknown matrix key '{reference.Key}' in {reference}; keys: {string.Join(", ", cells.SelectMany(c => c.Keys).Distinct())}");
                return null;
            }

            if (without.Count > 0)
            {
                Fail(path, $"matrix key '{reference.Key}' has no value in cell {without[0].IdFor(id)}");
                return null;
            }

            return DataType.Common(cells.Select(c => DataType.Of(c[reference.Key])));
        }

        private void Needs(int i)
        {
            var stage = _definition.Stages[i];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < stage.Needs.Count; k++)
            {
                var need = stage.Needs[k];
                var path = JsonPaths.Index(JsonPaths.Property(StagePath(i), N.Needs), k);
                if (!seen.Add(need))
                    Fail(path, $"'{need}' is listed twice");
                else if (!_stageIndexById.TryGetValue(need, out var upstream))
                    Fail(path, $"unknown stage '{need}'");
                else if (upstream == i)
                    Fail(path, $"stage '{need}' cannot need itself");
                else
                    _needs[i].Add(upstream);
            }
        }

        // An include key that is no axis only makes sense when with reads it or it selects the cells of a referenced
        // matrix stage; otherwise it is most likely a typo.
        private void IncludeKeys(int i)
        {
            if (_definition.Stages[i].Matrix is not { } matrix)
                return;
            var axes = matrix.AxisNames.ToHashSet(StringComparer.Ordinal);
            var path = JsonPaths.Property(JsonPaths.Property(StagePath(i), N.Matrix), N.Include);
            for (var x = 0; x < matrix.Include.Count; x++)
            {
                foreach (var key in matrix.Include[x].Values.Select(v => v.Key).Where(k => !axes.Contains(k) && !_usedMatrixKeys[i].Contains(k)))
                {
                    Fail(JsonPaths.Property(JsonPaths.Index(path, x), key),
                        $"unknown matrix key '{key}' in include: it is not an axis, with never reads ${{{{ matrix.{key} }}}} and no referenced matrix stage has that axis");
                }
            }
        }

        private void RetryAndTimeout(int i)
        {
            var stage = _definition.Stages[i];
            if (stage.Retry is { } retry)
            {
                var path = JsonPaths.Property(StagePath(i), N.Retry);
                if (retry.Attempts is < 1 or > 100)
                    Fail(JsonPaths.Property(path, N.Attempts), $"attempts must be between 1 and 100 (the first try counts), not {retry.Attempts}");
                if (retry.Backoff is not null && retry.Delay is null)
                    Fail(JsonPaths.Property(path, N.Delay), "a backoff needs a delay to start from");
                if (retry.MaxDelay is { } max)
                {
                    if (retry.Delay is not { } delay)
                        Fail(JsonPaths.Property(path, N.MaxDelay), "maxDelay needs a delay");
                    else if (max.Value < delay.Value)
                        Fail(JsonPaths.Property(path, N.MaxDelay), $"maxDelay {max} is shorter than delay {delay}");
                }
            }

            if (stage.Timeout is { } timeout && timeout.Value <= TimeSpan.Zero)
                Fail(JsonPaths.Property(StagePath(i), N.Timeout), $"timeout must be longer than zero, not {timeout}");
        }

        private void Cycles()
        {
            var needs = _needs.Select(n => (IReadOnlyCollection<int>)n).ToList();
            foreach (var cycle in StageCycles.Find(needs))
            {
                var names = string.Join(" -> ", cycle.Select(s => _definition.Stages[s].Id));
                Fail(StagePath(cycle[0]), $"cycle: {names} (each stage needs the next)");
            }
        }

        private static bool ContainsExpression(JsonNode? node) => node switch
        {
            JsonObject obj => obj.Any(p => ContainsExpression(p.Value)),
            JsonArray array => array.Any(ContainsExpression),
            JsonValue value => value.GetValueKind() == JsonValueKind.String && TemplateParser.ContainsExpression(value.GetValue<string>()),
            _ => false,
        };

        private static string StagePath(int i) => JsonPaths.Index(StagesPath, i);

        private const string IdentifierRule = "letters, digits, _ and -, starting with a letter or _, at most 64 characters";

        private void Fail(string path, string message)
        {
            // The reader already said what is wrong at this path; a second message would only repeat it.
            if (!_pathsWithReadProblems.Contains(path))
                _errors.Add(new ValidationError(path, message));
        }
    }
}
