using System.Net.Http.Headers;
using System.Text;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Oss;

/// <summary>Uploads one file with an OSS PostObject form signed by the policy Alibaba issued.</summary>
internal sealed class OssPostObjectUploader(IHttpClientFactory httpClientFactory)
{
    public async Task<string> UploadAsync(OssUploadPolicy policy, string fileName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var key = ObjectKey(policy.StartPath, fileName);
        using var form = BuildForm(policy, key, fileName, content, contentType);
        var client = httpClientFactory.CreateClient(HttpClientNames.Oss);
        using var response = await client.PostAsync(policy.Host, form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            throw new AliyunApiException("Oss.PostObjectFailed", body.Length > 300 ? body[..300] : body, null, status, AliyunErrorMap.Classify(null, status));
        }

        return key;
    }

    /// <summary>StartPath + "/" + a unique ASCII name (OSS keys from Alibaba's console are ASCII).</summary>
    public static string ObjectKey(string startPath, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var safe = new StringBuilder();
        foreach (var c in stem)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var safeExtension = extension.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? extension.ToLowerInvariant() : string.Empty;
        var name = $"{Guid.NewGuid():N}_{safe}{safeExtension}";
        return startPath.Length == 0 ? name : startPath.TrimEnd('/') + "/" + name;
    }

    public static MultipartFormDataContent BuildForm(OssUploadPolicy policy, string key, string fileName, Stream content, string contentType)
    {
        var boundary = "----qunfa" + Guid.NewGuid().ToString("N");
        var form = new MultipartFormDataContent(boundary);
        // Some servers reject a quoted boundary parameter.
        form.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + boundary);
        AddField(form, "key", key);
        AddField(form, "OSSAccessKeyId", policy.AccessKeyId);
        AddField(form, "policy", policy.Policy);
        AddField(form, "Signature", policy.Signature);
        AddField(form, "success_action_status", "200");

        // OSS ignores every field after "file", so it must come last.
        var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + Path.GetFileName(key) + "\"" };
        form.Add(file);
        return form;
    }

    private static void AddField(MultipartFormDataContent form, string name, string value)
    {
        var field = new StringContent(value, Encoding.UTF8);
        field.Headers.ContentType = null;
        field.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"" + name + "\"" };
        form.Add(field);
    }
}
