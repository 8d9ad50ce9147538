using System.Text.Json.Nodes;
using HyenaFlow.Server.Hosting;
using HyenaFlow.Server.Http;
using HyenaFlow.Server.Workflows;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HyenaFlow.Server.Runs;

/// <summary>/api/runs: start runs of the folder's workflows, read their state, cancel and rerun them, and follow
/// them live (<see cref="RunEventStream"/>).</summary>
public static class RunEndpoints
{
    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runs").WithTags("Runs");
        group.MapGet("/", List).WithSummary("The latest runs, newest first.");
        group.MapPost("/", Start).WithSummary("Start a run of a workflow of the folder with parameters; 400 with JSON paths when it does not plan.");
        group.MapGet("/{id}", Get).WithSummary("A run with its stages.");
        group.MapGet("/{id}/stages", Stages).WithSummary("The run's stages in plan order.");
        group.MapGet("/{id}/attempts", Attempts).WithSummary("Every attempt of every stage.");
        group.MapGet("/{id}/logs", Logs).WithSummary("Log lines, oldest first; 'stage' filters, 'after' returns lines with a greater id.");
        group.MapGet("/{id}/stages/{stage}/why", Why).WithSummary("Why the stage's cache lookup missed, field by field.");
        group.MapPost("/{id}/cancel", Cancel).WithSummary("Cancel a running run.");
        group.MapPost("/{id}/rerun", Rerun).WithSummary("Rerun the failed stages, or one stage (with its dependents when 'downstream').");
        group.MapGet("/{id}/events", Events).WithSummary("Server-Sent Events: run, stage and log events until the run finishes.").Produces(200, contentType: "text/event-stream");
        return group;
    }

    private static async Task<IResult> List(RunQueries queries, CancellationToken cancellationToken, int limit = 50) =>
        TypedResults.Ok((await queries.ListAsync(Math.Clamp(limit, 1, 1000), cancellationToken)).Select(RunView.From).ToList());

    private static async Task<IResult> Start(StartRunRequest request, WorkflowFolder folder, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (!WorkflowFolder.IsValidName(request.Workflow))
            return Problems.BadRequest(new InvalidWorkflowNameException(request.Workflow ?? "").Message);
        if (folder.Read(request.Workflow) is not { } bytes)
            return Problems.NotFound($"no workflow '{request.Workflow}'");
        var parameters = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Parameters ?? [])
        {
            if (value is null)
                return Problems.Invalid([new DefinitionProblem($"$.parameters.{name}", "null is not a parameter value; leave the parameter out for its default")], "The run's parameters have problems");
            parameters[name] = value.DeepClone();
        }

        try
        {
            var id = await runtime.SubmitAsync(System.Text.Encoding.UTF8.GetString(bytes), parameters, cancellationToken);
            return TypedResults.Created($"/api/runs/{id}", new RunStarted(id));
        }
        catch (WorkflowValidationException ex)
        {
            return Problems.Invalid(Problems.From(ex.Errors));
        }
        catch (WorkflowFormatException ex)
        {
            return Problems.Invalid(Problems.From(ex));
        }
    }

    private static async Task<IResult> Get(string id, WorkflowRuntime runtime, RunQueries queries, CancellationToken cancellationToken)
    {
        if (await Find(runtime, id, cancellationToken) is not { } run)
            return NoRun(id);
        var stages = await queries.StagesAsync(id, cancellationToken);
        return TypedResults.Ok(new RunDetail(RunView.From(run), stages.Select(StageView.From).ToList()));
    }

    private static async Task<IResult> Stages(string id, WorkflowRuntime runtime, RunQueries queries, CancellationToken cancellationToken) =>
        await Find(runtime, id, cancellationToken) is null
            ? NoRun(id)
            : TypedResults.Ok((await queries.StagesAsync(id, cancellationToken)).Select(StageView.From).ToList());

    private static async Task<IResult> Attempts(string id, WorkflowRuntime runtime, RunQueries queries, CancellationToken cancellationToken) =>
        await Find(runtime, id, cancellationToken) is null
            ? NoRun(id)
            : TypedResults.Ok((await queries.AttemptsAsync(id, cancellationToken)).Select(AttemptView.From).ToList());

    private static async Task<IResult> Logs(string id, WorkflowRuntime runtime, CancellationToken cancellationToken, string? stage = null, long after = 0, int limit = 10_000)
    {
        if (await Find(runtime, id, cancellationToken) is null)
            return NoRun(id);
        return TypedResults.Ok(await RunEventStream.LogsAfterAsync(runtime, id, stage, after, Math.Clamp(limit, 1, 100_000), cancellationToken));
    }

    private static async Task<IResult> Why(string id, string stage, WorkflowRuntime runtime, RunQueries queries, CancellationToken cancellationToken)
    {
        if (await Find(runtime, id, cancellationToken) is null)
            return NoRun(id);
        try
        {
            return TypedResults.Ok(await queries.WhyAsync(id, stage, cancellationToken));
        }
        catch (InvalidOperationException ex)
        {
            return Problems.NotFound(ex.Message);
        }
    }

    private static async Task<IResult> Cancel(string id, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await Find(runtime, id, cancellationToken) is null)
            return NoRun(id);
        await runtime.CancelAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{id}", RunView.From((await Find(runtime, id, cancellationToken))!));
    }

    private static async Task<IResult> Rerun(string id, RerunRequest? request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await Find(runtime, id, cancellationToken) is null)
            return NoRun(id);
        try
        {
            var stages = await runtime.RerunAsync(id, request?.Stage, request?.Downstream ?? false, cancellationToken);
            return TypedResults.Accepted($"/api/runs/{id}", new RerunStarted(id, stages));
        }
        catch (InvalidOperationException ex)
        {
            // Still running, nothing failed, or no such stage: the run's state decides, not the request's shape.
            return Problems.Conflict(ex.Message);
        }
    }

    private static async Task Events(string id, HttpContext context, WorkflowRuntime runtime, IOptions<ServerOptions> options)
    {
        if (await Find(runtime, id, context.RequestAborted) is null)
        {
            await NoRun(id).ExecuteAsync(context);
            return;
        }

        await new RunEventStream(runtime, id, options.Value.EventPollInterval).WriteAsync(context.Response, context.RequestAborted);
    }

    internal static async Task<RunRecord?> Find(WorkflowRuntime runtime, string id, CancellationToken cancellationToken)
    {
        await using var db = runtime.Database.Open();
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    internal static IResult NoRun(string id) => Problems.NotFound($"no run '{id}'");
}
