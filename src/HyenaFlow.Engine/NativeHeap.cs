using System.Runtime.InteropServices;

namespace HyenaFlow.Engine;

/// <summary>
/// Makes glibc keep freed memory in the process, so that LibTorch's CPU tensors reuse it.
/// </summary>
/// <remarks>
/// LibTorch's CPU allocator has no cache: every tensor is a malloc and every release a free. glibc
/// serves blocks over its mmap threshold (at most 32 MB; one small-32k activation, 32,770 × 256
/// floats, is 33.5 MB) with a fresh mmap and returns them with munmap, so each new activation and
/// gradient is page-faulted and zeroed by the kernel again: with the default settings a third of a
/// small-32k training step went to the kernel's clear_page. Serving every block from the heap
/// (no mmap), never trimming it and using the one arena for all threads (a tensor freed on another
/// thread goes back to the same free lists) lets each step reuse the previous step's pages. The
/// process keeps its peak heap after a step, which training needs again at the next step anyway.
/// </remarks>
public static class NativeHeap
{
    private const int TrimThreshold = -1, MmapMax = -4, ArenaMax = -8;
    private static int applied;

    /// <summary>Applies the settings once per process; a no-op where the C library is not glibc.</summary>
    public static void KeepFreedMemory()
    {
        if (Interlocked.Exchange(ref applied, 1) == 1 || !OperatingSystem.IsLinux()) return;
        try
        {
            mallopt(MmapMax, 0);
            mallopt(TrimThreshold, -1); // −1: never trim (mallopt(3))
            mallopt(ArenaMax, 1);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): its allocator keeps its own policy.
        }
    }

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern int mallopt(int param, int value);
}
