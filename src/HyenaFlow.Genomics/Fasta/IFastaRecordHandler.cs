using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>Receives the records of a FASTA file as <see cref="FastaParser"/> streams through it.</summary>
internal interface IFastaRecordHandler
{
    /// <summary>A record starts; returns where its bases go, or null to skip them (they are still checked).</summary>
    SequencePacker? BeginRecord(string header, long line);

    void EndRecord();
}
