using System.Globalization;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Features.Packages;

/// <summary>添加短信包 / 修改 as typed: numbers arrive as text so that each gets a message of its own.</summary>
public sealed class ProductInput
{
    public string? Name { get; set; }
    public SmsCategory? Category { get; set; }
    /// <summary>短信包规格 (条).</summary>
    public string? Size { get; set; }
    /// <summary>短信包价格 (元), at most two decimals.</summary>
    public string? Price { get; set; }
    /// <summary>有效期 / 购买时长 (月).</summary>
    public string? ValidityMonths { get; set; }
    /// <summary>是否推荐 (首页推荐).</summary>
    public bool Recommended { get; set; }
    /// <summary>推荐排序; blank is 0.</summary>
    public string? SortOrder { get; set; }

    public static ProductInput From(PackageProduct p) => new()
    {
        Name = p.Name,
        Category = p.Category,
        Size = p.Size.ToString(CultureInfo.InvariantCulture),
        Price = Money.FormatYuan(p.PriceFen),
        ValidityMonths = p.ValidityMonths.ToString(CultureInfo.InvariantCulture),
        Recommended = p.Recommended,
        SortOrder = p.SortOrder.ToString(CultureInfo.InvariantCulture),
    };
}
