using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Features.Uploads;

namespace Qunfa.Web.Features.Messaging;

/// <summary>Checks a material image by its content, then hands it to the carrier's OSS and returns the object key.</summary>
public sealed class CarrierFiles(IAliyunSmsManagementClient carrier, ILogger<CarrierFiles> logger)
{
    public const string UploadFailedMessage = "文件上传失败，请稍后再试";

    public enum Purpose
    {
        /// <summary>Signature and template material (fcMediaSms).</summary>
        Material,
        /// <summary>Qualification and authorization-letter files (dysms).</summary>
        Qualification,
    }

    public async Task<(string? Key, string? Error)> UploadAsync(IFormFile? file, Purpose purpose, CancellationToken ct)
    {
        var (image, error) = await ImageUpload.ReadMaterialAsync(file, ct);
        if (image is null) return (null, error);
        try
        {
            var policy = purpose == Purpose.Material
                ? await carrier.GetOssInfoForUploadFileAsync(cancellationToken: ct)
                : await carrier.GetQualificationOssInfoAsync(cancellationToken: ct);
            var extension = image.ContentType switch { "image/png" => ".png", "image/gif" => ".gif", _ => ".jpg" };
            using var content = new MemoryStream(image.Bytes);
            return (await carrier.UploadFileAsync(policy, Guid.NewGuid().ToString("N") + extension, content, image.ContentType, ct), null);
        }
        catch (AliyunApiException e)
        {
            logger.LogWarning(e, "Upload to the carrier failed: {Code}", e.Code);
            return (null, UploadFailedMessage);
        }
    }
}
