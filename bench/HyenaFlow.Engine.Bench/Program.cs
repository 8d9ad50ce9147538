using HyenaFlow.Engine.Bench;

// A child process of the memory benchmark measures one configuration alone, so its peak is its own.
if (args is [MemoryProbe.Verb, ..])
    return MemoryProbe.Run(args[1..]);

return await BenchRunner.RunAsync(args);
