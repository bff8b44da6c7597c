using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.Sending;

/// <summary>A send as the customer confirms it: signature, template, values and the checked recipients.</summary>
public sealed record SendRequest(
    int CustomerId,
    string SignName,
    int TemplateId,
    IReadOnlyDictionary<string, string>? CommonVariables,
    RecipientList Recipients,
    DateTimeOffset? ScheduledAt = null);
