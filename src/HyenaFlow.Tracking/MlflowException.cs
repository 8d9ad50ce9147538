namespace HyenaFlow.Tracking;

/// <summary>
/// An error as MLflow reports it: <c>{"error_code", "message"}</c>. The file store raises the same
/// codes as the server so callers handle both alike; <see cref="HttpStatus"/> is null there.
/// </summary>
public sealed class MlflowException : Exception
{
    public MlflowException(string errorCode, string message, int? httpStatus = null, Exception? inner = null)
        : base(httpStatus is null ? $"{errorCode}: {message}" : $"{errorCode} (HTTP {httpStatus}): {message}", inner)
    {
        ErrorCode = errorCode;
        ServerMessage = message;
        HttpStatus = httpStatus;
    }

    public string ErrorCode { get; }

    public string ServerMessage { get; }

    public int? HttpStatus { get; }
}

public static class MlflowErrorCodes
{
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string InternalError = "INTERNAL_ERROR";
}
