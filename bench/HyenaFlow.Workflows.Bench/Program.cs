using HyenaFlow.Bench;

return await BenchRunner.RunAsync(args);
