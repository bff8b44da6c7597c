namespace Qunfa.Emulators.Manage;

internal sealed class AuthorizationLetterRecord
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string Authorization { get; init; }

    public required string ProxyAuthorization { get; init; }

    public required string OrganizationCode { get; init; }

    public required string ExpDate { get; init; }

    public required string Pic { get; init; }

    public required string[] SignList { get; init; }

    /// <summary>INT under review, PASSED, FAILED.</summary>
    public string State { get; set; } = "INT";

    public string AuditRemark { get; set; } = "";
}
