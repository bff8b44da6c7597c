using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Contacts;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Uploads;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Sending.Console;

public sealed record SignChoice(string Name, SignatureType Type);

public sealed record TemplateChoice(int Id, string Name, TemplateType Type, string Content)
{
    public IReadOnlyList<string> Variables => TemplateText.Variables(Content);
}

/// <summary>What 预览 shows before anything is charged.</summary>
public sealed record SendPreview(
    string Token,
    string Content,
    int MinSegments,
    int MaxSegments,
    int ValidCount,
    int InvalidCount,
    int DuplicateCount,
    IReadOnlyList<InvalidRecipient> InvalidSamples,
    bool HasInvalidCsv,
    long BilledSegments,
    long Available,
    DateTimeOffset? ScheduledAt,
    IReadOnlyList<string> OptedOut)
{
    public long BalanceAfter => Available - BilledSegments;
    /// <summary>How much more balance the send needs; 0 when there is enough.</summary>
    public long Shortfall => Math.Max(0, BilledSegments - Available);
    public int OptedOutCount => OptedOut.Count;
}

/// <summary>
/// Puts a customer's send together for the console: the approved choices, the stored numbers read and checked
/// again on every step, and the hand-over to <see cref="SendAcceptance"/>, which has the last word.
/// </summary>
public sealed class SendComposer(
    QunfaDbContext db, SendUploadStore store, SendAcceptance acceptance, RecipientProgress progress, UploadParseBudget budget, OperatorClock clock, OptOutFilter optOuts,
    GroupRecipients groups)
{
    public const int MaxInvalidShown = 20;
    public const int MaxOptedOutShown = 20;

    public async Task<IReadOnlyList<SignChoice>> SignaturesAsync(int customerId, CancellationToken ct) =>
        await db.Signatures.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.Status == ReviewStatus.Approved)
            .OrderBy(s => s.Name).Select(s => new SignChoice(s.Name, s.Type)).ToListAsync(ct);

    public async Task<IReadOnlyList<TemplateChoice>> TemplatesAsync(int customerId, CancellationToken ct) =>
        await db.Templates.AsNoTracking()
            .Where(t => t.CustomerId == customerId && t.Status == ReviewStatus.Approved && t.TemplateCode != null)
            .OrderBy(t => t.Id).Select(t => new TemplateChoice(t.Id, t.Name, t.Type, t.Content)).ToListAsync(ct);

    /// <summary>Stores what was entered (a new file or text wins over an earlier token) and checks it.</summary>
    public async Task<(SendPreview? Preview, Outcome Outcome)> PreviewAsync(int customerId, SendInput input, CancellationToken ct)
    {
        var (template, sign, outcome) = await ChoiceAsync(customerId, input, ct);
        if (!outcome.Succeeded) return (null, outcome);
        var (scheduledAt, scheduleProblem) = ParseSchedule(input.ScheduledAt);
        if (scheduleProblem is not null) return (null, Outcome.Fail("ScheduledAt", scheduleProblem));
        if (await groups.CheckAsync(customerId, input.GroupIds, ct) is { } unknownGroups) return (null, Outcome.Fail("GroupIds", unknownGroups));

        string token;
        if (input.File is { Length: > 0 } file)
        {
            await using var upload = file.OpenReadStream();
            token = await store.SaveFileAsync(customerId, upload, file.FileName, ct);
        }
        else if (!string.IsNullOrWhiteSpace(input.Numbers))
        {
            token = await store.SaveTextAsync(customerId, input.Numbers, ct);
        }
        else if (store.Find(customerId, input.Token) is { } earlier)
        {
            token = earlier.Token;
        }
        else if (input.GroupIds.Count > 0)
        {
            // Groups only: an empty list is stored so that the invalid and opted-out downloads have a token to hang on.
            token = await store.SaveTextAsync(customerId, "", ct);
        }
        else
        {
            return (null, Outcome.Fail("Numbers", ConsoleSendMessages.NoNumbers));
        }
        input.Token = token;

        var common = Common(input, template!);
        if (store.Find(customerId, token) is not { } stored) return (null, Outcome.Fail("", ConsoleSendMessages.PreviewExpired));
        var counter = progress.Start(customerId, input.ProgressId);
        var read = Read(customerId, stored, input.GroupIds, template!, common, counter, ct);
        counter?.Finish();
        var (list, optedOut) = await optOuts.ApplyAsync(customerId, template!.Type, read, ct);
        if (list.InvalidCount > 0)
            await store.SaveInvalidAsync(customerId, token, list.WriteInvalidCsv, ct);
        if (optedOut.Count > 0)
            await store.SaveOptedOutAsync(customerId, token, optedOut, ct);

        var sample = list.Valid.Count > 0 && list.Valid[0].Variables is { } own ? Merge(common, own) : common;
        var text = TemplateText.Fill(template!.Content, sample);
        var content = Segments.Compose(sign!.Name, text);
        var perMessage = Segments.Count(content);
        var (billed, fewest, most) = Billed(list, sign.Name, template.Content, common);
        var grants = await db.PackageGrants.AsNoTracking().Where(g => g.CustomerId == customerId).ToListAsync(ct);
        var available = BalanceRule.Available(grants, SendAcceptance.CategoryOf(template.Type), clock.Today);
        var preview = new SendPreview(token, content, list.ValidCount > 0 ? fewest : perMessage, list.ValidCount > 0 ? most : perMessage, list.ValidCount, list.InvalidCount, list.DuplicateCount,
            [.. list.InvalidSamples.Take(MaxInvalidShown)], list.InvalidCount > 0, billed, available, scheduledAt, optedOut);

        var problems = Outcome.Ok();
        foreach (var problem in list.Problems) problems.Add("", problem);
        if (list.Problems.Count == 0 && list.ValidCount == 0) problems.Add("", SendMessages.NoRecipients);
        if (TemplateText.Variables(text).Count > 0 && list.ValidCount > 0) problems.Add("", SendMessages.MissingVariables);
        if (perMessage == 0 || billed < 0) problems.Add("", SendMessages.TooLong);
        else if (list.ValidCount > 0 && billed > available) problems.Add("", SendMessages.BalanceTooLow);
        return (preview, problems);
    }

    /// <summary>Reads the stored numbers again and hands the send to the engine; the stored list is removed once accepted.</summary>
    public async Task<(SendAcceptance.Accepted? Task, Outcome Outcome)> ConfirmAsync(int customerId, SendInput input, CancellationToken ct, int? memberId = null)
    {
        var (template, sign, outcome) = await ChoiceAsync(customerId, input, ct);
        if (!outcome.Succeeded) return (null, outcome);
        var (scheduledAt, scheduleProblem) = ParseSchedule(input.ScheduledAt);
        if (scheduleProblem is not null) return (null, Outcome.Fail("ScheduledAt", scheduleProblem));
        if (await groups.CheckAsync(customerId, input.GroupIds, ct) is { } unknownGroups) return (null, Outcome.Fail("GroupIds", unknownGroups));
        var common = Common(input, template!);
        if (store.Find(customerId, input.Token) is not { } stored) return (null, Outcome.Fail("", ConsoleSendMessages.PreviewExpired));
        var counter = progress.Start(customerId, input.ProgressId);
        var read = Read(customerId, stored, input.GroupIds, template!, common, counter, ct);
        var (list, _) = await optOuts.ApplyAsync(customerId, template!.Type, read, ct);
        var fromFile = !stored.IsTextBox;
        var result = await acceptance.AcceptAsync(new SendRequest(customerId, sign!.Name, template!.Id, common, list, scheduledAt,
            fromFile ? SendSource.File : SendSource.Text, fromFile ? stored.FileName : null, memberId), ct);
        if (result.Task is not null) store.Delete(customerId, input.Token);
        counter?.Finish();
        return result;
    }

    public string? InvalidCsvPath(int customerId, string? token) => store.InvalidCsvPath(customerId, token);

    public string? OptedOutCsvPath(int customerId, string? token) => store.OptedOutCsvPath(customerId, token);

    private async Task<(TemplateChoice? Template, SignChoice? Sign, Outcome Outcome)> ChoiceAsync(int customerId, SendInput input, CancellationToken ct)
    {
        var outcome = Outcome.Ok();
        var sign = string.IsNullOrEmpty(input.SignName) ? null
            : (await SignaturesAsync(customerId, ct)).FirstOrDefault(s => s.Name == input.SignName);
        var template = input.TemplateId is { } id ? (await TemplatesAsync(customerId, ct)).FirstOrDefault(t => t.Id == id) : null;
        if (sign is null) outcome.Add("SignName", SendMessages.SignatureNotUsable);
        if (template is null) outcome.Add("TemplateId", SendMessages.TemplateNotUsable);
        if (sign is not null && template is not null && sign.Type == SignatureType.VerificationCode && template.Type != TemplateType.VerificationCode)
            outcome.Add("SignName", SendMessages.SceneMismatch);
        return (template, sign, outcome);
    }

    /// <summary>The stored numbers (if any), then the chosen groups' contacts, through one builder: a number is sent once.</summary>
    private RecipientList Read(int customerId, SendUploadStore.Stored stored, IReadOnlyCollection<int> groupIds, TemplateChoice template, Dictionary<string, string> common,
        RecipientProgress.Counter? counter, CancellationToken ct)
    {
        var options = new RecipientListOptions(template.Type == TemplateType.International, template.Variables, common);
        using var scope = budget.Start(ct);
        try
        {
            if (stored.IsTextBox)
                return RecipientListBuilder.Build(RecipientProgress.Counted(StopWhen(
                    groups.After(RecipientReader.ReadTextBox(File.ReadAllText(stored.Path)), customerId, groupIds), scope.Token), counter), options);
            using var content = new FileStream(stored.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // Build reads every row before the stream is closed.
            return RecipientListBuilder.Build(RecipientProgress.Counted(StopWhen(groups.After(
                RecipientReader.ReadFile(content, new RecipientReadOptions(stored.FileName, template.Variables, Cancellation: scope.Token)), customerId, groupIds), scope.Token), counter), options);
        }
        catch (OperationCanceledException) when (scope.Token.IsCancellationRequested)
        {
            counter?.Stop();
            if (scope.Refusal is { } refusal) return RecipientList.Refused(refusal);
            throw;
        }
    }

    private static IEnumerable<RecipientRow> StopWhen(IEnumerable<RecipientRow> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static Dictionary<string, string> Common(SendInput input, TemplateChoice template)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in template.Variables)
            if (input.Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                values[name] = value.Trim();
        return values;
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> common, IReadOnlyDictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(common, StringComparer.Ordinal);
        foreach (var (k, v) in own) merged[k] = v;
        return merged;
    }

    /// <summary>Σ segments over the valid recipients and the fewest and most of one message; a total of -1 when one message would be over 500 characters.</summary>
    private static (long Total, int Fewest, int Most) Billed(RecipientList list, string signName, string templateContent, Dictionary<string, string> common)
    {
        long total = 0;
        int fewest = int.MaxValue, most = 0;
        int? shared = null;
        foreach (var recipient in list.Valid)
        {
            int count;
            if (recipient.Variables is null && shared is { } known) count = known;
            else
            {
                var values = recipient.Variables is { } own ? Merge(common, own) : common;
                count = Segments.Count(Segments.Compose(signName, TemplateText.Fill(templateContent, values)));
                if (count == 0) return (-1, 0, 0);
                if (recipient.Variables is null) shared = count;
            }
            total += count;
            fewest = Math.Min(fewest, count);
            most = Math.Max(most, count);
        }
        return (total, fewest == int.MaxValue ? 0 : fewest, most);
    }

    private (DateTimeOffset? At, string? Problem) ParseSchedule(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        if (!DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return (null, ConsoleSendMessages.ScheduleInvalid);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (clock.Zone.IsInvalidTime(unspecified)) return (null, ConsoleSendMessages.ScheduleInvalid);
        var at = new DateTimeOffset(unspecified, clock.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
        var now = clock.UtcNow;
        if (at <= now || at > now + SendAcceptance.MaxScheduleAhead) return (null, SendMessages.ScheduleOutOfRange);
        return (at, null);
    }
}
