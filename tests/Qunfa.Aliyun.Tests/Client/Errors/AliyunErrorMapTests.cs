using Qunfa.Aliyun.Errors;

namespace Qunfa.Aliyun.Tests.Client.Errors;

public sealed class AliyunErrorMapTests
{
    public static TheoryData<string, int, AliyunOutcome> DocumentedCodes => new()
    {
        { "OK", 200, AliyunOutcome.Ok },
        { "isv.SMS_SIGNATURE_SCENE_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.EXTEND_CODE_ERROR", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.SIGN_STATE_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.SMS_SIGN_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.SMS_SIGNATURE_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.SMS_TEMPLATE_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.DOMESTIC_NUMBER_NOT_SUPPORTED", 200, AliyunOutcome.PermanentNumberFailure },
        { "isv.DENY_IP_RANGE", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.DAY_LIMIT_CONTROL", 200, AliyunOutcome.FlowControlled },
        { "isv.MONTH_LIMIT_CONTROL", 200, AliyunOutcome.FlowControlled },
        { "isv.SMS_CONTENT_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isp.RAM_PERMISSION_DENY", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.OUT_OF_SERVICE", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.AMOUNT_NOT_ENOUGH", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.PRODUCT_UN_SUBSCRIPT", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.PRODUCT_UNSUBSCRIBE", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.ACCOUNT_NOT_EXISTS", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.ACCOUNT_ABNORMAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.INVALID_PARAMETERS", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.INVALID_JSON_PARAM", 200, AliyunOutcome.PermanentRequestFailure },
        { "isp.SYSTEM_ERROR", 200, AliyunOutcome.Retryable },
        { "isv.MOBILE_NUMBER_ILLEGAL", 200, AliyunOutcome.PermanentNumberFailure },
        { "isv.MOBILE_COUNT_OVER_LIMIT", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.TEMPLATE_MISSING_PARAMETERS", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.BUSINESS_LIMIT_CONTROL", 200, AliyunOutcome.FlowControlled },
        { "isv.BLACK_KEY_CONTROL_LIMIT", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.PARAM_LENGTH_LIMIT", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.PARAM_NOT_SUPPORT_URL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.TEMPLATE_PARAMS_ILLEGAL", 200, AliyunOutcome.PermanentRequestFailure },
        { "isv.SIGN_COUNT_OVER_LIMIT", 200, AliyunOutcome.FlowControlled },
        { "isv.TEMPLATE_COUNT_OVER_LIMIT", 200, AliyunOutcome.FlowControlled },
        { "SignatureDoesNotMatch", 400, AliyunOutcome.PermanentRequestFailure },
        { "InvalidAccessKeyId.NotFound", 404, AliyunOutcome.PermanentRequestFailure },
        { "InvalidAccessKeyId.Inactive", 400, AliyunOutcome.PermanentRequestFailure },
        { "InvalidTimeStamp.Format", 400, AliyunOutcome.PermanentRequestFailure },
        { "InvalidTimeStamp.Expired", 400, AliyunOutcome.PermanentRequestFailure },
        { "SignatureNonceUsed", 400, AliyunOutcome.Retryable },
        { "MissingPhoneNumbers", 400, AliyunOutcome.PermanentRequestFailure },
        { "InvalidVersion", 400, AliyunOutcome.PermanentRequestFailure },
        { "InvalidApi.NotFound", 404, AliyunOutcome.PermanentRequestFailure },
        { "Throttling.User", 400, AliyunOutcome.Retryable },
    };

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public void DocumentedCodes_MapAsDecided(string code, int status, AliyunOutcome expected) =>
        Assert.Equal(expected, AliyunErrorMap.Classify(code, status));

    [Fact]
    public void EveryTableEntryIsCoveredByTheTheory()
    {
        var tested = DocumentedCodes.Select(row => row.Data.Item1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var untested = AliyunErrorMap.Codes.Keys.Where(k => !tested.Contains(k) && k is not ("Throttling" or "ServiceUnavailable" or "InternalError"));
        Assert.Empty(untested);
    }

    [Theory]
    [InlineData(null, 500, AliyunOutcome.Retryable)]
    [InlineData(null, 503, AliyunOutcome.Retryable)]
    [InlineData(null, 429, AliyunOutcome.Retryable)]
    [InlineData(null, 408, AliyunOutcome.Retryable)]
    [InlineData(null, 200, AliyunOutcome.Ok)]
    [InlineData(null, 403, AliyunOutcome.PermanentRequestFailure)]
    [InlineData("isv.SOMETHING_NEW", 200, AliyunOutcome.PermanentRequestFailure)]
    [InlineData("isp.SOMETHING_NEW", 200, AliyunOutcome.Retryable)]
    [InlineData("Throttling.Api", 400, AliyunOutcome.Retryable)]
    [InlineData("UnknownError", 502, AliyunOutcome.Retryable)]
    [InlineData("isv.business_limit_control", 200, AliyunOutcome.FlowControlled)]
    public void UnknownCodes_FallBackOnStatus(string? code, int status, AliyunOutcome expected) =>
        Assert.Equal(expected, AliyunErrorMap.Classify(code, status));

    [Fact]
    public void TransportFailures()
    {
        Assert.Equal(AliyunOutcome.Ambiguous, AliyunErrorMap.ClassifyTransportFailure(new HttpRequestException(HttpRequestError.ResponseEnded), true));
        Assert.Equal(AliyunOutcome.Ambiguous, AliyunErrorMap.ClassifyTransportFailure(new Polly.Timeout.TimeoutRejectedException(), true));
        Assert.Equal(AliyunOutcome.Ambiguous, AliyunErrorMap.ClassifyTransportFailure(new TaskCanceledException(), true));
        Assert.Equal(AliyunOutcome.Retryable, AliyunErrorMap.ClassifyTransportFailure(new HttpRequestException(HttpRequestError.ConnectionError), true));
        Assert.Equal(AliyunOutcome.Retryable, AliyunErrorMap.ClassifyTransportFailure(new HttpRequestException(HttpRequestError.NameResolutionError), true));
        Assert.Equal(AliyunOutcome.Retryable, AliyunErrorMap.ClassifyTransportFailure(new TaskCanceledException(), false));
    }
}
