// Real registrations made by real YubiKeys, copied as data (base64url) from public WebAuthn
// test suites. Only the attestation object, the clientDataJSON and the rp id are copied; each
// entry names the repository, file, commit and the fixture's name there.
//
// Sources:
//   Yubico/java-webauthn-server, webauthn-server-core/src/test/scala/com/yubico/webauthn/test/RealExamples.scala,
//     commit 0e71ebbf647e5a5a7876fff1801298a7f1670bc3
//   duo-labs/py_webauthn, tests/test_verify_registration_response_packed.py,
//     commit b4bf63ffe3332b70414cb7bf4a892ee6877e9f7f

/// One registration as a relying party received it.
struct RealAttestation {
    /// Fixture name in the source file.
    let source: String
    let rpID: String
    /// clientDataJSON, base64url.
    let clientDataJSON: String
    /// Attestation object, base64url.
    let attestationObject: String
}

enum RealAttestations {
    /// YubiKey 5 Nano, firmware 5.1: UP, UV and AT set.
    static let yubiKey5Nano = RealAttestation(
        source: "RealExamples.YubiKey5Nano", rpID: "example.com",
        clientDataJSON: "eyJ0eXBlIjogIndlYmF1dGhuLmNyZWF0ZSIsICJjbGllbnRFeHRlbnNpb25zIjoge30sICJjaGFsbGVuZ2UiOiAiWTJoaGJHeGxibWRsIiwgIm9yaWdpbiI6ICJodHRwczovL2V4YW1wbGUuY29tIn0",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEgwRgIhAMw3heLnLh7oOq4gwxQRviDPT0_VDxys8Kq2MFOfTZBzAiEAtL3D" +
            "6ZqtiupoAMqntqi07OrEl5RJGJkoZ7bLwepVJQBjeDVjgVkCwTCCAr0wggGloAMCAQICBBisRsAwDQYJKoZIhvcNAQELBQAwLjEs" +
            "MCoGA1UEAxMjWXViaWNvIFUyRiBSb290IENBIFNlcmlhbCA0NTcyMDA2MzEwIBcNMTQwODAxMDAwMDAwWhgPMjA1MDA5MDQwMDAw" +
            "MDBaMG4xCzAJBgNVBAYTAlNFMRIwEAYDVQQKDAlZdWJpY28gQUIxIjAgBgNVBAsMGUF1dGhlbnRpY2F0b3IgQXR0ZXN0YXRpb24x" +
            "JzAlBgNVBAMMHll1YmljbyBVMkYgRUUgU2VyaWFsIDQxMzk0MzQ4ODBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHnqOyx8SXAQ" +
            "YiMM0j_rYOUpMXHUg_EAvoWdaw-DlwMBtUbN1G7PyuPj8w-B6e1ivSaNTB69N7O8vpKowq7rTjqjbDBqMCIGCSsGAQQBgsQKAgQV" +
            "MS4zLjYuMS40LjEuNDE0ODIuMS43MBMGCysGAQQBguUcAgEBBAQDAgUgMCEGCysGAQQBguUcAQEEBBIEEMtpSB6P90A5k-wKJymh" +
            "VKgwDAYDVR0TAQH_BAIwADANBgkqhkiG9w0BAQsFAAOCAQEAl50Dl9hg-C7hXTEceW66-yL6p-CE2bq0xhu7V_PmtMGKSDe4XDxO" +
            "2-SDQ_TWpdmxztqK4f7UkSkhcwWOXuHL3WvawHVXxqDo02gluhWef7WtjNr4BIaM-Q6PH4rqF8AWtVwqetSXyJT7cddT15uaSEts" +
            "N21yO5mNLh1DBr8QM7Wu-Myly7JWi2kkIm0io1irfYfkrF8uCRqnFXnzpWkJSX1y9U4GusHDtEE7ul6vlMO2TzT566Qay2rig3dt" +
            "NkZTeEj-6IS93fWxuleYVM_9zrrDRAWVJ-Vt1Zj49WZxWr5DAd0ZETDmufDGQDkSU-IpgD867ydL7b_eP8u9QurWeWhhdXRoRGF0" +
            "YVjEo3mm9u6vuaVeN4wRgDTidR5oL6ufLTCrE9ISVYbOGUdFAAAAyMtpSB6P90A5k-wKJymhVKgAQApDelLpYd9AP-NbX7v8lJel" +
            "Mv5xVvJq1u4va8qaLTf2e4Tf7QL7F4nkZZnfTVBv74xF0i8794sPbpK--e0N8-SlAQIDJiABIVggXaCve37FWbdyNEXiSmuDUdsc" +
            "0K-UDHnYEQ-Sc3PHxcAiWCD7VMEBw6F_IOsfg7DISuN8aT70W14W1NQCX0xjQSUnsw")

