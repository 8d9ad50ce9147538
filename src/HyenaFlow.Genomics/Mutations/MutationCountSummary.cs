namespace HyenaFlow.Genomics.Mutations;

/// <summary>One row of Table 3.2: how many mutations the cell lines of a group carry. Null figures when the group is empty.</summary>
public sealed record MutationCountSummary(string Group, int Lines, long Mutations, int? Min, int? Max, double? Average, double? Median);
