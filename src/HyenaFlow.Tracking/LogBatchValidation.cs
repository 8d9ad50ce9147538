namespace HyenaFlow.Tracking;

/// <summary>Checks a whole batch up front and folds duplicate keys the way MLflow would accept them.</summary>
internal static class LogBatchValidation
{
    public sealed record ValidatedBatch(IReadOnlyList<MlflowMetric> Metrics, IReadOnlyList<MlflowParam> Params, IReadOnlyList<MlflowTag> Tags)
    {
        public bool IsEmpty => Metrics.Count == 0 && Params.Count == 0 && Tags.Count == 0;
    }

    public static ValidatedBatch Validate(IReadOnlyList<MlflowMetric>? metrics, IReadOnlyList<MlflowParam>? parameters, IReadOnlyList<MlflowTag>? tags)
    {
        metrics ??= [];
        foreach (var metric in metrics)
        {
            MlflowLimits.ValidateMetric(metric);
        }

        // The server rejects one request carrying a param key twice; the same value twice is harmless, so fold it.
        var paramsByKey = new Dictionary<string, MlflowParam>(StringComparer.Ordinal);
        var orderedParams = new List<MlflowParam>();
        foreach (var param in parameters ?? [])
        {
            MlflowLimits.ValidateParam(param);
            if (paramsByKey.TryGetValue(param.Key, out var earlier))
            {
                if (earlier.Value != param.Value)
                {
                    throw new MlflowException(
                        MlflowErrorCodes.InvalidParameterValue,
                        $"Param '{param.Key}' appears twice in one batch with different values ('{earlier.Value}' and '{param.Value}').");
                }

                continue;
            }

            paramsByKey.Add(param.Key, param);
            orderedParams.Add(param);
        }

        // A later tag overwrites an earlier one anyway; keep only the last so one request never repeats a key.
        var lastTagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagList = tags ?? [];
        for (var i = 0; i < tagList.Count; i++)
        {
            MlflowLimits.ValidateTag(tagList[i]);
            lastTagIndex[tagList[i].Key] = i;
        }

        var orderedTags = tagList.Where((tag, i) => lastTagIndex[tag.Key] == i).ToList();
        return new ValidatedBatch(metrics, orderedParams, orderedTags);
    }
}