    /// YubiKey 5 NFC FIPS, firmware 5.4: UP, UV, AT and ED set.
    static let yubiKey5NFCFIPS = RealAttestation(
        source: "RealExamples.YubikeyFips5Nfc", rpID: "demo.yubico.com",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQmtSblhZSFZiaVVFSllQUGNWQU9pZyIsIm9yaWdpbiI6Imh0dHBzOi8vZGVtby55dWJpY28uY29tIiwiY3Jvc3NPcmlnaW4iOmZhbHNlLCJvdGhlcl9rZXlzX2Nhbl9iZV9hZGRlZF9oZXJlIjoiZG8gbm90IGNvbXBhcmUgY2xpZW50RGF0YUpTT04gYWdhaW5zdCBhIHRlbXBsYXRlLiBTZWUgaHR0cHM6Ly9nb28uZ2wveWFiUGV4In0",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIhAMrVMrCPZDK3RNFKKdDOYoSPsEqgSecbvfUIuPk84nIwAiA6Vbne" +
            "oEArKqgrwWnDcQi03kyWQrPmr3JqHtPUXNGitWN4NWOBWQLwMIIC7DCCAdSgAwIBAgIJAN1TJeaFJ6cVMA0GCSqGSIb3DQEBCwUA" +
            "MC4xLDAqBgNVBAMTI1l1YmljbyBVMkYgUm9vdCBDQSBTZXJpYWwgNDU3MjAwNjMxMCAXDTE0MDgwMTAwMDAwMFoYDzIwNTAwOTA0" +
            "MDAwMDAwWjBvMQswCQYDVQQGEwJTRTESMBAGA1UECgwJWXViaWNvIEFCMSIwIAYDVQQLDBlBdXRoZW50aWNhdG9yIEF0dGVzdGF0" +
            "aW9uMSgwJgYDVQQDDB9ZdWJpY28gVTJGIEVFIFNlcmlhbCAxNzEzNzIyMzMzMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEDeoY" +
            "3vFmcuLvf1SL2oqIV5WaVs9VGyB4GPmtxdHY84v_-R2wtLKvAfjIH9eTIq3-Ev3-UQLipTY0Bb9Xn9Sp3KOBlDCBkTATBgorBgEE" +
            "AYLECg0BBAUEAwUEAjAQBgkrBgEEAYLECgwEAwIBBDAiBgkrBgEEAYLECgIEFTEuMy42LjEuNC4xLjQxNDgyLjEuNzATBgsrBgEE" +
            "AYLlHAIBAQQEAwIEMDAhBgsrBgEEAYLlHAEBBAQSBBDB-aC8HdJASrJ_jikEekP9MAwGA1UdEwEB_wQCMAAwDQYJKoZIhvcNAQEL" +
            "BQADggEBAGl5dmZIe5GOHFOAvVUaWFWyet89UCHWKmLBTXXfuoPwYqatxGhVqIeiV4nAuFF127294SzJcMgzycToui5_g8OUonTv" +
            "s9xWF9yH23fXjGcBWoGErlF7DqkycOz2NtjPhGwEfBnE--0_KRc_IN6bu7u_XPXNwNmCLcg0reERI23NO_ZftcWebjRBCwY3p6l0" +
            "ahalKmrgqOi7bhU1AjbHmiEvJgeBcpZphS87eikierMO5PmwvdbV3okNseEoaeoHDDQ7Av6RwCtKCXwYupRs6sULgUwo0fz2znUR" +
            "A-zSuTzK4iZ_hmQvRVJtQBPtfpwBEmNEdwwZ1A-VxfspsYzA7AVoYXV0aERhdGFYn8Rs74KtG1Rkd1kdAIsIdZ7D5tLstPOUdL_q" +
            "aWmSXQO3xQAAAALB-aC8HdJASrJ_jikEekP9ADCoKvXSwuTSIXADOmvBwyJiDqQ6hh3epKxT2gFcv7_fe7KF6ZidYuy5hytIti-j" +
            "yUSkAQEDJyAGIVggqCr10sLk0iFwAzprwb1UlYO_I5e1odNDyARvWzyHZkuha2NyZWRQcm90ZWN0Ag")

    /// YubiKey Bio FIDO Edition, firmware 5.5.6: UP, UV, AT and ED set.
    static let yubiKeyBio556 = RealAttestation(
        source: "RealExamples.YubikeyBio_5_5_6", rpID: "demo.yubico.com",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQnhoWTY4ZGczeHNNVmFRaWRqaW1BdyIsIm9yaWdpbiI6Imh0dHBzOi8vZGVtby55dWJpY28uY29tIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEgwRgIhAMSgpu1ru29YJex9vN8Zmt7RJkvOj_DmD2Cnfz8nhVmLAiEA8qnz" +
            "6llKsjWfZ1OYrR4AIS3JTIXsQgbmeK61pzuesYJjeDVjgVkC3DCCAtgwggHAoAMCAQICCQD_h2wtr3N5yDANBgkqhkiG9w0BAQsF" +
            "ADAuMSwwKgYDVQQDEyNZdWJpY28gVTJGIFJvb3QgQ0EgU2VyaWFsIDQ1NzIwMDYzMTAgFw0xNDA4MDEwMDAwMDBaGA8yMDUwMDkw" +
            "NDAwMDAwMFowbjELMAkGA1UEBhMCU0UxEjAQBgNVBAoMCVl1YmljbyBBQjEiMCAGA1UECwwZQXV0aGVudGljYXRvciBBdHRlc3Rh" +
            "dGlvbjEnMCUGA1UEAwweWXViaWNvIFUyRiBFRSBTZXJpYWwgNzYyMDg3NDIzMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEJfEj" +
            "oEgoP8V5bM-IfZlIn9k1wkGYxLXY1bLCv9fdXRWv5FtwcHdlZ9W1sLI-BFYLW-p3tIOx9kkeU6PyvuajmqOBgTB_MBMGCisGAQQB" +
            "gsQKDQEEBQQDBQUGMCIGCSsGAQQBgsQKAgQVMS4zLjYuMS40LjEuNDE0ODIuMS45MBMGCysGAQQBguUcAgEBBAQDAgUgMCEGCysG" +
            "AQQBguUcAQEEBBIEENhSLZ9XW0hmiKm6mfoC81swDAYDVR0TAQH_BAIwADANBgkqhkiG9w0BAQsFAAOCAQEAUrBpSduq0aZMG6nr" +
            "wZizF-wx-aNzY7pRYbNC46ScrVBPNOdCi7iW6c_SjQOtEM4yWgaDjptsTssXrUDQkKFsnnw0SYMy_4U7YnR-j83wDa5idW5XvUCx" +
            "bWd5B6g1wENaLrzpsLkGnKEiv52WSnMgavdP88ABROv_PefHdY0xR8jC-f6HwS8qlnWiBGsBB2NhqZchhx-nj7DeKUW1efkWbEit" +
            "L9UMPOVsgiGnUIP2VhGTlDaP8X0skgxjoJ8B7SUBFGt98as5cKKjKTj6mlF69HEIXhYLPKeXZCMXRrpqu6aODRPOJZeWvNKgOtg8" +
            "dOFTMTKOq0OOakGXyxLsb9HjiGhhdXRoRGF0YVifxGzvgq0bVGR3WR0Aiwh1nsPm0uy085R0v-ppaZJdA7fFAAAABNhSLZ9XW0hm" +
            "iKm6mfoC81sAMIg_92bCZgLh2oUu6QF2XrSYZKh-qP1J3wf1SgOOkcMnF499E7JiLPi5YhY_308TfKQBAQMnIAYhWCCIP_dmwmYC" +
            "4dqFLukBggD0oYvvkNUWXNzokKlsiK0_vaFrY3JlZFByb3RlY3QC")

