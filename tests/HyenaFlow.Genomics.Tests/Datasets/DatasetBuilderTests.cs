using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tests.Support;
using HyenaFlow.Genomics.Tests.Windows;
using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Genomics.Tests.Datasets;

public sealed class DatasetBuilderTests
{
    private const int L = 64;
    private static readonly DatasetFixture Fixture = new();

    [Fact]
    public void WritesShardsNumpyReadsAndTheReaderAgrees()
    {
        using var dir = new TempDirectory("dataset");
        string outDir = dir.File("ds");
        DatasetInfo info = Build(outDir, 5, new DatasetBuildOptions { MaxShardRows = 7 });

        Assert.Equal(L + 2, info.TokensPerSequence);
        Assert.Equal(["train", "test"], info.Splits.Select(s => s.Name));
        Assert.Equal(48, info.Split("train")!.Sequences);
        Assert.Equal(24, info.Split("test")!.Sequences);
        Assert.Equal(new Dictionary<string, long> { ["Lung"] = 24, ["Lymphoid"] = 24 }, info.Split("train")!.PerClass);
        Assert.Equal(7, info.Split("train")!.Shards.Count);
        Assert.Equal(72, info.MutationsPerSequence.Histogram.Sum(b => b.Sequences));
        Assert.True(info.MutationsPerSequence.Mean >= 1);

        string py = $"import numpy,glob; fs=sorted(glob.glob('{outDir}/train-*.npy')); t=[numpy.load(f) for f in fs if not f.endswith('labels.npy')]; l=[numpy.load(f) for f in fs if f.endswith('labels.npy')]; " +
            "a=numpy.concatenate(t); b=numpy.concatenate(l); print(a.dtype, a.shape, b.dtype, b.shape, int(a[:,0].max()), int(a[:,-1].min()), int(a.max()), sorted(set(b.tolist())))";
        Assert.Equal($"uint8 (48, {L + 2}) int64 (48,) 0 1 10 [0, 1]", Python.Run(py).Trim());

        using DatasetReader reader = DatasetReader.Open(outDir);
        Assert.Equal(48, reader.Count(Split.Train));
        Assert.Equal(0, reader.Count(Split.Embedding));
        var samples = reader.Samples(Split.Train).ToList();
        Assert.Equal(48, samples.Count);
        for (int row = 0; row < samples.Count; row++)
        {
            Assert.Equal(reader.Tokens(samples[row]).ToArray(), reader.Tokens(Split.Train, row).ToArray());
            Assert.Equal(samples[row].Label, reader.Label(Split.Train, row));
        }
    }

    [Fact]
    public void EverySequenceIsItsReferenceWindowWithItsListedMutations()
    {
        using var dir = new TempDirectory("dataset");
        Build(dir.File("ds"), 9, new DatasetBuildOptions { IncludeEmbedding = true });
        using DatasetReader reader = DatasetReader.Open(dir.File("ds"));
        var samples = reader.Samples().ToList();
        Assert.Equal(96, samples.Count);
        foreach (DatasetSample sample in samples)
        {
            string sequence = CharacterTokenizer.Decode(reader.Tokens(sample));
            Assert.Equal(L, sequence.Length);
            var mutations = sample.Mutations.Select(Parse).ToList();
            Assert.All(mutations, m => Assert.Contains(m, Fixture.Mutations[sample.CellLine]));
            string full = SlowWindowReference.Apply(Fixture.ChromosomeText(sample.Chrom), mutations, sample.Start, sample.End);
            bool found = Enumerable.Range(0, full.Length - L + 1).Any(k => string.CompareOrdinal(full, k, sequence, 0, L) == 0);
            Assert.True(found, $"sample {sample.Id}: {sequence} is not a window of {full}");
            if (full.Length == L)
            {
                Assert.Equal(full, sequence);
            }
        }
    }

    [Fact]
    public void SameSeedSameBytesOtherSeedOtherContent()
    {
        using var dir = new TempDirectory("dataset");
        DatasetInfo a = Build(dir.File("a"), 3);
        DatasetInfo b = Build(dir.File("b"), 3);
        DatasetInfo c = Build(dir.File("c"), 4);
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        foreach (string file in Directory.GetFiles(dir.File("a")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(dir.File("b"), Path.GetFileName(file))));
        }
    }

    [Fact]
    public void FailureLeavesNoDatasetAndNoDebris()
    {
        using var dir = new TempDirectory("dataset");
        Assert.Throws<InvalidOperationException>(() => DatasetBuilder.Build(
            Fixture.Genome, Fixture.Selection, id => id == "ACH-000003" ? throw new InvalidOperationException("boom") : Fixture.Mutations[id], L, 1, dir.File("ds")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void RebuildReplacesADatasetButNeverAnUnrelatedFolder()
    {
        using var dir = new TempDirectory("dataset");
        Build(dir.File("ds"), 1);
        DatasetInfo second = Build(dir.File("ds"), 2);
        using (DatasetReader reader = DatasetReader.Open(dir.File("ds")))
        {
            Assert.Equal(second.ContentHash, reader.Info.ContentHash);
        }

        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
        Directory.CreateDirectory(dir.File("other"));
        File.WriteAllText(dir.File("other/notes.txt"), "mine");
        Assert.Throws<IOException>(() => Build(dir.File("other"), 1));
        Assert.True(File.Exists(dir.File("other/notes.txt")));
    }

    [Fact]
    public void MaxPerLineAndKeepNAreHonoured()
    {
        using var dir = new TempDirectory("dataset");
        DatasetInfo info = Build(dir.File("ds"), 1, new DatasetBuildOptions { MaxPerLine = 3, KeepN = true });
        Assert.Equal(12, info.Split("train")!.Sequences);
        Assert.True(info.Tokenizer.KeepN);
    }

    private static DatasetInfo Build(string outDir, int seed, DatasetBuildOptions? options = null) =>
        DatasetBuilder.Build(Fixture.Genome, Fixture.Selection, id => Fixture.Mutations[id], L, seed, outDir, null, options);

    private static Mutation Parse(string notation)
    {
        string[] parts = notation.Split(':');
        string[] alleles = parts[2].Split('>');
        return Fixture.Mutations.Values.SelectMany(m => m)
            .First(m => m.Chrom == parts[0] && m.Pos == long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) && m.Ref == alleles[0] && m.Alt == alleles[1]);
    }
}
