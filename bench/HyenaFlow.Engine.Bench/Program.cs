using HyenaFlow.Engine.Bench;

// Child processes measure one configuration alone, so its peak memory and kept heap are its own.
if (args is [MemoryProbe.Verb, ..])
    return MemoryProbe.Run(args[1..]);
if (args is [ThroughputProbe.Verb, ..])
    return ThroughputProbe.Run(args[1..]);

return await BenchRunner.RunAsync(args);
