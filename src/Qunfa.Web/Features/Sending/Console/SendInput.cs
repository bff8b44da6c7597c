namespace Qunfa.Web.Features.Sending.Console;

/// <summary>What the 发送短信 form posts. The numbers travel to the server once; afterwards only <see cref="Token"/>.</summary>
public sealed class SendInput
{
    public string? SignName { get; set; }
    public int? TemplateId { get; set; }
    public Dictionary<string, string?> Variables { get; set; } = [];
    public string? Numbers { get; set; }
    /// <summary>通讯录 groups sent to besides the numbers; checked against the customer's own on every step.</summary>
    public List<int> GroupIds { get; set; } = [];
    public IFormFile? File { get; set; }
    /// <summary>datetime-local in the operator's time zone; empty sends now.</summary>
    public string? ScheduledAt { get; set; }
    public string? Token { get; set; }
    /// <summary>Chosen by the page's script so that it can show how far the reading has got (<see cref="RecipientProgress"/>).</summary>
    public string? ProgressId { get; set; }
}
