namespace Qunfa.Emulators.Alipay;

/// <summary>
/// The demo merchant every emulator starts with, public on purpose so that the platform's sandbox choice can fill in
/// 支付配置. These keys protect nothing; never use them against the real Alipay.
/// </summary>
public static class AlipayEmulatorDefaults
{
    public const string MerchantName = "群发演示商户";

    /// <summary>合作者身份ID (PID), also the seller_id of both protocols.</summary>
    public const string Partner = "2088102175993761";

    public const string Md5Key = "qf7emu3md5k9d2x8c4v6b1n5m0z7a3s2";

    public const string AppId = "2021000149600001";

    public const string BuyerId = "2088722003899169";

    public const string BuyerEmail = "buyer@example.com";

    public const string SellerEmail = "merchant@example.com";

    /// <summary>The merchant app's private key (PKCS#8): the platform signs requests with it.</summary>
    public const string AppPrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCozwgR/xCf04I6
        BQaaro9QtZFuPLD0VhFUJYzHQnzU7CBLUvYbkYDpLDm2FphFhDdb/V9c2bKv9+oa
        1YwTGe2GNYT/1fzOw7ffU/LQdabEBkskuNoyF+8xxjHnvhn5/uoJrpuRGKuj9rVT
        TUi6Iyp3fO/oyVN2zHEq6qXAmUmdlgqP+JvdKcC3AAQFJwqEMBdf8GcLca4zXn3G
        dav5teJfxDgt1/rlKLp6qElJNTA8M1VS9FBz1mJhfjA1HcDg237AbaopiNstYEcm
        h5iwVsvL1LieX09K8F7RRmfCF8t3E97CZAJHxJCcERs7gXi58DejquGTu+NCgXYk
        oIffWeEnAgMBAAECggEAO2yqFB+8m+7KjJ8hTIl/pPNNz0cpKdI0hnEzhh+XLyMy
        WSHKxjip7ytk438/ulUJYeYnUFnIZ963eBvNlBnP/itP9vm+5ZCLZWA5fX21J5Np
        l3NFSFYZm2WAQuquXU2J2L+xPto27eDWwwzVOcVQWUDPeZyJt6vPeMKid9LeUc0h
        KjbMupF1/ElFwEu/ZAemegnwfyxMNw1ktRhqlRqc6GxmcQipuPbx1WJKZy+WHsHr
        zKdvfiq+2YA0/X2YOXnYKMf3a/WUy0hCYt75YnMPAWWLkDJwP1Or8+MuGo6oYrJu
        jb5ZuIoryGMAhyKr94XqdQrm5WpLthSPnTNjytlvzQKBgQDmNkU5QOGz/PBG6Mm4
        VNgl2VOJvGyFnd0dWrL6fkwpnNVj5AJNUmTxnTX3ApCzdbFmKLFH9j6azjJ4D9ve
        HDCIXvjxhVU/5gbilOVuGIjhIMYrZ9q0Yde3OUBdGETqtCX0rchGKVZQQ6u/6cmu
        JGwTnnutAsC/GiHzlK4EvHIJXQKBgQC7t+pQKJlhXhjWXZEvAwHfveEhGHBq9A/1
        DVWKlsIIT7FzbbENKuUWVL+VJKvDZRBZwxREArsMpG7+tJsFXyPttoZ3vUBxOvcJ
        sA+38KdvTeEvMLbsJmkVf2kHApCBX2brBv0RR5Jk9RGV0WnQzpYckFzian8aof95
        T35jZd64UwKBgQCV12MtRebiwVMfxGtv+IGL+S3fq+4y9jKy5ZMzajtmpndaglFh
        RK0BeuNiOKA4vvVN2lSx0zyihG3jKedhZZXNXYvJoJCBe9alamb/Rybo6e0y2XFI
        EZtX3gLf1WkeH03JOcfuqv9MVQ+YZbJpD7ns9y3mybDtcjQBGJg/6uyK3QKBgEHp
        3livKMxLoiUDTctYHvxVTAu27SJg+IlvWS4EqbUJZqHFTnn1KeOhdnQEIFvHzOn3
        2dHXs55IzsCY4iYMtizt/mFlDo+zyLKaI6rO0bv/eKZ9UH2zLwrhZhuUBvGmchjs
        p0e9/eV9N+OHWMR9BbCZ8EOAaYkMgQwzoYl9Z6sJAoGBAIQ2OmLCkKDjfKZc8+1c
        Z3p6/Spi1Z3Hpm1KmXiPd3kpWDQpkYHNF2Z6vb7vVP5M0UAZB7iVmsgWpb3LkC03
        vOMq34I4g1wHDJ8CZ/lgWGssB5NtPXBTlbRnpVGJV+QLavCYa0d/4XoueloZKPzI
        zHAx7J9yUqEYnpMCY/M2wPsu
        -----END PRIVATE KEY-----
        """;

    /// <summary>The merchant app's public key: the emulator verifies requests with it.</summary>
    public const string AppPublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqM8IEf8Qn9OCOgUGmq6P
        ULWRbjyw9FYRVCWMx0J81OwgS1L2G5GA6Sw5thaYRYQ3W/1fXNmyr/fqGtWMExnt
        hjWE/9X8zsO331Py0HWmxAZLJLjaMhfvMcYx574Z+f7qCa6bkRiro/a1U01IuiMq
        d3zv6MlTdsxxKuqlwJlJnZYKj/ib3SnAtwAEBScKhDAXX/BnC3GuM159xnWr+bXi
        X8Q4Ldf65Si6eqhJSTUwPDNVUvRQc9ZiYX4wNR3A4Nt+wG2qKYjbLWBHJoeYsFbL
        y9S4nl9PSvBe0UZnwhfLdxPewmQCR8SQnBEbO4F4ufA3o6rhk7vjQoF2JKCH31nh
        JwIDAQAB
        -----END PUBLIC KEY-----
        """;

