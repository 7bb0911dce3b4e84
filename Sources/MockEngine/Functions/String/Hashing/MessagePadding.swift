/// The Merkle–Damgård padding MD5 and the SHA family share: a 1 bit, zeros, then the message length in
/// bits in the last `lengthBytes` bytes of a block (`blockBytes` long), big- or little-endian.
enum MessagePadding {
    static func padded(_ message: [UInt8], blockBytes: Int, lengthBytes: Int, bigEndian: Bool) -> [UInt8] {
        var bytes = message
        bytes.append(0x80)
        while bytes.count % blockBytes != blockBytes - lengthBytes { bytes.append(0) }
        let bits = UInt64(message.count) &* 8
        var length = [UInt8](repeating: 0, count: lengthBytes)
        for index in 0..<8 {
            let byte = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(index)))
            length[bigEndian ? lengthBytes - 1 - index : index] = byte
        }
        return bytes + length
    }

    /// Lower-case hexadecimal, two digits a byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var out = String.UnicodeScalarView()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(out)
    }
}
