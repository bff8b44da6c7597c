namespace Qunfa.Emulators.Manage;

internal sealed class QualificationRecord
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string CompanyName { get; init; }

    public required string OrganizationCode { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public string LegalPersonName { get; init; } = "";

    public bool UseBySelf { get; init; }

    public string WorkOrderId { get; init; } = "";

    /// <summary>INT under review, PASSED, FAILED.</summary>
    public string State { get; set; } = "INT";

    public string AuditRemark { get; set; } = "";

    public DateTimeOffset? AuditTime { get; set; }

    /// <summary>The list's StateName as the current SDK models it: INIT, PASS, NOT_PASS.</summary>
    public string StateName => State switch
    {
        "PASSED" => "PASS",
        "FAILED" => "NOT_PASS",
        _ => "INIT",
    };
}
