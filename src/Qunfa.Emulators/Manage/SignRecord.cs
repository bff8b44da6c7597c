namespace Qunfa.Emulators.Manage;

internal sealed class SignRecord
{
    public required string Name { get; init; }

    public required string OrderId { get; set; }

    public required DateTimeOffset CreateDate { get; init; }

    public int SignSource { get; set; }

    /// <summary>0 verification code only, 1 general.</summary>
    public int SignType { get; set; } = 1;

    public string Remark { get; set; } = "";

    public long QualificationId { get; set; }

    public bool ThirdParty { get; set; }

    public long? AuthorizationLetterId { get; set; }

    public string MoreData { get; set; } = "[]";

    public string ApplySceneContent { get; set; } = "";

    public ReviewStatus Status { get; set; }

    public string RejectReason { get; set; } = "";

    public DateTimeOffset? AuditDate { get; set; }

    public int Tag { get; set; } = 2;
}
