namespace Qunfa.Web.Domain.Packages;

/// <summary>短信包商品: what the portal and the customer's buy page offer.</summary>
public sealed class PackageProduct
{
    public const int MaxRecommendedPerCategory = 5;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public SmsCategory Category { get; set; }
    /// <summary>短信包规格, in segments (条).</summary>
    public int Size { get; set; }
    /// <summary>短信包价格 in fen; never floating point.</summary>
    public long PriceFen { get; set; }
    /// <summary>购买时长 in months.</summary>
    public int ValidityMonths { get; set; }
    /// <summary>首页推荐: shown on the portal and the buy page.</summary>
    public bool Recommended { get; set; }
    /// <summary>推荐排序, ascending.</summary>
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
