using System.Text.Json;
using System.Xml.Linq;
using HyenaFlow.Deployment.Tests.Compose;
using HyenaFlow.Deployment.Tests.Support;
using HyenaFlow.Server.Hosting;

namespace HyenaFlow.Deployment.Tests.Docker;

/// <summary>infra/docker/*.Dockerfile against the repository: what they copy exists and reaches the build context,
/// the stages fit together, and the Torch backend switch reaches the engine's project.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile HyenaFlow = Dockerfile.Load(ComposeFile.HyenaFlowDockerfile);

    public static TheoryData<string> Dockerfiles() =>
        new(Directory.EnumerateFiles(Repository.PathOf("infra/docker"), "*.Dockerfile").Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/')).Order());

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_path_copied_from_the_context_exists_and_is_not_ignored(string path)
    {
        var ignore = DockerIgnore.Load();
        var dockerfile = Dockerfile.Load(path);
        foreach (var stage in dockerfile.Stages)
        {
            foreach (var copy in stage.All("COPY").Concat(stage.All("ADD")).Where(c => c.Flag("from") is null))
            {
                foreach (var source in copy.CopyOperands().Sources)
                {
                    Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"{path} line {copy.Line}: {source} does not exist in the repository");
                    Assert.False(ignore.Excludes(source), $"{path} line {copy.Line}: {source} is excluded by {DockerIgnore.FileName}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Copies_between_stages_name_earlier_stages(string path)
    {
        var dockerfile = Dockerfile.Load(path);
        for (var i = 0; i < dockerfile.Stages.Count; i++)
        {
            foreach (var copy in dockerfile.Stages[i].All("COPY").Where(c => c.Flag("from") is not null))
            {
                var from = copy.Flag("from");
                Assert.True(dockerfile.Stages.Take(i).Any(s => s.Name == from), $"{path} line {copy.Line}: --from={from} is not an earlier stage");
            }
        }
    }

    [Fact]
    public void The_build_stage_publishes_the_command_line_with_the_chosen_torch_backend()
    {
        var build = HyenaFlow.Stage("build");
        Assert.Contains("TORCH_BACKEND", build.Args);
        Assert.Contains("TORCH_BACKEND", HyenaFlow.Final.Args);
        var publish = build.All("RUN").Single(r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        var project = publish.Words.SkipWhile(w => w != "publish").Skip(1).First();
        Assert.True(File.Exists(Repository.PathOf(project)), $"{HyenaFlow.Path} line {publish.Line}: {project} does not exist");
        Assert.Equal("src/HyenaFlow.Cli/HyenaFlow.Cli.csproj", project);
        Assert.Contains("-p:HyenaFlowTorchBackend=${TORCH_BACKEND}", publish.Words);

        // The switch the build passes is the one the engine's project understands, for both values compose uses.
        var engine = Repository.ReadText("src/HyenaFlow.Engine/HyenaFlow.Engine.csproj");
        Assert.Contains("'$(HyenaFlowTorchBackend)' == 'cpu'", engine);
        Assert.Contains("'$(HyenaFlowTorchBackend)' == 'cuda'", engine);
        var versions = Repository.ReadText("Directory.Packages.props");
        Assert.Contains("\"libtorch-cpu-linux-x64\"", versions);
        Assert.Contains("\"libtorch-cuda-12.8-linux-x64\"", versions);
    }

    [Fact]
    public void The_publish_stage_copies_everything_the_command_line_builds_from()
    {
        var build = HyenaFlow.Stage("build");
        var copied = build.All("COPY").SelectMany(c => c.CopyOperands().Sources).ToList();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            Assert.Contains(file, copied);

        // Every project the CLI references, transitively, lies under a copied folder.
        var pending = new Queue<string>(["src/HyenaFlow.Cli/HyenaFlow.Cli.csproj"]);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var project))
        {
            if (!seen.Add(project))
                continue;
            Assert.True(copied.Any(c => project.StartsWith(c.TrimEnd('/') + "/", StringComparison.Ordinal)), $"{HyenaFlow.Path}: the build stage does not copy {project}");
            var folder = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(Repository.PathOf(project)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repository.PathOf(folder), reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Enqueue(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        Assert.Contains("src/HyenaFlow.Engine/HyenaFlow.Engine.csproj", seen);
    }

    [Fact]
    public void The_studio_stage_builds_the_studio_and_the_runtime_serves_it()
    {
        var studio = HyenaFlow.Stage("studio");
        var packageJson = studio.All("COPY").SelectMany(c => c.CopyOperands().Sources).Single(s => s.EndsWith("package.json", StringComparison.Ordinal));
        using var package = JsonDocument.Parse(Repository.ReadText(packageJson));
        Assert.True(package.RootElement.GetProperty("scripts").TryGetProperty("build", out _), $"{packageJson} has no build script");
        Assert.True(File.Exists(Repository.PathOf(packageJson.Replace("package.json", "package-lock.json", StringComparison.Ordinal))), "npm ci needs the lock file");
        Assert.Contains(studio.All("RUN"), r => r.Arguments == "npm run build");

        // vite writes dist/ (outDir in vite.config.ts); the runtime copies it where HyenaFlow__Studio points.
        Assert.Contains("outDir: 'dist'", Repository.ReadText("src/HyenaFlow.Studio/vite.config.ts"));
        var copy = HyenaFlow.Final.All("COPY").Single(c => c.Flag("from") == "studio");
        var (sources, destination) = copy.CopyOperands();
        Assert.Equal(studio.All("WORKDIR").Last().Arguments + "/dist", sources.Single());
        var setting = $"{ServerOptions.Section}__{nameof(ServerOptions.Studio)}";
        Assert.Equal(destination, HyenaFlow.Final.Environment.GetValueOrDefault(setting));
        Assert.True(CodeSettings.IsServerOption(setting));
    }

    [Fact]
    public void The_entry_point_runs_the_published_command_line()
    {
        var assembly = XDocument.Load(Repository.PathOf("src/HyenaFlow.Cli/HyenaFlow.Cli.csproj")).Descendants("AssemblyName").Single().Value;
        var publish = HyenaFlow.Stage("build").All("RUN").Single(r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Words.ToList();
        var output = publish[publish.IndexOf("--output") + 1];
        var copy = HyenaFlow.Final.All("COPY").Single(c => c.Flag("from") == "build");
        Assert.Equal(output, copy.CopyOperands().Sources.Single());
        var entry = HyenaFlow.Final.All("ENTRYPOINT").Single().ExecForm();
        Assert.Equal(["dotnet", $"{copy.CopyOperands().Destination}/{assembly}.dll"], entry);
        Assert.Contains(HyenaFlow.Final.All("USER"), u => u.Arguments != "root" && u.Arguments != "0");
    }

    [Fact]
    public void The_image_sets_only_settings_the_code_reads()
    {
        foreach (var name in HyenaFlow.Final.Environment.Keys)
            Assert.True(CodeSettings.Reads(name), $"{HyenaFlow.Path}: ENV {name} is read nowhere under src/");
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_dependencies_and_local_state()
    {
        var ignore = DockerIgnore.Load();
        foreach (var path in new[] { ".env", ".git", "src/HyenaFlow.Cli/bin/Release", "src/HyenaFlow.Cli/obj", "src/HyenaFlow.Studio/node_modules", "src/HyenaFlow.Studio/dist", ".hyenaflow/hyenaflow.db", "mlruns/0", "infra/azurite/node_modules" })
            Assert.True(ignore.Excludes(path), $"{DockerIgnore.FileName} lets {path} into the build context");
        foreach (var path in new[] { "src/HyenaFlow.Cli/HyenaFlow.Cli.csproj", "src/HyenaFlow.Studio/src/App.tsx", "workflows/demo.json", ".env.example" })
            Assert.False(ignore.Excludes(path), $"{DockerIgnore.FileName} leaves {path} out of the build context");
    }
}