    /// YubiKey Bio FIDO Edition, firmware 5.5.4: UP, UV and AT set.
    static let yubiKeyBio554 = RealAttestation(
        source: "RealExamples.YubikeyBio_5_5_4", rpID: "demo.yubico.com",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoicnJIQmg3Q01yZElYTE0zMFBkOFZ1Ulg3TV9xVXl5VEpCWDRUN2xONUVRRSIsIm9yaWdpbiI6Imh0dHBzOi8vZGVtby55dWJpY28uY29tIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEYwRAIgGSqwfT67zXQVsgBU_TvN1MGbZkR5KEyzzMMbS9cJQJsCIDZJ90wx" +
            "LjNnpzNZ-Ns64cmgwixb0CJcXdfVM35EBgm0Y3g1Y4FZAt0wggLZMIIBwaADAgECAgkAtcaOPpfL6PYwDQYJKoZIhvcNAQELBQAw" +
            "LjEsMCoGA1UEAxMjWXViaWNvIFUyRiBSb290IENBIFNlcmlhbCA0NTcyMDA2MzEwIBcNMTQwODAxMDAwMDAwWhgPMjA1MDA5MDQw" +
            "MDAwMDBaMG8xCzAJBgNVBAYTAlNFMRIwEAYDVQQKDAlZdWJpY28gQUIxIjAgBgNVBAsMGUF1dGhlbnRpY2F0b3IgQXR0ZXN0YXRp" +
            "b24xKDAmBgNVBAMMH1l1YmljbyBVMkYgRUUgU2VyaWFsIDEwNDk1NDQzNzMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQXmY7a" +
            "JqXBb5wsBbCAeJFdFa3Fzz8VU1qdJxUCgPf2MNcoMnikaKg0yp_bakKjCNIqmsb75RhUzS5UQHwVOAe0o4GBMH8wEwYKKwYBBAGC" +
            "xAoNAQQFBAMFBQQwIgYJKwYBBAGCxAoCBBUxLjMuNi4xLjQuMS40MTQ4Mi4xLjkwEwYLKwYBBAGC5RwCAQEEBAMCBSAwIQYLKwYB" +
            "BAGC5RwBAQQEEgQQ2FItn1dbSGaIqbqZ-gLzWzAMBgNVHRMBAf8EAjAAMA0GCSqGSIb3DQEBCwUAA4IBAQB9yNliBCNlTGBrhYTT" +
            "qHJm73KjMszL24buZcvifix-GRYk7D8I0_BQ20mQ_CITqqGTr5cvxjIKVw_2ed-326hITlhaWiwwEnwuI5afqwd72ObWczklHNvo" +
            "V-uWtM9YVfk9H7VZqtQTMb3m8O-UWmkCGxLdqTprgTUSF_Tmk6KPyF1S6es6RJvk9vxyJ0T_EFkr9yAPlDzqtc9hEAUEPP5xpzEW" +
            "RYon6T12AUW6wQwlkiA8q4gFIQfTGks1JX6ob_1nTvigO3EYB4wP3EIAJ-0HkpprKKDl4mRv_7b_BPuANq4jMr_9YkYs8XrmuUHd" +
            "F0PwRzYPN4KtovuG0YdFA0ObaGF1dGhEYXRhWMTEbO-CrRtUZHdZHQCLCHWew-bS7LTzlHS_6mlpkl0Dt0UAAAAB2FItn1dbSGaI" +
            "qbqZ-gLzWwBAvPVBBCgvthNO8DNbim45zueAndDzuMAQDBXL_bVsH9uXfKkrza7ya2DM_xka1hYW-K2d97qNRJmoAeetc5haaKUB" +
            "AgMmIAEhWCDqr-a3QuoQk4VqspgOfHlkS2Rk-NpsHL5Rs4rbxE2DQiJYICjaw5BRuZKz5CPZRjiDJFOq51wbOrUggICGmC88-ZXq")

