using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions.Expressions;
using HyenaFlow.Workflows.Definitions.Matrix;
using N = HyenaFlow.Workflows.Definitions.WorkflowJsonNames;

namespace HyenaFlow.Workflows.Definitions.Planning;

/// <summary>Builds a <see cref="WorkflowPlan"/> from a definition the validator has accepted.</summary>
internal sealed class WorkflowPlanner
{
    private readonly WorkflowDefinition _definition;
    private readonly IActivityCatalog _catalog;
    private readonly IReadOnlyDictionary<string, JsonNode> _given;
    private readonly List<ValidationError> _errors = [];
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.Ordinal);
    private readonly List<Node> _nodes = [];
    private readonly List<List<int>> _nodesByStage = [];
    private readonly IReadOnlyList<MatrixCell>?[] _cells;

    public WorkflowPlanner(WorkflowDefinition definition, IActivityCatalog catalog, IReadOnlyDictionary<string, JsonNode> parameterValues)
    {
        _definition = definition;
        _catalog = catalog;
        _given = parameterValues;
        _cells = definition.Stages.Select(s => s.Matrix is null ? null : MatrixExpander.Expand(s.Matrix)).ToArray();
    }

    public WorkflowPlan Plan()
    {
        ResolveParameters();
        Fail();
        Expand();
        var stages = _nodes.Select(Build).ToList();
        Fail();
        var ordered = TopologicalOrder(stages);
        var parameters = _definition.Parameters.Select(p => new KeyValuePair<string, JsonNode?>(p.Name, _parameters[p.Name])).ToList();
        return new WorkflowPlan(_definition, parameters, ordered);
    }

    private void ResolveParameters()
    {
        foreach (var name in _given.Keys.Where(k => _definition.FindParameter(k) is null).Order(StringComparer.Ordinal))
            _errors.Add(new ValidationError(JsonPaths.Property("$.parameters", name), $"the workflow has no parameter '{name}'"));
        foreach (var parameter in _definition.Parameters)
        {
            var path = JsonPaths.Property("$.parameters", parameter.Name);
            if (_given.TryGetValue(parameter.Name, out var value))
            {
                if (!parameter.Type.Accepts(value))
                    _errors.Add(new ValidationError(path, $"value {WorkflowValidator.Describe(value)} is not of the parameter's type {parameter.Type}"));
                _parameters[parameter.Name] = value.DeepClone();
            }
            else if (parameter.Default is not null)
            {
                _parameters[parameter.Name] = parameter.Default.DeepClone();
            }
            else
            {
                _errors.Add(new ValidationError(path, $"parameter '{parameter.Name}' has no default and was not given"));
            }
        }
    }

    private void Expand()
    {
        for (var s = 0; s < _definition.Stages.Count; s++)
        {
            var stage = _definition.Stages[s];
            var indexes = new List<int>();
            if (_cells[s] is { } cells)
            {
                foreach (var cell in cells)
                {
                    indexes.Add(_nodes.Count);
                    _nodes.Add(new Node(s, cell.IdFor(stage.Id), cell));
                }
            }
            else
            {
                indexes.Add(_nodes.Count);
                _nodes.Add(new Node(s, stage.Id, null));
            }

            _nodesByStage.Add(indexes);
        }
    }

    private PlannedStage Build(Node node)
    {
        var stage = _definition.Stages[node.Stage];
        ActivityReference.TryParse(stage.Uses, out var reference);
        var activity = _catalog.Find(reference.Name, reference.Version)!;
        var path = JsonPaths.Property(JsonPaths.Index("$.stages", node.Stage), N.With);

        var inputs = new List<PlannedInput>();
        foreach (var input in stage.With)
        {
            var pending = new List<PendingValue>();
            var value = Walk(input.Value, [], JsonPaths.Property(path, input.Name), node, pending);
            inputs.Add(new PlannedInput(input.Name, value, pending, FromDefault: false));
        }

        foreach (var descriptor in activity.Inputs.Where(d => d.Default is not null && stage.FindInput(d.Name) is null))
            inputs.Add(new PlannedInput(descriptor.Name, descriptor.Default!.DeepClone(), [], FromDefault: true));

        foreach (var need in stage.Needs)
            node.DependsOn.UnionWith(_nodesByStage[_definition.IndexOfStage(need)]);

        return new PlannedStage(
            node.Id,
            stage.Id,
            node.Stage,
            node.Cell,
            activity,
            stage.Resources ?? activity.DefaultResources,
            stage.Retry,
            stage.Timeout,
            node.DependsOn.Select(i => _nodes[i].Id).ToList(),
            inputs);
    }

    /// <summary>Copies a value with parameters and matrix values substituted; upstream outputs become pending.</summary>
    private JsonNode? Walk(JsonNode? value, List<ValueStep> location, string path, Node node, List<PendingValue> pending)
    {
        switch (value)
        {
            case JsonArray array:
                var copy = new JsonArray();
                for (var k = 0; k < array.Count; k++)
                    copy.Add(Walk(array[k], [.. location, new ValueStep(null, k)], JsonPaths.Index(path, k), node, pending));
                return copy;
            case JsonObject obj:
                var members = new JsonObject();
                foreach (var (name, member) in obj)
                    members[name] = Walk(member, [.. location, new ValueStep(name, 0)], JsonPaths.Property(path, name), node, pending);
                return members;
            case JsonValue text when text.GetValueKind() == System.Text.Json.JsonValueKind.String && TemplateParser.ContainsExpression(text.GetValue<string>()):
                return Substitute(TemplateParser.Parse(text.GetValue<string>()), location, path, node, pending);
            default:
                return value?.DeepClone();
        }
    }

    private JsonNode? Substitute(Template template, List<ValueStep> location, string path, Node node, List<PendingValue> pending)
    {
        if (template.WholeValue is ParameterReference or MatrixReference)
            return Known(template.WholeValue, node)?.DeepClone();

        var parts = template.Parts.Select(part => part switch
        {
            ReferencePart { Reference: StageOutputReference output } => (PendingPart)Bind(output, path, node),
            ReferencePart reference => new LiteralText(Interpolation.Format(Known(reference.Reference, node))),
            TextPart literal => new LiteralText(literal.Text),
            _ => throw new InvalidOperationException("unknown template part"),
        }).ToList();

        if (parts.All(p => p is LiteralText))
            return JsonValue.Create(string.Concat(parts.Cast<LiteralText>().Select(p => p.Text)));
        pending.Add(new PendingValue(location.ToList(), parts));
        return null;
    }

    private JsonNode? Known(Reference reference, Node node) => reference switch
    {
        ParameterReference p => _parameters[p.Name],
        MatrixReference m => node.Cell![m.Key],
        _ => throw new InvalidOperationException($"{reference} is not known at planning time"),
    };

    private OutputBinding Bind(StageOutputReference reference, string path, Node node)
    {
        var upstream = _definition.IndexOfStage(reference.Stage);
        var upstreamNodes = _nodesByStage[upstream];
        if (_cells[upstream] is not { } cells)
        {
            node.DependsOn.Add(upstreamNodes[0]);
            return new OutputBinding(reference.Stage, reference.Output, [_nodes[upstreamNodes[0]].Id], FanIn: false);
        }

        var upstreamMatrix = _definition.Stages[upstream].Matrix!;
        var matching = MatrixFanIn.Matching(cells, upstreamMatrix, node.Cell);
        var oneToOne = MatrixFanIn.IsOneToOne(upstreamMatrix, _cells[node.Stage]);
        if (oneToOne ? matching.Count != 1 : matching.Count == 0)
        {
            _errors.Add(new ValidationError(path, $"{node.Id} matches {matching.Count} cells of '{reference.Stage}' for {reference}{(oneToOne ? "; expected exactly one" : "")}"));
            return new OutputBinding(reference.Stage, reference.Output, [], !oneToOne);
        }

        var ids = matching.Select(m => upstreamNodes[m]).ToList();
        node.DependsOn.UnionWith(ids);
        return new OutputBinding(reference.Stage, reference.Output, ids.Select(i => _nodes[i].Id).ToList(), FanIn: !oneToOne);
    }

    private List<PlannedStage> TopologicalOrder(List<PlannedStage> stages)
    {
        var waiting = _nodes.Select(n => n.DependsOn.Count).ToArray();
        var dependents = _nodes.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _nodes.Count; i++)
        {
            foreach (var upstream in _nodes[i].DependsOn)
                dependents[upstream].Add(i);
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, _nodes.Count).Where(i => waiting[i] == 0));
        var order = new List<PlannedStage>();
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(stages[next]);
            foreach (var dependent in dependents[next])
            {
                if (--waiting[dependent] == 0)
                    ready.Add(dependent);
            }
        }

        if (order.Count != stages.Count)
            throw new InvalidOperationException("the expanded stages form a cycle although the definition validated");
        return order;
    }

    private void Fail()
    {
        if (_errors.Count > 0)
            throw new WorkflowValidationException(_errors.ToList());
    }

    private sealed record Node(int Stage, string Id, MatrixCell? Cell)
    {
        public SortedSet<int> DependsOn { get; } = [];
    }
}
