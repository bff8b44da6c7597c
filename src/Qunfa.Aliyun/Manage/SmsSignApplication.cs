namespace Qunfa.Aliyun.Manage;

public enum SmsSignSource
{
    EnterpriseName = 0,
    Website = 1,
    App = 2,
    OfficialAccount = 3,
    ECommerceStore = 4,
    Trademark = 5,
}

public enum SmsSignType
{
    VerificationCode = 0,
    General = 1,
}

/// <summary>Parameters of CreateSmsSign / UpdateSmsSign. <see cref="ThirdParty"/> = true for a reseller's customers (needs <see cref="AuthorizationLetterId"/>).</summary>
public sealed record SmsSignApplication(string SignName, SmsSignSource SignSource, string QualificationId)
{
    public SmsSignType? SignType { get; init; }

    public string? Remark { get; init; }

    public bool? ThirdParty { get; init; }

    public string? AuthorizationLetterId { get; init; }

    /// <summary>OSS object keys of supporting files.</summary>
    public IReadOnlyList<string>? MoreData { get; init; }

    public string? ApplySceneContent { get; init; }

    public string? AppIcpRecordId { get; init; }

    public string? TrademarkId { get; init; }

    public const int MaxRemarkLength = 200;
}

public sealed record SmsSignApplicationResult(string SignName, string? OrderId, string? RequestId);
