using HyenaFlow.Server.Http;
using HyenaFlow.Workflows.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HyenaFlow.Server.Activities;

/// <summary>/api/activities: the activities this server's runtime can execute.</summary>
public static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivityEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities");
        group.MapGet("/", List).WithSummary("Every activity with its inputs (and their JSON schemas) and outputs.");
        group.MapGet("/{name}/{version}", Get).WithSummary("One activity, as a stage names it in 'uses': name@version.");
        return group;
    }

    private static Ok<List<ActivityView>> List(ActivityRegistry activities) =>
        TypedResults.Ok(activities.Catalog.All.Select(ActivityView.From).ToList());

    private static IResult Get(string name, string version, ActivityRegistry activities) =>
        activities.Catalog.Find(name, version) is { } descriptor
            ? TypedResults.Ok(ActivityView.From(descriptor))
            : Problems.NotFound($"no activity {name}@{version}");
}
