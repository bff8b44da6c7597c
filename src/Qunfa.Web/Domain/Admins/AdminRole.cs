namespace Qunfa.Web.Domain.Admins;

/// <summary>A role of 角色管理: a name and the permissions it grants. Cannot be deleted while an admin holds it.</summary>
public sealed class AdminRole
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Permission names, comma-separated (<see cref="AdminPermissions.Format"/>).</summary>
    public string Permissions { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
