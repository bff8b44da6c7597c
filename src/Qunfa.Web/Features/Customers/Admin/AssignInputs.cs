using Qunfa.Web.Domain.Messaging;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>分配用户 of 分配签名 / 分配模板: 全部用户, or the customers ticked in the (searchable) list.</summary>
public class AssignTargetInput
{
    public const string AllCustomers = "all";
    public const string ChosenCustomers = "some";

    public string? Target { get; set; } = ChosenCustomers;
    public List<int> CustomerIds { get; set; } = [];
    public string? CustomerSearch { get; set; }

    public bool ToAll => Target == AllCustomers;

    /// <summary>What <c>Assignment</c> takes: null for every customer.</summary>
    public IReadOnlyCollection<int>? Recipients => ToAll ? null : CustomerIds.Distinct().ToList();
}

public sealed class SignAssignInput : AssignTargetInput
{
    public string? SignName { get; set; }
    public SignatureType? Type { get; set; }
}

public sealed class TemplateAssignInput : AssignTargetInput
{
    public string? TemplateCode { get; set; }
}
