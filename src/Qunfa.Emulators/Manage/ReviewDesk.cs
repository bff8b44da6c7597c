using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Mns;

namespace Qunfa.Emulators.Manage;

/// <summary>Decides reviews after ReviewDelay and announces sign/template decisions on the account's report queues.</summary>
internal sealed class ReviewDesk(EmulatorState state)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Sign(AccountState account, SignRecord sign)
    {
        var orderId = sign.OrderId;
        state.Scheduler.Schedule(state.Options.ReviewDelay, () =>
        {
            JsonObject report;
            lock (sign)
            {
                if (sign.OrderId != orderId || sign.Status != ReviewStatus.Reviewing)
                {
                    return;
                }
                Decide(sign.Name + " " + sign.Remark, out var status, out var reason);
                sign.Status = status;
                sign.RejectReason = reason;
                sign.AuditDate = state.Time.GetUtcNow();
                report = new JsonObject
                {
                    ["sign_name"] = sign.Name,
                    ["sign_status"] = ReviewStatusText.ReportStatus(status),
                    ["reason"] = reason,
                    ["sign_source"] = sign.SignSource,
                    ["sign_scene"] = sign.SignType == 0 ? "验证码" : "通用",
                    ["remark"] = sign.Remark,
                    ["create_date"] = ChinaTime.Format(sign.CreateDate),
                    ["order_id"] = sign.OrderId,
                };
            }
            Publish(account, MnsMessageTypes.SignSmsReport, report);
        });
    }

    public void Template(AccountState account, TemplateRecord template)
    {
        var orderId = template.OrderId;
        state.Scheduler.Schedule(state.Options.ReviewDelay, () =>
        {
            JsonObject report;
            lock (template)
            {
                if (template.OrderId != orderId || template.Status != ReviewStatus.Reviewing)
                {
                    return;
                }
                Decide(template.Name + " " + template.Content + " " + template.Remark, out var status, out var reason);
                template.Status = status;
                template.RejectReason = reason;
                template.AuditDate = state.Time.GetUtcNow();
                report = new JsonObject
                {
                    ["template_code"] = template.Code,
                    ["template_name"] = template.Name,
                    ["template_content"] = template.Content,
                    ["template_type"] = template.Type,
                    ["template_status"] = ReviewStatusText.ReportStatus(status),
                    ["reason"] = reason,
                    ["remark"] = template.Remark,
                    ["create_date"] = ChinaTime.Format(template.CreateDate),
                    ["order_id"] = template.OrderId,
                };
            }
            Publish(account, MnsMessageTypes.TemplateSmsReport, report);
        });
    }

    public void Qualification(QualificationRecord q) =>
        state.Scheduler.Schedule(state.Options.ReviewDelay, () =>
        {
            lock (q)
            {
                Decide(q.Name + " " + q.CompanyName, out var status, out var reason);
                q.State = status == ReviewStatus.Approved ? "PASSED" : "FAILED";
                q.AuditRemark = reason;
                q.AuditTime = state.Time.GetUtcNow();
            }
        });

    public void Letter(AuthorizationLetterRecord letter) =>
        state.Scheduler.Schedule(state.Options.ReviewDelay, () =>
        {
            lock (letter)
            {
                Decide(letter.Name + " " + letter.Authorization, out var status, out var reason);
                letter.State = status == ReviewStatus.Approved ? "PASSED" : "FAILED";
                letter.AuditRemark = reason;
            }
        });

    private void Decide(string text, out ReviewStatus status, out string reason)
    {
        var marker = state.Options.RejectMarker;
        if (marker.Length > 0 && text.Contains(marker, StringComparison.OrdinalIgnoreCase))
        {
            status = ReviewStatus.Rejected;
            reason = $"内容不符合规范(包含驳回标记 {marker})";
            return;
        }
        status = ReviewStatus.Approved;
        reason = "";
    }

    private void Publish(AccountState account, string messageType, JsonObject report)
    {
        var source = new SingleMessageSource(report.ToJsonString(Json));
        account.Queue(messageType).Enqueue(source, 0, 1, state.Time.GetUtcNow());
    }
}