    /// YubiKey 5 NFC, firmware 5.1 (named "YubiKey5" in the source): UP and AT, no UV.
    static let yubiKey5NFC51 = RealAttestation(
        source: "RealExamples.YubiKey5", rpID: "example.com",
        clientDataJSON: "eyJ0eXBlIjogIndlYmF1dGhuLmNyZWF0ZSIsICJjbGllbnRFeHRlbnNpb25zIjoge30sICJjaGFsbGVuZ2UiOiAiWTJoaGJHeGxibWRsIiwgIm9yaWdpbiI6ICJodHRwczovL2V4YW1wbGUuY29tIn0",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIgCrcg9FJhbV35puNRlN36gSO9_YNWweirVdB2n3Ojez0CIQDOvSCu" +
            "sMldIS57ittkKJ9cne9RYQS6a--ivsKFYWrAIWN4NWOBWQLAMIICvDCCAaSgAwIBAgIEA63wEjANBgkqhkiG9w0BAQsFADAuMSww" +
            "KgYDVQQDEyNZdWJpY28gVTJGIFJvb3QgQ0EgU2VyaWFsIDQ1NzIwMDYzMTAgFw0xNDA4MDEwMDAwMDBaGA8yMDUwMDkwNDAwMDAw" +
            "MFowbTELMAkGA1UEBhMCU0UxEjAQBgNVBAoMCVl1YmljbyBBQjEiMCAGA1UECwwZQXV0aGVudGljYXRvciBBdHRlc3RhdGlvbjEm" +
            "MCQGA1UEAwwdWXViaWNvIFUyRiBFRSBTZXJpYWwgNjE3MzA4MzQwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQZnoecFi233Dnu" +
            "SkKgRhalswn-ygkvdr4JSPltbpXK5MxlzVSgWc-9x8mzGysdbBhEecLAYfQYqpVLWWosHPoXo2wwajAiBgkrBgEEAYLECgIEFTEu" +
            "My42LjEuNC4xLjQxNDgyLjEuNzATBgsrBgEEAYLlHAIBAQQEAwIEMDAhBgsrBgEEAYLlHAEBBAQSBBD6K5ncnjlCV4-SSjDSPEEY" +
            "MAwGA1UdEwEB_wQCMAAwDQYJKoZIhvcNAQELBQADggEBACjrs2f-0djw4onryp_22AdXxg6a5XyxcoybHDjKu72E2SN9qDGsIZSf" +
            "Dy38DDFr_bF1s25joiu7WA6tylKA0HmEDloeJXJiWjv7h2Az2_siqWnJOLic4XE1lAChJS2XAqkSk9VFGelg3SLOiifrBet-ebdQ" +
            "wAL-2QFrcR7JrXRQG9kUy76O2VcSgbdPROsHfOYeywarhalyVSZ-6OOYK_Q_DLIaOC0jXrnkzm2ymMQFQlBAIysrYeEM1wxiFbwD" +
            "t-lAcbcOEtHEf5ZlWi75nUzlWn8bSx_5FO4TbZ5hIEcUiGRpiIBEMRZlOIm4ZIbZycn_vJOFRTVps0V0S4ygtDdoYXV0aERhdGFY" +
            "xKN5pvbur7mlXjeMEYA04nUeaC-rny0wqxPSElWGzhlHQQAAAAv6K5ncnjlCV4-SSjDSPEEYAED94RxjDuKGTpu5usg0Vcee9gqq" +
            "hDVGw1__eyvx3YUhH7gba6zYjbwI1e1CZa78jZq8167iUIHbM_kNbyXIHSNhpQECAyYgASFYIIIyZu4ct876xj7sKSV90mbX0PpG" +
            "LuRIRGu6IxnWUhD9Ilggw2qT1jtmMhn-X9raOZxqjWkzfdF8aJqFpvp3QXI-vNY")

    /// YubiKey 5Ci FIPS: UP and AT, no UV.
    static let yubiKey5CiFIPS = RealAttestation(
        source: "RealExamples.Yubikey5ciFips", rpID: "demo.yubico.com",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiaG5aX2gxQzJXMWhJdlR2LVRjelNEUSIsIm9yaWdpbiI6Imh0dHBzOi8vZGVtby55dWJpY28uY29tIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIgNjV3981oAhwpWDaw0VT7o_KK_OZ4MJF1Gx3p68dfgSkCIQClgMNx" +
            "OuNeWlX3OEekplBvZyEdnjrgXHPK4-qxbgb6yWN4NWOBWQLwMIIC7DCCAdSgAwIBAgIJAJt5F3hRiVnmMA0GCSqGSIb3DQEBCwUA" +
            "MC4xLDAqBgNVBAMTI1l1YmljbyBVMkYgUm9vdCBDQSBTZXJpYWwgNDU3MjAwNjMxMCAXDTE0MDgwMTAwMDAwMFoYDzIwNTAwOTA0" +
            "MDAwMDAwWjBvMQswCQYDVQQGEwJTRTESMBAGA1UECgwJWXViaWNvIEFCMSIwIAYDVQQLDBlBdXRoZW50aWNhdG9yIEF0dGVzdGF0" +
            "aW9uMSgwJgYDVQQDDB9ZdWJpY28gVTJGIEVFIFNlcmlhbCAyMDE0ODA0Mzc5MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETAZO" +
            "KKrzwwAt0vCs9bDGCjmvATlCgCkn53Sp13iiRNQHa2HepLsy8Dm-h5K4wqkoKGuo16K1omdeUHSs8syPraOBlDCBkTATBgorBgEE" +
            "AYLECg0BBAUEAwUEAjAQBgkrBgEEAYLECgwEAwIBBDAiBgkrBgEEAYLECgIEFTEuMy42LjEuNC4xLjQxNDgyLjEuNzATBgsrBgEE" +
            "AYLlHAIBAQQEAwICJDAhBgsrBgEEAYLlHAEBBAQSBBCFIDQhSPlDVZvIilOEblCDMAwGA1UdEwEB_wQCMAAwDQYJKoZIhvcNAQEL" +
            "BQADggEBAFybB6BcC0kstjohJiA8Aczi2MQqkVWOUaLTtdrWyPcbSHfiqjjtn2J4lDxrCossqvmwrpAJ6vZ4rvHpv8dcJAFCA8Q0" +
            "2SaMWU_HgBjf3EZsowaxJqTPYsq86UmQG0-Y9BGuLZ1higWE1Pptpgumwkimo7q_H6Hvv0Da2FReEzAHYpwwrDfak-O-s3HEiKRR" +
            "oqAprheNSunp1YXCnq6PCMho-gFbM1ULgx7D3eN_AQfMlhwa7vN7SoDRA93o6Gojdh54Mm2M5KuxX5NmNgfcfn7csvhXuDEw3J6Y" +
            "UE1Nd79bOBFAdSc1ZcQLBGaggIYQwy7p0R8gWh0T4AZEk-GHsMdoYXV0aERhdGFYxMRs74KtG1Rkd1kdAIsIdZ7D5tLstPOUdL_q" +
            "aWmSXQO3QQAAAAKFIDQhSPlDVZvIilOEblCDAECp43L1YZ3opECrhpd__EKA6uCMmhEftV7woLtQndymMNoWu_l6CvmQnuYGWsaI" +
            "eVnQ6QP9e2x36VBO79iavVyupQECAyYgASFYIMMwT-xzGRGxDx68988LHQ2WBrHQ0_ikpBffxxPtyQ92Ilggq9B_tvF9OQzKJddR" +
            "ibjoYmYfZtVk20wt7OKpz_a4FLU")

