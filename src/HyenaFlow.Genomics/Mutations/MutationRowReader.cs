using System.Globalization;
using HyenaFlow.Genomics.Csv;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>
/// Streams OmicsSomaticMutations.csv and keeps the rows that belong to a study model, lie on a
/// chromosome of the genome, have a simple (non-complex) change and a Ref that matches the genome.
/// Looks models, chromosomes and short alleles up by span so that a dropped row allocates nothing.
/// </summary>
internal sealed class MutationRowReader
{
    private const int InternedAlleleLength = 4;

    private readonly IReferenceGenome genome;
    private readonly ImportOptions options;
    private readonly ImportTally tally;
    private readonly Dictionary<string, DepMapModel>.AlternateLookup<ReadOnlySpan<char>> models;
    private readonly Dictionary<string, ChromosomeInfo?> chromosomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> alleles = new(StringComparer.Ordinal);

    public MutationRowReader(IReferenceGenome genome, Dictionary<string, DepMapModel> models, ImportOptions options, ImportTally tally)
    {
        this.genome = genome;
        this.options = options;
        this.tally = tally;
        this.models = models.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Kept mutations per ModelID, in file order (duplicates not yet removed).</summary>
    public Dictionary<string, List<Mutation>> Read(string path, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        using var csv = CsvReader.Open(path);
        LegacyMutationFile.ThrowIfLegacy(csv);
        int[] column = csv.RequireColumns("Chrom", "Pos", "Ref", "Alt", "ModelID");
        int defaultEntry = csv.IndexOf("IsDefaultEntryForModel");
        var kept = new Dictionary<string, List<Mutation>>(StringComparer.Ordinal);
        var chromosomeLookup = chromosomes.GetAlternateLookup<ReadOnlySpan<char>>();
        var unknownLookup = tally.UnknownModelIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var dropped = tally.RowsPerDroppedChromosome.GetAlternateLookup<ReadOnlySpan<char>>();
        while (csv.Read())
        {
            if ((++tally.RowsRead & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ProgressReport("mutations", csv.BytesRead, csv.TotalBytes, "B"));
            }

            if (defaultEntry >= 0 && !csv[defaultEntry].Trim().Equals("Yes", StringComparison.OrdinalIgnoreCase))
            {
                tally.NonDefaultEntryRows++;
                continue;
            }

            ReadOnlySpan<char> modelId = csv[column[4]].Trim();
            if (!models.TryGetValue(modelId, out DepMapModel? model))
            {
                tally.UnknownModelRows++;
                unknownLookup.Add(modelId);
                continue;
            }

            if (model.ClassName is null)
            {
                tally.OtherLineageRows++;
                continue;
            }

            if (model.NonCancerous)
            {
                tally.NonCancerousRows++;
                continue;
            }

            ReadOnlySpan<char> chromText = csv[column[0]].Trim();
            if (!chromosomeLookup.TryGetValue(chromText, out ChromosomeInfo? chromosome))
            {
                string name = new(chromText);
                chromosome = genome.Find(name);
                chromosomes[name] = chromosome;
            }

            if (chromosome is null)
            {
                tally.ChromosomeNotInGenomeRows++;
                dropped[chromText] = dropped.TryGetValue(chromText, out long n) ? n + 1 : 1;
                continue;
            }

            ReadOnlySpan<char> posText = csv[column[1]].Trim();
            if (!long.TryParse(posText, NumberStyles.None, CultureInfo.InvariantCulture, out long pos) || pos < 1)
            {
                throw new DataFormatException(path, csv.LineNumber, $"Pos '{posText}' is not a 1-based position (a whole number ≥ 1).");
            }

            ReadOnlySpan<char> refText = csv[column[2]].Trim();
            ReadOnlySpan<char> altText = csv[column[3]].Trim();
            if (!IsBases(refText) || !IsBases(altText) || refText.Equals(altText, StringComparison.OrdinalIgnoreCase))
            {
                tally.InvalidAlleleRows++;
                if (tally.WantsSample(tally.InvalidAlleleSamples))
                {
                    tally.InvalidAlleleSamples.Add(Sample(csv, model, chromosome, pos, "alleles must be non-empty A/C/G/T/N and differ"));
                }

                continue;
            }

            MutationType? type = MutationTypes.Derive(refText, altText);
            if (type is null)
            {
                tally.ComplexRows++;
                if (tally.WantsSample(tally.ComplexSamples))
                {
                    tally.ComplexSamples.Add(Sample(csv, model, chromosome, pos, "Ref and Alt differ in length and do not share the anchor base"));
                }

                continue;
            }

            if (!MatchesGenome(chromosome, pos, refText, out string genomeHas))
            {
                tally.RefMismatchRows++;
                if (options.RefMismatch == RefMismatchPolicy.Fail)
                {
                    throw new DataFormatException(path, csv.LineNumber, $"Ref {refText} of {model.ModelId} at {chromosome.Name}:{pos} does not match the reference genome ({genomeHas}); is the genome GRCh38 and the file a 22Q4+ release? Use the Skip policy to drop and report such rows.");
                }

                if (tally.WantsSample(tally.RefMismatchSamples))
                {
                    tally.RefMismatchSamples.Add(Sample(csv, model, chromosome, pos, genomeHas));
                }

                continue;
            }

            if (!kept.TryGetValue(model.ModelId, out var list))
            {
                kept[model.ModelId] = list = [];
            }

            list.Add(new Mutation(model.ModelId, chromosome.Name, pos, Allele(refText), Allele(altText), type.Value));
        }

        progress?.Report(new ProgressReport("mutations", csv.TotalBytes, csv.TotalBytes, "B"));
        return kept;

        ImportSample Sample(CsvReader row, DepMapModel model, ChromosomeInfo chrom, long pos, string detail) =>
            new(row.LineNumber, model.ModelId, chrom.Name, pos, row.GetString(column[2]).Trim(), row.GetString(column[3]).Trim(), detail);
    }

    private static bool IsBases(ReadOnlySpan<char> allele) =>
        !allele.IsEmpty && !allele.ContainsAnyExcept("ACGTNacgtn");

    private bool MatchesGenome(ChromosomeInfo chromosome, long pos, ReadOnlySpan<char> reference, out string genomeHas)
    {
        if (pos - 1 + reference.Length > chromosome.Length)
        {
            genomeHas = string.Create(CultureInfo.InvariantCulture, $"it runs past the end of {chromosome.Name}, {chromosome.Length:N0} bp");
            return false;
        }

        Span<byte> bases = reference.Length <= 512 ? stackalloc byte[reference.Length] : new byte[reference.Length];
        genome.Read(chromosome.Name, pos - 1, bases);
        for (int i = 0; i < bases.Length; i++)
        {
            if (bases[i] != (byte)char.ToUpperInvariant(reference[i]))
            {
                genomeHas = $"genome has {System.Text.Encoding.ASCII.GetString(bases)}";
                return false;
            }
        }

        genomeHas = "";
        return true;
    }

    // Most alleles are one to four bases: sharing those strings keeps a million mutations small.
    private string Allele(ReadOnlySpan<char> bases)
    {
        Span<char> upper = bases.Length <= 256 ? stackalloc char[bases.Length] : new char[bases.Length];
        bases.ToUpperInvariant(upper);
        if (upper.Length > InternedAlleleLength)
        {
            return new string(upper);
        }

        var lookup = alleles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(upper, out string? shared))
        {
            shared = new string(upper);
            alleles.Add(shared, shared);
        }

        return shared;
    }
}
