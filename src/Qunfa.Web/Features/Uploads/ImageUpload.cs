namespace Qunfa.Web.Features.Uploads;

/// <summary>Checks an uploaded image by its bytes, never by its name or the browser's content type.</summary>
public static class ImageUpload
{
    public const long MaxLogoBytes = 2 * 1024 * 1024;
    public const string TooLargeMessage = "LOGO需小于2MB";
    public const string WrongTypeMessage = "LOGO只支持PNG、JPG格式";
    public const string EmptyMessage = "请选择LOGO文件";

    public const long MaxMaterialBytes = 5 * 1024 * 1024;
    public const string MaterialTooLargeMessage = "图片需小于5MB";
    public const string MaterialWrongTypeMessage = "图片只支持JPG、PNG、GIF格式";
    public const string MaterialEmptyMessage = "请选择图片文件";

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87Magic = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89Magic = "GIF89a"u8.ToArray();

    public sealed record Image(byte[] Bytes, string ContentType);

    public static Task<(Image? Image, string? Error)> ReadLogoAsync(IFormFile? file, CancellationToken ct) =>
        ReadAsync(file, MaxLogoBytes, allowGif: false, EmptyMessage, TooLargeMessage, WrongTypeMessage, ct);

    /// <summary>Qualification, letter and signature material for the carrier: JPG, PNG or GIF under 5 MB.</summary>
    public static Task<(Image? Image, string? Error)> ReadMaterialAsync(IFormFile? file, CancellationToken ct) =>
        ReadAsync(file, MaxMaterialBytes, allowGif: true, MaterialEmptyMessage, MaterialTooLargeMessage, MaterialWrongTypeMessage, ct);

    /// <summary>Reads at most up to the limit, so a huge upload is refused without being held in memory.</summary>
    private static async Task<(Image? Image, string? Error)> ReadAsync(
        IFormFile? file, long maxBytes, bool allowGif, string empty, string tooLarge, string wrongType, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, empty);
        if (file.Length >= maxBytes) return (null, tooLarge);

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= maxBytes) return (null, tooLarge);
        }
        var bytes = buffer.ToArray();
        var type = DetectType(bytes);
        if (type == "image/gif" && !allowGif) type = null;
        return type is null ? (null, wrongType) : (new Image(bytes, type), null);
    }

    public static string? DetectType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngMagic) ? "image/png"
        : bytes.StartsWith(JpegMagic) ? "image/jpeg"
        : bytes.StartsWith(Gif87Magic) || bytes.StartsWith(Gif89Magic) ? "image/gif"
        : null;
}
