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
    int? MemberId = null)
{
    /// <summary>For a send through an API key: written with the task, in its transaction, so the caller's reference is never lost.</summary>
    public ApiOrigin? Api { get; init; }

    /// <summary>Checks of the signed request still to be made, in the write (<see cref="Checks.WriteTimeCheck"/>).</summary>
    public Checks.WriteTimeCheck? WriteCheck { get; init; }
}

/// <summary>The key a send came through and the caller's own reference for it (OutId).</summary>
public sealed record ApiOrigin(int KeyId, string? OutId);
