using HyenaFlow.Cli.CommandLine;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var app = new CliApplication();
return await app.RunAsync(args, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected || Environment.GetEnvironmentVariable("HYENAFLOW_PROGRESS") == "1", cancellation.Token);