    /// <summary>The emulator's "Alipay" private key: it signs notifications, returns and responses with it.</summary>
    public const string AlipayPrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCfffkWuiTRQB4G
        G2mQHLTdbHzpHKpEkP3OclTi6WrsuebxZOfR0OCmMIne2yabDTVJXxkcfSMqbrsN
        Z3G1iSwzj3XnjEtK3uDVy6iRUTHkOwtdf6IS1Hw7fFwEykXxVxhpt9H+jXuia/cr
        hDaHCdHtJYVvgALSlTNGV6bYLMfxL1la2VEkOF1PAYnDMC2jVSLvgJ7zsEIRhxS7
        0Kdm3tG/6Xas6oB8jQQTU7teVZYfHHUnC0FzG0vOTAEhXwzz663cZ9afmuwbiIy/
        JmpmAL0a5PBGai3geqHMYTwbOXmpc/qG+F3xmhllcAF1BZycktYkjs+mECo3wUrh
        hM8sDub1AgMBAAECggEADYnI6gf09homMkiDZms5Yw5BcBwxy84u7SZBVF2R6PRC
        yTzSfLnpR9IY8eTSWxj86/R5kjSBFqn9kL62JT22lc3YqUX8YieXGC7IaUVmIcRt
        S4t4+3Yz8Wy19uYgl8LX3Klw1tW1p+zYN0Zqxn2r5yBnOja4hp2Jk6//BpyOgEdt
        VJjOsltQMXu+B4ObqFNDyPx1yw3lNO0iRQF739f/KgOtHG2jXBy9aEf/260ceOS7
        0gvvZTivc2CAdDjnxKp1so5cbvTCHxZOME1rj92j/wJsvFSPvrpLsD2nHFvugAEu
        0X/WJa7ryxsRpQfWx0OUZ21SJLqHMSwgI6AKuxASZQKBgQDMzdCd18yTl22aJJZj
        +3UmXNiJLqYnJN+bjlf3WxwOgJipYS5r1SjNcJ/i5pElqP04ZLjN2zjCSlMdyU2l
        yy1W40YRQtf7dHQIqXn0MPPwOIgRzsIyRO2nMBJpwN7LuTpU7wKnGuhXYfD2rtoI
        CH3xfDjn6MofUsZbmP4VIHjqywKBgQDHXHpxtv/B8wlZ6PupK32vtfD8/PdRU4kX
        nMFPZHGtknplkNHbayYcW61xT0XKPjNEuvhrWUvXmxNbPAa6JmLWrF7iP00JmgmN
        B7+FAxCUhyKTVKsnlnyfj8Z0A8qxzo3qISgHTQEeGFlRi7Rm1NvkSgK5TfhpzEy9
        r+AILfh9PwKBgQCME1jUHHz3lWKJQuz5hUsi6e3QJe/OZhHqOvk/XTlbUekYMDen
        2SsHGDjC4B/2Oha3M2ySn5W6jUs73CsXcleYTenmdGl0urmCEyguNC0j6AZo55k6
        +Jny95YgbqHzhMS4wqB12pl+6qX8kqrdQ7GgMO5a74UO13aDv6hImuUY8QKBgQC1
        VaW+J2EtLf40fNnjvz5cg9aGlyXyIFSTWK7wowFPiuuv1HE97pFEvBLf/OYTFk6V
        1qc9JYT5wQFzO/82dNH0R+cqTb+p2yWS1RhcSTRclSpa7mmb4aLLlABD6GsHHkUx
        UCVTtrQshqM/rB5UZor4dGVT3dr1iLHI29+gMQhUCwKBgQCXfIDJ6uMGf+5NjWiJ
        NS8sAZGpmM4UDV/H3/rFv5H1yWhvp6jeHOH0SiyVsupZu/sBuis4CZWj+gu0ujCd
        HQYQUBmo/tN0xYQQSnjV16ye5caV5YO7gZWucY8WzB+wgurSqwAfo9bOxUzlxRkH
        Wr8ToLz16Oq5hntO2N4NXpLT0Q==
        -----END PRIVATE KEY-----
        """;

    /// <summary>The emulator's "Alipay" public key: the platform verifies with it (支付宝公钥).</summary>
    public const string AlipayPublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAn335Frok0UAeBhtpkBy0
        3Wx86RyqRJD9znJU4ulq7Lnm8WTn0dDgpjCJ3tsmmw01SV8ZHH0jKm67DWdxtYks
        M49154xLSt7g1cuokVEx5DsLXX+iEtR8O3xcBMpF8VcYabfR/o17omv3K4Q2hwnR
        7SWFb4AC0pUzRlem2CzH8S9ZWtlRJDhdTwGJwzAto1Ui74Ce87BCEYcUu9CnZt7R
        v+l2rOqAfI0EE1O7XlWWHxx1JwtBcxtLzkwBIV8M8+ut3GfWn5rsG4iMvyZqZgC9
        GuTwRmot4HqhzGE8Gzl5qXP6hvhd8ZoZZXABdQWcnJLWJI7PphAqN8FK4YTPLA7m
        9QIDAQAB
        -----END PUBLIC KEY-----
        """;
}
