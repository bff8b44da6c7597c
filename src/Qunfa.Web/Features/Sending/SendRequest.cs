using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.Sending;

/// <summary>A send as the customer confirms it: signature, template, values, the checked recipients and where they came from.</summary>
public sealed record SendRequest(
    int CustomerId,
    string SignName,
    int TemplateId,
    IReadOnlyDictionary<string, string>? CommonVariables,
    RecipientList Recipients,
    DateTimeOffset? ScheduledAt = null,
    SendSource Source = SendSource.Text,
    string? SourceFileName = null,
    int? MemberId = null);
