using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Errors;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Customers;

/// <summary>
/// Issues and checks SMS verification codes: 6 digits, valid 5 minutes, one per phone per 60 s, at
/// most 10 per phone per operator-local day, void after 5 wrong tries, used once.
/// </summary>
public sealed class VerificationCodeService(QunfaDbContext db, VerificationSender sender, CodeRequestLimiter limiter, OperatorClock clock, IHttpContextAccessor http)
{
    public const int PerDay = 10;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    public const string TooSoonMessage = "验证码发送过于频繁，请60秒后再试";
    public const string DailyLimitMessage = "该手机号今日获取验证码次数已达上限";
    public const string ExpiredMessage = "验证码已失效，请重新获取";
    public const string WrongMessage = "验证码错误";
    public const string TooManyWrongMessage = "验证码错误次数过多，请重新获取";
    public const string SendFailedMessage = "验证码发送失败，请稍后再试";
    public const string CarrierLimitMessage = "该手机号获取验证码过于频繁，请稍后再试";

    /// <summary>Sends a code for <paramref name="scene"/>; the caller has already decided the phone may receive one.</summary>
    public async Task<Outcome> SendAsync(string phone, CodeScene scene, CancellationToken ct)
    {
        if (!ContactRules.IsMobile(phone)) return Outcome.Fail("Phone", ContactRules.MobileMessage);
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!limiter.TryAcquire(ip)) return Outcome.Fail("Phone", "请求过于频繁，请稍后再试");
        var now = clock.UtcNow;
        if (!await TakeTurnAsync(phone, now, ct)) return Outcome.Fail("Phone", TooSoonMessage);
        // Holding the phone's turn, no other request can add a code for it while this one counts.
        var (dayStart, _) = clock.DayBounds(clock.Today);
        if (await db.VerificationCodes.CountAsync(c => c.Phone == phone && c.CreatedAt >= dayStart, ct) >= PerDay)
        {
            await GiveBackTurnAsync(phone, ct);
            return Outcome.Fail("Phone", DailyLimitMessage);
        }

        var code = CodeHasher.NewCode();
        var row = db.VerificationCodes.Add(new VerificationCode
        {
            Phone = phone,
            Scene = scene,
            CodeHash = CodeHasher.Hash(code),
            CreatedAt = now,
            ExpiresAt = now + VerificationCode.Lifetime,
            Ip = ip,
        }).Entity;
        // Saved before sending, so the 60-second rule holds even while the carrier is slow.
        await db.SaveChangesAsync(ct);

        var result = await sender.SendAsync(scene, phone, code, ct);
        if (result.IsAccepted || result.IsAmbiguous)
        {
            row.BizId = result.BizId;
            await db.SaveChangesAsync(ct);
            return Outcome.Ok();
        }
        // Refused by the carrier: the code never reached the phone, so it neither counts nor works.
        db.VerificationCodes.Remove(row);
        await db.SaveChangesAsync(ct);
        await GiveBackTurnAsync(phone, ct);
        return Outcome.Fail("Phone", result.Outcome == AliyunOutcome.FlowControlled ? CarrierLimitMessage : SendFailedMessage);
    }

    /// <summary>
    /// Checks and uses up a code. Each check is counted before the comparison by a conditional UPDATE, so
    /// simultaneous guesses cannot pass the limit (26 parallel wrong codes got 19 checks, issue 15); using the
    /// code up is conditional too, so it works once.
    /// </summary>
    public async Task<Outcome> ConsumeAsync(string phone, CodeScene scene, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return Outcome.Fail(field, "请输入验证码");
        var now = clock.UtcNow;
        var latest = await db.VerificationCodes.AsNoTracking()
            .Where(c => c.Phone == phone && c.Scene == scene)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (latest is null || !latest.IsUsable(now)) return Outcome.Fail(field, ExpiredMessage);

        var row = db.VerificationCodes.Where(c => c.Id == latest.Id);
        var checkable = await row
            .Where(c => c.ConsumedAt == null && c.WrongTries < VerificationCode.MaxWrongTries && c.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.WrongTries, c => c.WrongTries + 1), ct);
        if (checkable == 0 || !CodeHasher.Matches(latest.CodeHash, code))
        {
            var tries = await row.Select(c => c.WrongTries).FirstAsync(ct);
            return Outcome.Fail(field, tries >= VerificationCode.MaxWrongTries ? TooManyWrongMessage : checkable == 0 ? ExpiredMessage : WrongMessage);
        }
        // The right code: its check is not a wrong try.
        var used = await row.Where(c => c.ConsumedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsumedAt, now).SetProperty(c => c.WrongTries, c => c.WrongTries - 1), ct);
        return used == 1 ? Outcome.Ok() : Outcome.Fail(field, ExpiredMessage);
    }

    /// <summary>The phone's 60-second turn, taken by one conditional UPDATE of its gate row (made on first use).</summary>
    private async Task<bool> TakeTurnAsync(string phone, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.PhoneCodeGates.AnyAsync(g => g.Phone == phone, ct))
        {
            var entry = db.PhoneCodeGates.Add(new PhoneCodeGate { Phone = phone });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* another request made it at the same moment */ }
            entry.State = EntityState.Detached;
        }
        var earliest = now - Interval;
        return await db.PhoneCodeGates
            .Where(g => g.Phone == phone && (g.LastSentAt == null || g.LastSentAt <= earliest))
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSentAt, (DateTimeOffset?)now), ct) == 1;
    }

    /// <summary>No code went out, so the turn does not hold the phone back.</summary>
    private Task GiveBackTurnAsync(string phone, CancellationToken ct) =>
        db.PhoneCodeGates.Where(g => g.Phone == phone).ExecuteUpdateAsync(u => u.SetProperty(g => g.LastSentAt, (DateTimeOffset?)null), ct);
}
