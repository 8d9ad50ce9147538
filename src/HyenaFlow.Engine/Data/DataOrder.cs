namespace HyenaFlow.Engine.Data;

/// <summary>
/// The seeded random number generator that orders training data (SplitMix64). Its whole state is
/// one number, so a checkpoint can store it and a resumed run draws exactly the same orders.
/// </summary>
public sealed class DataOrder
{
    public DataOrder(ulong state) => State = state;

    /// <summary>A generator for a run seed; distinct seeds give unrelated streams.</summary>
    public static DataOrder FromSeed(long seed) => new(Mix((ulong)seed ^ 0x6A09E667F3BCC909UL));

    /// <summary>The state to store; <c>new DataOrder(State)</c> continues the same stream.</summary>
    public ulong State { get; private set; }

    public ulong NextUInt64()
    {
        State += 0x9E3779B97F4A7C15UL;
        return Mix(State);
    }

    /// <summary>Uniform in 0 … <paramref name="bound"/>−1 (rejection sampling, no modulo bias).</summary>
    public long NextBelow(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong value;
        do value = NextUInt64(); while (value >= limit);
        return (long)(value % (ulong)bound);
    }

    /// <summary>A uniformly random order of 0 … <paramref name="count"/>−1 (Fisher–Yates).</summary>
    public long[] Permutation(long count)
    {
        var order = new long[count];
        for (long i = 0; i < count; i++) order[i] = i;
        for (var i = count - 1; i > 0; i--)
        {
            var j = NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>A seed for step-wise work derived from a run seed and a counter (stateless, so resumes reproduce it).</summary>
    public static long DeriveSeed(long seed, long counter) =>
        (long)(Mix(Mix((ulong)seed) ^ (ulong)counter) & 0x7FFF_FFFF_FFFF_FFFFUL);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
