using HyenaFlow.Deployment.Tests.Docker;
using HyenaFlow.Deployment.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HyenaFlow.Deployment.Tests.Compose;

/// <summary>docker-compose.yml's services, checked without a Docker engine: what each runs, what it publishes and
/// mounts, how it is kept alive and in which order it starts.</summary>
public sealed class ComposeServicesTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    [Fact]
    public void The_stack_has_storage_tracking_database_server_and_workers()
    {
        Assert.Contains("postgres", Compose.Services.Keys);
        Assert.Contains("azurite", Compose.Services.Keys);
        Assert.Contains("mlflow", Compose.Services.Keys);
        Compose.SingleService(s => Verb(s) == "serve", "runs `hyenaflow serve`");
        Compose.SingleService(s => Verb(s) == "worker" && Pool(s) == "cpu", "runs `hyenaflow worker --pool cpu`");
        Compose.SingleService(s => Verb(s) == "worker" && Pool(s) == "gpu", "runs `hyenaflow worker --pool gpu`");
    }

    [Fact]
    public void Every_key_of_every_service_is_one_the_checks_understand()
    {
        var services = (YamlMappingNode)Compose.Root.Children[new YamlScalarNode("services")];
        foreach (var (name, node) in services.Children)
        {
            var unknown = ((YamlMappingNode)node).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !ComposeService.Keys.Contains(k)).ToList();
            Assert.True(unknown.Count == 0, $"service {name}: keys {string.Join(", ", unknown)} are not checked by these tests (a typo, or a key to add to ComposeService)");
        }
    }

    [Fact]
    public void Every_service_is_built_from_an_existing_Dockerfile_or_runs_a_pinned_image()
    {
        foreach (var (name, service) in Compose.Services)
        {
            if (service.Build is { } build)
            {
                Assert.True(Directory.Exists(Repository.PathOf(build.Context)), $"service {name}: build context {build.Context} does not exist");
                var dockerfile = ComposeFile.DockerfileOf(build);
                Assert.True(File.Exists(Repository.PathOf(dockerfile)), $"service {name}: Dockerfile {dockerfile} does not exist");
                var declared = Dockerfile.Load(dockerfile) is var file ? file.GlobalArgs.Select(a => a.Words[0].Split('=')[0]).Concat(file.Stages.SelectMany(s => s.Args)).ToHashSet() : [];
                foreach (var arg in build.Args.Keys)
                    Assert.True(declared.Contains(arg), $"service {name}: build arg {arg} is not an ARG of {dockerfile}");
                Assert.False(string.IsNullOrEmpty(service.Image), $"service {name}: name the built image (image:) so that services sharing it build it once");
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(service.Image), $"service {name}: neither image nor build");
            }

            var tag = service.Image!.Split('/')[^1].Split(':');
            Assert.True(tag.Length == 2 && tag[1] is { Length: > 0 } and not "latest", $"service {name}: image {service.Image} must carry a version tag (not latest)");
        }
    }

    [Fact]
    public void Services_sharing_an_image_build_it_the_same_way()
    {
        foreach (var group in Compose.Services.Where(s => s.Value.Build is not null).GroupBy(s => s.Value.Image))
        {
            var builds = group.Select(s => (ComposeFile.DockerfileOf(s.Value.Build!), string.Join(";", s.Value.Build!.Args.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")))).Distinct().ToList();
            Assert.True(builds.Count == 1, $"image {group.Key} is built differently by {string.Join(", ", group.Select(s => s.Key))}");
        }
    }

    [Fact]
    public void Published_ports_are_valid_and_do_not_collide()
    {
        var taken = new Dictionary<int, string>();
        foreach (var (name, service) in Compose.Services)
        {
            foreach (var spec in service.Ports)
            {
                var (host, container) = ParsePort(spec, name);
                Assert.True(taken.TryAdd(host, name), $"service {name}: host port {host} is already published by {taken.GetValueOrDefault(host)}");
                Assert.InRange(container, 1, 65535);
            }
        }

        Assert.NotEmpty(taken);
    }

    [Fact]
    public void The_server_publishes_the_port_it_listens_on_and_checks_its_health_there()
    {
        var (name, server) = Compose.SingleService(s => Verb(s) == "serve", "runs `hyenaflow serve`");
        var urls = Option(server, "--urls") ?? throw new Xunit.Sdk.XunitException($"service {name}: serve without --urls listens on loopback only, unreachable from outside the container");
        var port = new Uri(urls.Split(';')[0]).Port;
        Assert.Contains(server.Ports, p => ParsePort(p, name).Container == port);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Healthcheck!.Test);
    }

    [Fact]
    public void Every_named_volume_is_declared_and_every_declared_volume_is_used()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, service) in Compose.Services)
        {
            foreach (var spec in service.Volumes)
            {
                var parts = spec.Split(':');
                Assert.True(parts.Length is 2 or 3 && parts[1].StartsWith('/'), $"service {name}: volume '{spec}' is not SOURCE:/container/path[:mode]");
                if (parts[0].StartsWith('.') || parts[0].StartsWith('/') || parts[0].StartsWith('~'))
                    continue; // a bind mount of a host path
                Assert.True(Compose.Document.Volumes.ContainsKey(parts[0]), $"service {name}: named volume {parts[0]} is not declared under volumes:");
                used.Add(parts[0]);
            }
        }

        var unused = Compose.Document.Volumes.Keys.Where(v => !used.Contains(v)).ToList();
        Assert.True(unused.Count == 0, $"volumes declared but mounted by no service: {string.Join(", ", unused)}");
    }

    [Fact]
    public void Every_service_restarts_by_itself_and_has_a_health_check()
    {
        foreach (var (name, service) in Compose.Services)
        {
            Assert.True(service.Restart is "always" or "unless-stopped" or "on-failure", $"service {name}: restart is '{service.Restart}', expected always, unless-stopped or on-failure");
            Assert.True(service.Healthcheck is { Disable: false, Test.Count: > 1 }, $"service {name}: no health check");
            Assert.True(service.Healthcheck!.Test[0] is "CMD" or "CMD-SHELL", $"service {name}: health check test must start with CMD or CMD-SHELL");
            Assert.True(service.Healthcheck.Interval is not null && service.Healthcheck.Timeout is not null && service.Healthcheck.Retries > 0, $"service {name}: health check needs interval, timeout and retries");
        }
    }

    [Fact]
    public void Health_check_scripts_of_the_HyenaFlow_image_are_in_the_image()
    {
        var runtime = Dockerfile.Load(ComposeFile.HyenaFlowDockerfile).Final;
        var copied = runtime.All("COPY").Where(c => c.Flag("from") is null).Select(c => c.CopyOperands()).ToList();
        foreach (var (name, service) in Compose.HyenaFlowServices)
        {
            var script = service.Healthcheck!.Test[1];
            Assert.Contains(copied, c => c.Destination == script && c.Sources.Count == 1 && File.Exists(Repository.PathOf(c.Sources[0])));
            var mode = service.Healthcheck.Test.ElementAtOrDefault(2);
            Assert.True(mode == Verb(service), $"service {name}: health check mode '{mode}' does not match its verb '{Verb(service)}'");
        }
    }

    [Fact]
    public void Dependencies_exist_and_wait_for_health()
    {
        foreach (var (name, service) in Compose.Services)
        {
            foreach (var (target, dependency) in service.DependsOn)
            {
                Assert.True(Compose.Services.TryGetValue(target, out var other), $"service {name} depends on {target}, which is not a service");
                Assert.True(dependency.Condition is "service_healthy", $"service {name}: depends_on {target} should wait for service_healthy, not '{dependency.Condition}'");
                Assert.True(other!.Healthcheck is not null, $"service {name} waits for {target} to be healthy, but {target} has no health check");
                Assert.True(other.Profiles.Count == 0 || other.Profiles.Intersect(service.Profiles).Any(),
                    $"service {name} depends on {target}, which only starts with profile {string.Join("/", other.Profiles)}");
            }
        }

        foreach (var (name, service) in Compose.HyenaFlowServices)
        {
            foreach (var infrastructure in new[] { "postgres", "azurite", "mlflow" })
                Assert.True(service.DependsOn.ContainsKey(infrastructure), $"service {name} starts before {infrastructure} is healthy");
        }
    }

    [Fact]
    public void Cpu_workers_run_the_cpu_pool_on_the_cpu_image_with_replicas()
    {
        var (name, worker) = Compose.SingleService(s => Verb(s) == "worker" && Pool(s) == "cpu", "runs `hyenaflow worker --pool cpu`");
        Assert.Equal("cpu", worker.Build!.Args.GetValueOrDefault("TORCH_BACKEND"));
        Assert.True(worker.Deploy?.Replicas >= 1, $"service {name}: set deploy.replicas (scale further with --scale {name}=N)");
        Assert.Empty(worker.Ports); // replicas could not share a host port
        Assert.Empty(worker.Profiles);
    }

    [Fact]
    public void The_gpu_worker_reserves_an_nvidia_device_and_runs_the_gpu_pool_on_the_cuda_image()
    {
        var (name, worker) = Compose.SingleService(s => Verb(s) == "worker" && Pool(s) == "gpu", "runs `hyenaflow worker --pool gpu`");
        Assert.Equal("cuda", worker.Build!.Args.GetValueOrDefault("TORCH_BACKEND"));
        var devices = worker.Deploy?.Resources?.Reservations?.Devices ?? [];
        Assert.True(devices.Any(d => d.Driver == "nvidia" && d.Capabilities.Contains("gpu") && (d.Count is not null || d.DeviceIds.Count > 0)),
            $"service {name}: reserve a GPU under deploy.resources.reservations.devices (driver: nvidia, capabilities: [gpu], count or device_ids)");
        var cpuImage = Compose.SingleService(s => Verb(s) == "serve", "runs `hyenaflow serve`").Value.Image;
        Assert.NotEqual(cpuImage, worker.Image);
    }

    [Fact]
    public void HyenaFlow_services_run_verbs_and_options_the_command_line_has()
    {
        var commands = Directory.EnumerateFiles(Repository.PathOf("src/HyenaFlow.Cli/Commands"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        foreach (var (name, service) in Compose.HyenaFlowServices)
        {
            var verb = Verb(service);
            var source = commands.SingleOrDefault(c => c.Contains($"Name => \"{verb}\"", StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException($"service {name}: no CLI command named '{verb}' under src/HyenaFlow.Cli/Commands");
            foreach (var option in service.Command.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                Assert.True(source.Contains($"new(\"{option[2..]}\"", StringComparison.Ordinal), $"service {name}: `{verb}` has no option {option}");
        }
    }

    internal static string? Verb(ComposeService service) => service.Command.FirstOrDefault();

    internal static string? Option(ComposeService service, string option)
    {
        var index = service.Command.IndexOf(option);
        return index >= 0 && index + 1 < service.Command.Count ? service.Command[index + 1] : null;
    }

    private static string? Pool(ComposeService service) => Option(service, "--pool");

    /// <summary>[ADDRESS:]HOST:CONTAINER[/PROTOCOL] → host and container port.</summary>
    private static (int Host, int Container) ParsePort(string spec, string service)
    {
        var parts = spec.Split('/')[0].Split(':');
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[^2], out var host) || !int.TryParse(parts[^1], out var container))
            throw new Xunit.Sdk.XunitException($"service {service}: port '{spec}' is not [ADDRESS:]HOST:CONTAINER with numbers (publish a fixed host port)");
        Assert.InRange(host, 1, 65535);
        return (host, container);
    }
}
