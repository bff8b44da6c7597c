using System.Globalization;
using System.Text.Json;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// POST /api/v1/sms/send: checks the request's shape, finds the template by its code, checks the numbers with
/// <see cref="RecipientListBuilder"/> and hands the send to <see cref="SendAcceptance"/>, which has the last word.
/// </summary>
public sealed class ApiSendService(SendAcceptance acceptance, Replies.OptOutFilter optOuts, Contacts.GroupRecipients groups)
{
    public const int MaxNumbers = 1000;

    public sealed record Refusal(string Code, string Message, IReadOnlyList<InvalidNumber>? InvalidNumbers = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // SendAcceptance answers with the console's messages; the API adds a stable code for each.
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        [SendMessages.Frozen] = "AccountFrozen",
        [SendMessages.SignatureNotUsable] = "SignatureNotUsable",
        [SendMessages.TemplateNotUsable] = "TemplateNotUsable",
        [SendMessages.SceneMismatch] = "SceneMismatch",
        [SendMessages.MissingVariables] = "MissingVariables",
        [SendMessages.TooLong] = "ContentTooLong",
        [SendMessages.BalanceTooLow] = "BalanceTooLow",
        [SendMessages.ScheduleOutOfRange] = "ScheduleOutOfRange",
        [SendMessages.NoRecipients] = "NoValidRecipients",
    };

    /// <summary>The request, or the per-field errors that make it unreadable (camelCase field paths).</summary>
    public static (SendSmsRequest? Request, Dictionary<string, string[]> Errors) Parse(ReadOnlySpan<byte> body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        SendSmsRequest? request;
        try
        {
            request = body.IsEmpty ? null : JsonSerializer.Deserialize<SendSmsRequest>(body, Json);
        }
        catch (JsonException e)
        {
            errors[FieldOf(e.Path)] = [ApiMessages.InvalidJson];
            return (null, errors);
        }
        if (request is null)
        {
            errors["body"] = [ApiMessages.InvalidJson];
            return (null, errors);
        }
        if (string.IsNullOrWhiteSpace(request.SignName)) errors["signName"] = [ApiMessages.SignNameRequired];
        if (string.IsNullOrWhiteSpace(request.TemplateCode)) errors["templateCode"] = [ApiMessages.TemplateCodeRequired];
        if (request.GroupIds is { Count: 0 or > Contacts.GroupRecipients.MaxGroups }) errors["groupIds"] = [ApiMessages.TooManyGroups];
        if (request.PhoneNumbers is null && request.Items is null && request.GroupIds is null) errors["phoneNumbers"] = [ApiMessages.NumbersOrItems];
        else if (request.PhoneNumbers is not null && request.Items is not null) errors["items"] = [ApiMessages.NotBoth];
        else if (request.PhoneNumbers is { Count: 0 or > MaxNumbers }) errors["phoneNumbers"] = [ApiMessages.TooManyNumbers];
        else if (request.Items is { Count: 0 or > MaxNumbers }) errors["items"] = [ApiMessages.TooManyNumbers];
        if (request.OutId is { Length: > ApiSend.MaxOutIdLength }) errors["outId"] = [ApiMessages.OutIdTooLong];
        return (errors.Count == 0 ? request : null, errors);
    }

    public async Task<(SendSmsAccepted? Accepted, Refusal? Refusal)> SendAsync(ApiCredential key, SendSmsRequest request, CancellationToken ct)
    {
        var customerId = key.CustomerId;
        var state = key.State ?? throw new InvalidOperationException("The key was not resolved for this request.");
        var template = state.TemplateByCode(request.TemplateCode!.Trim());
        if (template is null) return (null, new Refusal("TemplateNotUsable", ApiMessages.TemplateNotUsable));

        var variables = TemplateText.Variables(template.Content);
        var common = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in variables)
            if (request.TemplateParam is not null && request.TemplateParam.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                common[name] = value.Trim();
        var groupIds = request.GroupIds?.Distinct().ToList() ?? [];
        if (await groups.CheckAsync(customerId, groupIds, ct) is { } unknownGroups) return (null, new Refusal("GroupNotFound", unknownGroups));
        if (request.PhoneNumbers is not null && groupIds.Count == 0 && variables.Where(v => !common.ContainsKey(v)).ToList() is { Count: > 0 } missing)
            return (null, new Refusal("MissingVariables", string.Format(CultureInfo.InvariantCulture, ApiMessages.MissingVariables, string.Join("、", missing))));

        // Line numbers are positions from 1; the answer reports them from 0, as the client indexes its array.
        IEnumerable<RecipientRow> rows = request.PhoneNumbers is not null
            ? request.PhoneNumbers.Select((p, i) => new RecipientRow(i + 1, p?.Trim() ?? "", null))
            : request.Items?.Select((item, i) => new RecipientRow(i + 1, item?.PhoneNumber?.Trim() ?? "", item?.TemplateParam)) ?? [];
        var given = request.PhoneNumbers?.Count ?? request.Items?.Count ?? 0;
        var list = RecipientListBuilder.Build(groups.After(rows, customerId, groupIds), new RecipientListOptions(template.Type == TemplateType.International, variables, common, MaxNumbers));
        // A contact of a group has no place in the request: its index is -1.
        var invalid = list.InvalidSamples.Select(r => new InvalidNumber(r.LineNumber <= given ? r.LineNumber - 1 : -1, r.RawPhone, r.Reason)).ToList();
        if (!list.IsAccepted)
            return (null, new Refusal("NoValidRecipients", list.Problems.FirstOrDefault() ?? SendMessages.NoRecipients, invalid));

        // Numbers that replied 退订 to this customer's promotions are left out of its promotions.
        var recipients = (await optOuts.ApplyAsync(customerId, template.Type, list, ct)).Recipients;
        var (task, outcome) = await acceptance.AcceptAsync(
            new SendRequest(customerId, request.SignName!.Trim(), template.Id, common, recipients, request.ScheduledAt, SendSource.Api, MemberId: key.MemberId)
            {
                // The reference is written with the task, only when given: GET /api/v1/tasks?outId= finds it.
                Api = string.IsNullOrEmpty(request.OutId) ? null : new ApiOrigin(key.KeyId, request.OutId),
                WriteCheck = key.WriteCheck,
            }, ct, state);
        if (task is null)
        {
            var message = outcome.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? SendMessages.NoRecipients;
            return (null, new Refusal(Codes.GetValueOrDefault(message, "SendRefused"), message));
        }
        return (new SendSmsAccepted(task.TaskId, task.Recipients, task.Segments, list.InvalidCount, list.DuplicateCount, invalid), null);
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
