using System.Text.Json.Nodes;

namespace HyenaFlow.Server.Tests.Support;

internal static class RunWaiting
{
    /// <summary>Polls the run until it is no longer running (or 45 s passed) and returns its view.</summary>
    public static async Task<JsonNode> WaitForRunAsync(this HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var run = (await Json.ReadAsync(await client.GetAsync($"/api/runs/{id}")))["run"]!;
            if (run["status"]!.GetValue<string>() != "running" || DateTime.UtcNow > deadline)
                return run;
            await Task.Delay(100);
        }
    }
}
