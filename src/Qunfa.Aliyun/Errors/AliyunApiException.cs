namespace Qunfa.Aliyun.Errors;

/// <summary>A query or management call failed; <see cref="Outcome"/> says whether to retry.</summary>
public sealed class AliyunApiException : Exception
{
    public AliyunApiException(string? code, string? message, string? requestId, int httpStatus, AliyunOutcome outcome, Exception? inner = null)
        : base($"Aliyun call failed: {code ?? "(no code)"} {message}".TrimEnd(), inner)
    {
        Code = code;
        ErrorMessage = message;
        RequestId = requestId;
        HttpStatus = httpStatus;
        Outcome = outcome;
    }

    public string? Code { get; }

    public string? ErrorMessage { get; }

    public string? RequestId { get; }

    /// <summary>0 when no HTTP response was received.</summary>
    public int HttpStatus { get; }

    public AliyunOutcome Outcome { get; }
}
