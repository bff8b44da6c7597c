namespace Qunfa.Aliyun.Manage;

/// <summary>CreateSmsAuthorizationLetter: the customer (grantor) authorizes the operator (grantee) for up to 100 signatures.</summary>
public sealed record SmsAuthorizationLetterApplication(
    string Authorization,
    string ProxyAuthorization,
    string OrganizationCode,
    string AuthorizationLetterName,
    string AuthorizationLetterExpDate,
    string AuthorizationLetterPic,
    IReadOnlyList<string> SignList)
{
    public const int MaxSigns = 100;
}

/// <summary>QuerySmsAuthorizationLetter filters. State: INT / PASSED; Status: VALID / INVALID.</summary>
public sealed record SmsAuthorizationLetterQuery(
    IReadOnlyList<string>? AuthorizationLetterIdList = null,
    string? SignName = null,
    string? OrganizationCode = null,
    string? State = null,
    string? Status = null);

public sealed record SmsAuthorizationLetter(
    string AuthorizationLetterId,
    string? AuthorizationLetterName,
    string? Authorization,
    string? ProxyAuthorization,
    string? OrganizationCode,
    string? AuthorizationLetterExpDate,
    string? AuthorizationLetterPic,
    IReadOnlyList<string> SignScope,
    ReviewStatus Status,
    bool? Valid);
