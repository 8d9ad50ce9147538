using YamlDotNet.Serialization;

namespace HyenaFlow.Deployment.Tests.Compose;

// The parts of the Compose Specification that docker-compose.yml uses, as YamlDotNet reads them. Keys outside these
// classes are reported by ComposeFile.UnknownServiceKeys rather than silently ignored.

internal sealed class ComposeDocument
{
    public Dictionary<string, ComposeService> Services { get; set; } = [];

    public Dictionary<string, object?> Volumes { get; set; } = [];
}

internal sealed class ComposeService
{
    public string? Image { get; set; }

    public ComposeBuild? Build { get; set; }

    public string? Restart { get; set; }

    public List<string> Profiles { get; set; } = [];

    public List<string> Command { get; set; } = [];

    public Dictionary<string, string?> Environment { get; set; } = [];

    public List<string> Volumes { get; set; } = [];

    public List<string> Ports { get; set; } = [];

    [YamlMember(Alias = "depends_on")]
    public Dictionary<string, ComposeDependency> DependsOn { get; set; } = [];

    public ComposeHealthcheck? Healthcheck { get; set; }

    public ComposeDeploy? Deploy { get; set; }

    /// <summary>The key names above, as they appear in YAML.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "image", "build", "restart", "profiles", "command", "environment", "volumes", "ports", "depends_on", "healthcheck", "deploy",
    };
}

internal sealed class ComposeBuild
{
    public string Context { get; set; } = ".";

    public string Dockerfile { get; set; } = "Dockerfile";

    public Dictionary<string, string> Args { get; set; } = [];
}

internal sealed class ComposeDependency
{
    public string? Condition { get; set; }
}

internal sealed class ComposeHealthcheck
{
    public List<string> Test { get; set; } = [];

    public string? Interval { get; set; }

    public string? Timeout { get; set; }

    public int? Retries { get; set; }

    [YamlMember(Alias = "start_period")]
    public string? StartPeriod { get; set; }

    public bool Disable { get; set; }
}

internal sealed class ComposeDeploy
{
    public int? Replicas { get; set; }

    public ComposeResources? Resources { get; set; }
}

internal sealed class ComposeResources
{
    public ComposeReservations? Reservations { get; set; }
}

internal sealed class ComposeReservations
{
    public List<ComposeDevice> Devices { get; set; } = [];
}

internal sealed class ComposeDevice
{
    public string? Driver { get; set; }

    public string? Count { get; set; }

    [YamlMember(Alias = "device_ids")]
    public List<string> DeviceIds { get; set; } = [];

    public List<string> Capabilities { get; set; } = [];
}
