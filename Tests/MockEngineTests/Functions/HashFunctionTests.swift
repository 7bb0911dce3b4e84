import XCTest

@testable import MockEngine

/// The digests the engine computes itself, against the published test vectors (RFC 1321, FIPS 180-4
/// examples, the CRC-32 check value).
final class HashFunctionTests: XCTestCase {
    private let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)

    func testMD5_MatchesRFC1321() {
        let cases: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"), ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            (
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a"
            ),
        ]
        for (message, digest) in cases { XCTAssertEqual(MessagePadding.hex(MD5.digest(Array(message.utf8))), digest, message) }
    }

    func testSHA1_MatchesFIPS180() {
        XCTAssertEqual(MessagePadding.hex(SHA1.digest(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(MessagePadding.hex(SHA1.digest(twoBlocks)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    func testSHA2_MatchesFIPS180() {
        let abc = Array("abc".utf8)
        let cases: [([UInt8], Int, String)] = [
            (abc, 224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"),
            (abc, 256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (twoBlocks, 256, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            (abc, 384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
            (
                abc, 512,
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
            ),
        ]
        for (message, bits, digest) in cases {
            XCTAssertEqual(SHA2.digest(message, bits: bits).map(MessagePadding.hex), digest, "SHA-\(bits)")
        }
        XCTAssertNil(SHA2.digest(abc, bits: 1))
    }

    func testCRC32_CheckValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
    }
}
