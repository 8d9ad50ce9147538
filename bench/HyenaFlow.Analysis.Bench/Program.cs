using HyenaFlow.Analysis.Bench;

return await BenchRunner.RunAsync(args);
