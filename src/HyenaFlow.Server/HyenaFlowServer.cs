using HyenaFlow.Server.Activities;
using HyenaFlow.Server.Hosting;
using HyenaFlow.Server.Runs;
using HyenaFlow.Server.Schedules;
using HyenaFlow.Server.Security;
using HyenaFlow.Server.Workflows;
using Scalar.AspNetCore;

namespace HyenaFlow.Server;

/// <summary>
/// The HyenaFlow server: the REST API over the workflow folder and the runtime, an OpenAPI document at
/// <c>/openapi/v1.json</c> and its reference page at <c>/api-reference</c>. Options come from the
/// <c>HyenaFlow</c> configuration section (<see cref="ServerOptions"/>; environment <c>HyenaFlow__Workflows</c>…).
/// </summary>
public static class HyenaFlowServer
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="args">Command-line configuration (e.g. <c>--urls</c>, <c>--HyenaFlow:ApiOnly=true</c>).</param>
    /// <param name="configure">Registrations of the caller, applied last: `hyenaflow serve` adds the built-in
    /// activities (an <see cref="Workflows.Activities.ActivityRegistry"/>) and its MLflow tracker here.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrls);
        // One line per request is noise in a terminal; Logging:LogLevel in configuration still overrides this.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddServerOptions(builder.Configuration);
        builder.Services.AddApiKeySecurity();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        builder.Services.AddArtifactStore();
        builder.Services.AddHyenaFlowRuntime();
        builder.Services.AddWorkflowFolder();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        // The Studio's files hold no data and must load without a key: it is the page that asks for the key.
        // Everything under /api (and the OpenAPI document) stays behind it.
        app.UseStudio();
        app.UseApiKeySecurity();
        app.UseRequestLimits();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference");

        var api = app.MapGroup("/api");
        api.MapActivityEndpoints();
        api.MapWorkflowEndpoints();
        api.MapRunEndpoints();
        api.MapStageReportEndpoints();
        api.MapScheduleEndpoints();
        return app;
    }
}
