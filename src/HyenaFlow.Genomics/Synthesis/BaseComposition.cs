namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Draws upper-case A/C/G/T from a first-order chain with a target GC fraction and a CpG depletion factor:
/// after a C, G is drawn <c>cpgFactor</c> times as often as base composition alone would give (≈ 0.2–0.25 in
/// the human genome, the trace of methylated-C deamination).
/// </summary>
internal static class BaseComposition
{
    public static void Fill(Span<byte> destination, SeededRandom random, double gc, double cpgFactor)
    {
        // The chain loses G after C; raise the nominal GC so that the realised fraction meets the target.
        double nominal = gc;
        for (int i = 0; i < 3; i++)
        {
            double s = nominal / 2;
            nominal = gc + s * s * (1 - cpgFactor) * (1 - s / (1 - s));
        }

        double strong = Math.Clamp(nominal, 0.05, 0.95) / 2;
        double weak = 0.5 - strong;

        // Cumulative thresholds for A, C, G (T takes the rest) in the two states.
        (double A, double C, double G) usual = (weak, weak + strong, weak + 2 * strong);
        double keptG = strong * cpgFactor;
        double lost = strong - keptG;
        double scale = 1 + lost / (1 - strong);
        (double A, double C, double G) afterC = (weak * scale, weak * scale + strong * scale, weak * scale + strong * scale + keptG);

        byte previous = (byte)'A';
        for (int i = 0; i < destination.Length; i++)
        {
            var t = previous == (byte)'C' ? afterC : usual;
            double u = random.NextDouble();
            byte b = u < t.A ? (byte)'A' : u < t.C ? (byte)'C' : u < t.G ? (byte)'G' : (byte)'T';
            destination[i] = b;
            previous = b;
        }
    }

    public static byte[] Generate(int length, SeededRandom random, double gc, double cpgFactor)
    {
        var bases = new byte[length];
        Fill(bases, random, gc, cpgFactor);
        return bases;
    }

    public static byte Complement(byte b) => b switch
    {
        (byte)'A' => (byte)'T',
        (byte)'C' => (byte)'G',
        (byte)'G' => (byte)'C',
        (byte)'T' => (byte)'A',
        (byte)'a' => (byte)'t',
        (byte)'c' => (byte)'g',
        (byte)'g' => (byte)'c',
        (byte)'t' => (byte)'a',
        _ => b,
    };

    public static void ReverseComplement(Span<byte> bases)
    {
        bases.Reverse();
        for (int i = 0; i < bases.Length; i++)
        {
            bases[i] = Complement(bases[i]);
        }
    }

    /// <summary>True for A, C, G, T in either case: the only bases a mutation may sit on.</summary>
    public static bool IsPlainBase(byte b) => (b | 0x20) is (byte)'a' or (byte)'c' or (byte)'g' or (byte)'t';

    public static byte Upper(byte b) => (byte)(b & ~0x20);

    public static byte Lower(byte b) => (byte)(b | 0x20);
}
