namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// One generated FASTA record: <see cref="Header"/> without '>', the canonical <see cref="Name"/> mutations use
/// (<c>chr1</c>, <c>chrX</c>, <c>chrM</c>, or the accession for scaffolds) and the bases as written (soft-masked, with N and IUPAC codes).
/// </summary>
internal sealed record SyntheticSequence(string Header, string Name, SequenceRole Role, byte[] Bases)
{
    public string Accession => Header[..Header.IndexOf(' ')];

    public long Length => Bases.LongLength;
}