    /// Security Key by Yubico, firmware 5.1: UP and AT, no UV.
    static let securityKey2 = RealAttestation(
        source: "RealExamples.SecurityKey2", rpID: "example.com",
        clientDataJSON: "eyJ0eXBlIjogIndlYmF1dGhuLmNyZWF0ZSIsICJjbGllbnRFeHRlbnNpb25zIjoge30sICJjaGFsbGVuZ2UiOiAiWTJoaGJHeGxibWRsIiwgIm9yaWdpbiI6ICJodHRwczovL2V4YW1wbGUuY29tIn0",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEYwRAIgMPJLGsBqS-rEdPOtwv50McRd8TLeMUBdqCdN9BQlqjoCICh5colw" +
            "68TfL2QTa9OXPkpobZrePGqlfOzv4bzY9fffY3g1Y4FZAsIwggK-MIIBpqADAgECAgR0hv3CMA0GCSqGSIb3DQEBCwUAMC4xLDAq" +
            "BgNVBAMTI1l1YmljbyBVMkYgUm9vdCBDQSBTZXJpYWwgNDU3MjAwNjMxMCAXDTE0MDgwMTAwMDAwMFoYDzIwNTAwOTA0MDAwMDAw" +
            "WjBvMQswCQYDVQQGEwJTRTESMBAGA1UECgwJWXViaWNvIEFCMSIwIAYDVQQLDBlBdXRoZW50aWNhdG9yIEF0dGVzdGF0aW9uMSgw" +
            "JgYDVQQDDB9ZdWJpY28gVTJGIEVFIFNlcmlhbCAxOTU1MDAzODQyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElV3zrfckfTF1" +
            "7_2cxPMaToeOuuGBCVZhUPs4iy5fZSe_V0CapYGlDQrFLxhEXAoTVIoTU8ik5ZpwTlI7wE3r7aNsMGowIgYJKwYBBAGCxAoCBBUx" +
            "LjMuNi4xLjQuMS40MTQ4Mi4xLjEwEwYLKwYBBAGC5RwCAQEEBAMCBSAwIQYLKwYBBAGC5RwBAQQEEgQQ-KAR84wKTRWABhcRH57c" +
            "fTAMBgNVHRMBAf8EAjAAMA0GCSqGSIb3DQEBCwUAA4IBAQAxXEiA5ppSfjhmib1p_Qqob0nrnk6FRUFVb6rQCzoAih3cAflsdvZo" +
            "NhqR4jLIEKecYwdMm256RusdtdhcREifhop2Q9IqXIYuwD8D5YSL44B9es1V-OGuHuITrHOrSyDj-9UmjLB7h4AnHR9L4OXdrHNN" +
            "OliXvU1zun81fqIIyZ2KTSkC5gl6AFxNyQTcChgSDgr30Az8lpoohuWxsWHz7cvGd6Z41_tTA5zNoYa-NLpTMZUjQ51_2Upw8jBi" +
            "G5PEzkJo0xdNlDvGrj_JN8LeQ9a0TiEVPfhQkl-VkGIuvEbg6xjGQfD-fm8qCamykHcZ9i5hNaGQMqITwJi3KDzuaGF1dGhEYXRh" +
            "WMSjeab27q-5pV43jBGANOJ1Hmgvq58tMKsT0hJVhs4ZR0EAAAAA-KAR84wKTRWABhcRH57cfQBAc17o2YwQc1hkrTX_Plsl34A6" +
            "_rK5Fa6pJGIgkkTgVx3lEF_fnOa-M13COp5hgPrVVuDIGv5HI9gJH9JbOoxJS6UBAgMmIAEhWCDNva3Ohd7wYRZlfmu6V0J8Iy8s" +
            "dGOLTG_dAlDxvRdSjyJYILal-lroy3ltDP4McgzBN5hKd9OSVn6dMgRBVjDWBtsN")

