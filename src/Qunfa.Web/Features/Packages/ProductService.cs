using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Packages;

/// <summary>
/// 短信包管理: the products the portal and the buy page offer. Changes are staged on the unit of work
/// and saved by <c>AdminLogWriter.CommitAsync</c> together with their log entry. Deleting a product
/// never touches grants or orders: orders keep a copy of the terms and lose only the link.
/// </summary>
public sealed class ProductService(QunfaDbContext db, TimeProvider time)
{
    public const int MaxNameLength = 50;
    public const int MaxSize = 100_000_000;
    public const int MaxValidityMonths = 120;
    public const long MinPriceFen = 1;
    public const long MaxPriceFen = 99_999_999_99;

    public const string NotFoundMessage = "短信包不存在";
    public const string TooManyRecommendedMessage = "每种类型的短信包至多推荐5款";

    public async Task<PagedList<PackageProduct>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var query = db.PackageProducts.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(p => p.Category).ThenByDescending(p => p.Recommended).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<PackageProduct>(items, total, page);
    }

    public Task<PackageProduct?> FindAsync(int id, CancellationToken ct) =>
        db.PackageProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>首页推荐 products by category (in <see cref="PackageLabels.Categories"/> order), each by 推荐排序.</summary>
    public async Task<IReadOnlyList<(SmsCategory Category, IReadOnlyList<PackageProduct> Products)>> RecommendedAsync(CancellationToken ct)
    {
        var products = await db.PackageProducts.AsNoTracking().Where(p => p.Recommended)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        return PackageLabels.Categories
            .Select(c => (c, (IReadOnlyList<PackageProduct>)products.Where(p => p.Category == c).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }

    /// <summary>The buy page's products: only recommended ones (是否推荐=否 is not shown, as the manual says), by 推荐排序.</summary>
    public Task<List<PackageProduct>> ForSaleAsync(CancellationToken ct) =>
        db.PackageProducts.AsNoTracking().Where(p => p.Recommended)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Category).ThenBy(p => p.Id)
            .ToListAsync(ct);

    public async Task<Outcome> StageAddAsync(ProductInput input, CancellationToken ct)
    {
        var (o, values) = Check(input);
        if (!o.Succeeded) return o;
        await CheckRecommendedAsync(o, values, exceptId: null, ct);
        if (!o.Succeeded) return o;
        var now = time.GetUtcNow();
        var product = new PackageProduct { CreatedAt = now };
        Apply(product, values, now);
        db.PackageProducts.Add(product);
        return o;
    }

    public async Task<Outcome> StageEditAsync(int id, ProductInput input, CancellationToken ct)
    {
        var product = await db.PackageProducts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return Outcome.Fail("", NotFoundMessage);
        var (o, values) = Check(input);
        if (!o.Succeeded) return o;
        await CheckRecommendedAsync(o, values, exceptId: id, ct);
        if (!o.Succeeded) return o;
        Apply(product, values, time.GetUtcNow());
        return o;
    }

    /// <summary>Stages the removal; orders referring to it keep their copy of the terms (the link is set to null).</summary>
    public async Task<Outcome> StageDeleteAsync(int id, CancellationToken ct)
    {
        var product = await db.PackageProducts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return Outcome.Fail("", NotFoundMessage);
        db.PackageProducts.Remove(product);
        return Outcome.Ok();
    }

    private sealed record Values(string Name, SmsCategory Category, int Size, long PriceFen, int ValidityMonths, bool Recommended, int SortOrder);

    private static (Outcome, Values) Check(ProductInput input)
    {
        var o = new Outcome();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) o.Add(nameof(input.Name), "请填写短信包名称");
        else if (name.Length > MaxNameLength) o.Add(nameof(input.Name), "短信包名称不能超过50个字符");

        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            o.Add(nameof(input.Category), "请选择短信包类型");
            category = SmsCategory.General;
        }

        var size = 0;
        if (NumberText.IsBlank(input.Size)) o.Add(nameof(input.Size), "请填写短信包规格");
        else if (!NumberText.TryInt(input.Size, 1, MaxSize, out size)) o.Add(nameof(input.Size), "短信包规格应为1到100000000之间的整数");

        long price = 0;
        if (NumberText.IsBlank(input.Price)) o.Add(nameof(input.Price), "请填写短信包价格");
        else if (!Money.TryParseYuan(input.Price, out price)) o.Add(nameof(input.Price), "短信包价格应为数字，最多两位小数");
        else if (price < MinPriceFen) o.Add(nameof(input.Price), "短信包价格不能低于0.01元");
        else if (price > MaxPriceFen) o.Add(nameof(input.Price), "短信包价格不能超过99999999.99元");

        var months = 0;
        if (NumberText.IsBlank(input.ValidityMonths)) o.Add(nameof(input.ValidityMonths), "请填写有效期");
        else if (!NumberText.TryInt(input.ValidityMonths, 1, MaxValidityMonths, out months)) o.Add(nameof(input.ValidityMonths), "有效期应为1到120之间的整数（月）");

        var sort = 0;
        if (!NumberText.IsBlank(input.SortOrder) && !NumberText.TryInt(input.SortOrder, -1_000_000, 1_000_000, out sort))
            o.Add(nameof(input.SortOrder), "推荐排序应为-1000000到1000000之间的整数");

        return (o, new Values(name, category, size, price, months, input.Recommended, sort));
    }

    private async Task CheckRecommendedAsync(Outcome o, Values values, int? exceptId, CancellationToken ct)
    {
        if (!values.Recommended) return;
        var others = await db.PackageProducts.CountAsync(
            p => p.Recommended && p.Category == values.Category && (exceptId == null || p.Id != exceptId), ct);
        if (others >= PackageProduct.MaxRecommendedPerCategory) o.Add(nameof(ProductInput.Recommended), TooManyRecommendedMessage);
    }

    private static void Apply(PackageProduct p, Values v, DateTimeOffset now)
    {
        p.Name = v.Name;
        p.Category = v.Category;
        p.Size = v.Size;
        p.PriceFen = v.PriceFen;
        p.ValidityMonths = v.ValidityMonths;
        p.Recommended = v.Recommended;
        p.SortOrder = v.SortOrder;
        p.UpdatedAt = now;
    }
}
