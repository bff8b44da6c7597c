namespace Qunfa.Web.Domain.Admins;

/// <summary>One admin action (管理员日志): what was done, when, from where, and whether it worked.</summary>
public sealed class AdminLogEntry
{
    public long Id { get; set; }
    public int? AdminUserId { get; set; }
    public AdminAction Action { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
    public string Ip { get; set; } = "";
    public bool Succeeded { get; set; }
}
