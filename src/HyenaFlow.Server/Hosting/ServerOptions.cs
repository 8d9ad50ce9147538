namespace HyenaFlow.Server.Hosting;

/// <summary>The <c>HyenaFlow</c> configuration section. Paths left empty fall back to the variables the CLI reads
/// (<c>HYENAFLOW_DB</c>, <c>HYENAFLOW_ARTIFACTS</c>), so `hyenaflow serve` and `hyenaflow run` share one state.</summary>
public sealed class ServerOptions
{
    public const string Section = "HyenaFlow";

    /// <summary>The folder of workflow definitions the API reads and writes (and nothing outside it).</summary>
    public string Workflows { get; set; } = "workflows";

    public string? Database { get; set; }

    public string? Artifacts { get; set; }

    /// <summary>Serve the API without executing stages (another process, e.g. `hyenaflow runs resume`, runs them).</summary>
    public bool ApiOnly { get; set; }

    /// <summary>The key itself; normally left out here and read from the variable <see cref="ApiKeyVariable"/>.</summary>
    public string? ApiKey { get; set; }

    public string ApiKeyVariable { get; set; } = "HYENAFLOW_API_KEY";

    /// <summary>Extra activity assemblies (path-separated), as in <c>HYENAFLOW_ACTIVITY_ASSEMBLIES</c>.</summary>
    public string? ActivityAssemblies { get; set; }

    /// <summary>The built Studio (<c>npm run build</c> output) served at <c>/</c>; nothing is served when the folder is absent.</summary>
    public string Studio { get; set; } = Path.Combine("src", "HyenaFlow.Studio", "dist");

    /// <summary>How often the live event stream looks at the runtime's tables.</summary>
    public TimeSpan EventPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public string ResolvedDatabase => Database is { Length: > 0 } d ? d
        : Environment.GetEnvironmentVariable("HYENAFLOW_DB") is { Length: > 0 } e ? e
        : Path.Combine(".hyenaflow", "hyenaflow.db");

    public string ResolvedArtifacts => Artifacts is { Length: > 0 } a ? a
        : Environment.GetEnvironmentVariable("HYENAFLOW_ARTIFACTS") is { Length: > 0 } e ? e
        : Path.Combine(".hyenaflow", "artifacts");

    public string? ResolvedApiKey => ApiKey is { Length: > 0 } k ? k
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } e ? e
        : null;

    public string? ResolvedActivityAssemblies => ActivityAssemblies is { Length: > 0 } a ? a
        : Environment.GetEnvironmentVariable("HYENAFLOW_ACTIVITY_ASSEMBLIES");
}
