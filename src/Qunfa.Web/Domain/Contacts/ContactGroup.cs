namespace Qunfa.Web.Domain.Contacts;

/// <summary>通讯录分组: a customer's named list of contacts; a contact may be in several.</summary>
public sealed class ContactGroup
{
    public const int MaxNameLength = 50;
    public const int MaxRemarkLength = 200;

    public int Id { get; set; }
    public int CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string? Remark { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