    /// A Yubico preview key with an ML-DSA credential; its leaf chains to "Yubico 2026 FIDO Preview CA", which is not in yubico-roots.pem.
    static let previewCA = RealAttestation(
        source: "RealExamples.Mldsa44", rpID: "demo.yubico.com",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiOFlEZ05aV283SGxzcVpFQUZTUVgtdyIsIm9yaWdpbiI6Imh0dHBzOi8vZGVtby55dWJpY28uY29tIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIgT7KGR0E9JY8sx2YoboQWgjDkAYkx_FR-3YGw3KKiO04CIQDeHPRs" +
            "UbTs_d2Duml0Ry2bRo3Bfwd0MBtJv4D0GkepuWN4NWOBWQLVMIIC0TCCAbmgAwIBAgIJAINejK-2js-UMA0GCSqGSIb3DQEBCwUA" +
            "MCYxJDAiBgNVBAMMG1l1YmljbyAyMDI2IEZJRE8gUHJldmlldyBDQTAeFw0yNjA0MDgyMDAyMDlaFw0yNzEyMzEyMDAyMDlaMG8x" +
            "CzAJBgNVBAYTAlNFMRIwEAYDVQQKDAlZdWJpY28gQUIxIjAgBgNVBAsMGUF1dGhlbnRpY2F0b3IgQXR0ZXN0YXRpb24xKDAmBgNV" +
            "BAMMH1l1YmljbyBGSURPIEVFIFNlcmlhbCA3OTc3MjgzODcwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR09SE74bdHuG4PG50e" +
            "xQy-heNo7c2WFj-kKqYI2DpYbp5IXI6UKEFrI7jS_DFg3XFQd_85XcwIzw-pNalqOvwWo4GDMIGAMBMGCisGAQQBgsQKDQEEBQQD" +
            "BgAAMCMGCSsGAQQBgsQKAgQWMS4zLjYuMS40LjEuNDE0ODIuMS4xMDATBgsrBgEEAYLlHAIBAQQEAwIEMDAhBgsrBgEEAYLlHAEB" +
            "BAQSBBD4oBHzjApNFYAGFxEfntx9MAwGA1UdEwEB_wQCMAAwDQYJKoZIhvcNAQELBQADggEBAIeI5EqkyQkIXj5vQJei49ZcBXJ0" +
            "nYE-bEFtTqprHP-lwyuj8gDKWZUQhWKLQTLCC4cpXe67hgj06Qdw65Cm9nF9wRBL2QDRgO8J7qs1ozGUvuutKxyQa5izIfOpAVtm" +
            "uc3SKqhvOwcWlFJ7SqOKV0bwz_ZCXJBtGxnV-IM4KUF7Jv5gO31Sid4DAtnpJwjh9-R9BFElefNJLIIYPoP2hHAxGNcpRPnCfyAX" +
            "7o26sHQ9qQdLTMs_mUdVO3MLKQ0QDrBrBD7-RBrk0mveT7SNdEIlyJtVwUQfyeqR71cyX4r0xrmsER-jHrHkYIMYWTg4_kb7nrKd" +
            "Vdxrg7HbgAjm8fFoYXV0aERhdGFZBaLEbO-CrRtUZHdZHQCLCHWew-bS7LTzlHS_6mlpkl0Dt0EAAAAC-KAR84wKTRWABhcRH57c" +
            "fQBBV1R8dplu0bP5y7EXN6O2n-DB4xL8d1cVdU5mXbrtvaTZKAA0uA5Knk0QXJmSmH4zbKwEIyyYZfYEuuHYoyAfOvmjAQcDOC8g" +
            "WQUg8Cgnq3RgUPaYOHMmnNlmSgMCMB-3dFrXlZGjYKHl7EKGVFiNkEMfSOxAbEso8JIwVa4U2wpsvnpbkOsMMAJK4bKjNtZ75DsK" +
            "T9FmvQw-_wyG1khLSinJFN64RW7zOi2QC7-Lf_NSOkd03KuwbWKIgwRiNkZ8rwHD_HlFXDR8MSPl4lBlNSscwZG1ItXq164Lac6G" +
            "h_ZuPQn7HGqG05B5itsWMUwfFKdWSzKUks64RK_cNUf3ukjfIJ2rmzTbrKWdrjp5KOXxsoXewcrF5yD4L7Creuy5S9LcME2K2BYR" +
            "WaCfmPgcfxQ3hufNMbEf9wqNQQCEHoYzm98ouNkM_GFD7IPc62LmI0HwBGVA_V8XUR1GngC0t_0lsrbcnLFGJU9hnZ2Q93Kcopv1" +
            "Mn0F-UtFNKOUSBZbvY5dAhJ_HvDLJ56WOpTTUSH9OytcYS8bXBPRU3MO8BAthtNER9Q6Phx6ixYKylWwsR1i2tRvNgKwJWLG0kox" +
            "SJBSPC9D43BupK8AtR5-UvRIvKwsXLqYRmBAW4DN5z2GkH0n9g4bQ5iZmmMkR_RKQ4zcNaSqjvaclwPui6RM3a797TAwk_fuXu7C" +
            "iqUnezl5-C-jDH2-9lNxBKh4Zr2-4Q5EN76OrQBX0S037mzJTqi2U4iC-0h19f3CyObaSkPT6rWPHo3BRsC4_F5BqUdevfYrt8tu" +
            "sgGsvug1OWB3dbjyHN4F1LNh-JhIvPLiCbh9-SeP564kWAGrYlTS-MgMrDydQ7BWyQlXCtNiAGO52PzSuTMXI9KgSJBzgQ3pFK6M" +
            "qYF976yta7RuBXJlqK3RkvyooK88Gc1n84yH9MAV7Tnfydchv3uIQ0kLgfsOsfGIzMFb4uulOWVO9WM-x7hqqYkR-CSXKeJi2IOh" +
            "VV7sgIvNDn1zkf5d2fGcdctsgClCElVHo_Gz3rFUJwY8O-y0D0euqR21Av-R6qpz8ONVPQ2VUeEzhYyDa2vr5wi7srDqiqNNjaj5" +
            "dNQIUz6wcmuuKTs9G6w_LnR5TzXqt-BWSggW8Mq_IQHwyu7BsHwA11MWsWcET21Ms6-Odzn-mqDt2RGGWE_4ZEWSWSxQd56i4giQ" +
            "t80UK4yg21QN-l_u_Yg0_wzZ6TFJUopGXsMgdy99XWA7O9fmtKcMfkmO1WAtphabDDWRmU56CG2phMAjHKGMtD_VjaRBydvxVJF4" +
            "ZVyvm9drS4Ker4l9RUrILGAU2KwhYVFTn3RrnB49DIKVu6NIWlQntHtR4OF7pLecP8VyLB6Q2mxQYTLupEQ2uC6uiEt-kJd1kZZd" +
            "PgkeXp07XWk9EZ-jLCYXTFAdgPk3vGj3R7dj3U5L9TbW06WRsFhXEAZ7qvv0eoxgmHk5nLqHf5dyijccUPO4YSm1x4IMnOCxpSzC" +
            "vn3gbFFQncOSb3cDUZqYRytJenfA1lI620cuSVZmImeGX_50qKzNm_UST3l1t8klFJMFKElUH4bRXwNYoKj36sGNN6PYJeZ5sjEc" +
            "L5Qdncogd2eMLuLImoflBpwmLOFzZu83Blp2jQ012WE1YTnp-A3MS3u_HMPC7-4NmadvgdttxRm911xcTGfCVD2dJVhAYjz-Cyqd" +
            "SO-SeMh0l38y_lUAIRqs4sXuihjkFr9NoPXqh2HKdBHYNqHlUVYw9__lhgp27xcBmmxoWOi6eSkjbK83qTSZj5yHlEIT6qnqs7S1" +
            "bRlvGpx06bsO2hq_OVBhpsCdvGSznswGgHgtjYag8HjO-IIlQSVmGw")

