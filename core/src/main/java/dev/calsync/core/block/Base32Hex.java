package dev.calsync.core.block;

/** RFC 4648 base32hex in lower case: characters every provider accepts in a client-chosen event id or resource name. */
final class Base32Hex {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private Base32Hex() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
