using System.Text.Json.Nodes;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>
/// SendSms and SendBatchSms: the Alibaba parameters become a <see cref="SendRequest"/> for
/// <see cref="SendAcceptance"/>, which charges and records the send like any other; refusals get Alibaba's codes.
/// </summary>
public sealed class CompatSender(SendAcceptance acceptance, Replies.OptOutFilter optOuts)
{
    public const int MaxSendSmsNumbers = 1000;
    public const int MaxBatchNumbers = 100;

    private sealed record Choice(Template Template, IReadOnlyList<string> Variables);

    public async Task<CompatResult> SendSmsAsync(ApiCredential key, CompatRequest request, CancellationToken ct)
    {
        var numbers = request.Get("PhoneNumbers")!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length > MaxSendSmsNumbers) return CompatCodes.MobileCountOverLimit;
        if (numbers.Length == 0) return CompatCodes.MobileIllegal;
        if (!TemplateParams.TryParseObject(request.Get("TemplateParam"), out var values)) return CompatCodes.InvalidJson;
        var (choice, refusal) = Choose(key, request.Get("SignName")!, request.Get("TemplateCode")!);
        if (refusal is not null) return refusal;

        var common = choice!.Variables.Where(v => values.TryGetValue(v, out var value) && !string.IsNullOrWhiteSpace(value))
            .ToDictionary(v => v, v => values[v].Trim(), StringComparer.Ordinal);
        if (common.Count < choice.Variables.Count) return CompatCodes.MissingParameters;
        // Values are common to every number, so the list itself carries none and the carrier gets one SendSms per batch.
        var list = RecipientListBuilder.Build(numbers.Select((n, i) => new RecipientRow(i + 1, n, null)),
            new RecipientListOptions(International: choice.Template.Type == TemplateType.International));
        if (NumberProblem(list) is { } bad) return bad;
        return await AcceptAsync(key, request, choice.Template, new SendRequest(key.CustomerId, request.Get("SignName")!, choice.Template.Id, common, list, Source: SendSource.Api, MemberId: key.MemberId), ct);
    }

    public async Task<CompatResult> SendBatchSmsAsync(ApiCredential key, CompatRequest request, CancellationToken ct)
    {
        if (!TemplateParams.TryParseStrings(request.Get("PhoneNumberJson"), out var numbers)
            || !TemplateParams.TryParseStrings(request.Get("SignNameJson"), out var signs))
            return CompatCodes.InvalidJson;
        var paramText = request.Get("TemplateParamJson");
        List<Dictionary<string, string>> values = [];
        if (!string.IsNullOrWhiteSpace(paramText) && !TemplateParams.TryParseObjects(paramText, out values)) return CompatCodes.InvalidJson;
        if (numbers.Count > MaxBatchNumbers) return CompatCodes.MobileCountOverLimit;
        if (numbers.Count == 0) return CompatCodes.MobileIllegal;
        if (signs.Count != numbers.Count || (values.Count > 0 && values.Count != numbers.Count))
            return CompatCodes.InvalidParameters("PhoneNumberJson、SignNameJson和TemplateParamJson的元素个数必须相同");
        if (signs.Distinct(StringComparer.Ordinal).Count() > 1)
            return CompatCodes.InvalidParameters("SignNameJson中的签名必须相同");
        var (choice, refusal) = Choose(key, signs[0], request.Get("TemplateCode")!);
        if (refusal is not null) return refusal;

        var rows = new List<RecipientRow>(numbers.Count);
        for (var i = 0; i < numbers.Count; i++)
        {
            var own = values.Count > 0 ? values[i] : [];
            if (choice!.Variables.Any(v => !own.TryGetValue(v, out var value) || string.IsNullOrWhiteSpace(value))) return CompatCodes.MissingParameters;
            rows.Add(new RecipientRow(i + 1, numbers[i], own));
        }
        var list = RecipientListBuilder.Build(rows, new RecipientListOptions(choice!.Template.Type == TemplateType.International, choice.Variables));
        if (NumberProblem(list) is { } bad) return bad;
        return await AcceptAsync(key, request, choice.Template, new SendRequest(key.CustomerId, signs[0], choice.Template.Id, null, list, Source: SendSource.Api, MemberId: key.MemberId), ct);
    }

    /// <summary>The customer's approved signature and template, checked here so each refusal gets its own code.</summary>
    private static (Choice? Choice, CompatResult? Refusal) Choose(ApiCredential key, string signName, string templateCode)
    {
        var state = key.State ?? throw new InvalidOperationException("The key was not resolved for this request.");
        var template = state.TemplateByCode(templateCode);
        if (template is null) return (null, CompatCodes.TemplateIllegal);
        if (state.Signature(signName) is null) return (null, CompatCodes.SignatureIllegal);
        return (new Choice(template, TemplateText.Variables(template.Content)), null);
    }

    /// <summary>Alibaba refuses the whole call for one bad number, so does this.</summary>
    private static CompatResult? NumberProblem(RecipientList list)
    {
        if (list.InvalidCount == 0 && list.IsAccepted) return null;
        return list.InvalidSamples.Any(s => s.Reason == RecipientMessages.MainlandOnInternational)
            ? CompatCodes.DomesticNotSupported
            : CompatCodes.MobileIllegal;
    }

    private async Task<CompatResult> AcceptAsync(ApiCredential key, CompatRequest request, Template template, SendRequest send, CancellationToken ct)
    {
        // Numbers that replied 退订 to this customer's promotions are left out of its promotions.
        send = send with { Recipients = (await optOuts.ApplyAsync(send.CustomerId, template.Type, send.Recipients, ct)).Recipients };
        // The OutId is written with the task: an accepted, charged send keeps it even if the caller has gone meanwhile.
        var (task, outcome) = await acceptance.AcceptAsync(send with { Api = new ApiOrigin(key.KeyId, OutId(request.Get("OutId"))), WriteCheck = key.WriteCheck }, ct, key.State);
        if (task is null) return CompatCodes.FromRefusal(outcome.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? "");
        return CompatResult.Ok(new JsonObject { ["BizId"] = BizIds.Of(task.TaskId) });
    }

    private static string? OutId(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Length > ApiSend.MaxOutIdLength ? value[..ApiSend.MaxOutIdLength] : value;
}
