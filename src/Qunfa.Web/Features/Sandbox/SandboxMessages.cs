using System.Text.RegularExpressions;
using Qunfa.Emulators;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Features.Sandbox;

/// <summary>
/// What the built-in sandbox carrier sent, shown in place of the handsets a trial has none of: the admin's
/// 沙箱短信 list, and the code beside the form that asked for it. Nothing is shown unless the sandbox is the
/// operator's carrier and runs in this process, so the real Alibaba carrier never reveals a code.
/// </summary>
public sealed partial class SandboxMessages(CarrierState carrier, SandboxCarrier sandbox)
{
    public const int MaxSearchLength = 64;

    public bool IsCarrier => carrier.Current.Kind == CarrierKind.Sandbox;

    /// <summary>The running sandbox's state while it is the operator's carrier; null otherwise.</summary>
    public EmulatorState? Active => IsCarrier ? sandbox.Host?.State : null;

    /// <summary>The sandbox is the carrier but runs elsewhere (Qunfa:Sandbox:EmulatorUrl): its messages are in that emulator.</summary>
    public bool IsExternal => IsCarrier && sandbox.IsExternal;

    public PagedList<EmulatorSentSms> Search(string? search, PageRequest page)
    {
        if (Active is not { } state) return new PagedList<EmulatorSentSms>([], 0, page);
        var text = search?.Trim();
        if (text is { Length: > MaxSearchLength }) text = text[..MaxSearchLength];
        var found = state.SentLog(text, page.Skip, page.Size);
        return new PagedList<EmulatorSentSms>(found.Items, found.Total, page);
    }

    /// <summary>The verification code in the newest message the sandbox sent to <paramref name="phone"/>.</summary>
    public string? CodeSentTo(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || Active?.LatestMessageTo(phone.Trim()) is not { } message) return null;
        var match = Code().Match(WithoutSignature(message.Content));
        return match.Success ? match.Value : null;
    }

    // A signature may hold digits of its own; the code is in the text after it.
    private static string WithoutSignature(string content) =>
        content.StartsWith('【') && content.IndexOf('】') is > 0 and var end ? content[(end + 1)..] : content;

    [GeneratedRegex(@"(?<!\d)\d{4,8}(?!\d)")]
    private static partial Regex Code();
}
