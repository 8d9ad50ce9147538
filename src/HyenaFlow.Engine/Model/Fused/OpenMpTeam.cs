using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace HyenaFlow.Engine.Model.Fused;

/// <summary>
/// Runs C# work items on LibTorch's own OpenMP thread team (the libgomp that LibTorch loaded), falling
/// back to the .NET thread pool where that library is not found.
/// </summary>
/// <remarks>
/// LibTorch's OpenMP workers spin for a while after each parallel region before they sleep. Work
/// handed to .NET's pool in that window competes with them for the same cores: on the 2-core machines
/// this project runs on, a kernel given two pool threads often got one core. On LibTorch's own team the
/// kernels run where LibTorch's ops run, one thread per core, and the spinning workers pick them up.
/// Items are dealt out in a fixed round-robin, so each item runs once on exactly one thread.
/// </remarks>
internal static unsafe class OpenMpTeam
{
    private static readonly Lazy<Entry?> Library = new(Find);

    private sealed record Entry(nint Parallel, nint ThreadNumber, nint ThreadCount);

    private sealed class Work(int items, Action<int> body)
    {
        public readonly int Items = items;
        public readonly Action<int> Body = body;
        public Exception? Failure;
    }

    /// <summary>Whether the work runs on LibTorch's OpenMP team (false: the .NET thread pool).</summary>
    public static bool UsesLibTorchTeam => Library.Value is not null;

    /// <summary>Calls <paramref name="body"/> once for each item in 0 … <paramref name="items"/> − 1, on up to <paramref name="threads"/> threads.</summary>
    public static void For(int items, int threads, Action<int> body)
    {
        if (threads <= 1 || items <= 1)
        {
            for (var item = 0; item < items; item++) body(item);
            return;
        }
        if (Library.Value is not { } library)
        {
            Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
            return;
        }

        var work = new Work(items, body);
        var handle = GCHandle.Alloc(work);
        try
        {
            var parallel = (delegate* unmanaged<delegate* unmanaged<nint, void>, nint, uint, uint, void>)library.Parallel;
            parallel(&Worker, GCHandle.ToIntPtr(handle), (uint)Math.Min(threads, items), 0);
        }
        finally
        {
            handle.Free();
        }
        if (work.Failure is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    [UnmanagedCallersOnly]
    private static void Worker(nint state)
    {
        var work = (Work)GCHandle.FromIntPtr(state).Target!;
        var library = Library.Value!;
        var thread = ((delegate* unmanaged<int>)library.ThreadNumber)();
        var count = ((delegate* unmanaged<int>)library.ThreadCount)();
        try
        {
            for (var item = thread; item < work.Items; item += count) work.Body(item);
        }
        catch (Exception e)
        {
            // An exception must not unwind through libgomp's frames; the caller rethrows it.
            Interlocked.CompareExchange(ref work.Failure, e, null);
        }
    }

    /// <summary>The libgomp mapped into this process (by LibTorch), from /proc/self/maps.</summary>
    private static Entry? Find()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var path = File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : null)
                .FirstOrDefault(file => file is not null && Path.GetFileName(file).StartsWith("libgomp", StringComparison.Ordinal));
            if (path is null || !NativeLibrary.TryLoad(path, out var library)) return null;
            return NativeLibrary.TryGetExport(library, "GOMP_parallel", out var parallel)
                && NativeLibrary.TryGetExport(library, "omp_get_thread_num", out var number)
                && NativeLibrary.TryGetExport(library, "omp_get_num_threads", out var count)
                ? new Entry(parallel, number, count)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
