namespace HyenaFlow.Genomics.Synthesis;

/// <summary>What a generated FASTA record stands for; only chromosomes carry mutations.</summary>
internal enum SequenceRole
{
    Autosome,
    SexChromosome,
    Mitochondrion,
    Scaffold,
}
