using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Packages;

/// <summary>
/// 用户短信包: 分配短信包 and 修改 by the admin (staged, saved with their log entry by
/// <c>AdminLogWriter.CommitAsync</c>), the lists of one customer's grants and its balances.
/// </summary>
public sealed class GrantService(QunfaDbContext db, OperatorClock clock)
{
    public const int MaxSize = ProductService.MaxSize;
    /// <summary>How far ahead an expiry date may lie.</summary>
    public const int MaxYearsAhead = 10;

    public const string NotFoundMessage = "用户短信包不存在";
    public const string CustomerNotFoundMessage = "用户不存在";
    public const string UsedChangedMessage = "该短信包的使用量已变化（可能有短信正在发送），请刷新后重新修改";

    public async Task<Outcome> StageAllocateAsync(int customerId, AllocateInput input, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) return Outcome.Fail("", CustomerNotFoundMessage);
        var o = new Outcome();
        var today = clock.Today;
        var size = ReadSize(o, nameof(input.Size), input.Size);
        var expires = ReadDate(o, nameof(input.ExpiresOn), input.ExpiresOn, today);
        if (o.Errors.ContainsKey(nameof(input.ExpiresOn)) is false && expires < today)
            o.Add(nameof(input.ExpiresOn), "有效截止日期不能早于今天");
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            o.Add(nameof(input.Category), "请选择类型");
            category = SmsCategory.General;
        }
        if (!o.Succeeded) return o;

        var now = clock.UtcNow;
        db.PackageGrants.Add(new PackageGrant
        {
            CustomerId = customerId,
            Category = category,
            Size = size,
            Used = 0,
            ExpiresOn = expires,
            Status = GrantStatus.Active,
            Source = GrantSource.Allocated,
            CreatedAt = now,
            UpdatedAt = now,
        });
        return o;
    }

    /// <summary>修改: size, expiry, used (0 ≤ used ≤ size) and status; refused when sends spent from it since the form was read.</summary>
    public async Task<Outcome> StageEditAsync(int id, GrantEditInput input, CancellationToken ct)
    {
        var grant = await db.PackageGrants.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is null) return Outcome.Fail("", NotFoundMessage);
        var o = new Outcome();
        var size = ReadSize(o, nameof(input.Size), input.Size);
        var expires = ReadDate(o, nameof(input.ExpiresOn), input.ExpiresOn, clock.Today);
        var used = 0;
        if (NumberText.IsBlank(input.Used)) o.Add(nameof(input.Used), "请填写使用量");
        else if (!NumberText.TryInt(input.Used, 0, MaxSize, out used)) o.Add(nameof(input.Used), "使用量应为0到包规格之间的整数");
        else if (size > 0 && used > size) o.Add(nameof(input.Used), "使用量不能大于包规格");
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            o.Add(nameof(input.Status), "请选择状态");
            status = GrantStatus.Active;
        }
        if (!o.Succeeded) return o;
        if (grant.Used != input.SeenUsed) return Outcome.Fail("", UsedChangedMessage);

        grant.Size = size;
        grant.Used = used;
        grant.ExpiresOn = expires;
        grant.Status = status;
        grant.UpdatedAt = clock.UtcNow;
        return o;
    }

    public Task<Customer?> FindCustomerAsync(int customerId, CancellationToken ct) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);

    public Task<PackageGrant?> FindAsync(int id, CancellationToken ct) =>
        db.PackageGrants.AsNoTracking().Include(g => g.Customer).FirstOrDefaultAsync(g => g.Id == id, ct);

    /// <summary>One customer's grants, newest first (分配记录 and the customer's own list).</summary>
    public async Task<PagedList<GrantRow>> ListForCustomerAsync(int customerId, PageRequest page, CancellationToken ct)
    {
        var query = Rows(db).Where(r => r.CustomerId == customerId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<GrantRow>(items, total, page);
    }

    /// <summary>The balance of every category (Active, unexpired grants only), in <see cref="PackageLabels.Categories"/> order.</summary>
    public async Task<IReadOnlyList<CategoryBalance>> BalancesAsync(int customerId, CancellationToken ct)
    {
        var today = clock.Today;
        var grants = await db.PackageGrants.AsNoTracking()
            .Where(g => g.CustomerId == customerId && g.Status == GrantStatus.Active && g.ExpiresOn >= today && g.Used < g.Size)
            .ToListAsync(ct);
        return PackageLabels.Categories.Select(c => new CategoryBalance(c, BalanceRule.Balance(grants, c, today))).ToList();
    }

    /// <summary>Grants with their customer and, for purchases, the order number (a deleted order leaves none).</summary>
    internal static IQueryable<GrantRow> Rows(QunfaDbContext db) =>
        from g in db.PackageGrants.AsNoTracking()
        join c in db.Customers.AsNoTracking() on g.CustomerId equals c.Id
        join o in db.Orders.AsNoTracking() on g.OrderId equals (int?)o.Id into orders
        from o in orders.DefaultIfEmpty()
        select new GrantRow
        {
            Id = g.Id,
            CustomerId = g.CustomerId,
            CompanyName = c.CompanyName,
            Email = c.Email,
            CreatedAt = g.CreatedAt,
            Category = g.Category,
            Size = g.Size,
            Used = g.Used,
            ExpiresOn = g.ExpiresOn,
            Status = g.Status,
            Source = g.Source,
            OrderNumber = o == null ? null : o.OrderNumber,
        };

    private static int ReadSize(Outcome o, string field, string? text)
    {
        if (NumberText.IsBlank(text)) { o.Add(field, "请填写包规格"); return 0; }
        if (!NumberText.TryInt(text, 1, MaxSize, out var size)) { o.Add(field, "包规格应为1到100000000之间的整数"); return 0; }
        return size;
    }

    private static DateOnly ReadDate(Outcome o, string field, string? text, DateOnly today)
    {
        if (NumberText.IsBlank(text)) { o.Add(field, "请填写有效截止日期"); return default; }
        if (!NumberText.TryDate(text, out var date)) { o.Add(field, "有效截止日期格式应为yyyy-MM-dd"); return default; }
        if (date > today.AddYears(MaxYearsAhead)) { o.Add(field, "有效截止日期不能晚于10年之后"); return default; }
        return date;
    }
}