    /// A YubiKey registration with attestation "none" and an all-zero AAGUID.
    static let noneFormat = RealAttestation(
        source: "RealExamples.LargeBlobWrite", rpID: "localhost",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiUkpkSmt3UF9JejcyRHF3Y2xha0JYR3FuX2NqZy1ObEtQVDFOSEFvMDR2RSIsIm9yaWdpbiI6Imh0dHBzOi8vbG9jYWxob3N0Ojg0NDMiLCJjcm9zc09yaWdpbiI6ZmFsc2V9",
        attestationObject:
            "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVjCSZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2PFAAAABAAAAAAAAAAA" +
            "AAAAAAAAAAAAMC22Bw33qBCfiLRvJaun4zVZ4YOpIG3mxo2FhH99macgoYmxr-ICVNThjNJzkEGORqUBAgMmIAEhWCAttgcN96gQ" +
            "n4i0byWrpUb-jQhSjE9J49n5D_krK_f8byJYIFxGgNN7UDpueNRz_FgXoO7Pg5qIFA-LT9y3S7_JdPjboWtjcmVkUHJvdGVjdAI")

    /// Security Key NFC, firmware 5.1, registered through Firefox: UP, UV and AT set.
    static let securityKeyNFCFirefox = RealAttestation(
        source: "py_webauthn test_verify_attestation_from_yubikey_firefox", rpID: "localhost",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiOExCQ2lPWTNxMWNCWkhGQVd0UzRBWlpDaHpHcGh5NjdsSzdJNzB6S2k0eUM3cGdyUTJQY2g3bkFqTGsxd3E5Z3Jlc2hJQXNXMkFqaWJoWGpqSTBUbVEiLCJvcmlnaW4iOiJodHRwOi8vbG9jYWxob3N0OjUwMDAiLCJjcm9zc09yaWdpbiI6ZmFsc2V9",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIhAOfrFlQpbavT6dJeTDJSCDzYSYPjBDHli2-syT2c1IiKAiAx5gQ2" +
            "z5cHjdQX-jEHTb7JcjfQoVSW8fXszF5ihSgeOGN4NWOBWQLBMIICvTCCAaWgAwIBAgIEKudiYzANBgkqhkiG9w0BAQsFADAuMSww" +
            "KgYDVQQDEyNZdWJpY28gVTJGIFJvb3QgQ0EgU2VyaWFsIDQ1NzIwMDYzMTAgFw0xNDA4MDEwMDAwMDBaGA8yMDUwMDkwNDAwMDAw" +
            "MFowbjELMAkGA1UEBhMCU0UxEjAQBgNVBAoMCVl1YmljbyBBQjEiMCAGA1UECwwZQXV0aGVudGljYXRvciBBdHRlc3RhdGlvbjEn" +
            "MCUGA1UEAwweWXViaWNvIFUyRiBFRSBTZXJpYWwgNzE5ODA3MDc1MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEKgOGXmBD2Z4R" +
            "_xCqJVRXhL8Jr45rHjsyFykhb1USGozZENOZ3cdovf5Ke8fj2rxi5tJGn_VnW4_6iQzKdIaeP6NsMGowIgYJKwYBBAGCxAoCBBUx" +
            "LjMuNi4xLjQuMS40MTQ4Mi4xLjEwEwYLKwYBBAGC5RwCAQEEBAMCBDAwIQYLKwYBBAGC5RwBAQQEEgQQbUS6m_bsLkm5MAyP6SDL" +
            "czAMBgNVHRMBAf8EAjAAMA0GCSqGSIb3DQEBCwUAA4IBAQByV9A83MPhFWmEkNb4DvlbUwcjc9nmRzJjKxHc3HeK7GvVkm0H4Xuc" +
            "VDB4jeMvTke0WHb_jFUiApvpOHh5VyMx5ydwFoKKcRs5x0_WwSWL0eTZ5WbVcHkDR9pSNcA_D_5AsUKOBcbpF5nkdVRxaQHuuIuw" +
            "V4k1iK2IqtMNcU8vL6w21U261xCcWwJ6sMq4zzVO8QCKCQhsoIaWrwz828GDmPzfAjFsJiLJXuYivdHACkeJ5KHMt0mjVLpfJ2BC" +
            "ML7_rgbmvwL7wBW80VHfNdcKmKjkLcpEiPzwcQQhiN_qHV90t-p4iyr5xRSpurlP5zic2hlRkLKxMH2_kRjhqSn4aGF1dGhEYXRh" +
            "WMRJlg3liA6MaHQ0Fw9kdmBbj-SuuaKGMseZXPO6gx2XY0UAAAA0bUS6m_bsLkm5MAyP6SDLcwBAsyGQPDZRUYdb4m3rdWeyPaIM" +
            "YlbmydGp1TP_33vE_lqJ3PHNyTd0iKsnKr5WjnCcBzcesZrDEfB_RBLFzU3k46UBAgMmIAEhWCBAX_i3O3DvBnkGq_uLNk_PeAX5" +
            "WwO_MIxBp0mhX6Lw7yJYIOW-1-Fch829McWvRUYAHTWZTx5IycKSGECL1UzUaK_8")

