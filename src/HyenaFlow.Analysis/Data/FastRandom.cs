namespace HyenaFlow.Analysis.Data;

/// <summary>
/// SplitMix64: a tiny, fast, seedable generator. A value type so each thread or tree can own one, and
/// our own code so results for a seed never depend on the runtime's Random implementation.
/// </summary>
internal struct FastRandom
{
    private ulong _state;

    public FastRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one sub-task (a tree, an epoch block…) that does not overlap its siblings' streams.</summary>
    public static FastRandom For(int seed, long stream, long part = 0)
    {
        var mixer = new FastRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xBF58476D1CE4E5B9UL ^ (ulong)part * 0x94D049BB133111EBUL));
        return new FastRandom(mixer.NextULong());
    }

    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, count).</summary>
    public int NextInt(int count) => (int)(((NextULong() >> 32) * (ulong)count) >> 32);

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextULong() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1) with double precision.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
