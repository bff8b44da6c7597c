using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Uploads;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Contacts;

/// <summary>What the 导入联系人 form posts. The file travels once; afterwards only <see cref="Token"/>.</summary>
public sealed class ImportInput
{
    public IFormFile? File { get; set; }
    public string? Token { get; set; }
    public string? ProgressId { get; set; }
    /// <summary>An existing group; null creates <see cref="GroupName"/>.</summary>
    public int? GroupId { get; set; }
    public string? GroupName { get; set; }
    public string? GroupRemark { get; set; }
    public ImportMode Mode { get; set; }
}

/// <summary>What the import's 预览 shows before anything is saved.</summary>
public sealed record ImportPreview(
    string Token, int ValidCount, int InvalidCount, int DuplicateCount, IReadOnlyList<string> FieldNames,
    IReadOnlyList<ContactWriter.Row> Sample, IReadOnlyList<InvalidRecipient> InvalidSamples, bool HasInvalidCsv);

/// <summary>
/// 导入联系人: the file is stored and read by the same reader, limits and time budget as 发送短信's number file
/// (<see cref="SendUploadStore"/>, <see cref="RecipientReader"/>, <see cref="UploadParseBudget"/>), previewed, then read
/// again and streamed into the 通讯录 by <see cref="ContactWriter"/> in one transaction.
/// </summary>
public sealed class ContactImport(QunfaDbContext db, SendUploadStore store, RecipientProgress progress, UploadParseBudget budget, ContactBook book, TimeProvider time)
{
    public const int SampleRows = 10;

    public async Task<(ImportPreview? Preview, Outcome Outcome)> PreviewAsync(int customerId, ImportInput input, CancellationToken ct)
    {
        var choice = await CheckGroupAsync(customerId, input, ct);
        if (!choice.Succeeded) return (null, choice);
        SendUploadStore.Stored? stored;
        if (input.File is { Length: > 0 } file)
        {
            await using var upload = file.OpenReadStream();
            stored = store.Find(customerId, await store.SaveFileAsync(customerId, upload, file.FileName, ct));
        }
        else if (store.Find(customerId, input.Token) is { IsTextBox: false } earlier) stored = earlier;
        else return (null, Outcome.Fail("File", ContactMessages.NoFile));
        if (stored is null) return (null, Outcome.Fail("", ContactMessages.ImportExpired));
        var token = input.Token = stored.Token;

        var check = new ContactRowCheck();
        var sample = new List<ContactWriter.Row>(SampleRows);
        var counter = progress.Start(customerId, input.ProgressId);
        using (var scope = budget.Start(ct))
        {
            try
            {
                using var content = new FileStream(stored.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
                foreach (var row in check.Valid(Rows(content, stored.FileName, counter, scope.Token)))
                    if (sample.Count < SampleRows) sample.Add(row);
            }
            catch (RecipientFileException e)
            {
                counter?.Stop();
                return (null, Outcome.Fail("File", e.Message));
            }
            catch (OperationCanceledException) when (scope.Token.IsCancellationRequested)
            {
                counter?.Stop();
                if (scope.Refusal is { } refusal) return (null, Outcome.Fail("File", refusal));
                throw;
            }
        }
        counter?.Finish();
        if (check.InvalidCount > 0)
            await store.SaveInvalidAsync(customerId, token, new RecipientList([], check.InvalidCount, 0, check.InvalidSamples, []).WriteInvalidCsv, ct);
        var preview = new ImportPreview(token, check.ValidCount, check.InvalidCount, check.DuplicateCount, check.FieldNames, sample,
            [.. check.InvalidSamples.Take(SendComposer.MaxInvalidShown)], check.InvalidCount > 0);
        return (preview, check.ValidCount == 0 ? Outcome.Fail("File", check.InvalidCount + check.DuplicateCount == 0 ? RecipientMessages.Empty : RecipientMessages.AllInvalid) : Outcome.Ok());
    }

    /// <summary>Reads the stored file again and writes its valid rows; how many contacts the group received.</summary>
    public async Task<(int? GroupId, int Imported, Outcome Outcome)> ConfirmAsync(int customerId, ImportInput input, CancellationToken ct)
    {
        var choice = await CheckGroupAsync(customerId, input, ct);
        if (!choice.Succeeded) return (null, 0, choice);
        if (store.Find(customerId, input.Token) is not { IsTextBox: false } stored) return (null, 0, Outcome.Fail("", ContactMessages.ImportExpired));
        var counter = progress.Start(customerId, input.ProgressId);
        var check = new ContactRowCheck(maxInvalidSamples: 0);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var groupId = input.GroupId;
            if (groupId is null)
            {
                var (created, outcome) = await book.CreateGroupAsync(customerId, input.GroupName, input.GroupRemark, ct);
                if (!outcome.Succeeded) return (null, 0, outcome);
                groupId = created;
            }
            try
            {
                await using var content = new FileStream(stored.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
                await ContactWriter.WriteAsync(db, customerId, groupId!.Value, input.Mode, check.Valid(Rows(content, stored.FileName, counter, ct)), time.GetUtcNow(), ct);
            }
            catch (RecipientFileException e)
            {
                return (null, 0, Outcome.Fail("File", e.Message));
            }
            if (check.ValidCount == 0) return (null, 0, Outcome.Fail("File", RecipientMessages.AllInvalid));
            await transaction.CommitAsync(ct);
            input.GroupId = groupId;
        }
        counter?.Finish();
        store.Delete(customerId, input.Token);
        return (input.GroupId, check.ValidCount, Outcome.Ok());
    }

    public string? InvalidCsvPath(int customerId, string? token) => store.InvalidCsvPath(customerId, token);

    private static IEnumerable<RecipientRow> Rows(Stream content, string? fileName, RecipientProgress.Counter? counter, CancellationToken ct) =>
        RecipientProgress.Counted(RecipientReader.ReadFile(content, new RecipientReadOptions(fileName, Cancellation: ct)), counter);

    private async Task<Outcome> CheckGroupAsync(int customerId, ImportInput input, CancellationToken ct)
    {
        if (input.GroupId is { } id)
            return await db.ContactGroups.AnyAsync(g => g.Id == id && g.CustomerId == customerId, ct) ? Outcome.Ok() : Outcome.Fail("GroupId", ContactMessages.GroupNotFound);
        var outcome = ContactBook.Check(input.GroupName, input.GroupRemark);
        if (outcome.Succeeded && await db.ContactGroups.AnyAsync(g => g.CustomerId == customerId && g.Name == input.GroupName!.Trim(), ct))
            outcome.Add("GroupName", ContactMessages.GroupNameTaken);
        return outcome;
    }
}
