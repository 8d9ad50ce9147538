using System.Globalization;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>Draws the models of Model.csv and how many mutations each gets.</summary>
internal static class CohortPlanner
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static IReadOnlyList<SyntheticModel> Models(SynthesisOptions options, SeededRandom random)
    {
        var lineages = new List<(LineageProfile Lineage, bool Cancerous)>();
        lineages.AddRange(Enumerable.Repeat((LineageCatalog.Lung, true), options.LungLines));
        lineages.AddRange(Enumerable.Repeat((LineageCatalog.Lymphoid, true), options.LymphoidLines));
        lineages.AddRange(Enumerable.Repeat((LineageCatalog.Lung, false), options.NonCancerousLinesPerLineage));
        lineages.AddRange(Enumerable.Repeat((LineageCatalog.Lymphoid, false), options.NonCancerousLinesPerLineage));
        for (int i = 0; i < options.OtherLines; i++)
        {
            lineages.Add((random.Pick(LineageCatalog.Others), true));
        }

        // ACH numbers drawn without replacement so lineages interleave in ID order, as in the real catalogue.
        var numbers = Enumerable.Range(1, Math.Max(2_500, lineages.Count * 3)).ToList();
        random.Shuffle(numbers);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var models = new List<SyntheticModel>();
        for (int i = 0; i < lineages.Count; i++)
        {
            var (lineage, cancerous) = lineages[i];
            string modelId = string.Create(CultureInfo.InvariantCulture, $"ACH-{numbers[i]:D6}");
            models.Add(MakeModel(modelId, lineage, cancerous, names, random));
        }

        return models.OrderBy(m => m.ModelId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Counts per model, redrawn until each class keeps at least <see cref="SynthesisOptions.MinimumLinesAboveMedian"/>
    /// lines above the aggregated median — by raw rows and by clean rows alike.
    /// </summary>
    public static IReadOnlyList<LinePlan> Counts(IReadOnlyList<SyntheticModel> models, SynthesisOptions options, SeededRandom random)
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            var plans = DrawCounts(models, options, random);
            if (KeepsEnoughAboveMedian(plans, p => p.RawRows, options.MinimumLinesAboveMedian)
                && KeepsEnoughAboveMedian(plans, p => p.Autosomal, options.MinimumLinesAboveMedian))
            {
                return plans;
            }
        }

        throw new InvalidOperationException(
            $"Could not draw mutation counts leaving {options.MinimumLinesAboveMedian} lines per class above the aggregated median; lower MinimumLinesAboveMedian or bring the classes' medians closer.");
    }

    /// <summary>Lines per class (Lung, Lymphoid) whose count is strictly above the median of all class members (the thesis's filter).</summary>
    public static (int Lung, int Lymphoid) LinesAboveMedian(IReadOnlyList<LinePlan> plans, Func<LinePlan, int> count)
    {
        var members = plans.Where(p => p.Model.IsClassMember).ToList();
        double median = members.Count == 0 ? 0 : SampleStatistics.Median(members.Select(count));
        int Above(LineageProfile lineage) => members.Count(p => p.Model.Lineage == lineage && count(p) > median);
        return (Above(LineageCatalog.Lung), Above(LineageCatalog.Lymphoid));
    }

    private static bool KeepsEnoughAboveMedian(IReadOnlyList<LinePlan> plans, Func<LinePlan, int> count, int minimum)
    {
        var (lung, lymphoid) = LinesAboveMedian(plans, count);
        return lung >= minimum && lymphoid >= minimum;
    }

    private static List<LinePlan> DrawCounts(IReadOnlyList<SyntheticModel> models, SynthesisOptions options, SeededRandom random)
    {
        var counts = new int[models.Count];
        foreach (var (group, distribution) in Groups(models, options))
        {
            foreach (int i in group)
            {
                counts[i] = distribution.Sample(random);
            }

            // The table's extremes are real lines (a hypermutator among them): pin the smallest and largest draw to them.
            if (group.Count >= 2)
            {
                counts[group.MinBy(i => counts[i])] = distribution.Min;
                counts[group.MaxBy(i => counts[i])] = distribution.Max;
            }
        }

        var duplicates = new int[models.Count];
        var complex = new int[models.Count];
        for (int i = 0; i < options.DuplicateRows; i++)
        {
            duplicates[random.Next(models.Count)]++;
        }

        for (int i = 0; i < options.ComplexRows; i++)
        {
            complex[random.Next(models.Count)]++;
        }

        var plans = new List<LinePlan>(models.Count);
        for (int i = 0; i < models.Count; i++)
        {
            // About 3.5 % of a line's mutations fall on chrX; a male line sometimes has one on chrY.
            int onX = (int)Math.Round(counts[i] * 0.035 * (0.5 + random.NextDouble()));
            int onY = models[i].Sex == "Male" && random.Chance(0.3) ? 1 : 0;
            int autosomal = Math.Max(1, counts[i] - onX - onY);
            plans.Add(new LinePlan(models[i], autosomal, onX, onY, duplicates[i], complex[i]));
        }

        return plans;
    }

    private static IEnumerable<(List<int> Group, MutationCountDistribution Distribution)> Groups(IReadOnlyList<SyntheticModel> models, SynthesisOptions options)
    {
        List<int> Where(Func<SyntheticModel, bool> predicate) => Enumerable.Range(0, models.Count).Where(i => predicate(models[i])).ToList();
        yield return (Where(m => m.IsCancerous && m.Lineage == LineageCatalog.Lung), options.LungCounts);
        yield return (Where(m => m.IsCancerous && m.Lineage == LineageCatalog.Lymphoid), options.LymphoidCounts);
        yield return (Where(m => m.IsCancerous && !m.IsClassMember), options.OtherCounts);
        yield return (Where(m => !m.IsCancerous), options.NonCancerousCounts);
    }

    private static SyntheticModel MakeModel(string modelId, LineageProfile lineage, bool cancerous, HashSet<string> names, SeededRandom random)
    {
        Diagnosis diagnosis = cancerous ? random.Pick(lineage.Diagnoses) : LineageCatalog.NonCancerousDiagnosis(lineage.Lineage);
        IReadOnlyList<string> patterns = cancerous ? lineage.NamePatterns : LineageCatalog.NonCancerousNamePatterns(lineage.Lineage);
        string name;
        do
        {
            int number = random.Next(1, cancerous ? 2_500 : 20_000);
            name = string.Format(CultureInfo.InvariantCulture, random.Pick(patterns), number);
        }
        while (!names.Add(new string(name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray())));

        bool metastatic = cancerous && random.Chance(0.35);
        int? age = random.Chance(0.12) ? null : lineage == LineageCatalog.Lymphoid ? random.Next(3, 82) : random.Next(28, 86);
        string sex = random.Pick(["Male", "Male", "Female", "Female", "Male", "Unknown"]);
        string site = metastatic ? random.Pick(lineage.MetastaticSites) : lineage.CcleTissue.ToLowerInvariant();
        string comments = random.Chance(0.08)
            ? $"Derived from the same patient as another line, \"sister\" line; STR profile matches {random.Next(85, 100)}%."
            : random.Chance(0.05) ? "Originally reported as a different subtype, reclassified after review" : "";
        return new SyntheticModel(
            modelId,
            "PT-" + RandomText(random, 6),
            name,
            lineage,
            diagnosis,
            cancerous,
            age,
            sex,
            cancerous ? (random.Chance(0.05) ? "" : metastatic ? "Metastatic" : "Primary") : "",
            site,
            random.Pick(["Commercial", "Commercial", "Academic lab", "Other"]),
            "CVCL_" + RandomText(random, 4).ToUpperInvariant(),
            random.Chance(0.3) ? "" : string.Create(CultureInfo.InvariantCulture, $"SIDM{random.Next(1, 3_000):D5}"),
            random.Chance(0.4) ? "" : random.Next(684_000, 1_800_000).ToString(CultureInfo.InvariantCulture),
            comments);
    }

    private static string RandomText(SeededRandom random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => Alphanumeric[random.Next(Alphanumeric.Length)]).ToArray());
}
