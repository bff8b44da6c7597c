namespace Qunfa.Alipay.Tests.Infrastructure;

/// <summary>Keys from the protocol reference (test only).</summary>
internal static class TestKeys
{
    public const string V1PrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAKM1WEl/09gMU3U8
        V3hJcS/GaMPR2f7FDiVC7qjwdsZfPh179FFVMkMvjyrDGfzWVqvlw1IiNueENFeb
        19lyvO7BuOrFc6/Y6/sxkBr9YkRx++nddxKDEo8HngUtW8ej+vG4wrbGmmzjsulz
        u+mmS+Leh9tdbrVL5pPRNYWRQxOfAgMBAAECgYB7xOSjOJFK8m4IJi6fRfLULD8e
        4XHUR1Qm5c9fxpwMbAYLDgmF9HodgV+tKi/3EgTAb4nkK5Y/lH6tQb47ZUvo/lKz
        RlIVZ6Rm76V07g/+5exIZzTyvdD9T2fLeYQwKV/2JYUv0KSYWPvWykdaV4aNkCuw
        mxTUjvhDxK/Ns31CIQJBANI1Y3gGBqbBIN9wxjx3ShBtt/U8YnipUJ92eTI7OU9p
        ZsCIFPoeYG/X40miwDb5ouPnvJTtzuY4PkPokEefN9MCQQDGwurqa8RNK2APA62U
        CdZbJuWimkdHEc53IKvD/l2tWVFqhVAy8bs+3LGzBNfuxUuAxOoQm9n0IVRaH5jn
        l8GFAkEAijuTmsUTsKsGDAmkQvULHnyYYUuBUem92+9TycWKbX9Zk7ipWsWJE2N7
        0tuU3VISXR7yM1mjGl/YCl4wKvk4AwJAE1DkBY4dkKZTeoIP/2AJXehkzq2Rmb2I
        RBl/t9djgTI58FEuXxUQ7mYCOvSQi5rO4J/CY4TR5KDMksmZUYB1BQJAIEfVDxz4
        5yoHL7L+6EoC5TWxUxFMN7z7FhObyKeaLKj3inEsbjfcPCA09zPUce0FSKBc/dVh
        DEorJMaPK5vXiA==
        -----END PRIVATE KEY-----
        """;

    public const string SandboxAlipayPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAl2PJhW04G1sClzEDwMw1
        nxCjlyDTubFhn89bcEzP7GB/mFWnfIRXydM2qvDALpJggjeCIc3Orm0AobZOltic
        1MGOBrFWcoOMyT7haV3X05jPa0qy6bMg5YJZy7/5mjTQL/3jPJM+TA3YTNV8wPUs
        JgWINENAGFIakS4HTj3oGIuPvbMgL1z7Yd66TIYzfA4FRwa08XXaZLC/u+EJ8tUe
        dhQhPjwWQBL0H+bhoqWZSIW3/xdMZrMf8RF9uM22Y3mE1DAnxseXrxjW2Kg0q/47
        mOjXGBcrQUOeaAB+0SamdFu6LP9ylQOESg0bpFhgqhUWIT/QYJ1I8PQrVYy9QZkA
        IwIDAQAB
        -----END PUBLIC KEY-----
        """;

    public const string Md5Key1 = "10000000000000000000000000000000";

    public const string Md5Key2 = "20000000000000000000000000000000";

    public static string Base64Body(string pem) =>
        string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));
}
