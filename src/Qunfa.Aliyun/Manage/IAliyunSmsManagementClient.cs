using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Oss;

namespace Qunfa.Aliyun.Manage;

/// <summary>Signatures, templates, qualifications, authorization letters and their files. Failures throw <see cref="Errors.AliyunApiException"/>.</summary>
public interface IAliyunSmsManagementClient
{
    Task<SmsSignApplicationResult> CreateSmsSignAsync(SmsSignApplication application, CancellationToken cancellationToken = default);

    Task<SmsSign> GetSmsSignAsync(string signName, CancellationToken cancellationToken = default);

    Task<SmsSignApplicationResult> UpdateSmsSignAsync(SmsSignApplication application, CancellationToken cancellationToken = default);

    Task DeleteSmsSignAsync(string signName, CancellationToken cancellationToken = default);

    /// <summary>QuerySmsSign, the older call Alibaba is retiring (GetSmsSign answers more); for accounts and proxies that only offer it.</summary>
    Task<SmsSignReview> QuerySmsSignAsync(string signName, CancellationToken cancellationToken = default);

    Task<ListPage<SmsSignSummary>> QuerySmsSignListAsync(int pageIndex = 1, int pageSize = 50, CancellationToken cancellationToken = default);

    Task<SmsTemplateApplicationResult> CreateSmsTemplateAsync(SmsTemplateApplication application, CancellationToken cancellationToken = default);

    /// <summary>AddSmsTemplate, the older call: no related signature or variable rules, a Remark (≤ 100) is required.</summary>
    Task<SmsTemplateApplicationResult> AddSmsTemplateAsync(string templateName, string templateContent, SmsTemplateType templateType, string remark, CancellationToken cancellationToken = default);

    Task<SmsTemplate> GetSmsTemplateAsync(string templateCode, CancellationToken cancellationToken = default);

    Task<SmsTemplateApplicationResult> UpdateSmsTemplateAsync(string templateCode, SmsTemplateApplication application, CancellationToken cancellationToken = default);

    Task DeleteSmsTemplateAsync(string templateCode, CancellationToken cancellationToken = default);

    Task<ListPage<SmsTemplateSummary>> QuerySmsTemplateListAsync(int pageIndex = 1, int pageSize = 50, CancellationToken cancellationToken = default);

    /// <returns>The new qualification id, when Alibaba returns one.</returns>
    Task<string?> SubmitSmsQualificationAsync(SmsQualificationApplication application, CancellationToken cancellationToken = default);

    Task<ListPage<SmsQualificationRecord>> QuerySmsQualificationRecordAsync(SmsQualificationQuery query, CancellationToken cancellationToken = default);

    /// <returns>The new letter id.</returns>
    Task<string?> CreateSmsAuthorizationLetterAsync(SmsAuthorizationLetterApplication application, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SmsAuthorizationLetter>> QuerySmsAuthorizationLetterAsync(SmsAuthorizationLetterQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sends a verification code to the qualification administrator's phone (1/min, 5/h, 10/day).</summary>
    Task RequiredPhoneCodeAsync(string phoneNo, CancellationToken cancellationToken = default);

    /// <summary>Upload policy for signature / template material (BizType fcMediaSms).</summary>
    Task<OssUploadPolicy> GetOssInfoForUploadFileAsync(string bizType = "fcMediaSms", CancellationToken cancellationToken = default);

    /// <summary>Upload policy for qualification / letter files (BizType dysms).</summary>
    Task<OssUploadPolicy> GetQualificationOssInfoAsync(string bizType = "dysms", CancellationToken cancellationToken = default);

    /// <returns>The OSS object key to pass as MoreData, a licence picture, a letter picture, etc.</returns>
    Task<string> UploadFileAsync(OssUploadPolicy policy, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default);

    IAliyunSmsManagementClient WithCredentials(AliyunCredentials credentials);
}
