using Microsoft.AspNetCore.Http.HttpResults;
using HyenaFlow.Server.Hosting;
using HyenaFlow.Server.Http;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using Microsoft.Extensions.Options;

namespace HyenaFlow.Server.Workflows;

/// <summary>/api/workflows: the definitions of the workflow folder. Bodies are definitions as JSON text, stored
/// byte for byte once they validate; GET returns the stored bytes.</summary>
public static class WorkflowEndpoints
{
    private const string Json = "application/json";

    public static IServiceCollection AddWorkflowFolder(this IServiceCollection services) =>
        services.AddSingleton(sp => new WorkflowFolder(sp.GetRequiredService<IOptions<ServerOptions>>().Value.Workflows));

    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/", List).WithSummary("List the workflow definitions of the folder.");
        group.MapGet("/{name}", Get).WithSummary("The definition, byte for byte as stored.").Produces(200, contentType: Json);
        group.MapPost("/", Create).WithSummary("Create a definition (its id names the file); 400 with JSON paths when invalid.").Accepts<object>(Json);
        group.MapPut("/{name}", Update).WithSummary("Replace a definition; the previous content is kept as a version.").Accepts<object>(Json);
        group.MapDelete("/{name}", Delete).WithSummary("Delete a definition; its last content is kept as a version.");
        group.MapPost("/validate", Validate).WithSummary("Validate a definition without saving it.").Accepts<object>(Json);
        group.MapGet("/{name}/versions", Versions).WithSummary("The kept previous contents, oldest first.");
        group.MapGet("/{name}/versions/{number:int}", GetVersion).WithSummary("One kept previous content, byte for byte.").Produces(200, contentType: Json);
        return group;
    }

    private static Ok<List<WorkflowSummary>> List(WorkflowFolder folder) =>
        TypedResults.Ok(folder.Names().Select(name => Summarize(folder, name)).ToList());

    private static IResult Get(string name, WorkflowFolder folder)
    {
        if (!WorkflowFolder.IsValidName(name))
            return Problems.BadRequest(new InvalidWorkflowNameException(name).Message);
        return folder.Read(name) is { } bytes ? TypedResults.Bytes(bytes, Json) : Problems.NotFound($"no workflow '{name}'");
    }

    private static async Task<IResult> Create(HttpRequest request, WorkflowFolder folder, ActivityRegistry activities, CancellationToken cancellationToken)
    {
        var (body, result) = await CheckedBody(request, activities.Catalog, cancellationToken);
        if (result is not null)
            return result;
        var name = body!.Definition.Id;
        if (!WorkflowFolder.IsValidName(name))
            return Problems.Invalid([new DefinitionProblem("$.id", new InvalidWorkflowNameException(name).Message)]);
        if (folder.Exists(name))
            return Problems.Conflict($"a workflow '{name}' exists; update it with PUT /api/workflows/{name}");
        folder.Save(name, body.Bytes);
        return TypedResults.Created($"/api/workflows/{name}", Summarize(folder, name));
    }

    private static async Task<IResult> Update(string name, HttpRequest request, WorkflowFolder folder, ActivityRegistry activities, CancellationToken cancellationToken)
    {
        if (!WorkflowFolder.IsValidName(name))
            return Problems.BadRequest(new InvalidWorkflowNameException(name).Message);
        var (body, result) = await CheckedBody(request, activities.Catalog, cancellationToken);
        if (result is not null)
            return result;
        if (body!.Definition.Id != name)
            return Problems.Invalid([new DefinitionProblem("$.id", $"the id '{body.Definition.Id}' differs from the workflow's name '{name}'")]);
        folder.Save(name, body.Bytes);
        return TypedResults.Ok(Summarize(folder, name));
    }

    private static IResult Delete(string name, WorkflowFolder folder)
    {
        if (!WorkflowFolder.IsValidName(name))
            return Problems.BadRequest(new InvalidWorkflowNameException(name).Message);
        return folder.Delete(name) ? TypedResults.NoContent() : Problems.NotFound($"no workflow '{name}'");
    }

    private static async Task<IResult> Validate(HttpRequest request, ActivityRegistry activities, CancellationToken cancellationToken)
    {
        var (_, result) = await CheckedBody(request, activities.Catalog, cancellationToken);
        return result ?? TypedResults.Ok(new ValidationReport(true, []));
    }

    private static IResult Versions(string name, WorkflowFolder folder)
    {
        if (!WorkflowFolder.IsValidName(name))
            return Problems.BadRequest(new InvalidWorkflowNameException(name).Message);
        var versions = folder.Versions(name);
        if (versions.Count == 0 && !folder.Exists(name))
            return Problems.NotFound($"no workflow '{name}'");
        var root = Path.Combine(folder.Root, ".versions", name);
        return TypedResults.Ok(versions.Select(n => new WorkflowVersion(n, File.GetLastWriteTimeUtc(Path.Combine(root, $"{n}.json")))).ToList());
    }

    private static IResult GetVersion(string name, int number, WorkflowFolder folder)
    {
        if (!WorkflowFolder.IsValidName(name))
            return Problems.BadRequest(new InvalidWorkflowNameException(name).Message);
        return folder.ReadVersion(name, number) is { } bytes ? TypedResults.Bytes(bytes, Json) : Problems.NotFound($"workflow '{name}' has no version {number}");
    }

    private sealed record Body(byte[] Bytes, WorkflowDefinition Definition);

    /// <summary>The body and its definition, or the response that refuses it (too large, not JSON, invalid).</summary>
    private static async Task<(Body? Body, IResult? Refusal)> CheckedBody(HttpRequest request, IActivityCatalog catalog, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await RequestBody.ReadBytesAsync(request, cancellationToken);
        }
        catch (RequestBody.TooLargeException)
        {
            return (null, Problems.TooLarge());
        }

        var (definition, problems) = DefinitionCheck.Run(RequestBody.Text(bytes), catalog);
        if (problems.Count > 0)
            return (null, Problems.Invalid(problems));
        return (new Body(bytes, definition!), null);
    }

    private static WorkflowSummary Summarize(WorkflowFolder folder, string name)
    {
        var versions = folder.Versions(name).Count;
        try
        {
            var definition = WorkflowDefinitionReader.ReadFile(folder.PathOf(name));
            return new WorkflowSummary(name, definition.Id, definition.Version, definition.Description, definition.Stages.Count, versions, null);
        }
        catch (Exception ex) when (ex is WorkflowFormatException or IOException)
        {
            return new WorkflowSummary(name, "", 0, null, 0, versions, ex.Message);
        }
    }
}
