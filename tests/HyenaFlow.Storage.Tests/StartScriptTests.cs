using System.Diagnostics;
using HyenaFlow.Storage.Blobs;
using HyenaFlow.Storage.Tests.Support;

namespace HyenaFlow.Storage.Tests;

/// <summary>infra/azurite/start.sh, the command the README gives, starts a usable Azurite and prints its pid.</summary>
public sealed class StartScriptTests : IDisposable
{
    private readonly TempDirectory data = new("start-script");

    [Fact]
    public async Task The_start_script_prints_the_pid_of_a_listening_Azurite()
    {
        _ = Azurite.EntryPoint;
        var port = Azurite.FreePort();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Azurite.InstallFolder, "start.sh"));
        start.ArgumentList.Add(port.ToString());
        start.ArgumentList.Add(data.Path);
        using var script = Process.Start(start)!;
        var output = await script.StandardOutput.ReadToEndAsync();
        var errors = await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, $"start.sh failed: {errors}");
        using var azurite = Process.GetProcessById(int.Parse(output.Trim()));
        try
        {
            var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
            var store = new BlobArtifactStore(connection, "script");
            var artifact = await store.PutAsync(TestFiles.Write(Path.Combine(data.Path, "in.txt"), "hi\n"u8.ToArray()));
            Assert.True(await store.ContainsAsync(artifact));
            Assert.True(File.Exists(Path.Combine(data.Path, "azurite.log")));
        }
        finally
        {
            azurite.Kill();
        }
    }

    public void Dispose() => data.Dispose();
}
