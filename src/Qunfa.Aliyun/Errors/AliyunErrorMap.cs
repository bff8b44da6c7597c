using System.Collections.Frozen;

namespace Qunfa.Aliyun.Errors;

/// <summary>The single table from Alibaba error codes to platform outcomes. See docs/decisions/0003-aliyun-error-map.md.</summary>
public static class AliyunErrorMap
{
    public static readonly FrozenDictionary<string, AliyunOutcome> Codes = new Dictionary<string, AliyunOutcome>(StringComparer.OrdinalIgnoreCase)
    {
        ["OK"] = AliyunOutcome.Ok,

        // Business errors (HTTP 200).
        ["isv.SMS_SIGNATURE_SCENE_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.EXTEND_CODE_ERROR"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.SIGN_STATE_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.SMS_SIGN_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.SMS_SIGNATURE_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.SMS_TEMPLATE_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.DOMESTIC_NUMBER_NOT_SUPPORTED"] = AliyunOutcome.PermanentNumberFailure,
        ["isv.DENY_IP_RANGE"] = AliyunOutcome.PermanentRequestFailure,
        // Console quotas reset with their window (or when the operator raises them), like flow control.
        ["isv.DAY_LIMIT_CONTROL"] = AliyunOutcome.FlowControlled,
        ["isv.MONTH_LIMIT_CONTROL"] = AliyunOutcome.FlowControlled,
        ["isv.SMS_CONTENT_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isp.RAM_PERMISSION_DENY"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.OUT_OF_SERVICE"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.AMOUNT_NOT_ENOUGH"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.PRODUCT_UN_SUBSCRIPT"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.PRODUCT_UNSUBSCRIBE"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.ACCOUNT_NOT_EXISTS"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.ACCOUNT_ABNORMAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.INVALID_PARAMETERS"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.INVALID_JSON_PARAM"] = AliyunOutcome.PermanentRequestFailure,
        ["isp.SYSTEM_ERROR"] = AliyunOutcome.Retryable,
        ["isv.MOBILE_NUMBER_ILLEGAL"] = AliyunOutcome.PermanentNumberFailure,
        ["isv.MOBILE_COUNT_OVER_LIMIT"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.TEMPLATE_MISSING_PARAMETERS"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.BUSINESS_LIMIT_CONTROL"] = AliyunOutcome.FlowControlled,
        // Alibaba's "blacklist control" is about forbidden content in variables, not the number.
        ["isv.BLACK_KEY_CONTROL_LIMIT"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.PARAM_LENGTH_LIMIT"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.PARAM_NOT_SUPPORT_URL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.TEMPLATE_PARAMS_ILLEGAL"] = AliyunOutcome.PermanentRequestFailure,
        ["isv.SIGN_COUNT_OVER_LIMIT"] = AliyunOutcome.FlowControlled,
        ["isv.TEMPLATE_COUNT_OVER_LIMIT"] = AliyunOutcome.FlowControlled,

        // Gateway errors (HTTP 4xx).
        ["SignatureDoesNotMatch"] = AliyunOutcome.PermanentRequestFailure,
        ["InvalidAccessKeyId.NotFound"] = AliyunOutcome.PermanentRequestFailure,
        ["InvalidAccessKeyId.Inactive"] = AliyunOutcome.PermanentRequestFailure,
        ["InvalidTimeStamp.Format"] = AliyunOutcome.PermanentRequestFailure,
        ["InvalidTimeStamp.Expired"] = AliyunOutcome.PermanentRequestFailure,
        // We never reuse a nonce, so the request was rejected before processing; a new nonce fixes it.
        ["SignatureNonceUsed"] = AliyunOutcome.Retryable,
        ["InvalidVersion"] = AliyunOutcome.PermanentRequestFailure,
        ["InvalidApi.NotFound"] = AliyunOutcome.PermanentRequestFailure,
        ["Throttling.User"] = AliyunOutcome.Retryable,
        ["Throttling"] = AliyunOutcome.Retryable,
        ["ServiceUnavailable"] = AliyunOutcome.Retryable,
        ["InternalError"] = AliyunOutcome.Retryable,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Classifies a completed HTTP exchange by its code, falling back on the HTTP status.</summary>
    public static AliyunOutcome Classify(string? code, int httpStatus)
    {
        if (!string.IsNullOrEmpty(code))
        {
            if (Codes.TryGetValue(code, out var outcome))
            {
                return outcome;
            }

            if (code.StartsWith("Missing", StringComparison.Ordinal) || code.StartsWith("Invalid", StringComparison.Ordinal))
            {
                return AliyunOutcome.PermanentRequestFailure;
            }

            if (code.StartsWith("Throttling", StringComparison.Ordinal))
            {
                return AliyunOutcome.Retryable;
            }
        }

        return httpStatus switch
        {
            >= 500 => AliyunOutcome.Retryable,
            408 or 429 => AliyunOutcome.Retryable,
            >= 200 and < 300 when string.IsNullOrEmpty(code) => AliyunOutcome.Ok,
            _ when code is not null && code.StartsWith("isp.", StringComparison.OrdinalIgnoreCase) => AliyunOutcome.Retryable,
            _ => AliyunOutcome.PermanentRequestFailure,
        };
    }

    /// <summary>Classifies a send whose response never arrived intact.</summary>
    public static AliyunOutcome ClassifyTransportFailure(Exception exception, bool requestMayHaveBeenSent) =>
        requestMayHaveBeenSent && exception is not HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }
            ? AliyunOutcome.Ambiguous
            : AliyunOutcome.Retryable;
}
