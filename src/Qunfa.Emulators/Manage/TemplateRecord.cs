namespace Qunfa.Emulators.Manage;

internal sealed class TemplateRecord
{
    public required string Code { get; init; }

    public required string OrderId { get; set; }

    public required DateTimeOffset CreateDate { get; init; }

    public required string Name { get; set; }

    public required string Content { get; set; }

    /// <summary>0 verification, 1 notification, 2 promotion, 3 international.</summary>
    public int Type { get; set; }

    public string RelatedSignName { get; set; } = "";

    public string TemplateRule { get; set; } = "";

    public string Remark { get; set; } = "";

    public string[] Variables { get; set; } = [];

    public ReviewStatus Status { get; set; }

    public string RejectReason { get; set; } = "";

    public DateTimeOffset? AuditDate { get; set; }

    /// <summary>QuerySmsTemplateList numbers types differently from the create/get APIs.</summary>
    public int ListTemplateType => Type switch
    {
        0 => 2,
        1 => 0,
        2 => 1,
        _ => 6,
    };
}
