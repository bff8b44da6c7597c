namespace Qunfa.Web.Features.Uploads;

/// <summary>Checks an uploaded image by its bytes, never by its name or the browser's content type.</summary>
public static class ImageUpload
{
    public const long MaxLogoBytes = 2 * 1024 * 1024;
    public const string TooLargeMessage = "LOGO需小于2MB";
    public const string WrongTypeMessage = "LOGO只支持PNG、JPG格式";
    public const string EmptyMessage = "请选择LOGO文件";

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public sealed record Image(byte[] Bytes, string ContentType);

    /// <summary>Reads at most one byte past the limit, so a huge upload is refused without being held in memory.</summary>
    public static async Task<(Image? Image, string? Error)> ReadLogoAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, EmptyMessage);
        if (file.Length >= MaxLogoBytes) return (null, TooLargeMessage);

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= MaxLogoBytes) return (null, TooLargeMessage);
        }
        var bytes = buffer.ToArray();
        var type = DetectType(bytes);
        return type is null ? (null, WrongTypeMessage) : (new Image(bytes, type), null);
    }

    public static string? DetectType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngMagic) ? "image/png"
        : bytes.StartsWith(JpegMagic) ? "image/jpeg"
        : null;
}
