using System.Text.Json;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>Writes ground_truth.json: the seed and every parameter the data were drawn from, plus per-line counts.</summary>
internal static class GroundTruthWriter
{
    public static void Write(string path, SynthesisOptions options, SyntheticGenome genome, IReadOnlyList<RepeatFamily> repeats, GroundTruth truth, IReadOnlyList<LinePlan> plans)
    {
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("generator", "hyenaflow data synth");
            json.WriteNumber("seed", options.Seed);
            json.WriteString("profile", options.Profile.ToString().ToLowerInvariant());
            json.WriteNumber("signal", options.Signal);
            WriteGenome(json, genome, repeats);
            WriteProcesses(json, truth);
            WriteCohort(json, options, plans);
            json.WriteEndObject();
        });
    }

    private static void WriteGenome(Utf8JsonWriter json, SyntheticGenome genome, IReadOnlyList<RepeatFamily> repeats)
    {
        json.WriteStartObject("genome");
        json.WriteNumber("meanGc", SequenceSynthesizer.MeanGc);
        json.WriteNumber("cpgFactor", SequenceSynthesizer.CpgFactor);
        json.WriteNumber("telomereGapBp", SequenceSynthesizer.TelomereGap);
        json.WriteNumber("lineWidth", NcbiFastaWriter.LineWidth);
        json.WriteStartArray("sequences");
        foreach (SyntheticSequence s in genome.Sequences)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteString("accession", s.Accession);
            json.WriteString("role", s.Role.ToString());
            json.WriteNumber("length", s.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("repeatFamilies");
        foreach (RepeatFamily r in repeats)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteNumber("consensusLength", r.Consensus.Length);
            json.WriteNumber("genomeShare", r.GenomeShare);
            json.WriteNumber("minDivergence", r.MinDivergence);
            json.WriteNumber("maxDivergence", r.MaxDivergence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProcesses(Utf8JsonWriter json, GroundTruth truth)
    {
        json.WriteStartObject("snvProcessWeights");
        foreach (var (label, lineage, cancerous) in new[]
        {
            ("Lung", LineageCatalog.Lung, true), ("Lymphoid", LineageCatalog.Lymphoid, true),
            ("OtherLineages", LineageCatalog.Others[0], true), ("NonCancerous", LineageCatalog.Lung, false),
        })
        {
            json.WriteStartObject(label);
            foreach (var (process, weight) in truth.ProcessWeights(lineage, cancerous))
            {
                json.WriteNumber(process.ToString(), weight);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("variantTypeMix");
        foreach (var (type, share) in truth.TypeMix)
        {
            json.WriteNumber(type.ToString(), share);
        }

        json.WriteEndObject();
        json.WriteStartObject("indelLength");
        json.WriteNumber("min", 1);
        json.WriteNumber("max", truth.MaxIndelLength);
        json.WriteString("distribution", $"P(k) ∝ k^-{truth.IndelLengthExponent}");
        json.WriteEndObject();
        json.WriteStartObject("aid");
        json.WriteNumber("clusterSizeMin", truth.AidClusterSize.Min);
        json.WriteNumber("clusterSizeMax", truth.AidClusterSize.Max);
        json.WriteNumber("clusterSpanMinBp", truth.AidClusterSpan.Min);
        json.WriteNumber("clusterSpanMaxBp", truth.AidClusterSpan.Max);
        json.WriteString("motifs", "WRCY (C mutated) / RGYW (G mutated)");
        json.WriteNumber("targetRegionShare", truth.AidTargetRegionShare);
        json.WriteStartArray("targetRegions");
        foreach (TargetRegion r in truth.AidTargetRegions)
        {
            json.WriteStringValue($"{r.Chrom}:{r.Start}-{r.End}");
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("hotspotInclusion", truth.HotspotInclusion);
        json.WriteStartArray("hotspots");
        foreach (Hotspot h in truth.Hotspots)
        {
            json.WriteStartObject();
            json.WriteString("lineage", h.Lineage);
            json.WriteString("mutation", $"{h.Chrom}:{h.Pos}:{h.Ref}>{h.Alt}");
            json.WriteString("process", h.Process.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCohort(Utf8JsonWriter json, SynthesisOptions options, IReadOnlyList<LinePlan> plans)
    {
        json.WriteStartObject("cohort");
        foreach (var (label, d) in new[] { ("lungCounts", options.LungCounts), ("lymphoidCounts", options.LymphoidCounts), ("otherCounts", options.OtherCounts), ("nonCancerousCounts", options.NonCancerousCounts) })
        {
            json.WriteStartObject(label);
            json.WriteNumber("min", d.Min);
            json.WriteNumber("median", d.Median);
            json.WriteNumber("mean", d.Mean);
            json.WriteNumber("max", d.Max);
            json.WriteNumber("logNormalMu", Math.Round(d.Mu, 6));
            json.WriteNumber("logNormalSigma", Math.Round(d.Sigma, 6));
            json.WriteEndObject();
        }

        var (lungAbove, lymphoidAbove) = CohortPlanner.LinesAboveMedian(plans, p => p.Autosomal);
        json.WriteNumber("minimumLinesAboveMedian", options.MinimumLinesAboveMedian);
        json.WriteNumber("lungLinesAboveMedian", lungAbove);
        json.WriteNumber("lymphoidLinesAboveMedian", lymphoidAbove);
        json.WriteStartObject("plantedForCleaning");
        json.WriteNumber("chrXRows", plans.Sum(p => p.OnX));
        json.WriteNumber("chrYRows", plans.Sum(p => p.OnY));
        json.WriteNumber("duplicateRows", plans.Sum(p => p.Duplicates));
        json.WriteNumber("complexRows", plans.Sum(p => p.Complex));
        json.WriteEndObject();
        json.WriteStartArray("lines");
        foreach (LinePlan p in plans)
        {
            json.WriteStartObject();
            json.WriteString("modelId", p.Model.ModelId);
            json.WriteString("lineage", p.Model.Lineage.Lineage);
            json.WriteBoolean("cancerous", p.Model.IsCancerous);
            json.WriteNumber("rows", p.RawRows);
            json.WriteNumber("cleanAutosomal", p.Autosomal);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
