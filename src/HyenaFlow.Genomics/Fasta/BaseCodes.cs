using System.Buffers;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>The classes a byte of FASTA sequence text falls in: a base 0–3 (A C G T, either case), N, an IUPAC code, an ignorable CR, or invalid.</summary>
internal static class BaseCodes
{
    public const byte A = 0;
    public const byte C = 1;
    public const byte G = 2;
    public const byte T = 3;
    public const byte N = 4;
    public const byte Iupac = 5;
    public const byte Ignored = 6;
    public const byte Invalid = 0xFF;

    public const string IupacLetters = "RYKMSWBDHV";

    private static readonly byte[] Table = Build();

    /// <summary>Every byte that may appear in a sequence line (CR tolerates Windows line ends).</summary>
    public static readonly SearchValues<byte> Valid = SearchValues.Create("ACGTNacgtnRYKMSWBDHVrykmswbdhv\r"u8);

    public static ReadOnlySpan<byte> Classes => Table;

    private static byte[] Build()
    {
        var table = new byte[256];
        Array.Fill(table, Invalid);
        void Set(char letter, byte code)
        {
            table[char.ToUpperInvariant(letter)] = code;
            table[char.ToLowerInvariant(letter)] = code;
        }

        Set('A', A);
        Set('C', C);
        Set('G', G);
        Set('T', T);
        Set('N', N);
        foreach (char letter in IupacLetters)
        {
            Set(letter, Iupac);
        }

        table['\r'] = Ignored;
        return table;
    }
}
