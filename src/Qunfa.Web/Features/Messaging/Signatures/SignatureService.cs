using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Qualifications;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Messaging.Signatures;

/// <summary>
/// A customer's signatures. An application is third-party use of the operator's Alibaba account: it
/// needs the customer's approved qualification and an authorization letter naming the signature.
/// </summary>
public sealed class SignatureService(
    QunfaDbContext db,
    IAliyunSmsManagementClient carrier,
    QualificationService qualifications,
    CarrierFiles files,
    TimeProvider time,
    ILogger<SignatureService> logger)
{
    public const string NotFoundMessage = "签名不存在";

    public async Task<PagedList<Signature>> ListAsync(int customerId, string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.Signatures.AsNoTracking().Where(s => s.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(s => s.Name.Contains(search));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Signature>(items, total, page);
    }

    public Task<Signature?> FindAsync(int customerId, int id, CancellationToken ct) =>
        db.Signatures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.CustomerId == customerId, ct);

    public async Task<Outcome> ApplyAsync(int customerId, SignatureInput input, CancellationToken ct)
    {
        var o = SignatureRules.Check(input, checkName: true);
        if (!o.Succeeded) return o;
        var name = input.Name!.Trim();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, ct);
        if (await db.Signatures.CountAsync(s => s.CustomerId == customerId, ct) >= customer.SignatureLimit)
            return Outcome.Fail("", string.Format(CultureInfo.InvariantCulture, "签名数量已达上限（{0}个），请删除不用的签名或联系管理员", customer.SignatureLimit));
        // Names are unique on the operator's account, whoever applied.
        if (await db.Signatures.AnyAsync(s => s.Name == name, ct)) return Outcome.Fail(nameof(input.Name), "该签名已存在，请换一个名称");
        var qualification = await qualifications.ApprovedForAsync(customerId, ct);
        if (qualification?.CarrierId is null) return Outcome.Fail("", QualificationService.NoApprovedQualificationMessage);

        string? material = null;
        if (input.Material is { Length: > 0 })
        {
            var (key, error) = await files.UploadAsync(input.Material, CarrierFiles.Purpose.Material, ct);
            if (key is null) return Outcome.Fail(nameof(input.Material), error ?? CarrierFiles.UploadFailedMessage);
            material = key;
        }
        var (letter, letterOutcome) = await qualifications.CreateLetterAsync(customerId, [name], input.LetterImage, input.LetterValidity, ct);
        if (letter is null) return Renamed(letterOutcome);

        SmsSignApplicationResult created;
        try
        {
            created = await carrier.CreateSmsSignAsync(ToApplication(name, input, qualification.CarrierId, letter.CarrierId, material), ct);
        }
        catch (AliyunApiException e)
        {
            logger.LogInformation("Signature application refused by the carrier: {Code} {Message}", e.Code, e.Message);
            return Outcome.Fail("", CarrierRefusal.Message(e));
        }

        var now = time.GetUtcNow();
        db.Signatures.Add(new Signature
        {
            CustomerId = customerId,
            Name = name,
            Type = input.Type,
            Origin = Origin.Applied,
            Source = (int)input.Source,
            Remark = input.Remark?.Trim(),
            ThreeInOne = input.ThreeInOne,
            AuthorizationLetterId = letter.Id,
            MoreData = material,
            Status = ReviewStatus.UnderReview,
            OrderId = created.OrderId,
            CreatedAt = now,
            UpdatedAt = now,
            NextReviewCheckAt = now + ReviewStatusMap.NextCheckAfter(0),
        });
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Only a rejected application may change; the name stays, the rest goes back to review.</summary>
    public async Task<Outcome> EditRejectedAsync(int customerId, int id, SignatureInput input, CancellationToken ct)
    {
        var signature = await db.Signatures.FirstOrDefaultAsync(s => s.Id == id && s.CustomerId == customerId, ct);
        if (signature is null) return Outcome.Fail("", NotFoundMessage);
        if (signature.Status != ReviewStatus.Rejected || signature.Origin != Origin.Applied)
            return Outcome.Fail("", "只有审批未通过的签名可以修改");
        var o = SignatureRules.Check(input, checkName: false);
        if (!o.Succeeded) return o;
        var qualification = await qualifications.ApprovedForAsync(customerId, ct);
        if (qualification?.CarrierId is null) return Outcome.Fail("", QualificationService.NoApprovedQualificationMessage);
        var letterId = await db.AuthorizationLetters.Where(l => l.Id == signature.AuthorizationLetterId).Select(l => l.CarrierId).FirstOrDefaultAsync(ct);

        var material = signature.MoreData;
        if (input.Material is { Length: > 0 })
        {
            var (key, error) = await files.UploadAsync(input.Material, CarrierFiles.Purpose.Material, ct);
            if (key is null) return Outcome.Fail(nameof(input.Material), error ?? CarrierFiles.UploadFailedMessage);
            material = key;
        }
        try
        {
            await carrier.UpdateSmsSignAsync(ToApplication(signature.Name, input, qualification.CarrierId, letterId, material), ct);
        }
        catch (AliyunApiException e)
        {
            return Outcome.Fail("", CarrierRefusal.Message(e));
        }
        var now = time.GetUtcNow();
        signature.Type = input.Type;
        signature.Source = (int)input.Source;
        signature.Remark = input.Remark?.Trim();
        signature.ThreeInOne = input.ThreeInOne;
        signature.MoreData = material;
        signature.Status = ReviewStatus.UnderReview;
        signature.Reason = null;
        signature.UpdatedAt = now;
        signature.ReviewChecks = 0;
        signature.NextReviewCheckAt = now + ReviewStatusMap.NextCheckAfter(0);
        await db.SaveChangesAsync(ct);
        return o;
    }

    private static SmsSignApplication ToApplication(string name, SignatureInput input, string qualificationId, string? letterId, string? material) =>
        new(name, input.Source, qualificationId)
        {
            SignType = ReviewStatusMap.ToCarrier(input.Type),
            Remark = input.Remark?.Trim(),
            ThirdParty = true,
            AuthorizationLetterId = letterId,
            MoreData = material is null ? null : [material],
        };

    // The letter's messages name its own fields; on this form they are the letter's inputs.
    private static Outcome Renamed(Outcome letter)
    {
        var o = new Outcome();
        foreach (var (field, messages) in letter.Errors)
            foreach (var message in messages)
                o.Add(field switch { "LetterImage" => "LetterImage", "Validity" => "LetterValidity", "SignNames" => "Name", _ => field }, message);
        return o;
    }
}