    /// YubiKey 5Ci with an EdDSA (Ed25519) credential: UP and AT, no UV.
    static let yubiKey5CiEdDSA = RealAttestation(
        source: "py_webauthn test_verify_attestation_with_okp_public_key", rpID: "localhost",
        clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiN0pVQmpXWkZkRm96dWx4YjcxRHZIa2gzUDZXS1VHNEVsVW83d0VrS2ljMkpFVEpNQUlLQ2Y3ckJFOVlrc0k1b05qRHpRNkhxaDZFNzNPeTZTUGNNbnciLCJvcmlnaW4iOiJodHRwOi8vbG9jYWxob3N0OjUwMDAiLCJjcm9zc09yaWdpbiI6ZmFsc2V9",
        attestationObject:
            "o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIgB3c0BvOsyJut14wj4XVWxXliicWZMZLDNF621Zz7h_8CIQCIOqRy" +
            "WOazVhqlBrD-HL-83KWAvGZRgvW-4A9SE8BLFWN4NWOBWQLBMIICvTCCAaWgAwIBAgIEK_F8eDANBgkqhkiG9w0BAQsFADAuMSww" +
            "KgYDVQQDEyNZdWJpY28gVTJGIFJvb3QgQ0EgU2VyaWFsIDQ1NzIwMDYzMTAgFw0xNDA4MDEwMDAwMDBaGA8yMDUwMDkwNDAwMDAw" +
            "MFowbjELMAkGA1UEBhMCU0UxEjAQBgNVBAoMCVl1YmljbyBBQjEiMCAGA1UECwwZQXV0aGVudGljYXRvciBBdHRlc3RhdGlvbjEn" +
            "MCUGA1UEAwweWXViaWNvIFUyRiBFRSBTZXJpYWwgNzM3MjQ2MzI4MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEdMLHhCPIcS6b" +
            "SPJZWGb8cECuTN8H13fVha8Ek5nt-pI8vrSflxb59Vp4bDQlH8jzXj3oW1ZwUDjHC6EnGWB5i6NsMGowIgYJKwYBBAGCxAoCBBUx" +
            "LjMuNi4xLjQuMS40MTQ4Mi4xLjcwEwYLKwYBBAGC5RwCAQEEBAMCAiQwIQYLKwYBBAGC5RwBAQQEEgQQxe9V_62aS5-1gK3rr-Am" +
            "0DAMBgNVHRMBAf8EAjAAMA0GCSqGSIb3DQEBCwUAA4IBAQCLbpN2nXhNbunZANJxAn_Cd-S4JuZsObnUiLnLLS0FPWa01TY8F7oJ" +
            "8bE-aFa4kTe6NQQfi8-yiZrQ8N-JL4f7gNdQPSrH-r3iFd4SvroDe1jaJO4J9LeiFjmRdcVa-5cqNF4G1fPCofvw9W4lKnObuPak" +
            "r0x_icdVq1MXhYdUtQk6Zr5mBnc4FhN9qi7DXqLHD5G7ZFUmGwfIcD2-0m1f1mwQS8yRD5-_aDCf3vutwddoi3crtivzyromwbKk" +
            "lR4qHunJ75LGZLZA8pJ_mXnUQ6TTsgRqPvPXgQPbSyGMf2z_DIPbQqCD_Bmc4dj9o6LozheBdDtcZCAjSPTAd_uiaGF1dGhEYXRh" +
            "WOFJlg3liA6MaHQ0Fw9kdmBbj-SuuaKGMseZXPO6gx2XY0EAAAACxe9V_62aS5-1gK3rr-Am0ACAWlHiMqH6UhUs-d43z-aGlE3n" +
            "sXuEOQpa9P9pwpqb4tmvtBMBfGvAV2wUrqBCDENjkkxd6kIRzZQKcluyOFlyW_vXVZSAEgod1xj-1QmFpuwyBVnlkQGefRbmUjbE" +
            "t5iE4q3tdjy65EWIekO0SNjCQx3LxIJMzi25fgUkI9Y-gg2kAQEDJyAGIVggnB_oUZDQU0esRlNPmjEO96aMDTgs34D8Dv31tAwh" +
            "UZo")

    /// The leaf of an Apple anonymous attestation (RealExamples.AppleAttestationIos), DER in base64url:
    /// a certificate of another vendor, for splicing into a YubiKey statement.
    static let appleLeafDER =
        "MIICQjCCAcmgAwIBAgIGAXjGFhCzMAoGCCqGSM49BAMCMEgxHDAaBgNVBAMME0FwcGxlIFdlYkF1dGhuIENBIDExEzARBgNVBAoM" +
        "CkFwcGxlIEluYy4xEzARBgNVBAgMCkNhbGlmb3JuaWEwHhcNMjEwNDExMTIzNzE4WhcNMjEwNDE0MTIzNzE4WjCBkTFJMEcGA1UE" +
        "AwxAMzFjNGU5MzZjODBmNjVjZWM3NzFlZmQ4Y2E1YzE0N2VlODFmNjhmNWE4MTlhNTM0MWIwNTk2YmRiZThhYjQ5MTEaMBgGA1UE" +
        "CwwRQUFBIENlcnRpZmljYXRpb24xEzARBgNVBAoMCkFwcGxlIEluYy4xEzARBgNVBAgMCkNhbGlmb3JuaWEwWTATBgcqhkjOPQIB" +
        "BggqhkjOPQMBBwNCAARhzzu_urX0hiOpLe-LMsB6381xbQ1WlhG_O9kV8JPTScFHSvMhMjiK64G6lW1JEWFl8drcaFhS7_DcyjaH" +
        "ez_6o1UwUzAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB_wQEAwIE8DAzBgkqhkiG92NkCAIEJjAkoSIEIL4Hq7kRSmzM0GKSEVGk64Gi" +
        "VfuM9F5KoaQi8GvSisRkMAoGCCqGSM49BAMCA2cAMGQCMBmkr1XDeFHe4Jxr6RQCit9HhKP8eQJybJ3Ob8q57BpgLmWYjBFPD1Io" +
        "RWYAAhNGVQIwQL0_-SxVzkNQe0q36tD2Zcd6ht0bKYdIzvFm1gw05_N7yE-jkcufC1YIHmoXwxBF"
}
