namespace HyenaFlow.Tracking;

/// <summary>
/// MLflow's limits on one <c>runs/log-batch</c> request and on keys and values, and the checks
/// that name the offending key before anything is sent or written.
/// </summary>
public static class MlflowLimits
{
    public const int MaxMetricsPerBatch = 1000;
    public const int MaxParamsPerBatch = 100;
    public const int MaxTagsPerBatch = 100;
    public const int MaxItemsPerBatch = 1000;

    /// <summary>MLflow's client uses 1e6, not 2^20, as "1 MB"; the smaller bound suits both readings.</summary>
    public const int MaxBatchBodyBytes = 1_000_000;

    public const int MaxKeyLength = 250;
    public const int MaxParamValueLength = 6000;
    public const int MaxTagValueLength = 8000;

    public static void ValidateMetric(MlflowMetric metric) => ValidateKey("Metric", metric.Key);

    public static void ValidateParam(MlflowParam param)
    {
        ValidateKey("Param", param.Key);
        ValidateValue("Param", param.Key, param.Value, MaxParamValueLength);
    }

    public static void ValidateTag(MlflowTag tag)
    {
        ValidateKey("Tag", tag.Key);
        ValidateValue("Tag", tag.Key, tag.Value, MaxTagValueLength);
    }

    /// <summary>
    /// MLflow's rule: letters, digits, '_', '-', '.', ' ', ':' and '/', and a normalised relative
    /// path (keys become file paths in the file store).
    /// </summary>
    public static void ValidateKey(string kind, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw Invalid($"{kind} key is empty.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw Invalid($"{kind} key '{Shorten(key)}' is {key.Length} characters long; MLflow allows at most {MaxKeyLength}.");
        }

        foreach (var c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':' or '/'))
            {
                throw Invalid($"{kind} key '{key}' contains '{c}'; MLflow allows only letters, digits, '_', '-', '.', ' ', ':' and '/'.");
            }
        }

        if (key.StartsWith('/') || key.EndsWith('/') || key.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw Invalid($"{kind} key '{key}' is not a normalised relative path (no leading or trailing '/', no '//', '.' or '..' parts).");
        }
    }

    private static void ValidateValue(string kind, string key, string value, int maxLength)
    {
        if (value is null)
        {
            throw Invalid($"{kind} '{key}' has no value.");
        }

        if (value.Length > maxLength)
        {
            throw Invalid($"{kind} '{key}' value is {value.Length} characters long; MLflow allows at most {maxLength}.");
        }
    }

    private static string Shorten(string key) => key.Length <= 60 ? key : key[..60] + "…";

    private static MlflowException Invalid(string message) => new(MlflowErrorCodes.InvalidParameterValue, message);
}
