using HyenaFlow.Genomics.Synthesis;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Synthesis;

/// <summary>The demo profile generated once and parsed once for all tests that only read it.</summary>
public sealed class DemoDataFixture : IDisposable
{
    private readonly TempDirectory directory = new("synth-demo");

    public DemoDataFixture()
    {
        Options = SynthesisOptions.For(SynthesisProfile.Demo, seed: 7);
        Reports = [];
        Summary = SyntheticDataGenerator.Generate(Options, directory.Path, new SynchronousProgress(Reports.Add));
        Records = GzipFasta.Read(Summary.GenomePath);
        (MutationHeader, Mutations, MutationQuotedFields) = StrictCsv.Read(Summary.MutationsPath);
        (ModelHeader, Models, _) = StrictCsv.Read(Summary.ModelsPath);
        ChromosomeByName = Records
            .Where(r => r.Header.Contains(" chromosome ", StringComparison.Ordinal) && r.Header.Contains("Primary Assembly", StringComparison.Ordinal) && r.Accession.StartsWith("NC_", StringComparison.Ordinal))
            .ToDictionary(r => "chr" + r.Header.Split(" chromosome ")[1].Split(',')[0], r => r.Bases.ToUpperInvariant());
    }

    public SynthesisOptions Options { get; }

    public SynthesisSummary Summary { get; }

    public List<ProgressReport> Reports { get; }

    public string Directory => directory.Path;

    internal List<FastaRecord> Records { get; }

    /// <summary>Upper-cased chromosome sequences under <c>chr1</c>… names.</summary>
    public Dictionary<string, string> ChromosomeByName { get; }

    public string[] MutationHeader { get; }

    public List<string[]> Mutations { get; }

    public int MutationQuotedFields { get; }

    public string[] ModelHeader { get; }

    public List<string[]> Models { get; }

    public string Field(string[] row, string column) => row[Array.IndexOf(MutationHeader, column)];

    public string ModelField(string[] row, string column) => row[Array.IndexOf(ModelHeader, column)];

    public void Dispose() => directory.Dispose();

    /// <summary>Unlike <see cref="Progress{T}"/>, reports on the calling thread, so the list is complete when Generate returns.</summary>
    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => report(value);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoDataFixture>
{
    public const string Name = "synthetic demo data";
}
